// OpenAPI import: an API from a vLLM-like 3.0 YAML document and an Ollama-like 3.1 JSON document, and
// errors that point at the line a user has to fix in a broken one.
#include "core/ApiValidator.h"
#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"
#include "interop/OpenApiDocument.h"
#include "interop/OpenApiImporter.h"
#include "interop/YamlDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace gatehouse;

namespace {

QByteArray readData(const QString& name) {
    QFile file(QStringLiteral(OPENAPI_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// "POST /v1/chat/completions" -> its summary and sample, in document order.
struct Expected {
    QString key;
    QString summary;
    Json sample;
};

} // namespace

class TestOpenApiImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void locatedParseGivesEveryNodeItsPlace();
    void vllmYamlBecomesAnApi();
    void ollamaJsonBecomesAnApi();
    void optionsOverrideTheDocument();
    void builtApisPassValidation();
    void recursiveSchemasEndAndExternalRefsAreSkipped();
    void serverUrlMustBeAbsoluteUnlessGiven();
    void brokenDocumentsNameTheLine_data();
    void brokenDocumentsNameTheLine();

private:
    void compareOperations(const Api& api, const std::vector<Expected>& expected);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestOpenApiImport::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = std::make_unique<Workspace>();
    QString error;
    QVERIFY2(m_workspace->open(m_dir->filePath(QStringLiteral("ws"))).ok(&error), qPrintable(error));
}

void TestOpenApiImport::cleanup() {
    m_workspace.reset();
    m_dir.reset();
}

void TestOpenApiImport::compareOperations(const Api& api, const std::vector<Expected>& expected) {
    QStringList actualKeys;
    for (const Operation& operation : api.operations)
        actualKeys.append(operation.key());
    QStringList expectedKeys;
    for (const Expected& entry : expected)
        expectedKeys.append(entry.key);
    QCOMPARE(actualKeys, expectedKeys);
    for (const Expected& entry : expected) {
        const Operation* operation = api.operationByKey(entry.key);
        QVERIFY(operation);
        QCOMPARE(operation->summary, entry.summary);
        QVERIFY2(operation->sampleBody == entry.sample,
                 qPrintable(QStringLiteral("%1: got %2, expected %3")
                                .arg(entry.key, toQString(dumpCompact(operation->sampleBody)),
                                     toQString(dumpCompact(entry.sample)))));
        QVERIFY(operation->policies.count() == 0);
    }
}

void TestOpenApiImport::locatedParseGivesEveryNodeItsPlace() {
    const QByteArray text = "openapi: 3.0.3\npaths:\n  /v1/models:\n    get:\n    post: [1, 2]\n";
    const Result<YamlDocument::Located> located = YamlDocument::parseLocated(text, QStringLiteral("t.yaml"));
    QVERIFY2(located, qPrintable(located.error()));
    // The same value as parse().
    QVERIFY(located->value == YamlDocument::parse(text, QStringLiteral("t.yaml")).value());
    const auto at = [&](const std::string& pointer) {
        const auto found = located->positions.find(pointer);
        return found == located->positions.end()
                   ? QStringLiteral("none")
                   : QStringLiteral("%1:%2").arg(found->second.line).arg(found->second.column);
    };
    QCOMPARE(at("/openapi"), QStringLiteral("1:10"));
    QCOMPARE(at("/paths/~1v1~1models"), QStringLiteral("4:5"));
    // An empty value is where its key is, not at the next token.
    QCOMPARE(at("/paths/~1v1~1models/get"), QStringLiteral("4:5"));
    QCOMPARE(at("/paths/~1v1~1models/post"), QStringLiteral("5:11"));
    QCOMPARE(at("/paths/~1v1~1models/post/1"), QStringLiteral("5:15"));

    const Result<YamlDocument::Located> broken =
        YamlDocument::parseLocated("a: [1, 2\n", QStringLiteral("b.yaml"));
    QVERIFY(!broken);
    QCOMPARE(broken.error(), YamlDocument::parse("a: [1, 2\n", QStringLiteral("b.yaml")).error());
}

void TestOpenApiImport::vllmYamlBecomesAnApi() {
    const QByteArray document = readData(QStringLiteral("vllm-openapi.yaml"));
    QVERIFY(!document.isEmpty());
    const Result<Api> built =
        OpenApiImporter::buildApi(document, QStringLiteral("vllm-openapi.yaml"), *m_workspace, {});
    QVERIFY2(built, qPrintable(built.error()));
    const Api& api = built.value();
    QCOMPARE(api.name, QStringLiteral("vLLM OpenAI-Compatible Server"));
    QCOMPARE(api.context, QStringLiteral("vllm-openai-compatible-server"));
    QCOMPARE(api.version, QStringLiteral("0.6.3"));
    QCOMPARE(api.id, QStringLiteral("vllm-openai-compatible-server-0.6.3"));
    QCOMPARE(api.description, QStringLiteral("OpenAI-compatible routes of a local vLLM server."));
    QVERIFY(api.isAiApi());
    QCOMPARE(api.providerId, QStringLiteral("openai-compatible"));
    // servers[0].url with its variables' defaults.
    QCOMPARE(api.endpoints.size(), std::size_t(1));
    QCOMPARE(api.endpoints.front().stage, Stage::Production);
    QCOMPARE(api.endpoints.front().url, QStringLiteral("http://localhost:8000"));

    compareOperations(
        api,
        {
            // The media type's example, as written.
            {QStringLiteral("POST /v1/chat/completions"), QStringLiteral("Create chat completion"),
             Json::parse(R"({"model":"meta-llama/Llama-3.1-8B-Instruct",
                             "messages":[{"role":"user","content":"Say this is a test!"}],"max_tokens":32})")},
            // Assembled through a requestBodies $ref and a schema $ref: required properties and the
            // optional ones with an example, not optional defaults.
            {QStringLiteral("POST /v1/completions"), QStringLiteral("Create completion"),
             Json::parse(R"({"model":"meta-llama/Llama-3.1-8B-Instruct","prompt":"Say this is a test!",
                             "max_tokens":16})")},
            // The first named example, through a components/examples $ref.
            {QStringLiteral("POST /v1/embeddings"), QStringLiteral("Create embedding"),
             Json::parse(R"({"model":"intfloat/e5-mistral-7b-instruct","input":"The food was delicious"})")},
            {QStringLiteral("GET /v1/models"), QStringLiteral("Show available models"), nullptr},
            {QStringLiteral("GET /v1/models/{model}"), QStringLiteral("Retrieve a model"), nullptr},
            // A file upload has no JSON sample.
            {QStringLiteral("POST /v1/audio/transcriptions"), QStringLiteral("Create transcription"),
             nullptr},
            // No summary: the description's first line.
            {QStringLiteral("GET /health"), QStringLiteral("Health check."), nullptr},
        });
}

void TestOpenApiImport::ollamaJsonBecomesAnApi() {
    const QByteArray document = readData(QStringLiteral("ollama-openapi.json"));
    QVERIFY(!document.isEmpty());
    const Result<Api> built =
        OpenApiImporter::buildApi(document, QStringLiteral("ollama-openapi.json"), *m_workspace, {});
    QVERIFY2(built, qPrintable(built.error()));
    const Api& api = built.value();
    QCOMPARE(api.name, QStringLiteral("Ollama API"));
    QCOMPARE(api.context, QStringLiteral("ollama-api"));
    QCOMPARE(api.version, QStringLiteral("0.5.7"));
    QCOMPARE(api.endpoints.front().url, QStringLiteral("http://localhost:11434"));

    const Json chat =
        Json::parse(R"({"model":"llama3.2","messages":[{"role":"user","content":"Why is the sky blue?"}]})");
    Json openAiChat = chat;
    openAiChat["max_tokens"] = 64;
    compareOperations(
        api,
        {
            // 3.1 schemas: "examples" lists, first enum value, a recursive optional property left out.
            {QStringLiteral("POST /api/chat"), QStringLiteral("Generate the next message in a chat"), chat},
            // A JSON media type with parameters.
            {QStringLiteral("POST /api/generate"), QStringLiteral("Generate a completion"),
             Json::parse(R"({"model":"llama3.2","prompt":"Why is the sky blue?"})")},
            {QStringLiteral("GET /api/tags"), QStringLiteral("List local models"), nullptr},
            {QStringLiteral("DELETE /api/delete"), QStringLiteral("Delete a model"),
             Json::parse(R"({"model":"llama3.2"})")},
            // allOf: the referenced schema's sample plus the extra property.
            {QStringLiteral("POST /v1/chat/completions"), QStringLiteral("OpenAI-compatible chat completion"),
             openAiChat},
            // No summary nor description: the operation id.
            {QStringLiteral("GET /v1/models/{model}"), QStringLiteral("retrieveModel"), nullptr},
        });
}

void TestOpenApiImport::optionsOverrideTheDocument() {
    OpenApiImportOptions options;
    options.name = QStringLiteral("LocalLlama");
    options.context = QStringLiteral("llama");
    options.version = QStringLiteral("2.0.0");
    options.providerId = QStringLiteral("openai");
    options.productionUrl = QStringLiteral("http://gpu-box:8000/");
    const Result<Api> built = OpenApiImporter::buildApi(readData(QStringLiteral("vllm-openapi.yaml")),
                                                        QStringLiteral("vllm.yaml"), *m_workspace, options);
    QVERIFY2(built, qPrintable(built.error()));
    QCOMPARE(built->name, QStringLiteral("LocalLlama"));
    QCOMPARE(built->context, QStringLiteral("llama"));
    QCOMPARE(built->version, QStringLiteral("2.0.0"));
    QCOMPARE(built->providerId, QStringLiteral("openai"));
    QCOMPARE(built->endpoints.front().url, QStringLiteral("http://gpu-box:8000/"));
    // The document's operations, not the provider's.
    QVERIFY(built->operationByKey(QStringLiteral("GET /v1/models/{model}")));
    QVERIFY(!built->operationByKey(QStringLiteral("POST /chat/completions")));

    options.providerId = QStringLiteral("no-such-provider");
    const Result<Api> unknown = OpenApiImporter::buildApi(readData(QStringLiteral("vllm-openapi.yaml")),
                                                          QStringLiteral("vllm.yaml"), *m_workspace, options);
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().startsWith(QStringLiteral("unknown provider \"no-such-provider\"")),
             qPrintable(unknown.error()));
}

void TestOpenApiImport::builtApisPassValidation() {
    for (const QString& name : {QStringLiteral("vllm-openapi.yaml"), QStringLiteral("ollama-openapi.json")}) {
        const Result<Api> built = OpenApiImporter::buildApi(readData(name), name, *m_workspace, {});
        QVERIFY2(built, qPrintable(built.error()));
        const ApiValidator validator(PolicyCatalogue::builtin(), m_workspace->provider(built->providerId));
        const ValidationReport report = validator.validate(built.value(), m_workspace->apis());
        QVERIFY2(!report.hasErrors(), qPrintable(report.toStrings().join(QLatin1Char('\n'))));
        // And the workspace takes it.
        QString error;
        QVERIFY2(m_workspace->saveApi(built.value()).ok(&error), qPrintable(error));
    }
    QCOMPARE(m_workspace->apis().size(), std::size_t(2));
    // A second import of the same document gets a new id, and the validator names the clash.
    const Result<Api> again =
        OpenApiImporter::buildApi(readData(QStringLiteral("ollama-openapi.json")),
                                  QStringLiteral("ollama-openapi.json"), *m_workspace, {});
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->id, QStringLiteral("ollama-api-0.5.7-2"));
    const ApiValidator validator(PolicyCatalogue::builtin(), m_workspace->provider(again->providerId));
    QVERIFY(validator.validate(again.value(), m_workspace->apis()).hasErrors());
}

void TestOpenApiImport::recursiveSchemasEndAndExternalRefsAreSkipped() {
    const QByteArray document = R"({
      "openapi": "3.0.1",
      "info": {"title": "Tree", "version": "1"},
      "servers": [{"url": "https://example.test/v1"}],
      "paths": {
        "/nodes": {"post": {"requestBody": {"content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Node"}}}}}},
        "/remote": {"put": {"requestBody": {"content": {"application/json": {
            "schema": {"$ref": "common.yaml#/components/schemas/Thing"}}}}}}
      },
      "components": {"schemas": {"Node": {
        "type": "object", "required": ["name", "children"],
        "properties": {"name": {"type": "string", "example": "root"},
                       "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}
    })";
    const Result<Api> built =
        OpenApiImporter::buildApi(document, QStringLiteral("tree.json"), *m_workspace, {});
    QVERIFY2(built, qPrintable(built.error()));
    // The node inside its own children stops the expansion: children has no sample and is left out.
    QVERIFY2(
        built->operationByKey(QStringLiteral("POST /nodes"))->sampleBody == Json::parse(R"({"name":"root"})"),
        qPrintable(toQString(dumpCompact(built->operationByKey(QStringLiteral("POST /nodes"))->sampleBody))));
    // A schema in another file cannot be read: a JSON body without values.
    QVERIFY(built->operationByKey(QStringLiteral("PUT /remote"))->sampleBody == Json::object());
}

void TestOpenApiImport::serverUrlMustBeAbsoluteUnlessGiven() {
    const QByteArray relative = "openapi: 3.0.3\n"
                                "info: {title: Relative, version: 1.0.0}\n"
                                "servers:\n"
                                "  - url: /v1\n"
                                "paths:\n"
                                "  /models:\n"
                                "    get: {summary: Models}\n";
    const Result<Api> refused =
        OpenApiImporter::buildApi(relative, QStringLiteral("rel.yaml"), *m_workspace, {});
    QVERIFY(!refused);
    QVERIFY2(refused.error().startsWith(
                 QStringLiteral("rel.yaml:4:10: servers[0].url: \"/v1\" is not an absolute")),
             qPrintable(refused.error()));

    OpenApiImportOptions options;
    options.productionUrl = QStringLiteral("http://127.0.0.1:8000/v1");
    const Result<Api> built =
        OpenApiImporter::buildApi(relative, QStringLiteral("rel.yaml"), *m_workspace, options);
    QVERIFY2(built, qPrintable(built.error()));
    QCOMPARE(built->endpoints.front().url, options.productionUrl);

    const QByteArray none =
        "openapi: 3.1.0\ninfo: {title: None, version: 1.0.0}\npaths:\n  /models:\n    get: {}\n";
    const Result<Api> noServer =
        OpenApiImporter::buildApi(none, QStringLiteral("none.yaml"), *m_workspace, {});
    QVERIFY(!noServer);
    QVERIFY2(noServer.error().startsWith(QStringLiteral("none.yaml: the document names no server")),
             qPrintable(noServer.error()));
}

void TestOpenApiImport::brokenDocumentsNameTheLine_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("document");
    // The whole error, or (when it ends in "...") its beginning.
    QTest::addColumn<QString>("expected");

    QTest::newRow("yaml syntax error") << QStringLiteral("syntax.yaml")
                                       << QByteArray("openapi: 3.0.3\n"
                                                     "info:\n"
                                                     "  title: T\n"
                                                     "  version: 1.0.0\n"
                                                     "paths:\n"
                                                     "  /v1/models:\n"
                                                     "    get: {summary: [Models}\n")
                                       << QStringLiteral("syntax.yaml:7:...");
    QTest::newRow("json syntax error")
        << QStringLiteral("syntax.json")
        << QByteArray("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n    \"/a\": {\"get\": {}\n}\n")
        << QStringLiteral("syntax.json:...");
    QTest::newRow("swagger 2.0") << QStringLiteral("swagger.yaml")
                                 << QByteArray("swagger: \"2.0\"\n"
                                               "info:\n"
                                               "  title: Old\n"
                                               "  version: 1.0.0\n"
                                               "paths: {}\n")
                                 << QStringLiteral(
                                        "swagger.yaml:1:10: swagger: Swagger (OpenAPI 2.0) documents are "
                                        "not supported: convert it to OpenAPI 3.0 or 3.1 first");
    QTest::newRow("openapi missing") << QStringLiteral("missing.yaml")
                                     << QByteArray("info:\n  title: T\n  version: 1.0.0\npaths: {}\n")
                                     << QStringLiteral("missing.yaml:1:1: openapi: is required...");
    QTest::newRow("openapi 4") << QStringLiteral("v4.yaml") << QByteArray("openapi: 4.0.0\npaths: {}\n")
                               << QStringLiteral("v4.yaml:1:10: openapi: version \"4.0.0\" is not supported: "
                                                 "Gatehouse reads OpenAPI 3.0.x and 3.1.x");
    QTest::newRow("openapi as a number")
        << QStringLiteral("number.yaml") << QByteArray("info: {title: T}\nopenapi: 3.0\npaths: {}\n")
        << QStringLiteral("number.yaml:2:10: openapi: must be a string such as...");
    QTest::newRow("paths a list") << QStringLiteral("list.yaml")
                                  << QByteArray("openapi: 3.0.3\n"
                                                "info:\n"
                                                "  title: T\n"
                                                "  version: 1.0.0\n"
                                                "paths:\n"
                                                "  - /v1/models\n")
                                  << QStringLiteral(
                                         "list.yaml:6:3: paths: must be an object that maps each path to "
                                         "its operations, not an array");
    QTest::newRow("operation a list") << QStringLiteral("vllm.yaml")
                                      << QByteArray("openapi: 3.0.3\n"
                                                    "info: {title: T, version: 1.0.0}\n"
                                                    "paths:\n"
                                                    "  /v1/chat/completions:\n"
                                                    "    post: [model, messages]\n")
                                      << QStringLiteral("vllm.yaml:5:11: paths./v1/chat/completions.post: an "
                                                        "operation must be an object, not an array");
    QTest::newRow("operation empty") << QStringLiteral("empty.yaml")
                                     << QByteArray("openapi: 3.0.3\n"
                                                   "paths:\n"
                                                   "  /v1/models:\n"
                                                   "    get:\n"
                                                   "  /v1/other:\n"
                                                   "    get: {}\n")
                                     << QStringLiteral(
                                            "empty.yaml:4:5: paths./v1/models.get: an operation must be "
                                            "an object; this one is empty");
    QTest::newRow("operation a string in json")
        << QStringLiteral("op.json")
        << QByteArray(
               "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n    \"/api/tags\": {\n      \"get\": \"list\"\n"
               "    }\n  }\n}\n")
        << QStringLiteral("op.json:5:14: paths./api/tags.get: an operation must be an object, not a string");
    QTest::newRow("path without slash")
        << QStringLiteral("slash.yaml") << QByteArray("openapi: 3.1.0\npaths:\n  v1/models:\n    get: {}\n")
        << QStringLiteral("slash.yaml:3:3: paths.v1/models: a path must start with '/'");
    QTest::newRow("unresolvable ref")
        << QStringLiteral("ref.yaml")
        << QByteArray("openapi: 3.1.0\n"
                      "info:\n"
                      "  title: T\n"
                      "  version: 1.0.0\n"
                      "paths:\n"
                      "  /v1/chat/completions:\n"
                      "    post:\n"
                      "      requestBody:\n"
                      "        content:\n"
                      "          application/json:\n"
                      "            schema:\n"
                      "              $ref: '#/components/schemas/Missing'\n"
                      "components:\n"
                      "  schemas:\n"
                      "    Present: {type: object}\n")
        << QStringLiteral(
               "ref.yaml:12:21: paths./v1/chat/completions.post.requestBody.content.application/json."
               "schema.$ref: \"#/components/schemas/Missing\" does not resolve: the document has no "
               "components.schemas.Missing");
    QTest::newRow("unresolvable ref in a response")
        << QStringLiteral("response.json")
        << QByteArray("{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"get\": "
                      "{\"responses\": {\"200\": {\"$ref\": "
                      "\"#/components/responses/Gone\"}}}}}}")
        << QStringLiteral("response.json:1:77: paths./a.get.responses.200.$ref: "
                          "\"#/components/responses/Gone\" does not resolve...");
    QTest::newRow("ref loop") << QStringLiteral("loop.yaml")
                              << QByteArray("openapi: 3.1.0\n"
                                            "paths:\n"
                                            "  /a:\n"
                                            "    $ref: '#/components/pathItems/B'\n"
                                            "components:\n"
                                            "  pathItems:\n"
                                            "    B:\n"
                                            "      $ref: '#/paths/~1a'\n")
                              << QStringLiteral(
                                     "loop.yaml:4:11: paths./a.$ref: \"#/components/pathItems/B\" leads "
                                     "back to itself through other $refs");
    QTest::newRow("empty document") << QStringLiteral("empty.json") << QByteArray("")
                                    << QStringLiteral("empty.json: the document is empty");
    QTest::newRow("not a mapping") << QStringLiteral("scalar.yaml") << QByteArray("just text\n")
                                   << QStringLiteral(
                                          "scalar.yaml:1:1: an OpenAPI document must be a mapping...");
}

void TestOpenApiImport::brokenDocumentsNameTheLine() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    const Result<Api> built = OpenApiImporter::buildApi(document, fileName, *m_workspace, {});
    QVERIFY2(!built, "a broken document was imported");
    const QString error = built.error();
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    if (expected.endsWith(QLatin1String("...")))
        QVERIFY2(error.startsWith(expected.chopped(3)), qPrintable(error));
    else
        QCOMPARE(error, expected);
}

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "tst_openapiimport.moc"
