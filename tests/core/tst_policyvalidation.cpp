// Policy validation on a real AI API: every bad configuration is reported at the exact path a GUI
// maps to a field, and good ones (the seed configuration first) validate without errors or warnings.

#include "core/Api.h"
#include "core/ApiFactory.h"
#include "core/ApiValidator.h"
#include "core/FlowKind.h"
#include "core/Json.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyCatalogue.h"
#include "core/PolicyValidator.h"
#include "core/ProviderRegistry.h"
#include "core/ValidationReport.h"

#include <QRegularExpression>
#include <QTest>
#include <limits>

using namespace gatehouse;

// Changes a row makes that its JSON text cannot express.
enum class Tweak {
    None,
    HttpApi,   // api.type = "HTTP"
    NanWeight, // weightedRoundRobinConfigs.production[0].weight = NaN
};
Q_DECLARE_METATYPE(Tweak)

namespace {

const char* const seedConfiguration =
    "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
    "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],"
    "'suspendDuration':30}";

const Provider* demoProvider() {
    return ProviderRegistry::builtin().find(QStringLiteral("demo"));
}

// SmartChat from the demo provider, with a default endpoint in both stages.
Api demoApi() {
    ApiFactory::Request request;
    request.id = QStringLiteral("smartchat");
    request.name = QStringLiteral("SmartChat");
    request.context = QStringLiteral("smartchat");
    request.version = QStringLiteral("1.0.0");
    request.sandboxUrl = QStringLiteral("mock://demo/v1");
    return ApiFactory::createAiApi(*demoProvider(), request);
}

ValidationReport validate(const Api& api) {
    return ApiValidator(PolicyCatalogue::builtin(), demoProvider()).validate(api);
}

QString describe(const ValidationReport& report) {
    const QStringList lines = report.toStrings();
    return lines.isEmpty() ? QStringLiteral("(no issues)") : lines.join(QLatin1Char('\n'));
}

std::vector<ValidationIssue> errorsAt(const ValidationReport& report, const QString& path) {
    std::vector<ValidationIssue> found;
    for (const ValidationIssue& issue : report.errors()) {
        if (issue.path == path)
            found.push_back(issue);
    }
    return found;
}

// "apiPolicies.request" or "operations[POST /chat/completions].response": the path prefix of a flow.
PolicyFlows* flowsAt(Api& api, const QString& where, FlowKind* flow) {
    static const QRegularExpression shape(QStringLiteral("^(?:apiPolicies|operations\\[(.+)\\])\\.(\\w+)$"));
    const QRegularExpressionMatch match = shape.match(where);
    if (!match.hasMatch())
        return nullptr;
    const std::optional<FlowKind> kind = parseFlowKind(match.captured(2));
    if (!kind)
        return nullptr;
    *flow = *kind;
    if (match.captured(1).isEmpty())
        return &api.apiPolicies;
    Operation* operation = api.operationByKey(match.captured(1));
    return operation ? &operation->policies : nullptr;
}

bool attach(Api& api, const QString& where, const QString& policyName, const Json& parameters) {
    FlowKind flow = FlowKind::Request;
    PolicyFlows* flows = flowsAt(api, where, &flow);
    if (!flows)
        return false;
    PolicyAttachment attachment;
    attachment.policyName = policyName;
    attachment.parameters = parameters;
    flows->flow(flow).push_back(attachment);
    return true;
}

Json parseJson(const QString& text) {
    return Json::parse(toStdString(text), nullptr, false);
}

} // namespace

class TestPolicyValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void baselineApiIsClean();
    void rejectsBadConfiguration_data();
    void rejectsBadConfiguration();
    void acceptsGoodConfiguration_data();
    void acceptsGoodConfiguration();
    void seedConfigurationIsClean();
    void unknownModelIsOnlyAWarning();
    void onlyTheLaterLoadBalancerIsReported();
    void apiLevelLoadBalancerIsNotReported();
    void headerPatternsRejectTrailingLineBreak_data();
    void headerPatternsRejectTrailingLineBreak();
    void failoverWithoutTargetReportedAlongsideOtherErrors();
    void placementRefusesResponseFlow();
    void placementRefusesHttpApi();
    void placementRefusesSecondLoadBalancer();
    void placementRefusesOperationLoadBalancerUnderApiLevelOne();
    void placementRefusesApiLevelLoadBalancerOverOperationOne();
    void placementAllowsFirstLoadBalancer();
    void placementAllowsReplacingTheLoadBalancer();
    void placementRefusesUnknownPolicy();
};

void TestPolicyValidation::initTestCase() {
    QVERIFY(demoProvider());
    QVERIFY(!PolicyCatalogue::builtin().definitions().empty());
}

void TestPolicyValidation::baselineApiIsClean() {
    const Api api = demoApi();
    QCOMPARE(api.type, QStringLiteral("AIAPI"));
    QVERIFY(api.endpoint(QStringLiteral("default_production_endpoint")));
    QVERIFY(api.endpoint(QStringLiteral("default_sandbox_endpoint")));
    QVERIFY(api.operationByKey(QStringLiteral("POST /chat/completions")));
    const ValidationReport report = validate(api);
    QVERIFY2(report.isClean(), qPrintable(describe(report)));
}

void TestPolicyValidation::rejectsBadConfiguration_data() {
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("before"); // [{"where":..., "policy":..., "parameters":...}] attached first
    QTest::addColumn<Tweak>("tweak");

    const auto row = [](const char* name, const char* where, const char* policy, const char* parameters,
                        const char* path, const char* message, const char* before = "[]",
                        Tweak tweak = Tweak::None) {
        QTest::newRow(name) << QString::fromUtf8(where) << QString::fromUtf8(policy)
                            << QString::fromUtf8(parameters) << QString::fromUtf8(path)
                            << QString::fromUtf8(message) << QString::fromUtf8(before) << tweak;
    };
    const char* const chat = "operations[POST /chat/completions].request";
    const char* const wrr = "modelWeightedRoundRobin";
    const char* const rr = "modelRoundRobin";
    const char* const failover = "modelFailover";

    // Weighted round robin: lists, weights, targets.
    row("wrr no models", chat, wrr, R"({"weightedRoundRobinConfigs":{"production":[],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production",
        "needs at least one model");
    row("wrr weight negative", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":-1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[1].weight",
        "must be at least 0 (got -1)");
    row("wrr weights all 0", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":0},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":0}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production",
        "the weights must not all be 0");
    row("wrr weight not a number", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":"fifty"}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].weight",
        "must be a number, not the text \"fifty\"");
    row("wrr weight missing", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].weight",
        "is required");
    row("wrr weight NaN", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].weight",
        "must be a finite number", "[]", Tweak::NanWeight);
    row("wrr endpoint unknown", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"nowhere","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].endpointId",
        R"(no production endpoint with id "nowhere")");
    row("wrr sandbox endpoint in production", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_sandbox_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].endpointId",
        R"("default_sandbox_endpoint" is a sandbox endpoint, not a production one)");
    row("wrr production endpoint in sandbox", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[],"sandbox":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.sandbox[0].endpointId",
        R"("default_production_endpoint" is a production endpoint, not a sandbox one)");
    row("wrr endpointId missing", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[{"model":"gpt-4o","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].endpointId",
        "is required");
    row("wrr model empty", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].model",
        "must not be empty");
    row("wrr model blank", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"   ","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].model",
        "must not be empty");
    row("wrr target not an object", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":["gpt-4o"],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0]",
        "must be an object, not a string");
    row("wrr production not an array", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1},"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production",
        "must be a list, not an object");
    row("wrr sandbox missing", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}]}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.sandbox", "is required");
    row("wrr suspendDuration negative", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[],
            "suspendDuration":-5}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.suspendDuration",
        "must be at least 0 (got -5)");
    row("wrr suspendDuration 2.5", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[],
            "suspendDuration":2.5}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.suspendDuration",
        "must be a whole number of seconds, not 2.5");
    row("wrr suspendDuration not a number", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[],
            "suspendDuration":"thirty"}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.suspendDuration",
        "must be a number, not the text \"thirty\"");
    row("wrr retryOnFailure not a boolean", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[],
            "retryOnFailure":"yes"}})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.retryOnFailure",
        "must be true or false, not a string");
    row("wrr config a number", chat, wrr, R"({"weightedRoundRobinConfigs":42})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs",
        "must be an object, not an integer");
    row("wrr config missing", chat, wrr, R"({})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs", "is required");
    row("wrr config null", chat, wrr, R"({"weightedRoundRobinConfigs":null})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs", "is required");
    row("parameters not an object", chat, wrr, R"([])",
        "operations[POST /chat/completions].request[0].parameters", "must be an object");

    // WSO2's single-quoted string form.
    row("wso2 string not valid JSON", chat, wrr,
        R"({"weightedRoundRobinConfigs":"{'production':[{'model':'gpt-4o',}],'sandbox':[]}"})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs", "is not valid JSON");
    row("wso2 string unknown endpoint", chat, wrr,
        R"({"weightedRoundRobinConfigs":"{'production':[{'model':'gpt-4o','endpointId':'nowhere','weight':1}],'sandbox':[]}"})",
        "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].endpointId",
        R"(no production endpoint with id "nowhere")");

    // Round robin.
    row("rr no models", chat, rr, R"({"roundRobinConfigs":{"production":[],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].roundRobinConfigs.production",
        "needs at least one model");
    row("rr model missing", chat, rr,
        R"({"roundRobinConfigs":{"production":[{"endpointId":"default_production_endpoint"}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0].roundRobinConfigs.production[0].model", "is required");

    // Where routers may sit.
    row("wrr on the response flow", "operations[POST /chat/completions].response", wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].response[0]",
        "Model Weighted Round Robin cannot be attached to the Response flow");
    row("rr on the fault flow", "operations[POST /chat/completions].fault", rr,
        R"({"roundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}})",
        "operations[POST /chat/completions].fault[0]",
        "Model Round Robin cannot be attached to the Fault flow");
    row("failover on the API-level response flow", "apiPolicies.response", failover,
        R"({"failoverConfigs":{"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint"}]}}})",
        "apiPolicies.response[0]", "Model Failover cannot be attached to the Response flow");
    row("wrr on a plain HTTP API", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0]",
        "Model Weighted Round Robin applies only to AI APIs; SmartChat is a plain HTTP API", "[]",
        Tweak::HttpApi);
    row("API-level wrr unknown endpoint", "apiPolicies.request", wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"nowhere","weight":1}],"sandbox":[]}})",
        "apiPolicies.request[0].weightedRoundRobinConfigs.production[0].endpointId",
        R"(no production endpoint with id "nowhere")");

    // One load balancer per operation, API level included.
    row("rr then wrr on one operation", chat, wrr,
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[1]",
        "only one load-balancing policy may apply to an operation: Model Round Robin is already attached to "
        "POST /chat/completions",
        R"([{"where":"operations[POST /chat/completions].request","policy":"modelRoundRobin",
            "parameters":{"roundRobinConfigs":{"production":[
                {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}}}])");
    row("API-level wrr and operation rr", chat, rr,
        R"({"roundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}})",
        "operations[POST /chat/completions].request[0]",
        "only one load-balancing policy may apply to an operation: Model Weighted Round Robin is already "
        "attached at API level",
        R"([{"where":"apiPolicies.request","policy":"modelWeightedRoundRobin",
            "parameters":{"weightedRoundRobinConfigs":{"production":[
                {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}}}])");
    row("two load balancers at API level", "apiPolicies.request", rr,
        R"({"roundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}})",
        "apiPolicies.request[1]", "Model Weighted Round Robin is already attached",
        R"([{"where":"apiPolicies.request","policy":"modelWeightedRoundRobin",
            "parameters":{"weightedRoundRobinConfigs":{"production":[
                {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}}}])");

    // Failover.
    row("failover fallbacks without target", chat, failover,
        R"({"failoverConfigs":{"production":{
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint"}]}}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.production.targetModel.model",
        "failover needs the target model whose failures it handles");
    row("failover target without model", chat, failover,
        R"({"failoverConfigs":{"production":{"targetModel":{"endpointId":"default_production_endpoint"}}}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.production.targetModel.model",
        "is required");
    row("failover no stage configured", chat, failover, R"({"failoverConfigs":{}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.production.targetModel",
        "failover needs a target model in production or sandbox");
    row("failover empty stages", chat, failover, R"({"failoverConfigs":{"production":{},"sandbox":{}}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.production.targetModel",
        "failover needs a target model in production or sandbox");
    row("failover target endpoint unknown", chat, failover,
        R"({"failoverConfigs":{"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"nowhere"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint"}]}}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.production.targetModel.endpointId",
        R"(no production endpoint with id "nowhere")");
    row("failover fallback of the wrong stage", chat, failover,
        R"({"failoverConfigs":{"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_sandbox_endpoint"}]}}})",
        "operations[POST "
        "/chat/completions].request[0].failoverConfigs.production.fallbackModels[0].endpointId",
        R"("default_sandbox_endpoint" is a sandbox endpoint, not a production one)");
    row("failover sandbox target of the wrong stage", chat, failover,
        R"({"failoverConfigs":{"sandbox":{
            "targetModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_sandbox_endpoint"}]}}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.sandbox.targetModel.endpointId",
        R"("default_production_endpoint" is a production endpoint, not a sandbox one)");
    row("failover requestTimeout negative", chat, failover,
        R"({"failoverConfigs":{"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint"}]},
            "requestTimeout":-1}})",
        "operations[POST /chat/completions].request[0].failoverConfigs.requestTimeout",
        "must be at least 0 (got -1)");

    // Header policies and unknown policies.
    row("addHeader invalid name", chat, "addHeader", R"({"headerName":"X Bad Header","headerValue":"v"})",
        "operations[POST /chat/completions].request[0].headerName", "must be an HTTP header name");
    row("addHeader value with CR LF", chat, "addHeader",
        R"({"headerName":"X-Trace","headerValue":"ok\r\nX-Injected: yes"})",
        "operations[POST /chat/completions].request[0].headerValue", "must not contain line breaks");
    row("addHeader value missing", chat, "addHeader", R"({"headerName":"X-Trace"})",
        "operations[POST /chat/completions].request[0].headerValue", "is required");
    row("removeHeader name missing", "operations[POST /chat/completions].response", "removeHeader", R"({})",
        "operations[POST /chat/completions].response[0].headerName", "is required");
    row("removeHeader name empty", chat, "removeHeader", R"({"headerName":""})",
        "operations[POST /chat/completions].request[0].headerName", "must not be empty");
    row("unknown policy", chat, "rateLimiting", R"({})", "operations[POST /chat/completions].request[0]",
        R"(unknown policy "rateLimiting")");
}

void TestPolicyValidation::rejectsBadConfiguration() {
    QFETCH(QString, where);
    QFETCH(QString, policy);
    QFETCH(QString, parameters);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(QString, before);
    QFETCH(Tweak, tweak);

    Api api = demoApi();
    if (tweak == Tweak::HttpApi)
        api.type = QLatin1String(Api::TypeHttp);

    const Json existing = parseJson(before);
    QVERIFY2(existing.is_array(), "the before column is not a JSON array");
    for (const Json& each : existing) {
        QVERIFY(attach(api, toQString(each.at("where").get<std::string>()),
                       toQString(each.at("policy").get<std::string>()), each.at("parameters")));
    }

    Json json = parseJson(parameters);
    QVERIFY2(!json.is_discarded(), "the parameters column is not valid JSON");
    if (tweak == Tweak::NanWeight)
        json["weightedRoundRobinConfigs"]["production"][0]["weight"] =
            std::numeric_limits<double>::quiet_NaN();
    QVERIFY2(attach(api, where, policy, json), qPrintable(QStringLiteral("cannot attach at %1").arg(where)));

    const ValidationReport report = validate(api);
    const std::vector<ValidationIssue> found = errorsAt(report, path);
    QVERIFY2(!found.empty(),
             qPrintable(QStringLiteral("no error at %1; the report:\n%2").arg(path, describe(report))));
    bool matched = false;
    for (const ValidationIssue& issue : found)
        matched = matched || issue.message.contains(message);
    QVERIFY2(matched, qPrintable(QStringLiteral("no error at %1 mentions \"%2\"; the report:\n%3")
                                     .arg(path, message, describe(report))));
}

void TestPolicyValidation::acceptsGoodConfiguration_data() {
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("parameters");

    const auto row = [](const char* name, const char* where, const char* policy, const char* parameters) {
        QTest::newRow(name) << QString::fromUtf8(where) << QString::fromUtf8(policy)
                            << QString::fromUtf8(parameters);
    };
    const char* const chat = "operations[POST /chat/completions].request";
    row("seed, decoded", chat, "modelWeightedRoundRobin",
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],"sandbox":[],
            "suspendDuration":30}})");
    row("wrr one weight 0", chat, "modelWeightedRoundRobin",
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":0},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":0.5}],"sandbox":[],
            "retryOnFailure":false}})");
    row("wrr sandbox only", chat, "modelWeightedRoundRobin",
        R"({"weightedRoundRobinConfigs":{"production":[],"sandbox":[
            {"model":"o3-mini","endpointId":"default_sandbox_endpoint","weight":1}]}})");
    row("wrr at API level", "apiPolicies.request", "modelWeightedRoundRobin",
        R"({"weightedRoundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})");
    row("rr both stages", chat, "modelRoundRobin",
        R"({"roundRobinConfigs":{"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint"},
            {"model":"o3-mini","endpointId":"default_production_endpoint"}],"sandbox":[
            {"model":"gpt-4o-mini","endpointId":"default_sandbox_endpoint"}],"suspendDuration":0}})");
    row("failover", chat, "modelFailover",
        R"({"failoverConfigs":{"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint"}]},
            "requestTimeout":30,"suspendDuration":10}})");
    row("addHeader", "operations[POST /chat/completions].response", "addHeader",
        R"({"headerName":"X-Served-By","headerValue":"gatehouse; v=1"})");
    row("addHeader empty value", chat, "addHeader", R"({"headerName":"X-Empty","headerValue":""})");
    row("removeHeader", "apiPolicies.fault", "removeHeader", R"({"headerName":"Server"})");
}

void TestPolicyValidation::acceptsGoodConfiguration() {
    QFETCH(QString, where);
    QFETCH(QString, policy);
    QFETCH(QString, parameters);

    Api api = demoApi();
    const Json json = parseJson(parameters);
    QVERIFY2(!json.is_discarded(), "the parameters column is not valid JSON");
    QVERIFY(attach(api, where, policy, json));
    const ValidationReport report = validate(api);
    QVERIFY2(report.isClean(), qPrintable(describe(report)));
}

void TestPolicyValidation::seedConfigurationIsClean() {
    Api api = demoApi();
    Json parameters = Json::object();
    parameters["weightedRoundRobinConfigs"] = seedConfiguration; // WSO2's single-quoted string form
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"),
                   QStringLiteral("modelWeightedRoundRobin"), parameters));
    const ValidationReport report = validate(api);
    QVERIFY2(!report.hasErrors(), qPrintable(describe(report)));
    QVERIFY2(report.warnings().empty(), qPrintable(describe(report)));
    QVERIFY2(report.isClean(), qPrintable(describe(report)));
}

void TestPolicyValidation::unknownModelIsOnlyAWarning() {
    Api api = demoApi();
    const Json parameters = parseJson(QStringLiteral(R"({"weightedRoundRobinConfigs":{"production":[
        {"model":"gpt-5","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})"));
    QVERIFY(!parameters.is_discarded());
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"),
                   QStringLiteral("modelWeightedRoundRobin"), parameters));
    const ValidationReport report = validate(api);
    QVERIFY2(!report.hasErrors(), qPrintable(describe(report)));
    const std::vector<ValidationIssue> warnings = report.warnings();
    QCOMPARE(warnings.size(), std::size_t(1));
    QCOMPARE(
        warnings.front().path,
        QStringLiteral(
            "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[0].model"));
    QVERIFY2(warnings.front().message.contains(QLatin1String("\"gpt-5\" is not in")),
             qPrintable(describe(report)));
    QVERIFY2(warnings.front().message.contains(QLatin1String("model list")), qPrintable(describe(report)));
}

void TestPolicyValidation::onlyTheLaterLoadBalancerIsReported() {
    Api api = demoApi();
    const QString where = QStringLiteral("operations[POST /chat/completions].request");
    QVERIFY(attach(api, where, QStringLiteral("modelRoundRobin"),
                   parseJson(QStringLiteral(R"({"roundRobinConfigs":{"production":[
                       {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}})"))));
    QVERIFY(attach(api, where, QStringLiteral("modelWeightedRoundRobin"),
                   parseJson(QStringLiteral(R"({"weightedRoundRobinConfigs":{"production":[
                       {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})"))));
    const ValidationReport report = validate(api);
    const std::vector<ValidationIssue> errors = report.errors();
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.front().path, QStringLiteral("operations[POST /chat/completions].request[1]"));
    QVERIFY(report.issuesUnder(QStringLiteral("operations[POST /chat/completions].request[0]")).empty());
}

void TestPolicyValidation::apiLevelLoadBalancerIsNotReported() {
    Api api = demoApi();
    QVERIFY(attach(api, QStringLiteral("apiPolicies.request"), QStringLiteral("modelWeightedRoundRobin"),
                   parseJson(QStringLiteral(R"({"weightedRoundRobinConfigs":{"production":[
                       {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]}})"))));
    QVERIFY(attach(api, QStringLiteral("operations[GET /models].request"), QStringLiteral("modelRoundRobin"),
                   parseJson(QStringLiteral(R"({"roundRobinConfigs":{"production":[
                       {"model":"gpt-4o","endpointId":"default_production_endpoint"}],"sandbox":[]}})"))));
    const ValidationReport report = validate(api);
    const std::vector<ValidationIssue> errors = report.errors();
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.front().path, QStringLiteral("operations[GET /models].request[0]"));
    QVERIFY(errors.front().message.contains(QLatin1String("at API level")));
    QVERIFY(report.issuesUnder(QStringLiteral("apiPolicies")).empty());
}

// QRegularExpression's '$' also matches before a final newline, so "^[^\r\n]*$" lets one through.
void TestPolicyValidation::headerPatternsRejectTrailingLineBreak_data() {
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("path");

    QTest::newRow("addHeader value ends with LF")
        << QStringLiteral("addHeader") << QStringLiteral(R"({"headerName":"X-Trace","headerValue":"ok\n"})")
        << QStringLiteral("operations[POST /chat/completions].request[0].headerValue");
    QTest::newRow("addHeader name ends with LF")
        << QStringLiteral("addHeader") << QStringLiteral(R"({"headerName":"X-Trace\n","headerValue":"ok"})")
        << QStringLiteral("operations[POST /chat/completions].request[0].headerName");
    QTest::newRow("removeHeader name ends with LF")
        << QStringLiteral("removeHeader") << QStringLiteral(R"({"headerName":"Server\n"})")
        << QStringLiteral("operations[POST /chat/completions].request[0].headerName");
}

void TestPolicyValidation::headerPatternsRejectTrailingLineBreak() {
    QFETCH(QString, policy);
    QFETCH(QString, parameters);
    QFETCH(QString, path);

    Api api = demoApi();
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"), policy,
                   parseJson(parameters)));
    const ValidationReport report = validate(api);
    QVERIFY2(!errorsAt(report, path).empty(), qPrintable(describe(report)));
}

// The "needs a target model" check must not be hidden by an unrelated error elsewhere in the API.
void TestPolicyValidation::failoverWithoutTargetReportedAlongsideOtherErrors() {
    Api api = demoApi();
    api.name.clear(); // an unrelated error, reported first at "name"
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"),
                   QStringLiteral("modelFailover"), parseJson(QStringLiteral(R"({"failoverConfigs":{}})"))));
    const ValidationReport report = validate(api);
    QVERIFY(!errorsAt(report, QStringLiteral("name")).empty());
    QVERIFY2(!errorsAt(report, QStringLiteral(
                                   "operations[POST /chat/completions].request[0].failoverConfigs.production."
                                   "targetModel"))
                  .empty(),
             qPrintable(describe(report)));
}

void TestPolicyValidation::placementRefusesResponseFlow() {
    const Api api = demoApi();
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    const Operation* chat = api.operationByKey(QStringLiteral("POST /chat/completions"));
    QVERIFY(chat);
    QCOMPARE(
        validator.placementError(api, chat, FlowKind::Response, QStringLiteral("modelWeightedRoundRobin")),
        QStringLiteral("Model Weighted Round Robin cannot be attached to the Response flow: it only runs in "
                       "the Request flow"));
    QCOMPARE(validator.placementError(api, nullptr, FlowKind::Fault, QStringLiteral("modelFailover")),
             QStringLiteral(
                 "Model Failover cannot be attached to the Fault flow: it only runs in the Request flow"));
    // Header policies run in every flow.
    QCOMPARE(validator.placementError(api, chat, FlowKind::Response, QStringLiteral("addHeader")), QString());
}

void TestPolicyValidation::placementRefusesHttpApi() {
    Api api = demoApi();
    api.type = QLatin1String(Api::TypeHttp);
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    const Operation* chat = api.operationByKey(QStringLiteral("POST /chat/completions"));
    QVERIFY(chat);
    QCOMPARE(validator.placementError(api, chat, FlowKind::Request, QStringLiteral("modelRoundRobin")),
             QStringLiteral("Model Round Robin applies only to AI APIs; SmartChat is a plain HTTP API"));
    QCOMPARE(validator.placementError(api, chat, FlowKind::Request, QStringLiteral("addHeader")), QString());
}

void TestPolicyValidation::placementRefusesSecondLoadBalancer() {
    Api api = demoApi();
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"),
                   QStringLiteral("modelRoundRobin"), Json::object()));
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    const Operation* chat = api.operationByKey(QStringLiteral("POST /chat/completions"));
    QCOMPARE(
        validator.placementError(api, chat, FlowKind::Request, QStringLiteral("modelWeightedRoundRobin")),
        QStringLiteral("only one load-balancing policy may apply to an operation: Model Round Robin is "
                       "already attached to POST /chat/completions"));
    // Failover is not a load balancer and other operations are unaffected.
    QCOMPARE(validator.placementError(api, chat, FlowKind::Request, QStringLiteral("modelFailover")),
             QString());
    QCOMPARE(validator.placementError(api, api.operationByKey(QStringLiteral("POST /completions")),
                                      FlowKind::Request, QStringLiteral("modelWeightedRoundRobin")),
             QString());
}

void TestPolicyValidation::placementRefusesOperationLoadBalancerUnderApiLevelOne() {
    Api api = demoApi();
    QVERIFY(attach(api, QStringLiteral("apiPolicies.request"), QStringLiteral("modelWeightedRoundRobin"),
                   Json::object()));
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    QCOMPARE(
        validator.placementError(api, api.operationByKey(QStringLiteral("GET /models")), FlowKind::Request,
                                 QStringLiteral("modelRoundRobin")),
        QStringLiteral("only one load-balancing policy may apply to an operation: Model Weighted Round Robin "
                       "is already attached at API level"));
}

void TestPolicyValidation::placementRefusesApiLevelLoadBalancerOverOperationOne() {
    Api api = demoApi();
    QVERIFY(attach(api, QStringLiteral("operations[POST /embeddings].request"),
                   QStringLiteral("modelRoundRobin"), Json::object()));
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    QCOMPARE(
        validator.placementError(api, nullptr, FlowKind::Request, QStringLiteral("modelWeightedRoundRobin")),
        QStringLiteral("only one load-balancing policy may apply to an operation: Model Round Robin is "
                       "already attached to POST /embeddings"));
}

void TestPolicyValidation::placementAllowsFirstLoadBalancer() {
    Api api = demoApi();
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    const Operation* chat = api.operationByKey(QStringLiteral("POST /chat/completions"));
    QVERIFY(chat);
    const QString error =
        validator.placementError(api, chat, FlowKind::Request, QStringLiteral("modelWeightedRoundRobin"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(error, QString());
    QCOMPARE(validator.placementError(api, nullptr, FlowKind::Request, QStringLiteral("modelRoundRobin")),
             QString());
    // Other policies alongside do not count.
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"),
                   QStringLiteral("addHeader"), Json::object()));
    chat = api.operationByKey(QStringLiteral("POST /chat/completions"));
    QCOMPARE(
        validator.placementError(api, chat, FlowKind::Request, QStringLiteral("modelWeightedRoundRobin")),
        QString());
}

void TestPolicyValidation::placementAllowsReplacingTheLoadBalancer() {
    Api api = demoApi();
    QVERIFY(attach(api, QStringLiteral("operations[POST /chat/completions].request"),
                   QStringLiteral("modelRoundRobin"), Json::object()));
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    const Operation* chat = api.operationByKey(QStringLiteral("POST /chat/completions"));
    const PolicyAttachment* existing = &chat->policies.request.front();
    QCOMPARE(validator.placementError(api, chat, FlowKind::Request, QStringLiteral("modelWeightedRoundRobin"),
                                      existing),
             QString());
}

void TestPolicyValidation::placementRefusesUnknownPolicy() {
    const Api api = demoApi();
    const PolicyValidator validator(PolicyCatalogue::builtin(), demoProvider());
    QCOMPARE(validator.placementError(api, nullptr, FlowKind::Request, QStringLiteral("rateLimiting")),
             QStringLiteral("unknown policy \"rateLimiting\""));
}

QTEST_GUILESS_MAIN(TestPolicyValidation)
#include "tst_policyvalidation.moc"
