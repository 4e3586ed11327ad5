// The one parser of the model routers' configuration: what routing uses, what the form and the chip
// show, and the problems it reports by path, for each of the three strategies.
#include "core/ModelRouterConfig.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyCatalogue.h"

#include <QTest>

using namespace gatehouse;
using Strategy = ModelRouterConfig::Strategy;

namespace {

Json parseJson(const char* text) {
    return Json::parse(text);
}

QStringList describe(const ValidationReport& findings) {
    QStringList lines;
    for (const ValidationIssue& issue : findings.issues())
        lines.append((issue.isError() ? QStringLiteral("error ") : QStringLiteral("warning ")) + issue.path +
                     QStringLiteral(": ") + issue.message);
    return lines;
}

QStringList models(const std::vector<ModelRouterConfig::Target>& targets) {
    QStringList names;
    for (const auto& target : targets)
        names.append(target.model);
    return names;
}

} // namespace

class TestModelRouterConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void strategiesAreNamedAsInTheCatalogue() {
        for (const PolicyDefinition& definition : PolicyCatalogue::builtin().definitions())
            QCOMPARE(ModelRouterConfig::strategyNamed(definition.router).has_value(),
                     definition.isModelRouter());
        QVERIFY(!ModelRouterConfig::strategyNamed(QStringLiteral("addHeader")));
    }

    // A model on two endpoints (or listed twice) shares add up wherever shares are shown, and the
    // router balances over every usable row.
    void modelListedTwiceAddsUp() {
        ValidationReport findings;
        const auto config = ModelRouterConfig::parse(Strategy::WeightedRoundRobin, parseJson(R"({
            "production":[{"model":"gpt-4o","endpointId":"a","weight":30},
                          {"model":"gpt-4o-mini","endpointId":"a","weight":40},
                          {"model":"gpt-4o","endpointId":"b","weight":30},
                          {"model":"gpt-4o","endpointId":"a","weight":0}],
            "sandbox":[]})"),
                                                     &findings);
        const std::map<QString, double> weights = config.modelWeights(Stage::Production);
        QCOMPARE(weights.size(), std::size_t(2));
        QCOMPARE(weights.at(QStringLiteral("gpt-4o")), 60.0);
        QCOMPARE(weights.at(QStringLiteral("gpt-4o-mini")), 40.0);
        QCOMPARE(config.routingTargets(Stage::Production).size(), std::size_t(4));
        QVERIFY(config.routingTargets(Stage::Sandbox).empty());
        QCOMPARE(describe(findings),
                 QStringList({QStringLiteral("warning production[3]: model \"gpt-4o\" on endpoint \"a\" is "
                                             "listed twice; its shares add up")}));
    }

    void problemsAreReportedByPath_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no models")
            << int(Strategy::RoundRobin) << QByteArray(R"({"production":[],"sandbox":[]})")
            << QStringList{
                   QStringLiteral("error production: needs at least one model (in production or sandbox)")};
        QTest::newRow("weights all 0")
            << int(Strategy::WeightedRoundRobin)
            << QByteArray(R"({"production":[],"sandbox":[{"model":"m","endpointId":"e","weight":0}]})")
            << QStringList{QStringLiteral(
                   "error sandbox: the weights must not all be 0: no model would get traffic")};
        QTest::newRow("fallbacks without a target")
            << int(Strategy::Failover)
            << QByteArray(R"({"production":{"fallbackModels":[{"model":"m","endpointId":"e"}]}})")
            << QStringList{
                   QStringLiteral("error production.targetModel.model: failover needs the target model "
                                  "whose failures it handles")};
        QTest::newRow("failover with nothing")
            << int(Strategy::Failover) << QByteArray(R"({"production":{},"sandbox":{}})")
            << QStringList{QStringLiteral(
                   "error production.targetModel: failover needs a target model in production or "
                   "sandbox")};
        QTest::newRow("target without fallbacks")
            << int(Strategy::Failover)
            << QByteArray(R"({"sandbox":{"targetModel":{"model":"m","endpointId":"e"},"fallbackModels":[]}})")
            << QStringList{QStringLiteral("warning sandbox.fallbackModels: no fallback models: failover has "
                                          "nothing to fall back to")};
    }
    void problemsAreReportedByPath() {
        QFETCH(int, strategy);
        QFETCH(QByteArray, config);
        QFETCH(QStringList, expected);
        ValidationReport findings;
        ModelRouterConfig::parse(Strategy(strategy), parseJson(config.constData()), &findings);
        QCOMPARE(describe(findings), expected);
    }

    // Failover routes the target first, then its fallbacks; without a usable target it is off for
    // that key type, while the form still shows what was written.
    void failoverChainAndHalfFilledRows() {
        const auto config = ModelRouterConfig::parse(Strategy::Failover, parseJson(R"({
            "production":{"targetModel":{"model":"gpt-4o","endpointId":"a"},
                          "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"a"},{"model":"","endpointId":"b"}]},
            "sandbox":{"targetModel":{"model":"","endpointId":"s"},"fallbackModels":[]},
            "requestTimeout":12,"suspendDuration":1.5})"));
        QCOMPARE(models(config.routingTargets(Stage::Production)),
                 QStringList({QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")}));
        QVERIFY(config.routingTargets(Stage::Sandbox).empty());
        QVERIFY(config.failoverTarget(Stage::Sandbox).has_value());
        QCOMPARE(config.failoverTarget(Stage::Sandbox)->endpointId, QStringLiteral("s"));
        QCOMPARE(config.fallbacks(Stage::Production).size(), std::size_t(2));
        QCOMPARE(config.requestTimeoutMs(), qint64(12000));
        QCOMPARE(config.suspendMs(), qint64(1500));
        QVERIFY(config.modelWeights(Stage::Production).empty()); // failover's shares depend on failures
    }

    // What the form writes reads back the same, in WSO2's shape and key order.
    void toJsonRoundTrips() {
        const Json written = parseJson(
            R"({"production":[{"model":"gpt-4o","endpointId":"a","endpointName":"Default","weight":50},)"
            R"({"model":"gpt-4o-mini","endpointId":"a","weight":12.5}],"sandbox":[],"suspendDuration":30,)"
            R"("retryOnFailure":false})");
        const auto config = ModelRouterConfig::parse(Strategy::WeightedRoundRobin, written);
        QCOMPARE(QString::fromStdString(config.toJson().dump()), QString::fromStdString(written.dump()));
        QVERIFY(!config.retryOnFailure());
    }

    // WSO2's single-quoted attribute, as projects exported by WSO2 hold it.
    void readsAnAttachmentInWso2Form() {
        const PolicyDefinition& definition =
            *PolicyCatalogue::builtin().find(QStringLiteral("modelWeightedRoundRobin"));
        PolicyAttachment attachment;
        attachment.policyName = definition.name;
        attachment.parameters[definition.attributes.front().name.toStdString()] =
            "{'production':[{'model':'gpt-4o','endpointId':'e','weight':1}],'sandbox':[]}";
        const Result<ModelRouterConfig> config = ModelRouterConfig::ofAttachment(definition, attachment);
        QVERIFY2(config, qPrintable(config.error()));
        QCOMPARE(models(config->routingTargets(Stage::Production)), QStringList{QStringLiteral("gpt-4o")});

        attachment.parameters[definition.attributes.front().name.toStdString()] = "{'production':[";
        QVERIFY(!ModelRouterConfig::ofAttachment(definition, attachment));
        const PolicyDefinition& header = *PolicyCatalogue::builtin().find(QStringLiteral("addHeader"));
        QVERIFY(!ModelRouterConfig::ofAttachment(header, attachment));
    }
};

QTEST_GUILESS_MAIN(TestModelRouterConfig)
#include "tst_modelrouterconfig.moc"
