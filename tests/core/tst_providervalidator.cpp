// Custom providers (WSO2's custom AI vendors): what the validator accepts and refuses, field by field,
// and that an accepted provider is stored in the workspace, comes back after re-opening it, cannot be
// deleted while an API uses it, and exports without secrets.

#include "core/ApiFactory.h"
#include "core/Json.h"
#include "core/JsonFile.h"
#include "core/Provider.h"
#include "core/ProviderRegistry.h"
#include "core/ProviderValidator.h"
#include "core/ValidationReport.h"
#include "core/Workspace.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

// A local vLLM server as a user would describe it in the form.
Provider vllmProvider() {
    Provider provider;
    provider.builtin = false;
    provider.id = QStringLiteral("local-vllm");
    provider.displayName = QStringLiteral("Local vLLM");
    provider.description = QStringLiteral("The GPU box under the desk");
    provider.apiVersion = QStringLiteral("0.6.3");
    provider.defaultBaseUrl = QStringLiteral("http://127.0.0.1:8000/v1");
    provider.authHeader = QStringLiteral("Authorization");
    provider.authValueFormat = QStringLiteral("Bearer {key}");
    provider.keyRequired = true;
    provider.requestModel = {ValueLocation::Source::Payload, QStringLiteral("$.model")};
    provider.responseModel = {ValueLocation::Source::Payload, QStringLiteral("$.model")};
    provider.promptTokens = {ValueLocation::Source::Payload, QStringLiteral("$.usage.prompt_tokens")};
    provider.completionTokens = {ValueLocation::Source::Payload, QStringLiteral("$.usage.completion_tokens")};
    provider.totalTokens = {ValueLocation::Source::Payload, QStringLiteral("$.usage.total_tokens")};
    provider.remainingTokens = {ValueLocation::Source::Header,
                                QStringLiteral("x-ratelimit-remaining-tokens")};
    provider.models = {QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b")};
    const Provider* compatible = ProviderRegistry::builtin().find(QStringLiteral("openai-compatible"));
    if (compatible)
        provider.operations = compatible->operations;
    return provider;
}

ValueLocation::Source sourceOf(const QString& name) {
    if (name == QLatin1String("payload"))
        return ValueLocation::Source::Payload;
    if (name == QLatin1String("header"))
        return ValueLocation::Source::Header;
    if (name == QLatin1String("path"))
        return ValueLocation::Source::Path;
    return ValueLocation::Source::None;
}

// Sets one field named as in the validator's paths; locations take "source:identifier".
void setField(Provider& provider, const QString& field, const QString& value) {
    if (field == QLatin1String("id"))
        provider.id = value;
    else if (field == QLatin1String("displayName"))
        provider.displayName = value;
    else if (field == QLatin1String("defaultBaseUrl"))
        provider.defaultBaseUrl = value;
    else if (field == QLatin1String("auth.header"))
        provider.authHeader = value;
    else if (field == QLatin1String("auth.valueFormat"))
        provider.authValueFormat = value;
    else if (field == QLatin1String("models"))
        provider.models = value.isEmpty() ? QStringList() : value.split(QLatin1Char(','));
    else if (field.startsWith(QLatin1String("locations."))) {
        const QString key = field.mid(10);
        for (const ProviderValidator::LocationField& location : ProviderValidator::locationFields()) {
            if (key == QLatin1String(location.key)) {
                const qsizetype colon = value.indexOf(QLatin1Char(':'));
                provider.*location.member = {sourceOf(value.left(colon)), value.mid(colon + 1)};
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("unknown location ") + key));
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown field ") + field));
    }
}

} // namespace

class TestProviderValidator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validProviderHasNoIssues();
    void validProviderSavesAndReloads();
    void invalidFieldGivesItsMessage_data();
    void invalidFieldGivesItsMessage();
    void jsonPathsAccepted_data();
    void jsonPathsAccepted();
    void indexPathIsOnlyAWarning();
    void tokenLocationsMayBeAbsent();
    void keyOptionalAllowsEmptyFormat();
    void idDerivedFromName();
    void deleteRefusedWhileAnApiUsesIt();
    void builtinProviderCannotBeDeleted();
    void exportHoldsNoSecret();
};

void TestProviderValidator::validProviderHasNoIssues() {
    const ValidationReport report = ProviderValidator(&ProviderRegistry::builtin()).validate(vllmProvider());
    QVERIFY2(report.isClean(), qPrintable(report.toStrings().join(QLatin1Char('\n'))));
}

void TestProviderValidator::validProviderSavesAndReloads() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const Provider provider = vllmProvider();
    QString error;
    {
        Workspace workspace;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        QVERIFY(!ProviderValidator(&workspace.providers()).validate(provider).hasErrors());
        QVERIFY2(workspace.saveCustomProvider(provider).ok(&error), qPrintable(error));
    }
    QVERIFY(QFileInfo::exists(folder.filePath(QStringLiteral("providers/local-vllm.json"))));

    Workspace reopened;
    QVERIFY2(reopened.open(folder.path()).ok(&error), qPrintable(error));
    QVERIFY2(reopened.problems().isEmpty(), qPrintable(reopened.problems().join(QLatin1Char('\n'))));
    const Provider* loaded = reopened.provider(QStringLiteral("local-vllm"));
    QVERIFY(loaded);
    QVERIFY(!loaded->builtin);
    QCOMPARE(loaded->displayName, provider.displayName);
    QCOMPARE(loaded->description, provider.description);
    QCOMPARE(loaded->apiVersion, provider.apiVersion);
    QCOMPARE(loaded->defaultBaseUrl, provider.defaultBaseUrl);
    QCOMPARE(loaded->authHeader, provider.authHeader);
    QCOMPARE(loaded->authValue(QStringLiteral("k")), QStringLiteral("Bearer k"));
    QCOMPARE(loaded->keyRequired, true);
    QVERIFY(loaded->requestModel == provider.requestModel);
    QVERIFY(loaded->promptTokens == provider.promptTokens);
    QVERIFY(loaded->remainingTokens == provider.remainingTokens);
    QCOMPARE(loaded->models, provider.models);
    QCOMPARE(loaded->operations.size(), provider.operations.size());
    // Listed after the built-in ones, where the Create API wizard picks providers from.
    QVERIFY(reopened.providers().ids().contains(QStringLiteral("local-vllm")));
    QVERIFY(reopened.providers().ids().contains(QStringLiteral("openai")));
}

void TestProviderValidator::invalidFieldGivesItsMessage_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("path");    // where the error is reported
    QTest::addColumn<QString>("message"); // a part of its message

    QTest::newRow("id missing") << "id"
                                << ""
                                << "id"
                                << "is required";
    QTest::newRow("id with spaces and capitals") << "id"
                                                 << "My Provider"
                                                 << "id"
                                                 << "only lowercase letters, digits";
    QTest::newRow("id starting with a dash") << "id"
                                             << "-vllm"
                                             << "id"
                                             << "must start and end";
    QTest::newRow("id too long") << "id" << QString(65, QLatin1Char('a')) << "id"
                                 << "at most 64";
    QTest::newRow("id of a built-in provider") << "id"
                                               << "openai"
                                               << "id"
                                               << "built-in provider";
    QTest::newRow("display name blank") << "displayName"
                                        << "   "
                                        << "displayName"
                                        << "is required";
    QTest::newRow("auth header missing") << "auth.header"
                                         << ""
                                         << "auth.header"
                                         << "is required";
    QTest::newRow("auth header with a space") << "auth.header"
                                              << "Api Key"
                                              << "auth.header"
                                              << "\"Api Key\" is not a valid HTTP header name";
    QTest::newRow("auth header with a colon") << "auth.header"
                                              << "x-api-key:"
                                              << "auth.header"
                                              << "not a valid HTTP header name";
    QTest::newRow("value format without {key}") << "auth.valueFormat"
                                                << "Bearer"
                                                << "auth.valueFormat"
                                                << "must contain {key}";
    QTest::newRow("value format with two keys") << "auth.valueFormat"
                                                << "{key} {key}"
                                                << "auth.valueFormat"
                                                << "only once";
    QTest::newRow("value format empty with a required key") << "auth.valueFormat"
                                                            << ""
                                                            << "auth.valueFormat"
                                                            << "is required when a key is required";
    QTest::newRow("request model unset") << "locations.requestModel"
                                         << "none:"
                                         << "locations.requestModel.source"
                                         << "is required";
    QTest::newRow("response model in the path") << "locations.responseModel"
                                                << "path:model"
                                                << "locations.responseModel.source"
                                                << "must be payload or header";
    QTest::newRow("request model without $") << "locations.requestModel"
                                             << "payload:model"
                                             << "locations.requestModel.identifier"
                                             << "must start with $";
    QTest::newRow("request model empty") << "locations.requestModel"
                                         << "payload:"
                                         << "locations.requestModel.identifier"
                                         << "is required";
    QTest::newRow("whole document") << "locations.responseModel"
                                    << "payload:$"
                                    << "locations.responseModel.identifier"
                                    << "names the whole document";
    QTest::newRow("recursive descent") << "locations.responseModel"
                                       << "payload:$..model"
                                       << "locations.responseModel.identifier"
                                       << "recursive descent";
    QTest::newRow("wildcard") << "locations.promptTokens"
                              << "payload:$.usage.*"
                              << "locations.promptTokens.identifier"
                              << "wildcards";
    QTest::newRow("trailing dot") << "locations.promptTokens"
                                  << "payload:$.usage."
                                  << "locations.promptTokens.identifier"
                                  << "member name is missing";
    QTest::newRow("bad index") << "locations.completionTokens"
                               << "payload:$.choices[x]"
                               << "locations.completionTokens.identifier"
                               << "must hold an index";
    QTest::newRow("unclosed index") << "locations.completionTokens"
                                    << "payload:$.choices[0"
                                    << "locations.completionTokens.identifier"
                                    << "']' expected";
    QTest::newRow("unclosed quoted name") << "locations.totalTokens"
                                          << "payload:$['usage"
                                          << "locations.totalTokens.identifier"
                                          << "not closed";
    QTest::newRow("space in a path") << "locations.totalTokens"
                                     << "payload:$.usage total"
                                     << "locations.totalTokens.identifier"
                                     << "unexpected ' '";
    QTest::newRow("header location with a space") << "locations.remainingTokens"
                                                  << "header:x ratelimit"
                                                  << "locations.remainingTokens.identifier"
                                                  << "not a valid HTTP header name";
    QTest::newRow("header location empty") << "locations.remainingTokens"
                                           << "header:"
                                           << "locations.remainingTokens.identifier"
                                           << "is required";
    QTest::newRow("no models") << "models"
                               << ""
                               << "models"
                               << "at least one model";
    QTest::newRow("duplicate model") << "models"
                                     << "gpt-4o,gpt-4o-mini,gpt-4o"
                                     << "models[2]"
                                     << "\"gpt-4o\" is listed twice (also models[0])";
    QTest::newRow("blank model") << "models"
                                 << "gpt-4o, "
                                 << "models[1]"
                                 << "is empty";
    QTest::newRow("model with a trailing space") << "models"
                                                 << "gpt-4o "
                                                 << "models[0]"
                                                 << "trailing spaces";
    QTest::newRow("base URL not http") << "defaultBaseUrl"
                                       << "ftp://example.com/v1"
                                       << "defaultBaseUrl"
                                       << "http:// or https://";
    QTest::newRow("base URL with a password") << "defaultBaseUrl"
                                              << "https://me:s3cret@example.com/v1"
                                              << "defaultBaseUrl"
                                              << "must not contain a user name or password";
}

void TestProviderValidator::invalidFieldGivesItsMessage() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, path);
    QFETCH(QString, message);
    Provider provider = vllmProvider();
    setField(provider, field, value);
    const ValidationReport report = ProviderValidator(&ProviderRegistry::builtin()).validate(provider);
    const std::vector<ValidationIssue> errors = report.errors();
    // Exactly one error, at the field that is wrong: a form shows it next to that field only.
    QVERIFY2(errors.size() == 1, qPrintable(report.toStrings().join(QLatin1Char('\n'))));
    QCOMPARE(errors.front().path, path);
    QVERIFY2(errors.front().message.contains(message), qPrintable(errors.front().message));
    QVERIFY2(errors.front().toString().startsWith(path + QStringLiteral(": ")),
             qPrintable(errors.front().toString()));
}

void TestProviderValidator::jsonPathsAccepted_data() {
    QTest::addColumn<QString>("path");
    for (const char* path : {"$.model", "$.a.b", "$.usage.prompt_tokens", "$.choices[0].x", "$['model']",
                             "$[\"usage\"].total_tokens", "$.data[12]", "$.x-ratelimit"})
        QTest::newRow(path) << QString::fromUtf8(path);
}

void TestProviderValidator::jsonPathsAccepted() {
    QFETCH(QString, path);
    QCOMPARE(ProviderValidator::jsonPathError(path), QString());
}

void TestProviderValidator::indexPathIsOnlyAWarning() {
    Provider provider = vllmProvider();
    provider.responseModel = {ValueLocation::Source::Payload, QStringLiteral("$.choices[0].model")};
    const ValidationReport report = ProviderValidator().validate(provider);
    QVERIFY(!report.hasErrors());
    const std::vector<ValidationIssue> warnings = report.warnings();
    QCOMPARE(warnings.size(), std::size_t(1));
    QCOMPARE(warnings.front().path, QStringLiteral("locations.responseModel.identifier"));
    QVERIFY(warnings.front().message.contains(QLatin1String("dotted member names")));
}

void TestProviderValidator::tokenLocationsMayBeAbsent() {
    // Anthropic reports no total; a custom provider may lack any token count.
    Provider provider = vllmProvider();
    provider.totalTokens = {};
    provider.remainingTokens = {};
    QVERIFY(ProviderValidator().validate(provider).isClean());
}

void TestProviderValidator::keyOptionalAllowsEmptyFormat() {
    Provider provider = vllmProvider();
    provider.keyRequired = false;
    provider.authValueFormat.clear();
    QVERIFY(!ProviderValidator().validate(provider).hasErrors());
    provider.authValueFormat = QStringLiteral("Token");
    const std::vector<ValidationIssue> errors = ProviderValidator().validate(provider).errors();
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.front().path, QStringLiteral("auth.valueFormat"));
}

void TestProviderValidator::idDerivedFromName() {
    QCOMPARE(ProviderValidator::suggestedId(QStringLiteral("My vLLM Box!")), QStringLiteral("my-vllm-box"));
    QCOMPARE(ProviderValidator::suggestedId(QStringLiteral("  Ollama (local) ")),
             QStringLiteral("ollama-local"));
    QCOMPARE(ProviderValidator::suggestedId(QStringLiteral("Ünïcode")), QStringLiteral("n-code"));
    QCOMPARE(ProviderValidator::idError(ProviderValidator::suggestedId(QStringLiteral("A B C"))), QString());
}

void TestProviderValidator::deleteRefusedWhileAnApiUsesIt() {
    QTemporaryDir folder;
    QString error;
    Workspace workspace;
    QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
    QVERIFY2(workspace.saveCustomProvider(vllmProvider()).ok(&error), qPrintable(error));
    const Provider* provider = workspace.provider(QStringLiteral("local-vllm"));
    QVERIFY(provider);
    ApiFactory::Request request;
    request.name = QStringLiteral("LocalChat");
    request.context = QStringLiteral("localchat");
    request.version = QStringLiteral("1.0.0");
    request.id = workspace.newApiId(request.name, request.version);
    const Api api = ApiFactory::createAiApi(*provider, request);
    QVERIFY2(workspace.saveApi(api).ok(&error), qPrintable(error));

    QVERIFY(!workspace.deleteCustomProvider(QStringLiteral("local-vllm")).ok(&error));
    QVERIFY2(error.contains(QLatin1String("LocalChat 1.0.0")), qPrintable(error));
    QVERIFY(QFileInfo::exists(folder.filePath(QStringLiteral("providers/local-vllm.json"))));
    QVERIFY(workspace.provider(QStringLiteral("local-vllm")));

    QVERIFY2(workspace.removeApi(api.id).ok(&error), qPrintable(error));
    QVERIFY2(workspace.deleteCustomProvider(QStringLiteral("local-vllm")).ok(&error), qPrintable(error));
    QVERIFY(!workspace.provider(QStringLiteral("local-vllm")));
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("providers/local-vllm.json"))));

    Workspace reopened;
    QVERIFY2(reopened.open(folder.path()).ok(&error), qPrintable(error));
    QVERIFY(!reopened.provider(QStringLiteral("local-vllm")));
    QVERIFY(!reopened.deleteCustomProvider(QStringLiteral("local-vllm")).ok(&error));
    QVERIFY2(error.contains(QLatin1String("no provider")), qPrintable(error));
}

void TestProviderValidator::builtinProviderCannotBeDeleted() {
    QTemporaryDir folder;
    QString error;
    Workspace workspace;
    QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
    QVERIFY(!workspace.deleteCustomProvider(QStringLiteral("openai")).ok(&error));
    QVERIFY2(error.contains(QLatin1String("built-in")), qPrintable(error));
    QVERIFY(workspace.provider(QStringLiteral("openai")));
}

void TestProviderValidator::exportHoldsNoSecret() {
    Provider provider = vllmProvider();
    // Not valid (the validator refuses it), but a provider file edited by hand could hold it.
    provider.defaultBaseUrl = QStringLiteral("https://me:s3cret@gpu.example.com/v1");
    const Json exported = ProviderValidator::exportJson(provider);
    const QByteArray text = JsonFile::serialize(exported);
    QVERIFY2(!text.contains("s3cret"), text.constData());
    QCOMPARE(toQString(exported["defaultBaseUrl"].get<std::string>()),
             QStringLiteral("https://gpu.example.com/v1"));
    // Everything else is there, and reads back as the same provider.
    Result<Provider> back = Provider::fromJson(exported);
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(back->id, provider.id);
    QCOMPARE(back->models, provider.models);
    QVERIFY(back->totalTokens == provider.totalTokens);
    QCOMPARE(back->authValueFormat, provider.authValueFormat);
    QCOMPARE(back->operations.size(), provider.operations.size());
}

QTEST_GUILESS_MAIN(TestProviderValidator)
#include "tst_providervalidator.moc"
