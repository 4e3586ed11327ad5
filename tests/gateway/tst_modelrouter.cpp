// The gateway's model routers compiled from configurations the validator accepts: the regressions
// tests/fuzz/fuzz_policy_config found (tests/fuzz/README.md).
#include "core/PolicyCatalogue.h"
#include "gateway/ModelRouter.h"

#include <QDateTime>
#include <QTest>

using namespace gatehouse;

namespace {

// A model router attachment with its configuration in WSO2's single-quoted form, as WSO2 exports it.
std::shared_ptr<ModelRouter> routerFor(const char* policy, const char* configuration, QString* error) {
    const PolicyDefinition* definition = PolicyCatalogue::builtin().find(QLatin1String(policy));
    if (!definition)
        return nullptr;
    PolicyAttachment attachment;
    attachment.policyName = definition->name;
    attachment.parameters[definition->attributes.front().name.toStdString()] = configuration;
    return ModelRouter::create(*definition, attachment, error);
}

} // namespace

class TestModelRouter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Weights below the balancer's 1/1000 resolution rounded to 0: the validator accepted the
    // configuration ("the weights must not all be 0" holds) and the router never picked a model.
    void tinyWeightsStillRoute() {
        QString error;
        const auto router =
            routerFor("modelWeightedRoundRobin",
                      "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint',"
                      "'weight':0.0001}],'sandbox':[]}",
                      &error);
        QVERIFY2(router, qPrintable(error));
        QCOMPARE(router->pick(Stage::Production, [](std::size_t) { return true; }), 0);
    }

    // The schema sets no maximum on durations: 1e20 s overflowed the conversion to milliseconds
    // (undefined behaviour), and "now + duration" after it. Such durations are capped instead.
    void hugeDurationsAreCapped_data() {
        QTest::addColumn<QByteArray>("policy");
        QTest::addColumn<QByteArray>("configuration");
        QTest::newRow("suspendDuration, integer beyond int64")
            << QByteArray("modelRoundRobin")
            << QByteArray("{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint'}],"
                          "'sandbox':[],'suspendDuration':99999999999999999999}");
        QTest::newRow("requestTimeout, 1e300")
            << QByteArray("modelFailover")
            << QByteArray("{'production':{'targetModel':{'model':'gpt-4o','endpointId':"
                          "'default_production_endpoint'}},'requestTimeout':1e300,'suspendDuration':1e300}");
    }
    void hugeDurationsAreCapped() {
        QFETCH(QByteArray, policy);
        QFETCH(QByteArray, configuration);
        QString error;
        const auto router = routerFor(policy.constData(), configuration.constData(), &error);
        QVERIFY2(router, qPrintable(error));
        QVERIFY(router->suspendMs() > 0 && router->suspendMs() <= qint64(1e15));
        QVERIFY(router->requestTimeoutMs() > 0 && router->requestTimeoutMs() <= qint64(1e15));
        // Deadlines computed from them stay in range.
        QVERIFY(QDateTime::currentMSecsSinceEpoch() + router->suspendMs() > 0);
    }
};

QTEST_GUILESS_MAIN(TestModelRouter)
#include "tst_modelrouter.moc"
