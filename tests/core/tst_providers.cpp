// The built-in provider templates and policy catalogue: both are JSON resources, so these tests are
// what stops a typo in a resource from reaching users.

#include "core/Api.h"
#include "core/ApiFactory.h"
#include "core/FlowKind.h"
#include "core/Json.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyCatalogue.h"
#include "core/PolicyDefinition.h"
#include "core/PolicyValidator.h"
#include "core/Provider.h"
#include "core/ProviderRegistry.h"
#include "core/ValidationReport.h"

#include <QTest>

using namespace gatehouse;

namespace {

const Provider* provider(const char* id) {
    return ProviderRegistry::builtin().find(QString::fromUtf8(id));
}

QStringList operationKeys(const Provider& provider) {
    QStringList keys;
    for (const Operation& operation : provider.operations)
        keys.append(operation.key());
    return keys;
}

} // namespace

class TestProviders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltinProviderLoads_data();
    void everyBuiltinProviderLoads();
    void builtinProvidersInPickerOrder();
    void openAiOperations_data();
    void openAiOperations();
    void authHeaders_data();
    void authHeaders();
    void openAiModels();
    void requestModelLocation_data();
    void requestModelLocation();
    void providerJsonRoundTrip_data();
    void providerJsonRoundTrip();
    void customProviderCannotShadowBuiltin();
    void catalogueHasPolicies_data();
    void catalogueHasPolicies();
    void routersOnlyInRequestFlowOfAiApis();
    void weightedRoundRobinDefaultsAreStructurallyValid();
};

void TestProviders::everyBuiltinProviderLoads_data() {
    QTest::addColumn<QString>("id");
    for (const char* id : {"openai", "azure-openai", "mistral", "anthropic", "openai-compatible", "demo"})
        QTest::newRow(id) << QString::fromUtf8(id);
}

void TestProviders::everyBuiltinProviderLoads() {
    QFETCH(QString, id);
    const Provider* loaded = ProviderRegistry::builtin().find(id);
    QVERIFY2(loaded, qPrintable(QStringLiteral("no built-in provider \"%1\"; have: %2")
                                    .arg(id, ProviderRegistry::builtin().ids().join(QStringLiteral(", ")))));
    QCOMPARE(loaded->id, id);
    QVERIFY(loaded->builtin);
    QVERIFY(!loaded->displayName.isEmpty());
    QVERIFY(!loaded->defaultBaseUrl.isEmpty());
    QVERIFY(!loaded->authHeader.isEmpty());
    QVERIFY(!loaded->operations.empty());
    QVERIFY(loaded->requestModel.isSet());
    for (const Operation& operation : loaded->operations) {
        QVERIFY2(operation.path.startsWith(QLatin1Char('/')), qPrintable(operation.key()));
        QVERIFY2(!operation.verb.isEmpty() && operation.verb == operation.verb.toUpper(),
                 qPrintable(operation.key()));
    }
    QCOMPARE(operationKeys(*loaded).removeDuplicates(), qsizetype(0));
}

void TestProviders::builtinProvidersInPickerOrder() {
    const QStringList ids = ProviderRegistry::builtin().ids();
    const QStringList expected = {
        QStringLiteral("openai"),    QStringLiteral("azure-openai"),      QStringLiteral("mistral"),
        QStringLiteral("anthropic"), QStringLiteral("openai-compatible"), QStringLiteral("demo")};
    QCOMPARE(ids.mid(0, expected.size()), expected);
    const Provider* demo = provider("demo");
    QVERIFY(demo);
    QVERIFY(demo->builtinMock);
    QVERIFY(!demo->keyRequired);
}

void TestProviders::openAiOperations_data() {
    QTest::addColumn<QString>("key");
    for (const char* key : {"POST /chat/completions", "POST /completions", "POST /embeddings", "GET /models",
                            "POST /images/generations", "POST /audio/transcriptions", "POST /moderations"})
        QTest::newRow(key) << QString::fromUtf8(key);
}

void TestProviders::openAiOperations() {
    QFETCH(QString, key);
    const Provider* openAi = provider("openai");
    QVERIFY(openAi);
    QVERIFY2(operationKeys(*openAi).contains(key),
             qPrintable(operationKeys(*openAi).join(QStringLiteral(", "))));
}

void TestProviders::authHeaders_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("value"); // of the key "k"

    QTest::newRow("openai") << QStringLiteral("openai") << QStringLiteral("Authorization")
                            << QStringLiteral("Bearer k");
    QTest::newRow("azure-openai") << QStringLiteral("azure-openai") << QStringLiteral("api-key")
                                  << QStringLiteral("k");
    QTest::newRow("mistral") << QStringLiteral("mistral") << QStringLiteral("Authorization")
                             << QStringLiteral("Bearer k");
    QTest::newRow("anthropic") << QStringLiteral("anthropic") << QStringLiteral("x-api-key")
                               << QStringLiteral("k");
}

void TestProviders::authHeaders() {
    QFETCH(QString, id);
    QFETCH(QString, header);
    QFETCH(QString, value);
    const Provider* loaded = ProviderRegistry::builtin().find(id);
    QVERIFY(loaded);
    QCOMPARE(loaded->authHeader, header);
    QVERIFY(!loaded->authInQuery);
    QVERIFY(loaded->keyRequired);
    QCOMPARE(loaded->authValue(QStringLiteral("k")), value);
}

void TestProviders::openAiModels() {
    const Provider* openAi = provider("openai");
    QVERIFY(openAi);
    QCOMPARE(openAi->authValueFormat, QStringLiteral("Bearer {key}"));
    QCOMPARE(openAi->authValue(QStringLiteral("k")), QStringLiteral("Bearer k"));
    for (const char* model : {"gpt-4o", "gpt-4o-mini", "o3-mini"})
        QVERIFY2(openAi->models.contains(QString::fromUtf8(model)), model);
}

void TestProviders::requestModelLocation_data() {
    QTest::addColumn<QString>("id");
    for (const Provider& each : ProviderRegistry::builtin().providers())
        QTest::newRow(qPrintable(each.id)) << each.id;
}

void TestProviders::requestModelLocation() {
    QFETCH(QString, id);
    const Provider* loaded = ProviderRegistry::builtin().find(id);
    QVERIFY(loaded);
    QCOMPARE(int(loaded->requestModel.source), int(ValueLocation::Source::Payload));
    QCOMPARE(loaded->requestModel.identifier, QStringLiteral("$.model"));
}

void TestProviders::providerJsonRoundTrip_data() {
    requestModelLocation_data();
}

void TestProviders::providerJsonRoundTrip() {
    QFETCH(QString, id);
    const Provider* loaded = ProviderRegistry::builtin().find(id);
    QVERIFY(loaded);
    const Json json = loaded->toJson();
    Result<Provider> again = Provider::fromJson(json);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(toQString(dumpPretty(again.value().toJson())), toQString(dumpPretty(json)));
}

void TestProviders::customProviderCannotShadowBuiltin() {
    ProviderRegistry registry = ProviderRegistry::builtin();
    Provider custom = *provider("openai");
    custom.builtin = false;
    custom.displayName = QStringLiteral("Not OpenAI");
    QString error;
    QVERIFY(!registry.add(custom, &error));
    QVERIFY2(error.contains(QLatin1String("built-in")), qPrintable(error));
    QCOMPARE(registry.find(QStringLiteral("openai"))->displayName, QStringLiteral("OpenAI"));

    custom.id = QStringLiteral("my-llm");
    QVERIFY(registry.add(custom, &error));
    QVERIFY(registry.find(QStringLiteral("my-llm")));
}

void TestProviders::catalogueHasPolicies_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("attribute"); // the attribute name WSO2 uses
    QTest::addColumn<bool>("wso2Quoted");

    QTest::newRow("modelRoundRobin") << QStringLiteral("modelRoundRobin")
                                     << QStringLiteral("roundRobinConfigs") << true;
    QTest::newRow("modelWeightedRoundRobin")
        << QStringLiteral("modelWeightedRoundRobin") << QStringLiteral("weightedRoundRobinConfigs") << true;
    QTest::newRow("modelFailover") << QStringLiteral("modelFailover") << QStringLiteral("failoverConfigs")
                                   << true;
    QTest::newRow("addHeader name") << QStringLiteral("addHeader") << QStringLiteral("headerName") << false;
    QTest::newRow("addHeader value") << QStringLiteral("addHeader") << QStringLiteral("headerValue") << false;
    QTest::newRow("removeHeader") << QStringLiteral("removeHeader") << QStringLiteral("headerName") << false;
}

void TestProviders::catalogueHasPolicies() {
    QFETCH(QString, name);
    QFETCH(QString, attribute);
    QFETCH(bool, wso2Quoted);
    const PolicyDefinition* definition = PolicyCatalogue::builtin().find(name);
    QVERIFY2(definition, qPrintable(PolicyCatalogue::builtin().names().join(QStringLiteral(", "))));
    QCOMPARE(definition->name, name);
    QVERIFY(!definition->displayName.isEmpty());
    const PolicyAttribute* found = definition->attribute(attribute);
    QVERIFY2(found, qPrintable(attribute));
    QVERIFY(found->required);
    QCOMPARE(found->encoding == QLatin1String("wso2QuotedJson"), wso2Quoted);
    if (wso2Quoted) {
        QCOMPARE(definition->attributes.size(), std::size_t(1));
        QCOMPARE(found->type, PolicyAttribute::Type::Object);
        QVERIFY(definition->isModelRouter());
        QCOMPARE(definition->router, name);
    } else {
        QVERIFY(!definition->isModelRouter());
        QVERIFY(definition->exclusiveGroup.isEmpty());
    }
}

void TestProviders::routersOnlyInRequestFlowOfAiApis() {
    int routers = 0;
    for (const PolicyDefinition& definition : PolicyCatalogue::builtin().definitions()) {
        if (!definition.isModelRouter())
            continue;
        ++routers;
        QVERIFY2(definition.flows == std::vector<FlowKind>{FlowKind::Request}, qPrintable(definition.name));
        QVERIFY(definition.allowsFlow(FlowKind::Request));
        QVERIFY(!definition.allowsFlow(FlowKind::Response));
        QVERIFY(!definition.allowsFlow(FlowKind::Fault));
        QCOMPARE(definition.apiTypes, QStringList{QStringLiteral("AIAPI")});
        QVERIFY(definition.appliesToApiType(QLatin1String(Api::TypeAi)));
        QVERIFY(!definition.appliesToApiType(QLatin1String(Api::TypeHttp)));
    }
    QCOMPARE(routers, 3);
    // The two load balancers exclude each other; failover is not one of them.
    const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
    QVERIFY(!catalogue.find(QStringLiteral("modelRoundRobin"))->exclusiveGroup.isEmpty());
    QCOMPARE(catalogue.find(QStringLiteral("modelRoundRobin"))->exclusiveGroup,
             catalogue.find(QStringLiteral("modelWeightedRoundRobin"))->exclusiveGroup);
    QVERIFY(catalogue.find(QStringLiteral("modelFailover"))->exclusiveGroup.isEmpty());
}

void TestProviders::weightedRoundRobinDefaultsAreStructurallyValid() {
    const PolicyDefinition* definition =
        PolicyCatalogue::builtin().find(QStringLiteral("modelWeightedRoundRobin"));
    QVERIFY(definition);
    const Json parameters = definition->defaultParameters();
    QVERIFY(parameters.is_object());
    QVERIFY(parameters.contains("weightedRoundRobinConfigs"));
    const Json& config = parameters.at("weightedRoundRobinConfigs");
    QVERIFY(config.is_object());
    QVERIFY(config.contains("production"));
    QVERIFY(config.contains("sandbox"));
    QVERIFY(config.at("production").is_array());
    QVERIFY(config.at("sandbox").is_array());

    // The schema accepts it; the only complaint is about meaning: there is no model to route to yet.
    ApiFactory::Request request;
    request.name = QStringLiteral("SmartChat");
    request.context = QStringLiteral("smartchat");
    request.version = QStringLiteral("1.0.0");
    const Api api = ApiFactory::createAiApi(*provider("demo"), request);
    PolicyAttachment attachment;
    attachment.policyName = definition->name;
    attachment.parameters = parameters;
    ValidationReport report;
    PolicyValidator(PolicyCatalogue::builtin(), provider("demo"))
        .validateParameters(api, attachment, QStringLiteral("p"), report);
    QVERIFY2(report.warnings().empty(), qPrintable(report.toStrings().join(QLatin1Char('\n'))));
    const std::vector<ValidationIssue> errors = report.errors();
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(errors.front().path, QStringLiteral("p.weightedRoundRobinConfigs.production"));
    QVERIFY(errors.front().message.contains(QLatin1String("needs at least one model")));
}

QTEST_GUILESS_MAIN(TestProviders)
#include "tst_providers.moc"
