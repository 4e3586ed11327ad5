// WSO2 API projects in and out: the seed API survives a round trip through a folder and a zip, no
// secret is written, and a project exported by WSO2 API Manager itself imports.
#include "core/ApiFactory.h"
#include "core/MemorySecretStore.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"
#include "interop/ProjectFiles.h"
#include "interop/Wso2Project.h"
#include "interop/YamlDocument.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

const QString seedRouter = QStringLiteral(
    "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
    "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],"
    "'suspendDuration':30}");
const QString chat = QStringLiteral("POST /chat/completions");

QString fixturePath(const QString& name) {
    return QDir(qEnvironmentVariable("GATEHOUSE_SOURCE_DIR"))
        .filePath(QStringLiteral("tests/interop/data/") + name);
}

PolicyAttachment attachment(const QString& name, Json parameters) {
    PolicyAttachment result;
    result.policyName = name;
    result.parameters = std::move(parameters);
    return result;
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWso2Project : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roundTripKeepsTheSeed_data();
    void roundTripKeepsTheSeed();
    void exportWritesTheApictlLayout();
    void exportContainsNoSecret();
    void gatehouseOnlySettingsAreLeftOutWithAWarning();
    void namedEndpointsTravelInEndpointsYaml();
    void importsAWso2ExportedProject();
    void importReportsWhatItCannotMap();
    void importRefusesAnExistingNameAndVersion();
    void importRefusesAFolderWithoutApiYaml();
    void importNamesTheSpotOfBrokenYaml();
    void importOfABrokenDefinitionNamesTheFile();
    void exportRefusesANonEmptyFolder();

private:
    std::unique_ptr<Workspace> openWorkspace(const QString& name);
    Api seedApi(Workspace& workspace);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWso2Project::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestWso2Project::cleanup() {
    m_dir.reset();
}

std::unique_ptr<Workspace> TestWso2Project::openWorkspace(const QString& name) {
    auto workspace = std::make_unique<Workspace>();
    QString error;
    if (!workspace->open(m_dir->filePath(name)).ok(&error))
        qWarning("cannot open workspace: %s", qPrintable(error));
    return workspace;
}

// The founding scenario's API: SmartChat on OpenAI, the 50/50 weighted router on chat completions and
// an API-level header.
Api TestWso2Project::seedApi(Workspace& workspace) {
    ApiFactory::Request request;
    request.id = workspace.newApiId(QStringLiteral("SmartChat"), QStringLiteral("1.0.0"));
    request.name = QStringLiteral("SmartChat");
    request.context = QStringLiteral("smartchat");
    request.version = QStringLiteral("1.0.0");
    request.productionUrl = QStringLiteral("http://127.0.0.1:8089/v1");
    Api api = ApiFactory::createAiApi(*workspace.provider(QStringLiteral("openai")), request);
    api.endpoint(Endpoint::defaultId(Stage::Production))->hasKey = true;
    Json router = Json::object();
    router["weightedRoundRobinConfigs"] = Wso2AttributeCodec::decode(seedRouter).value();
    api.operationByKey(chat)->policies.request.push_back(
        attachment(QStringLiteral("modelWeightedRoundRobin"), router));
    api.apiPolicies.request.push_back(attachment(
        QStringLiteral("addHeader"), Json::object({{"headerName", "X-Gatehouse"}, {"headerValue", "seed"}})));
    QString error;
    if (!workspace.saveApi(api).ok(&error))
        qWarning("cannot save the seed: %s", qPrintable(error));
    return *workspace.api(api.id);
}

void TestWso2Project::roundTripKeepsTheSeed_data() {
    QTest::addColumn<QString>("destination");
    QTest::newRow("folder") << QStringLiteral("export");
    QTest::newRow("zip") << QStringLiteral("SmartChat.zip");
}

void TestWso2Project::roundTripKeepsTheSeed() {
    QFETCH(QString, destination);
    auto source = openWorkspace(QStringLiteral("source"));
    const Api original = seedApi(*source);
    const QString path = m_dir->filePath(destination);
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*source, original.id, path);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QVERIFY(exported->warnings.isEmpty());

    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, path);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);

    // The weighted router, byte for byte as WSO2 would store it.
    const PolicyAttachment& router = copy->operationByKey(chat)->policies.request.at(0);
    QCOMPARE(router.policyName, QStringLiteral("modelWeightedRoundRobin"));
    QCOMPARE(Wso2AttributeCodec::encode(router.parameters["weightedRoundRobinConfigs"]), seedRouter);
    QCOMPARE(router, original.operationByKey(chat)->policies.request.at(0));

    QCOMPARE(copy->name, original.name);
    QCOMPARE(copy->context, original.context);
    QCOMPARE(copy->version, original.version);
    QCOMPARE(copy->providerId, original.providerId);
    QCOMPARE(copy->lifecycle, original.lifecycle);
    QVERIFY(copy->operations == original.operations);
    QVERIFY(copy->apiPolicies == original.apiPolicies);
    QCOMPARE(copy->endpoints.size(), original.endpoints.size());
    for (std::size_t i = 0; i < original.endpoints.size(); ++i) {
        Endpoint expected = original.endpoints[i];
        expected.hasKey = false; // the key is not part of a project: the user sets it again
        QCOMPARE(copy->endpoints[i], expected);
    }
    // The key-less endpoint is worth a line to the user.
    QVERIFY2(imported->unmapped.filter(QStringLiteral("no API key")).size() == 1,
             qPrintable(imported->unmapped.join(QLatin1Char('\n'))));
}

void TestWso2Project::exportWritesTheApictlLayout() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const Api api = seedApi(*workspace);
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*workspace, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    for (const char* name :
         {"api.yaml", "api_meta.yaml", "deployment_environments.yaml", "Definitions/swagger.yaml"})
        QVERIFY2(QFile::exists(QDir(folder).filePath(QLatin1String(name))), name);
    QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("endpoints.yaml"))));

    const Result<Json> document = YamlDocument::parse(
        readFile(QDir(folder).filePath(QStringLiteral("api.yaml"))), QStringLiteral("api.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const Json& root = document.value();
    QCOMPARE(root["type"], Json("api"));
    QCOMPARE(root["version"], Json("v4.5.0"));
    const Json& data = root["data"];
    QCOMPARE(data["name"], Json("SmartChat"));
    QCOMPARE(data["context"], Json("/smartchat"));
    QCOMPARE(data["version"], Json("1.0.0"));
    QCOMPARE(data["provider"], Json("admin"));
    QCOMPARE(data["lifeCycleStatus"], Json("CREATED"));
    QVERIFY(data["policies"].is_array() && !data["policies"].empty());
    QCOMPARE(data["subtypeConfiguration"]["subtype"], Json("AIAPI"));
    QCOMPARE(data["subtypeConfiguration"]["configuration"]["llmProviderName"], Json("OpenAI"));
    QCOMPARE(data["subtypeConfiguration"]["configuration"]["llmProviderApiVersion"], Json("1.0.0"));
    QCOMPARE(data["endpointConfig"]["production_endpoints"]["url"], Json("http://127.0.0.1:8089/v1"));
    QCOMPARE(data["endpointConfig"]["endpoint_security"]["production"]["apiKeyIdentifier"],
             Json("Authorization"));
    QVERIFY(!data["endpointConfig"]["endpoint_security"]["production"].contains("apiKeyValue"));
    QCOMPARE(data["apiPolicies"]["request"][0]["policyName"], Json("addHeader"));

    const Json* chatOperation = nullptr;
    for (const Json& operation : data["operations"]) {
        if (operation["target"] == "/chat/completions" && operation["verb"] == "POST")
            chatOperation = &operation;
    }
    QVERIFY(chatOperation);
    QCOMPARE((*chatOperation)["authType"], Json("Application & Application User"));
    QCOMPARE((*chatOperation)["throttlingPolicy"], Json("Unlimited"));
    const Json& router = (*chatOperation)["operationPolicies"]["request"][0];
    QCOMPARE(router["policyName"], Json("modelWeightedRoundRobin"));
    QCOMPARE(router["policyVersion"], Json("v1"));
    QCOMPARE(router["policyType"], Json("common"));
    QVERIFY(router["policyId"].is_string());
    QCOMPARE(router["parameters"]["weightedRoundRobinConfigs"], Json(toStdString(seedRouter)));
    QVERIFY((*chatOperation)["operationPolicies"]["response"].is_array());
    QVERIFY((*chatOperation)["operationPolicies"]["fault"].is_array());

    const Result<Json> swagger =
        YamlDocument::parse(readFile(QDir(folder).filePath(QStringLiteral("Definitions/swagger.yaml"))),
                            QStringLiteral("swagger.yaml"));
    QVERIFY2(swagger.ok(), qPrintable(swagger.error()));
    QCOMPARE(swagger.value()["openapi"], Json("3.0.1"));
    QVERIFY(swagger.value()["paths"]["/chat/completions"].contains("post"));
}

void TestWso2Project::exportContainsNoSecret() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const Api api = seedApi(*workspace);
    const QString backendKey = QStringLiteral("sk-live-0123456789abcdefSECRET");
    MemorySecretStore secrets;
    QString error;
    QVERIFY(secrets.write(SecretStore::endpointKeyName(api.id, Endpoint::defaultId(Stage::Production)),
                          backendKey, &error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(Wso2Project::exportApi(*workspace, api.id, folder).ok());
    const QString zip = m_dir->filePath(QStringLiteral("out.zip"));
    QVERIFY(Wso2Project::exportApi(*workspace, api.id, zip).ok());

    int files = 0;
    QDirIterator iterator(folder, QDir::Files, QDirIterator::Subdirectories);
    while (iterator.hasNext()) {
        const QString path = iterator.next();
        ++files;
        QVERIFY2(!readFile(path).contains(backendKey.toUtf8()), qPrintable(path));
        QVERIFY2(!readFile(path).contains("apiKeyValue"), qPrintable(path));
    }
    QCOMPARE(files, 4);
    const Result<ProjectFiles> inZip = ProjectFiles::load(zip);
    QVERIFY2(inZip.ok(), qPrintable(inZip.error()));
    QCOMPARE(inZip->paths().size(), 4);
    for (const QString& path : inZip->paths()) {
        QVERIFY2(path.startsWith(QLatin1String("SmartChat-1.0.0/")), qPrintable(path));
        QVERIFY2(!inZip->content(path).contains(backendKey.toUtf8()), qPrintable(path));
    }
}

void TestWso2Project::gatehouseOnlySettingsAreLeftOutWithAWarning() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    Api api = seedApi(*workspace);
    api.operationByKey(chat)->policies.request[0].parameters["weightedRoundRobinConfigs"]["retryOnFailure"] =
        false;
    api.endpoints[0].connectTimeoutMs = 2500;
    QString error;
    QVERIFY(workspace->saveApi(api).ok(&error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*workspace, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QCOMPARE(exported->warnings.size(), 2);
    QVERIFY(exported->warnings.filter(QStringLiteral("retryOnFailure")).size() == 1);
    QVERIFY(exported->warnings.filter(QStringLiteral("connectTimeoutMs")).size() == 1);
    QVERIFY(!readFile(QDir(folder).filePath(QStringLiteral("api.yaml"))).contains("retryOnFailure"));
}

void TestWso2Project::namedEndpointsTravelInEndpointsYaml() {
    auto source = openWorkspace(QStringLiteral("source"));
    Api api = seedApi(*source);
    Endpoint second;
    second.id = QStringLiteral("eu_backend");
    second.name = QStringLiteral("EU backend");
    second.stage = Stage::Production;
    second.url = QStringLiteral("https://eu.example.com/v1");
    api.endpoints.push_back(second);
    Json& production =
        api.operationByKey(chat)->policies.request[0].parameters["weightedRoundRobinConfigs"]["production"];
    production[1]["endpointId"] = "eu_backend";
    QString error;
    QVERIFY2(source->saveApi(api).ok(&error), qPrintable(error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(Wso2Project::exportApi(*source, api.id, folder).ok());
    QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("endpoints.yaml"))));

    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);
    const Endpoint* eu = copy->endpoint(QStringLiteral("eu_backend"));
    QVERIFY(eu);
    QCOMPARE(eu->name, second.name);
    QCOMPARE(eu->url, second.url);
    QCOMPARE(eu->stage, Stage::Production);
    QVERIFY(copy->operations == source->api(api.id)->operations);
}

void TestWso2Project::importsAWso2ExportedProject() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const Result<Wso2ImportResult> imported =
        Wso2Project::importApi(*workspace, fixturePath(QStringLiteral("wso2-exported-smartchat")));
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const Api* api = workspace->api(imported->apiId);
    QVERIFY(api);
    QCOMPARE(api->name, QStringLiteral("SmartChat"));
    QCOMPARE(api->context, QStringLiteral("smartchat"));
    QCOMPARE(api->providerId, QStringLiteral("openai"));
    QCOMPARE(api->lifecycle, LifecycleState::Published);
    QCOMPARE(api->operations.size(), std::size_t(3));

    // The operation-level weighted router, given with '"' quotes, is mapped.
    const Operation* chatOperation = api->operationByKey(chat);
    QVERIFY(chatOperation);
    QCOMPARE(chatOperation->policies.request.size(), std::size_t(1));
    const PolicyAttachment& router = chatOperation->policies.request[0];
    QCOMPARE(router.policyName, QStringLiteral("modelWeightedRoundRobin"));
    const Json& configs = router.parameters["weightedRoundRobinConfigs"];
    QCOMPARE(configs["production"].size(), std::size_t(2));
    QCOMPARE(configs["production"][0]["model"], Json("gpt-4o"));
    QCOMPARE(configs["production"][0]["weight"], Json(70));
    QCOMPARE(configs["production"][1]["model"], Json("gpt-4o-mini"));
    QCOMPARE(configs["production"][1]["weight"], Json(30));
    QCOMPARE(configs["production"][1]["endpointId"], Json("default_production_endpoint"));
    QVERIFY(configs["sandbox"].is_array() && configs["sandbox"].empty());
    QCOMPARE(configs["suspendDuration"], Json(30));
    QCOMPARE(chatOperation->summary,
             QStringLiteral("Creates a model response for the given chat conversation."));
    QCOMPARE(chatOperation->sampleBody["model"], Json("gpt-4o"));
    QCOMPARE(chatOperation->policies.response.at(0).policyName, QStringLiteral("addHeader"));

    // The '\''-quoted round robin on the second operation.
    const Operation* completions = api->operationByKey(QStringLiteral("POST /completions"));
    QVERIFY(completions);
    QCOMPARE(completions->policies.request.size(), std::size_t(1));
    QCOMPARE(completions->policies.request[0].parameters["roundRobinConfigs"]["production"][1]["model"],
             Json("gpt-4o-mini"));

    // The API-level policy.
    QCOMPARE(api->apiPolicies.request.size(), std::size_t(1));
    QCOMPARE(api->apiPolicies.request[0].parameters["headerName"], Json("X-Team"));

    QCOMPARE(api->endpoints.size(), std::size_t(2));
    QCOMPARE(api->primaryEndpoint(Stage::Production)->url, QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(api->primaryEndpoint(Stage::Sandbox)->url, QStringLiteral("https://api.openai.com/v1"));
}

void TestWso2Project::importReportsWhatItCannotMap() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const Result<Wso2ImportResult> imported =
        Wso2Project::importApi(*workspace, fixturePath(QStringLiteral("wso2-exported-smartchat")));
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const QStringList& unmapped = imported->unmapped;
    const QString all = unmapped.join(QLatin1Char('\n'));
    // The unknown policy, the resource tier and the business plan the workspace lacks.
    QVERIFY2(unmapped.filter(QStringLiteral("jsonToXml")).size() == 1, qPrintable(all));
    QVERIFY2(unmapped.filter(QStringLiteral("\"Gold\"")).size() == 1, qPrintable(all));
    QVERIFY2(unmapped.filter(QStringLiteral("\"Platinum\"")).size() == 1, qPrintable(all));
    for (const QString& line : unmapped)
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
}

void TestWso2Project::importRefusesAnExistingNameAndVersion() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const QString project = fixturePath(QStringLiteral("wso2-exported-smartchat"));
    QVERIFY(Wso2Project::importApi(*workspace, project).ok());
    const std::size_t before = workspace->apis().size();
    const Result<Wso2ImportResult> again = Wso2Project::importApi(*workspace, project);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(QStringLiteral("already exists")), qPrintable(again.error()));
    QCOMPARE(workspace->apis().size(), before);
}

void TestWso2Project::importRefusesAFolderWithoutApiYaml() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const QString folder = m_dir->filePath(QStringLiteral("empty-project"));
    QVERIFY(QDir().mkpath(folder));
    QFile meta(QDir(folder).filePath(QStringLiteral("api_meta.yaml")));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write("name: X\n");
    meta.close();
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*workspace, folder);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().contains(QStringLiteral("api.yaml")), qPrintable(imported.error()));
    QVERIFY(workspace->apis().empty());
}

void TestWso2Project::importNamesTheSpotOfBrokenYaml() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const QString folder = m_dir->filePath(QStringLiteral("broken"));
    QVERIFY(QDir().mkpath(folder));
    QFile api(QDir(folder).filePath(QStringLiteral("api.yaml")));
    QVERIFY(api.open(QIODevice::WriteOnly));
    api.write("type: api\nversion: v4.5.0\ndata:\n  name: [SmartChat\n  version: 1.0.0\n");
    api.close();
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*workspace, folder);
    QVERIFY(!imported.ok());
    // "<folder>/api.yaml:<line>:<column>: <reason>"
    const QRegularExpression spot(QStringLiteral("api\\.yaml:\\d+:\\d+: "));
    QVERIFY2(spot.match(imported.error()).hasMatch(), qPrintable(imported.error()));
    QVERIFY2(imported.error().startsWith(QDir::cleanPath(folder)), qPrintable(imported.error()));
    QVERIFY(!imported.error().contains(QLatin1Char('\n')));
}

void TestWso2Project::importOfABrokenDefinitionNamesTheFile() {
    auto source = openWorkspace(QStringLiteral("source"));
    const Api api = seedApi(*source);
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(Wso2Project::exportApi(*source, api.id, folder).ok());
    QFile swagger(QDir(folder).filePath(QStringLiteral("Definitions/swagger.yaml")));
    QVERIFY(swagger.open(QIODevice::WriteOnly | QIODevice::Truncate));
    swagger.write("openapi: 3.0.1\npaths: {\n");
    swagger.close();
    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().contains(
                 QRegularExpression(QStringLiteral("Definitions/swagger\\.yaml:\\d+:\\d+: "))),
             qPrintable(imported.error()));
}

void TestWso2Project::exportRefusesANonEmptyFolder() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const Api api = seedApi(*workspace);
    const QString folder = m_dir->filePath(QStringLiteral("busy"));
    QVERIFY(QDir().mkpath(folder));
    QFile other(QDir(folder).filePath(QStringLiteral("notes.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("mine\n");
    other.close();
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*workspace, api.id, folder);
    QVERIFY(!exported.ok());
    QVERIFY2(exported.error().contains(QStringLiteral("not empty")), qPrintable(exported.error()));
    QCOMPARE(readFile(other.fileName()), QByteArray("mine\n"));
}

QTEST_GUILESS_MAIN(TestWso2Project)
#include "tst_wso2project.moc"
