// Run statistics and exports on known results: percentiles, the per-model split against configured
// weights, status counts, requests per second, and the exact JSON and CSV shapes.
#include "console/ConfiguredWeights.h"
#include "console/RunExport.h"
#include "console/RunStatistics.h"

#include <QTest>
#include <algorithm>
#include <random>

using namespace gatehouse;

namespace {

const QDateTime origin = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);

InvokeResult result(int index, double latencyMs, const QString& model = QStringLiteral("gpt-4o"),
                    int status = 200, qint64 startOffsetMs = 0) {
    InvokeResult r;
    r.index = index;
    r.status = status;
    r.latencyMs = latencyMs;
    r.model = model;
    r.startedAt = origin.addMSecs(startOffsetMs);
    if (status == 200) {
        r.promptTokens = 10;
        r.completionTokens = 7;
        r.totalTokens = 17;
    }
    return r;
}

std::vector<std::string> keysOf(const Json& object) {
    std::vector<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.push_back(it.key());
    return keys;
}

using Keys = std::vector<std::string>;

// An API whose POST /chat/completions carries `policy` with this configuration.
Api apiWithRouter(const char* policy, const char* attribute, const char* config) {
    Api api;
    api.name = QStringLiteral("SmartChat");
    Operation chat;
    chat.verb = QStringLiteral("POST");
    chat.path = QStringLiteral("/chat/completions");
    PolicyAttachment attachment;
    attachment.policyName = QString::fromLatin1(policy);
    attachment.parameters[attribute] = Json::parse(config);
    chat.policies.request.push_back(attachment);
    api.operations.push_back(chat);
    return api;
}

using Weights = std::map<QString, double>;

} // namespace

class TestRunStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentilesOnKnownSamples() {
        std::vector<int> order(100);
        for (int i = 0; i < 100; ++i)
            order[std::size_t(i)] = i + 1;
        std::shuffle(order.begin(), order.end(), std::mt19937(7)); // answers arrive out of order
        RunStatistics statistics;
        for (int latency : order)
            statistics.add(result(latency - 1, latency));
        QCOMPARE(statistics.count(), 100);
        QCOMPARE(statistics.latency().min(), 1.0);
        QCOMPARE(statistics.latency().max(), 100.0);
        QCOMPARE(statistics.latency().mean(), 50.5);
        QCOMPARE(statistics.latency().percentile(50), 50.0);
        QCOMPARE(statistics.latency().percentile(90), 90.0);
        QCOMPARE(statistics.latency().percentile(99), 99.0);
        const Json latency = statistics.toJson(false, {})["latencyMs"];
        QCOMPARE(latency["min"].get<double>(), 1.0);
        QCOMPARE(latency["avg"].get<double>(), 50.5);
        QCOMPARE(latency["p50"].get<double>(), 50.0);
        QCOMPARE(latency["p90"].get<double>(), 90.0);
        QCOMPARE(latency["p99"].get<double>(), 99.0);
        QCOMPARE(latency["max"].get<double>(), 100.0);
        QCOMPARE(statistics.histogram(4), (std::vector<int>{25, 25, 25, 25}));
    }

    void perModelSplitAndConfiguredShares() {
        RunStatistics statistics;
        statistics.setConfiguredWeights(
            {{QStringLiteral("gpt-4o"), 50}, {QStringLiteral("gpt-4o-mini"), 50}});
        for (int i = 0; i < 20; ++i)
            statistics.add(result(i, 10, i % 2 ? QStringLiteral("gpt-4o-mini") : QStringLiteral("gpt-4o")));
        statistics.add(result(20, 5, QString(), 401)); // no model served it
        const std::map<QString, int> byModel = statistics.byModel();
        QCOMPARE(byModel, (std::map<QString, int>{{QStringLiteral("gpt-4o"), 10},
                                                  {QStringLiteral("gpt-4o-mini"), 10}}));
        QCOMPARE(statistics.share(QStringLiteral("gpt-4o")), 0.5);
        QCOMPARE(statistics.share(QStringLiteral("gpt-4o-mini")), 0.5);
        QCOMPARE(statistics.share(QStringLiteral("o3-mini")), 0.0);
        QCOMPARE(statistics.configuredShare(QStringLiteral("gpt-4o")), 0.5);
        QCOMPARE(statistics.configuredShare(QStringLiteral("o3-mini")), 0.0);

        statistics.setConfiguredWeights({{QStringLiteral("gpt-4o"), 3},
                                         {QStringLiteral("gpt-4o-mini"), 1},
                                         {QStringLiteral("o3-mini"), 0}});
        QCOMPARE(statistics.configuredShare(QStringLiteral("gpt-4o")), 0.75);
        QCOMPARE(statistics.configuredShare(QStringLiteral("gpt-4o-mini")), 0.25);
        QCOMPARE(statistics.configuredShare(QStringLiteral("o3-mini")), 0.0);
        // A configured model that served nothing still has a row in a chart.
        statistics.setConfiguredWeights({{QStringLiteral("claude"), 1}, {QStringLiteral("gpt-4o"), 1}});
        QCOMPARE(statistics.models(),
                 (std::vector<QString>{QStringLiteral("claude"), QStringLiteral("gpt-4o"),
                                       QStringLiteral("gpt-4o-mini")}));
        // clear() forgets the run, not the router's configuration.
        statistics.clear();
        QCOMPARE(statistics.count(), 0);
        QVERIFY(statistics.byModel().empty());
        QCOMPARE(statistics.configuredShare(QStringLiteral("claude")), 0.5);
    }

    void configuredWeightsOfTheRouter() {
        const Api weighted =
            apiWithRouter("modelWeightedRoundRobin", "weightedRoundRobinConfigs", R"({"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":75},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":20},
            {"model":"gpt-4o-mini","endpointId":"other_endpoint","weight":5}],
            "sandbox":[],"suspendDuration":30})");
        const Operation& chat = weighted.operations.front();
        QCOMPARE(ConfiguredWeights::of(weighted, chat, Stage::Production),
                 (Weights{{QStringLiteral("gpt-4o"), 75}, {QStringLiteral("gpt-4o-mini"), 25}}));
        QVERIFY(ConfiguredWeights::of(weighted, chat, Stage::Sandbox).empty()); // the gateway bypasses it

        const Api roundRobin = apiWithRouter("modelRoundRobin", "roundRobinConfigs", R"({"production":[
            {"model":"gpt-4o","endpointId":"e"},{"model":"o3-mini","endpointId":"e"}],"sandbox":[]})");
        QCOMPARE(ConfiguredWeights::of(roundRobin, roundRobin.operations.front(), Stage::Production),
                 (Weights{{QStringLiteral("gpt-4o"), 1}, {QStringLiteral("o3-mini"), 1}}));

        const Api failover = apiWithRouter("modelFailover", "failoverConfigs", R"({"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"e"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"e"}]},"requestTimeout":30})");
        QVERIFY(ConfiguredWeights::of(failover, failover.operations.front(), Stage::Production).empty());

        Api plain = weighted;
        plain.operations.front().policies.request.clear();
        QVERIFY(ConfiguredWeights::of(plain, plain.operations.front(), Stage::Production).empty());
    }

    void statusCountsAndErrors() {
        RunStatistics statistics;
        for (int i = 0; i < 20; ++i)
            statistics.add(result(i, 10));
        statistics.add(result(20, 10, QString(), 401));
        statistics.add(result(21, 10, QString(), 0));
        InvokeResult broken = result(22, 10);
        broken.errorCode = QStringLiteral("incomplete"); // a 200 whose body broke off
        statistics.add(broken);
        QCOMPARE(statistics.statusCounts(), (std::map<int, int>{{0, 1}, {200, 21}, {401, 1}}));
        QCOMPARE(statistics.errors(), 3);
        QCOMPARE(statistics.count(), 23);
    }

    void requestsPerSecondOverTheRunsSpan() {
        RunStatistics statistics;
        QCOMPARE(statistics.requestsPerSecond(), 0.0);
        // Ten requests one after another, each 100 ms: one second from the first start to the last end.
        for (int i = 0; i < 10; ++i)
            statistics.add(result(i, 100, QStringLiteral("gpt-4o"), 200, 100 * i));
        QCOMPARE(statistics.spanMs(), 1000.0);
        QCOMPARE(statistics.requestsPerSecond(), 10.0);
        // Out of order: an earlier start that finishes last widens the span on both sides.
        statistics.add(result(10, 1400, QStringLiteral("gpt-4o"), 200, -200));
        QCOMPARE(statistics.spanMs(), 1400.0);
    }

    void jsonShape() {
        RunStatistics statistics;
        std::vector<InvokeResult> results;
        results.push_back(result(1, 12.3456789, QStringLiteral("gpt-4o-mini")));
        results.push_back(result(0, 10));
        InvokeResult failed = result(2, 3, QString(), 401);
        failed.errorCode = QStringLiteral("900901");
        results.push_back(failed);
        results[0].cacheStatus = QStringLiteral("Hit");
        for (const InvokeResult& each : results)
            statistics.add(each);

        const Json json = statistics.toJson(true, results);
        QCOMPARE(keysOf(json),
                 (Keys{"byModel", "statusCounts", "latencyMs", "requestsPerSecond", "cacheHits", "results"}));
        QCOMPARE(json["cacheHits"].get<int>(), 1);
        QVERIFY(json["byModel"] == Json::parse(R"({"gpt-4o": 1, "gpt-4o-mini": 1})"));
        QVERIFY(json["statusCounts"] == Json::parse(R"({"200": 2, "401": 1})"));
        QCOMPARE(keysOf(json["latencyMs"]), (Keys{"min", "avg", "p50", "p90", "p99", "max"}));
        QVERIFY(json["requestsPerSecond"].is_number());
        const Json& list = json["results"];
        QCOMPARE(list.size(), std::size_t(3));
        for (const Json& entry : list)
            QCOMPARE(keysOf(entry), (Keys{"index", "status", "latencyMs", "model", "errorCode",
                                          "promptTokens", "completionTokens", "totalTokens", "cache"}));
        // In request order, latencies to the microsecond, unknown values null.
        QCOMPARE(list[0]["index"].get<int>(), 0);
        QCOMPARE(list[1]["latencyMs"].get<double>(), 12.346);
        QVERIFY(list[1]["model"] == Json("gpt-4o-mini"));
        QVERIFY(list[1]["errorCode"] == Json(nullptr));
        QCOMPARE(list[1]["totalTokens"].get<int>(), 17);
        QVERIFY(list[1]["cache"] == Json("Hit"));
        QVERIFY(list[0]["cache"] == Json(nullptr));
        QCOMPARE(list[2]["status"].get<int>(), 401);
        QVERIFY(list[2]["errorCode"] == Json("900901"));
        QVERIFY(list[2]["model"] == Json(nullptr));
        QVERIFY(list[2]["promptTokens"] == Json(nullptr));

        QCOMPARE(keysOf(statistics.toJson(false, results)),
                 (Keys{"byModel", "statusCounts", "latencyMs", "requestsPerSecond", "cacheHits"}));
    }

    void exportJsonIsTheStatisticsWithResults() {
        RunStatistics statistics;
        const std::vector<InvokeResult> results{result(0, 10), result(1, 20)};
        for (const InvokeResult& each : results)
            statistics.add(each);
        const QByteArray exported = RunExport::toJson(statistics, results);
        QVERIFY(Json::parse(exported.cbegin(), exported.cend()) == statistics.toJson(true, results));
    }

    void exportCsvQuotesAsRfc4180() {
        std::vector<InvokeResult> results;
        InvokeResult failed = result(1, 5, QString(), 400);
        failed.errorCode = QStringLiteral("102511");
        failed.errorMessage = QStringLiteral("Invalid request payload: the body, \"quoted\",\nis not JSON");
        results.push_back(failed);
        results.push_back(result(0, 12.5, QStringLiteral("model,with comma")));

        const QByteArray csv = RunExport::toCsv(results);
        QVERIFY(csv.endsWith("\r\n"));
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.first(), QByteArray("index,startedAt,status,latencyMs,firstByteMs,model,promptTokens,"
                                           "completionTokens,totalTokens,errorCode,errorMessage,"
                                           "tokenRefetched,chunks,tokensPerSecond\r"));
        QVERIFY2(csv.contains("\r\n0,2023-11-14T22:13:20.000Z,200,12.500,0.000,\"model,with "
                              "comma\",10,7,17,,,false,0,0.0\r\n"),
                 csv.constData());
        QVERIFY2(
            csv.contains(
                ",400,5.000,0.000,,,,,102511,\"Invalid request payload: the body, \"\"quoted\"\",\nis not "
                "JSON\",false,0,0.0\r\n"),
            csv.constData());
        QCOMPARE(RunExport::csvField(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(RunExport::csvField(QStringLiteral("日本")), QByteArray("日本"));
        QCOMPARE(RunExport::csvField(QStringLiteral("a\rb")), QByteArray("\"a\rb\""));
    }
};

QTEST_GUILESS_MAIN(TestRunStatistics)
#include "tst_runstatistics.moc"
