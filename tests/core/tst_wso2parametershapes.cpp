// What WSO2's Publisher and REST API write for the three model routers (issue 22's payloads, and the
// Publisher form's variants), what Gatehouse keeps of it, and what it writes back on export.
#include "core/ModelRouterConfig.h"
#include "core/PolicyCatalogue.h"
#include "core/PolicyDefinition.h"
#include "core/Wso2AttributeCodec.h"
#include "core/Wso2ParameterShapes.h"

#include <QtTest>

using namespace gatehouse;
using Strategy = ModelRouterConfig::Strategy;

namespace {

const PolicyDefinition& definition(const char* name) {
    return *PolicyCatalogue::builtin().find(QLatin1String(name));
}

Json decoded(const char* wso2Text) {
    Result<Json> json = Wso2AttributeCodec::decode(QLatin1String(wso2Text));
    return json ? json.take() : Json();
}

Json canonical(const char* policy, const char* wso2Text) {
    const PolicyDefinition& router = definition(policy);
    return Wso2ParameterShapes::canonicalValue(router, router.attributes.front(), decoded(wso2Text));
}

// WSO2's weighted round robin as its REST API test writes it: vendor "", endpointName, 100/0, an unused
// sandbox as [], the suspend duration as text.
const char* const wso2Weighted =
    R"({"production":[{"vendor":"","model":"gpt-4o","endpointId":"default_production_endpoint",)"
    R"("endpointName":"Default Production Endpoint","weight":100},{"vendor":"","model":"gpt-4o-mini",)"
    R"("endpointId":"default_production_endpoint","endpointName":"Default Production Endpoint","weight":0}],)"
    R"("sandbox":[],"suspendDuration":"5"})";
const char* const wso2RoundRobin =
    R"({'production':[{'vendor':'','model':'gpt-4o','endpointId':'default_production_endpoint',)"
    R"('endpointName':'Default Production Endpoint'},{'vendor':'','model':'gpt-4o-mini',)"
    R"('endpointId':'default_production_endpoint','endpointName':'Default Production Endpoint'}],)"
    R"('sandbox':[],'suspendDuration':'0'})";
// Failover with the sandbox unused, as WSO2's REST API writes it.
const char* const wso2Failover =
    R"({"production":{"targetModel":{"model":"gpt-4o","endpointId":"failing","endpointName":"Failing"},)"
    R"("fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint",)"
    R"("endpointName":"Default Production Endpoint"}]},"sandbox":{"targetModel":{},"fallbackModels":[]},)"
    R"("requestTimeout":"120","suspendDuration":"0"})";
// The Publisher form's unused stage: every field "".
const char* const publisherFailover =
    R"({'production':{'targetModel':{'model':'gpt-4o','endpointId':'failing','endpointName':'Failing'},)"
    R"('fallbackModels':[{'model':'gpt-4o-mini','endpointId':'default_production_endpoint'}]},)"
    R"('sandbox':{'targetModel':{'model':'','endpointId':'','endpointName':''},'fallbackModels':[]},)"
    R"('requestTimeout':'30'})";

} // namespace

class TestWso2ParameterShapes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbersWrittenAsTextAreTyped() {
        const Json weighted = canonical("modelWeightedRoundRobin", wso2Weighted);
        QCOMPARE(weighted["suspendDuration"], Json(5));
        QCOMPARE(weighted["production"][1]["weight"], Json(0));
        QCOMPARE(weighted["production"][0]["vendor"], Json("")); // WSO2's own keys stay as they are
        QCOMPARE(weighted["sandbox"], Json::array());
        QCOMPARE(canonical("modelRoundRobin", wso2RoundRobin)["suspendDuration"], Json(0));
        const Json failover = canonical("modelFailover", wso2Failover);
        QCOMPARE(failover["requestTimeout"], Json(120));
        QCOMPARE(failover["suspendDuration"], Json(0));
    }

    void unusedFailoverStagesBecomeEmpty() {
        QCOMPARE(canonical("modelFailover", wso2Failover)["sandbox"], Json::object());
        QCOMPARE(canonical("modelFailover", publisherFailover)["sandbox"], Json::object());
        // A stage with fallbacks but no target is wrong, not unused: kept for validation to name.
        const Json halfFilled =
            canonical("modelFailover", R"({"production":{"targetModel":{},"fallbackModels":[{"model":"m",)"
                                       R"("endpointId":"e"}]}})");
        QCOMPARE(halfFilled["production"]["fallbackModels"].size(), std::size_t(1));
        QVERIFY(halfFilled["production"].contains("targetModel"));
    }

    void whatIsNotANumberStaysText() {
        // Validation refuses it by its path; typing must not turn it into a default.
        QCOMPARE(canonical("modelWeightedRoundRobin",
                           R"({"production":[],"suspendDuration":"five"})")["suspendDuration"],
                 Json("five"));
        QCOMPARE(canonical("modelWeightedRoundRobin",
                           R"({"production":[{"model":"m","endpointId":"e","weight":"-1"}]})")["production"]
                                                                                              [0]["weight"],
                 Json(-1));
    }

    void everyWso2ShapeRoutesAsMeant() {
        ValidationReport findings;
        const ModelRouterConfig weighted = ModelRouterConfig::parse(
            Strategy::WeightedRoundRobin, canonical("modelWeightedRoundRobin", wso2Weighted), &findings);
        QVERIFY(findings.errors().empty());
        QCOMPARE(weighted.suspendMs(), qint64(5000));
        QCOMPARE(weighted.modelWeights(Stage::Production).at(QStringLiteral("gpt-4o-mini")), 0.0);
        QVERIFY(weighted.routingTargets(Stage::Sandbox).empty());

        const ModelRouterConfig failover =
            ModelRouterConfig::parse(Strategy::Failover, canonical("modelFailover", wso2Failover), &findings);
        QVERIFY(findings.errors().empty());
        QCOMPARE(failover.requestTimeoutMs(), qint64(120000));
        QCOMPARE(failover.suspendMs(), qint64(0));
        QCOMPARE(failover.routingTargets(Stage::Production).size(), std::size_t(2));
        QVERIFY(failover.routingTargets(Stage::Sandbox).empty());
    }

    void theParserReadsWso2ShapesToo() {
        // A hand-edited workspace file or a caller that skipped canonical(): the same meaning.
        ValidationReport findings;
        const ModelRouterConfig failover =
            ModelRouterConfig::parse(Strategy::Failover, decoded(wso2Failover), &findings);
        QCOMPARE(findings.errors().size(), std::size_t(0));
        QCOMPARE(failover.requestTimeoutMs(), qint64(120000));
        QVERIFY(!failover.failoverTarget(Stage::Sandbox));
        QVERIFY(ModelRouterConfig::namesNoTarget(Json::object()));
        QVERIFY(ModelRouterConfig::namesNoTarget(decoded(R"({"model":"","endpointId":""})")));
        QVERIFY(!ModelRouterConfig::namesNoTarget(decoded(R"({"model":"","endpointId":"e"})")));
    }

    void exportWritesWhatWso2Writes() {
        const PolicyDefinition& failover = definition("modelFailover");
        const Json written =
            Wso2ParameterShapes::asWso2Writes(failover, canonical("modelFailover", wso2Failover));
        QCOMPARE(written["sandbox"], decoded(R"({"targetModel":{},"fallbackModels":[]})"));
        QCOMPARE(written["requestTimeout"], Json("120"));
        QCOMPARE(written["suspendDuration"], Json("0"));

        const PolicyDefinition& weighted = definition("modelWeightedRoundRobin");
        const Json stored = decoded(R"({"production":[{"model":"m","endpointId":"e","weight":50}]})");
        const Json exported = Wso2ParameterShapes::asWso2Writes(weighted, stored);
        QCOMPARE(exported["sandbox"], Json::array());
        QCOMPARE(exported["production"][0]["weight"], Json(50)); // WSO2's form writes weights as numbers
        // And back: what was exported reads as what was stored.
        QCOMPARE(
            Wso2ParameterShapes::canonicalValue(weighted, weighted.attributes.front(), exported)["sandbox"],
            Json::array());
        // Other policies are left alone.
        const PolicyDefinition& header = definition("addHeader");
        QCOMPARE(Wso2ParameterShapes::asWso2Writes(header, stored), stored);
    }
};

QTEST_GUILESS_MAIN(TestWso2ParameterShapes)
#include "tst_wso2parametershapes.moc"
