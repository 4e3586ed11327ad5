// WSO2 API projects in and out: the seed API survives a round trip through a folder and a zip, no
// secret is written, and a project exported by WSO2 API Manager itself imports.
#include "core/ApiFactory.h"
#include "core/Json.h"
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
// The same as WSO2's Publisher writes it: the suspend duration as text.
const QString seedRouterAsWso2Writes =
    QString(seedRouter)
        .replace(QStringLiteral("'suspendDuration':30"), QStringLiteral("'suspendDuration':'30'"));
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

PolicyAttachment guardrail(const QString& name, const QString& version, Json parameters) {
    PolicyAttachment result = attachment(name, std::move(parameters));
    result.policyVersion = version;
    return result;
}

QString describe(const PolicyAttachment& attachment) {
    return toQString(dumpCompact(attachment.toJson()));
}

QString describe(const std::vector<PolicyAttachment>& attachments) {
    QStringList lines;
    for (const PolicyAttachment& each : attachments)
        lines.append(describe(each));
    return lines.join(QLatin1Char('\n'));
}

// The policies of one flow of an exported api.yaml, as (policyName, policyVersion) pairs.
QList<QPair<QString, QString>> exportedNames(const Json& flow) {
    QList<QPair<QString, QString>> names;
    for (const Json& entry : flow)
        names.append({toQString(entry.value("policyName", std::string())),
                      toQString(entry.value("policyVersion", std::string()))});
    return names;
}

const Json* exportedOperation(const Json& data, const char* verb, const char* target) {
    for (const Json& operation : data["operations"]) {
        if (operation["target"] == target && operation["verb"] == verb)
            return &operation;
    }
    return nullptr;
}

void writeFile(const QString& path, const QByteArray& content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qWarning("cannot write %s", qPrintable(path));
    file.write(content);
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

    void primaryEndpointDefaultVersionAndFailoverRoundTrip();
    void roundTripKeepsTheSeed_data();
    void roundTripKeepsTheSeed();
    void exportWritesTheApictlLayout();
    void exportContainsNoSecret();
    void gatehouseOnlySettingsAreLeftOutWithAWarning();
    void gatehouseOnlyPolicyIsLeftOutWithAWarning();
    void semanticCacheRoundTripsOnBothFlows();
    void semanticGuardAndRoutingRoundTripUnchanged();
    void namedEndpointsTravelInEndpointsYaml();
    void importsAWso2ExportedProject();
    void importReportsWhatItCannotMap();
    void importRefusesAnExistingNameAndVersion();
    void importRefusesAFolderWithoutApiYaml();
    void importNamesTheSpotOfBrokenYaml();
    void importOfABrokenDefinitionNamesTheFile();
    void exportRefusesANonEmptyFolder();
    void guardrailsRoundTripUnchanged();
    void importTypesWso2StringNumbersAndBooleans();
    void gatehouseOnlyBufferStreamIsLeftOutWithAWarning_data();
    void gatehouseOnlyBufferStreamIsLeftOutWithAWarning();
    void promptPoliciesRoundTripUnchanged();

private:
    std::unique_ptr<Workspace> openWorkspace(const QString& name);
    Api seedApi(Workspace& workspace);
    Api seedApiWithGuardrails(Workspace& workspace);

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

// Issue 22: "Set as Primary", the default version and a failover with an unused sandbox, as WSO2
// writes them in the project, and back.
void TestWso2Project::primaryEndpointDefaultVersionAndFailoverRoundTrip() {
    auto source = openWorkspace(QStringLiteral("source"));
    Api api = seedApi(*source);
    Endpoint second;
    second.id = QStringLiteral("second");
    second.name = QStringLiteral("Second");
    second.url = QStringLiteral("http://127.0.0.1:8090/v1");
    api.endpoints.push_back(second);
    api.setPrimaryEndpointId(Stage::Production, QStringLiteral("second"));
    api.isDefaultVersion = true;
    PolicyAttachment& router = api.operationByKey(chat)->policies.request.at(0);
    router.policyName = QStringLiteral("modelFailover");
    router.parameters = Json::object();
    router.parameters["failoverConfigs"] =
        Wso2AttributeCodec::decode(
            QStringLiteral("{'production':{'targetModel':{'model':'gpt-4o','endpointId':'second'},"
                           "'fallbackModels':[{'model':'gpt-4o-mini','endpointId':"
                           "'default_production_endpoint'}]},'sandbox':{},'requestTimeout':120,"
                           "'suspendDuration':0}"))
            .value();
    QString error;
    QVERIFY2(source->saveApi(api).ok(&error), qPrintable(error));

    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*source, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    const Result<Json> document = YamlDocument::parse(
        readFile(QDir(folder).filePath(QStringLiteral("api.yaml"))), QStringLiteral("api.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const Json& data = document.value()["data"];
    QCOMPARE(data["primaryProductionEndpointId"], Json("second"));
    QCOMPARE(data["isDefaultVersion"], Json(true));
    const Json* chatOperation = nullptr;
    for (const Json& operation : data["operations"]) {
        if (operation["target"] == "/chat/completions" && operation["verb"] == "POST")
            chatOperation = &operation;
    }
    QVERIFY(chatOperation);
    const std::string written =
        (*chatOperation)["operationPolicies"]["request"][0]["parameters"]["failoverConfigs"]
            .get<std::string>();
    // As WSO2 writes it: the unused stage with its empty target, the durations as text.
    QVERIFY2(written.find("'sandbox':{'targetModel':{},'fallbackModels':[]}") != std::string::npos,
             written.c_str());
    QVERIFY2(written.find("'requestTimeout':'120','suspendDuration':'0'") != std::string::npos,
             written.c_str());

    auto target = openWorkspace(QStringLiteral("target"));
    Api older = seedApi(*target); // another version of the context, the default until the import
    older.version = QStringLiteral("0.9.0");
    older.name = QStringLiteral("SmartChat");
    older.isDefaultVersion = true;
    QVERIFY2(target->saveApi(older).ok(&error), qPrintable(error));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);
    QCOMPARE(copy->primaryEndpointId(Stage::Production), QStringLiteral("second"));
    QCOMPARE(copy->primaryEndpoint(Stage::Production)->id, QStringLiteral("second"));
    QVERIFY(copy->isDefaultVersion);
    QVERIFY(!target->api(older.id)->isDefaultVersion);
    QCOMPARE(copy->operationByKey(chat)->policies.request.at(0), router);
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
    QCOMPARE(router["parameters"]["weightedRoundRobinConfigs"], Json(toStdString(seedRouterAsWso2Writes)));
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

// ResponseCache is Gatehouse's own: WSO2 would refuse a project naming it, so the export leaves it
// out and says so; the policies around it travel as they are.
void TestWso2Project::gatehouseOnlyPolicyIsLeftOutWithAWarning() {
    auto workspace = openWorkspace(QStringLiteral("ws"));
    Api api = seedApi(*workspace);
    PolicyAttachment cache;
    cache.policyName = QStringLiteral("ResponseCache");
    cache.policyVersion = QStringLiteral("v1.0");
    cache.parameters = {{"ttl", 600}, {"maxEntries", 50}};
    api.operationByKey(chat)->policies.request.push_back(cache);
    QString error;
    QVERIFY(workspace->saveApi(api).ok(&error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*workspace, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QCOMPARE(exported->warnings.size(), 1);
    QVERIFY2(exported->warnings.first().contains(QStringLiteral("ResponseCache")),
             qPrintable(exported->warnings.first()));
    const QByteArray yaml = readFile(QDir(folder).filePath(QStringLiteral("api.yaml")));
    QVERIFY(!yaml.contains("ResponseCache"));
    QVERIFY(yaml.contains("modelWeightedRoundRobin"));
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

// The seed API with all eight guardrails: on both flows of chat completions, on another operation and at
// the API level; every parameter away from its default, invert and showAssessment on for some, and
// the two attributes that are strings of JSON (a schema, PII entities) full of quotes and backslashes.
Api TestWso2Project::seedApiWithGuardrails(Workspace& workspace) {
    Api api = seedApi(workspace);
    Operation* chatOperation = api.operationByKey(chat);
    chatOperation->policies.request.push_back(
        guardrail(QStringLiteral("RegexGuardrail"), QStringLiteral("v1.0"),
                  Json{{"name", "Jailbreak: deny list #1"},
                       {"regex", R"((?i)ignore\s+all\s+previous\s+(instructions|rules)\b)"},
                       {"jsonPath", "$.messages[-1].content"},
                       {"invert", true},
                       {"showAssessment", true}}));
    chatOperation->policies.request.push_back(guardrail(QStringLiteral("WordCountGuardrail"),
                                                        QStringLiteral("v1.1"),
                                                        Json{{"name", "Prompt length"},
                                                             {"min", 2},
                                                             {"max", 300},
                                                             {"jsonPath", "$.messages[-1].content"},
                                                             {"invert", false},
                                                             {"showAssessment", true}}));
    chatOperation->policies.response.push_back(guardrail(
        QStringLiteral("JSONSchemaGuardrail"), QStringLiteral("v1.0"),
        Json{
            {"name", "Answer shape"},
            {"schema",
             R"({"type":"object","required":["answer"],"properties":{"answer":{"type":"string","pattern":"^\\S.*\\.$"}}})"},
            {"jsonPath", "$.choices[0].message.content"},
            {"showAssessment", true}}));
    chatOperation->policies.response.push_back(guardrail(QStringLiteral("SentenceCountGuardrail"),
                                                         QStringLiteral("v1.0"),
                                                         Json{{"name", "Too chatty"},
                                                              {"min", 1},
                                                              {"max", 12},
                                                              {"jsonPath", "$.choices[0].message.content"},
                                                              {"invert", true}}));
    api.operationByKey(QStringLiteral("POST /completions"))
        ->policies.request.push_back(
            guardrail(QStringLiteral("ContentLengthGuardrail"), QStringLiteral("v1.0"),
                      Json{{"name", "4096"}, // YAML would read it as a number if written bare
                           {"min", 10},
                           {"max", 4096},
                           {"jsonPath", "$.prompt"},
                           {"invert", false},
                           {"showAssessment", false}}));
    Operation* completions = api.operationByKey(QStringLiteral("POST /completions"));
    completions->policies.request.push_back(guardrail(QStringLiteral("AzureContentSafetyContentModeration"),
                                                      QStringLiteral("v1.0"),
                                                      Json{{"name", "Moderation"},
                                                           {"hateCategory", 2},
                                                           {"violenceCategory", 0},
                                                           {"jsonPath", "$.prompt"},
                                                           {"passthroughOnError", true},
                                                           {"showAssessment", true}}));
    completions->policies.response.push_back(guardrail(
        QStringLiteral("URLGuardrail"), QStringLiteral("v1.0"),
        Json{{"name", "Real links"}, {"onlyDNS", true}, {"timeout", 1500}, {"showAssessment", true}}));
    api.apiPolicies.request.push_back(guardrail(
        QStringLiteral("PIIMaskingRegex"), QStringLiteral("v1.0"),
        Json{
            {"name", "PII"},
            {"piiEntities",
             R"([{"piiEntity":"EMAIL","piiRegex":"[\\w.+-]+@[\\w-]+\\.[\\w.-]+"},{"piiEntity":"PHONE","piiRegex":"\\+?\\d[\\d -]{7,}\\d"}])"},
            {"jsonPath", "$.messages[*].content"},
            {"redact", true}}));
    QString error;
    if (!workspace.saveApi(api).ok(&error))
        qWarning("cannot save the guardrails: %s", qPrintable(error));
    return *workspace.api(api.id);
}

// WSO2's guardrails are the same policies on both sides: an API carrying all eight must come back from
// a WSO2 project with every attachment (name, version, parameters and their types, order, flow)
// unchanged, and the project must name them as WSO2 does, or WSO2 would not recognise them.
void TestWso2Project::guardrailsRoundTripUnchanged() {
    auto source = openWorkspace(QStringLiteral("source"));
    const Api original = seedApiWithGuardrails(*source);
    QCOMPARE(original.operationByKey(chat)->policies.request.size(), std::size_t(3));
    QCOMPARE(original.operationByKey(chat)->policies.response.size(), std::size_t(2));
    QCOMPARE(original.apiPolicies.request.size(), std::size_t(2));

    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*source, original.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QVERIFY2(exported->warnings.isEmpty(), qPrintable(exported->warnings.join(QLatin1Char('\n'))));

    // The project names WSO2's policies and versions, in the flows and order they were attached.
    const Result<Json> document = YamlDocument::parse(
        readFile(QDir(folder).filePath(QStringLiteral("api.yaml"))), QStringLiteral("api.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const Json& data = document.value()["data"];
    using Names = QList<QPair<QString, QString>>;
    const auto named = [](const char* name, const char* version) {
        return QPair<QString, QString>(QLatin1String(name), QLatin1String(version));
    };
    QCOMPARE(exportedNames(data["apiPolicies"]["request"]),
             (Names{named("addHeader", "v1"), named("PIIMaskingRegex", "v1.0")}));
    const Json* chatOperation = exportedOperation(data, "POST", "/chat/completions");
    QVERIFY(chatOperation);
    QCOMPARE(exportedNames((*chatOperation)["operationPolicies"]["request"]),
             (Names{named("modelWeightedRoundRobin", "v1"), named("RegexGuardrail", "v1.0"),
                    named("WordCountGuardrail", "v1.1")}));
    QCOMPARE(exportedNames((*chatOperation)["operationPolicies"]["response"]),
             (Names{named("JSONSchemaGuardrail", "v1.0"), named("SentenceCountGuardrail", "v1.0")}));
    const Json* completions = exportedOperation(data, "POST", "/completions");
    QVERIFY(completions);
    QCOMPARE(exportedNames((*completions)["operationPolicies"]["request"]),
             (Names{named("ContentLengthGuardrail", "v1.0"),
                    named("AzureContentSafetyContentModeration", "v1.0")}));
    QCOMPARE(exportedNames((*completions)["operationPolicies"]["response"]),
             (Names{named("URLGuardrail", "v1.0")}));
    // The strings of JSON travel as the strings they are, not as YAML structures.
    const Json& pii = data["apiPolicies"]["request"][1]["parameters"];
    QCOMPARE(pii["piiEntities"], original.apiPolicies.request[1].parameters["piiEntities"]);
    const Json& schema = (*chatOperation)["operationPolicies"]["response"][0]["parameters"];
    QCOMPARE(schema["schema"], original.operationByKey(chat)->policies.response[0].parameters["schema"]);

    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const QString unmapped = imported->unmapped.join(QLatin1Char('\n'));
    for (const char* policy : {"Guardrail", "PIIMaskingRegex"})
        QVERIFY2(!unmapped.contains(QLatin1String(policy)), qPrintable(unmapped));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);

    // Why two sets of flows differ, naming the first attachment that does; empty when they are equal.
    const auto flowsDiffer = [](const PolicyFlows& actual, const PolicyFlows& expected,
                                const QString& scope) {
        for (FlowKind kind : allFlowKinds) {
            const std::vector<PolicyAttachment>& got = actual.flow(kind);
            const std::vector<PolicyAttachment>& want = expected.flow(kind);
            const QString where = scope + QLatin1Char(' ') + flowKindName(kind);
            if (got.size() != want.size())
                return QStringLiteral("%1: %2 attachments instead of %3:\n%4")
                    .arg(where)
                    .arg(got.size())
                    .arg(want.size())
                    .arg(describe(got));
            for (std::size_t i = 0; i < want.size(); ++i) {
                if (got[i] != want[i])
                    return QStringLiteral("%1[%2]:\n  imported %3\n  exported %4")
                        .arg(where)
                        .arg(i)
                        .arg(describe(got[i]), describe(want[i]));
            }
        }
        return QString();
    };
    const QString apiLevel =
        flowsDiffer(copy->apiPolicies, original.apiPolicies, QStringLiteral("API level"));
    QVERIFY2(apiLevel.isEmpty(), qPrintable(apiLevel));
    QCOMPARE(copy->operations.size(), original.operations.size());
    for (const Operation& operation : original.operations) {
        const Operation* copied = copy->operationByKey(operation.key());
        QVERIFY2(copied, qPrintable(operation.key()));
        const QString difference = flowsDiffer(copied->policies, operation.policies, operation.key());
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
    // The numbers and booleans came back typed, not as WSO2's strings.
    const Json& wordCount = copy->operationByKey(chat)->policies.request.at(2).parameters;
    QVERIFY(wordCount["min"].is_number_integer());
    QVERIFY(wordCount["showAssessment"].is_boolean());
}

// WSO2's Publisher stores every number and boolean as a string ('2', 'true'), in plain parameters and
// inside a router's JSON string alike. Gatehouse's schema wants them typed: the import converts them by
// the catalogue's types instead of refusing the API ("must be an integer, not a string").
void TestWso2Project::importTypesWso2StringNumbersAndBooleans() {
    const QString folder = m_dir->filePath(QStringLiteral("wso2-strings/SmartChat-1.0.0"));
    writeFile(QDir(folder).filePath(QStringLiteral("api.yaml")), R"(type: api
version: v4.5.0
data:
  name: SmartChat
  context: /smartchat
  version: 1.0.0
  provider: admin
  lifeCycleStatus: CREATED
  type: HTTP
  subtypeConfiguration:
    subtype: AIAPI
    _configuration: '{"llmProviderName":"OpenAI","llmProviderApiVersion":"1.0.0"}'
  apiPolicies:
    request: []
    response: []
    fault: []
  operations:
    - target: /chat/completions
      verb: POST
      authType: Application & Application User
      throttlingPolicy: Unlimited
      scopes: []
      operationPolicies:
        request:
          - policyName: modelWeightedRoundRobin
            policyVersion: v1
            policyType: common
            parameters:
              weightedRoundRobinConfigs: "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','endpointName':'Default Production Endpoint','weight':'50'},{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','endpointName':'Default Production Endpoint','weight':'50'}],'sandbox':[],'suspendDuration':'30'}"
          - policyName: WordCountGuardrail
            policyVersion: v1.1
            policyType: common
            parameters:
              name: Prompt length
              min: '2'
              max: '30'
              jsonPath: $.messages[-1].content
              invert: 'true'
              showAssessment: 'false'
        response: []
        fault: []
  endpointConfig:
    endpoint_type: http
    production_endpoints:
      url: https://api.openai.com/v1
  primaryProductionEndpointId: default_production_endpoint
)");
    auto workspace = openWorkspace(QStringLiteral("ws"));
    const Result<Wso2ImportResult> imported =
        Wso2Project::importApi(*workspace, m_dir->filePath(QStringLiteral("wso2-strings")));
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const Api* api = workspace->api(imported->apiId);
    QVERIFY(api);
    const Operation* chatOperation = api->operationByKey(chat);
    QVERIFY(chatOperation);
    QCOMPARE(chatOperation->policies.request.size(), std::size_t(2));

    const PolicyAttachment& wordCount = chatOperation->policies.request[1];
    QCOMPARE(wordCount.policyName, QStringLiteral("WordCountGuardrail"));
    QCOMPARE(wordCount.policyVersion, QStringLiteral("v1.1"));
    const Json expected{{"name", "Prompt length"},
                        {"min", 2},
                        {"max", 30},
                        {"jsonPath", "$.messages[-1].content"},
                        {"invert", true},
                        {"showAssessment", false}};
    QVERIFY2(wordCount.parameters == expected, dumpCompact(wordCount.parameters).c_str());
    QVERIFY(wordCount.parameters["min"].is_number_integer());
    QVERIFY(wordCount.parameters["invert"].is_boolean());

    const PolicyAttachment& router = chatOperation->policies.request[0];
    QCOMPARE(router.policyName, QStringLiteral("modelWeightedRoundRobin"));
    const Json configs = router.parameters.value("weightedRoundRobinConfigs", Json());
    QVERIFY2(configs.is_object(), dumpCompact(router.parameters).c_str());
    const Json suspendDuration = configs.value("suspendDuration", Json());
    QCOMPARE(suspendDuration, Json(30));
    QVERIFY(suspendDuration.is_number_integer());
    const Json production = configs.value("production", Json());
    QCOMPARE(production.size(), std::size_t(2));
    for (const Json& target : production) {
        QCOMPARE(target.value("weight", Json()), Json(50));
        QVERIFY(target.value("weight", Json()).is_number());
        QCOMPARE(target.value("endpointId", Json()), Json("default_production_endpoint")); // strings stay
    }
}

void TestWso2Project::gatehouseOnlyBufferStreamIsLeftOutWithAWarning_data() {
    QTest::addColumn<bool>("bufferStream");
    QTest::newRow("on") << true;
    QTest::newRow("off, the default") << false;
}

// bufferStream is Gatehouse's own: WSO2's RegexGuardrail has no such parameter, so the project leaves it
// out. Held streams are a behaviour WSO2 will not reproduce, so the user is told when it was on; off is
// WSO2's behaviour and loses nothing, so it passes silently.
void TestWso2Project::gatehouseOnlyBufferStreamIsLeftOutWithAWarning() {
    QFETCH(bool, bufferStream);
    auto workspace = openWorkspace(QStringLiteral("ws"));
    Api api = seedApi(*workspace);
    api.operationByKey(chat)->policies.response.push_back(
        guardrail(QStringLiteral("RegexGuardrail"), QStringLiteral("v1.0"),
                  Json{{"name", "No secrets"},
                       {"regex", "sk-[A-Za-z0-9]{20,}"},
                       {"jsonPath", "$.choices[0].message.content"},
                       {"invert", true},
                       {"bufferStream", bufferStream}}));
    QString error;
    QVERIFY2(workspace->saveApi(api).ok(&error), qPrintable(error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*workspace, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    const QString warnings = exported->warnings.join(QLatin1Char('\n'));
    if (bufferStream) {
        QVERIFY2(exported->warnings.size() == 1, qPrintable(warnings));
        const QString& warning = exported->warnings.first();
        QVERIFY2(warning.contains(QStringLiteral("bufferStream")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("operations[POST /chat/completions].response[0]")),
                 qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("Gatehouse-only")), qPrintable(warning));
    } else {
        QVERIFY2(exported->warnings.isEmpty(), qPrintable(warnings));
    }

    const QByteArray apiYaml = readFile(QDir(folder).filePath(QStringLiteral("api.yaml")));
    QVERIFY(!apiYaml.contains("bufferStream"));
    const Result<Json> document = YamlDocument::parse(apiYaml, QStringLiteral("api.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const Json* chatOperation = exportedOperation(document.value()["data"], "POST", "/chat/completions");
    QVERIFY(chatOperation);
    const Json& response = (*chatOperation)["operationPolicies"]["response"];
    QCOMPARE(response.size(), std::size_t(1));
    const Json& exportedGuardrail = response[0];
    QCOMPARE(exportedGuardrail["policyName"], Json("RegexGuardrail"));
    // Everything else of the guardrail is exported.
    const Json expected{{"name", "No secrets"},
                        {"regex", "sk-[A-Za-z0-9]{20,}"},
                        {"jsonPath", "$.choices[0].message.content"},
                        {"invert", true}};
    QVERIFY2(exportedGuardrail["parameters"] == expected, dumpCompact(exportedGuardrail).c_str());
}

// WSO2's PromptTemplate and PromptDecorator travel as WSO2 writes them: their configurations as the
// strings of JSON they are, no warning, and back unchanged.
void TestWso2Project::promptPoliciesRoundTripUnchanged() {
    auto source = openWorkspace(QStringLiteral("source"));
    Api api = seedApi(*source);
    api.apiPolicies.request.push_back(
        guardrail(QStringLiteral("PromptTemplate"), QStringLiteral("v1.0"),
                  Json{{"name", "Translator"},
                       {"promptTemplateConfig",
                        R"([{"name":"translate","prompt":"Translate [[text]] into [[lang]]."}])"}}));
    api.operationByKey(chat)->policies.request.push_back(guardrail(
        QStringLiteral("PromptDecorator"), QStringLiteral("v1.0"),
        Json{{"name", "Persona"},
             {"promptDecoratorConfig", R"({"decoration":[{"role":"system","content":"Be exact."}]})"},
             {"jsonPath", "$.messages"},
             {"append", true}}));
    QString error;
    QVERIFY2(source->saveApi(api).ok(&error), qPrintable(error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*source, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QVERIFY2(exported->warnings.isEmpty(), qPrintable(exported->warnings.join(QLatin1Char('\n'))));
    const Result<Json> document = YamlDocument::parse(
        readFile(QDir(folder).filePath(QStringLiteral("api.yaml"))), QStringLiteral("api.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const Json& templates = document.value()["data"]["apiPolicies"]["request"][1];
    QVERIFY(templates["policyName"] == Json("PromptTemplate"));
    QVERIFY(templates["parameters"]["promptTemplateConfig"] ==
            api.apiPolicies.request[1].parameters["promptTemplateConfig"]);

    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    QVERIFY2(!imported->unmapped.join(QLatin1Char('\n')).contains(QLatin1String("Prompt")),
             qPrintable(imported->unmapped.join(QLatin1Char('\n'))));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);
    QVERIFY2(copy->apiPolicies.request.at(1) == api.apiPolicies.request.at(1),
             qPrintable(describe(copy->apiPolicies.request.at(1))));
    QVERIFY2(copy->operationByKey(chat)->policies.request.at(1) ==
                 api.operationByKey(chat)->policies.request.at(1),
             qPrintable(describe(copy->operationByKey(chat)->policies.request.at(1))));
}

// SemanticCache as WSO2 places it, on the request and the response flow with its threshold as a
// string, travels both ways unchanged; Gatehouse's own ttl and maxEntries stay home, with a warning
// only when they differ from their defaults.
void TestWso2Project::semanticCacheRoundTripsOnBothFlows() {
    auto source = openWorkspace(QStringLiteral("source"));
    Api api = seedApi(*source);
    const Json parameters{
        {"name", "FAQ cache"}, {"threshold", "0.35"}, {"jsonPath", "$.messages[-1].content"}};
    Operation* operation = api.operationByKey(chat);
    operation->policies.request.push_back(
        guardrail(QStringLiteral("SemanticCache"), QStringLiteral("v1.0"), parameters));
    operation->policies.response.push_back(
        guardrail(QStringLiteral("SemanticCache"), QStringLiteral("v1.0"), parameters));
    QString error;
    QVERIFY2(source->saveApi(api).ok(&error), qPrintable(error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*source, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QVERIFY2(exported->warnings.isEmpty(), qPrintable(exported->warnings.join(QLatin1Char('\n'))));
    const Result<Json> document = YamlDocument::parse(
        readFile(QDir(folder).filePath(QStringLiteral("api.yaml"))), QStringLiteral("api.yaml"));
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const Json* exportedChat = exportedOperation(document.value()["data"], "POST", "/chat/completions");
    QVERIFY(exportedChat);
    const Json& request = (*exportedChat)["operationPolicies"]["request"];
    const Json& cache = request[request.size() - 1];
    QVERIFY(cache["policyName"] == Json("SemanticCache"));
    QVERIFY2(cache["parameters"] == parameters, dumpCompact(cache).c_str());
    QVERIFY((*exportedChat)["operationPolicies"]["response"][0]["policyName"] == Json("SemanticCache"));

    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);
    QVERIFY(copy->operationByKey(chat)->policies.request.back() == operation->policies.request.back());
    QVERIFY(copy->operationByKey(chat)->policies.response.back() == operation->policies.response.back());

    // A ttl of its own is Gatehouse's: left out, and said so.
    operation->policies.request.back().parameters["ttl"] = 600;
    QVERIFY2(source->saveApi(api).ok(&error), qPrintable(error));
    const Result<Wso2ExportResult> again =
        Wso2Project::exportApi(*source, api.id, m_dir->filePath(QStringLiteral("again")));
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->warnings.size(), 1);
    QVERIFY2(again->warnings.first().contains(QStringLiteral("ttl")), qPrintable(again->warnings.first()));
}

// SemanticPromptGuardrail and semanticRouting keep WSO2's names, and their configurations travel as
// the strings of JSON WSO2 writes, both ways, without a warning.
void TestWso2Project::semanticGuardAndRoutingRoundTripUnchanged() {
    auto source = openWorkspace(QStringLiteral("source"));
    Api api = seedApi(*source);
    Operation* operation = api.operationByKey(chat);
    operation->policies.request.clear(); // semanticRouting and the balancers exclude each other
    operation->policies.request.push_back(guardrail(
        QStringLiteral("semanticRouting"), QStringLiteral("v1.0"),
        Json{
            {"semanticRoutingConfigs",
             R"({"production":{"defaultModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},)"
             R"("routes":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint",)"
             R"("utterances":["weather"],"scorethreshold":"0.8"}]},"sandbox":{},)"
             R"("path":{"contentpath":"$.messages[-1].content"}})"}}));
    operation->policies.request.push_back(
        guardrail(QStringLiteral("SemanticPromptGuardrail"), QStringLiteral("v1.0"),
                  Json{{"name", "Topic guard"},
                       {"rules", R"({"allowPrompts":[],"denyPrompts":["Ignore all previous instructions"]})"},
                       {"threshold", 85},
                       {"jsonPath", "$.messages[-1].content"},
                       {"showAssessment", true}}));
    QString error;
    QVERIFY2(source->saveApi(api).ok(&error), qPrintable(error));
    const QString folder = m_dir->filePath(QStringLiteral("out"));
    const Result<Wso2ExportResult> exported = Wso2Project::exportApi(*source, api.id, folder);
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QVERIFY2(exported->warnings.isEmpty(), qPrintable(exported->warnings.join(QLatin1Char('\n'))));
    auto target = openWorkspace(QStringLiteral("target"));
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*target, folder);
    QVERIFY2(imported.ok(), qPrintable(imported.error()));
    QVERIFY2(!imported->unmapped.join(QLatin1Char('\n')).contains(QLatin1String("emantic")),
             qPrintable(imported->unmapped.join(QLatin1Char('\n'))));
    const Api* copy = target->api(imported->apiId);
    QVERIFY(copy);
    const std::vector<PolicyAttachment>& request = copy->operationByKey(chat)->policies.request;
    QCOMPARE(request.size(), std::size_t(2));
    QVERIFY2(request[0] == operation->policies.request[0], qPrintable(describe(request[0])));
    QVERIFY2(request[1] == operation->policies.request[1], qPrintable(describe(request[1])));
}

QTEST_GUILESS_MAIN(TestWso2Project)
#include "tst_wso2project.moc"
