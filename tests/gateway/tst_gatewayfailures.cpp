// End to end through real loopback sockets: what the gateway does when models and upstreams fail:
// suspension, retry on another pair, trial readmission, all-suspended answers, Retry-After, remaining
// tokens, connection and timeout errors, and failover chains.
#include "GatewayFixture.h"
#include "TestHttpClient.h"
#include "core/Endpoint.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "mock-llm/MockLlmServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

QByteArray weightedConfig(int suspendDuration, const QByteArray& extra = {}) {
    return R"({"production":[
        {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
        {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],
        "sandbox":[],"suspendDuration":)" +
           QByteArray::number(suspendDuration) + extra + '}';
}

PolicyAttachment weighted(int suspendDuration, const QByteArray& extra = {}) {
    return GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"),
                                  weightedConfig(suspendDuration, extra));
}

QString modelOf(const TestResponse& response) {
    return response.json().value(QLatin1String("model")).toString();
}

QString codeOf(const TestResponse& response) {
    return response.json().value(QLatin1String("code")).toString();
}

std::vector<SuspensionTable::Entry> suspensions(Scenario& scenario) {
    return scenario.fixture.gateway().runtime()->suspensions().entries(QDateTime::currentMSecsSinceEpoch());
}

// The access record of the last answered request (records are written right after the answer).
std::optional<AccessRecord> lastRecord(Scenario& scenario, qint64 expectedTotal) {
    AccessLog& log = scenario.fixture.gateway().runtime()->accessLog();
    QElapsedTimer clock;
    clock.start();
    while (log.totalRecords() < expectedTotal && clock.elapsed() < 5000)
        QTest::qWait(10);
    const std::vector<AccessRecord> recent = log.recent(1);
    if (recent.empty() || log.totalRecords() < expectedTotal)
        return std::nullopt;
    return recent.front();
}

} // namespace

class TestGatewayFailures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void failingModelIsRetriedSuspendedAndReadmitted() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(2)), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));

        // The first pick is gpt-4o: it fails before any byte reached the client, so gpt-4o-mini answers.
        const TestResponse first = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QCOMPARE(modelOf(first), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(first.header("X-Gatehouse-Model"), QByteArray("gpt-4o-mini"));
        const std::optional<AccessRecord> record = lastRecord(scenario, 1);
        QVERIFY(record);
        QVERIFY(record->retried);
        QCOMPARE(record->model, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(record->status, 200);
        QMap<QString, qint64> stats = fixture.mockStats();
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 1);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 1);

        // gpt-4o is suspended: the table says so, and nothing more goes to it.
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().pair.model, QStringLiteral("gpt-4o"));
        QCOMPARE(entries.front().pair.endpointId, QStringLiteral("default_production_endpoint"));
        QCOMPARE(entries.front().pair.apiId, scenario.apiId);
        QCOMPARE(entries.front().failures, 1);
        const qint64 untilMs = entries.front().untilMs;
        const qint64 left = untilMs - QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(left > 0 && left <= 2000, qPrintable(QString::number(left)));
        for (int i = 0; i < 6; ++i) {
            const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        }
        stats = fixture.mockStats();
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 1);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 7);

        // Fault cleared and the suspension over: a trial request goes to gpt-4o and readmits it.
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        QTest::qWait(int(qMax<qint64>(0, untilMs - QDateTime::currentMSecsSinceEpoch())) + 100);
        bool served = false;
        for (int i = 0; i < 3 && !served; ++i) {
            const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            served = modelOf(response) == QLatin1String("gpt-4o");
        }
        QVERIFY2(served, "gpt-4o did not serve again after its suspension ended");
        QCOMPARE(fixture.mockStats().value(QStringLiteral("gpt-4o")), 2);
        QVERIFY(suspensions(scenario).empty());
        // Back in the rotation: the next four split evenly.
        int gpt4o = 0;
        for (int i = 0; i < 4; ++i) {
            const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            gpt4o += modelOf(response) == QLatin1String("gpt-4o");
        }
        QCOMPARE(gpt4o, 2);
    }

    void allPairsSuspendedIs503WithRetryAfter() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(2)), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","status":503})", &error), qPrintable(error));
        TestResponse response;
        for (int i = 0; i < 3; ++i) {
            response = scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QCOMPARE(response.status, 503);
            if (codeOf(response) == QLatin1String("900808"))
                break;
        }
        QVERIFY2(codeOf(response) == QLatin1String("900808"), qPrintable(response.describe()));
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        QVERIFY(!response.json().value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(!response.json().value(QLatin1String("description")).toString().isEmpty());
        bool numeric = false;
        const int retryAfter = response.header("Retry-After").toInt(&numeric);
        QVERIFY2(numeric && retryAfter >= 1 && retryAfter <= 2, response.header("Retry-After").constData());
        // Each model was tried once; the all-suspended answer cost the upstream nothing.
        const QMap<QString, qint64> stats = scenario.fixture.mockStats();
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 1);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 1);
        QCOMPARE(suspensions(scenario).size(), std::size_t(2));
    }

    void withoutRetryTheFailureReachesTheClient() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(30, R"(,"retryOnFailure":false)")), &error),
                 qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        const TestResponse failed =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QCOMPARE(failed.status, 503);
        QCOMPARE(failed.header("X-Gatehouse-Model"), QByteArray("gpt-4o"));
        QCOMPARE(failed.header("X-Gatehouse-Endpoint"), QByteArray("default_production_endpoint"));
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o-mini")), 0);
        const std::optional<AccessRecord> record = lastRecord(scenario, 1);
        QVERIFY(record);
        QVERIFY(!record->retried);
        QCOMPARE(record->status, 503);
        // It is suspended all the same: the next request goes to gpt-4o-mini.
        const TestResponse next = scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(next.status == 200, qPrintable(next.describe()));
        QCOMPARE(modelOf(next), QStringLiteral("gpt-4o-mini"));
    }

    void noRemainingTokensSuspendsThePair() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(30)), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"gpt-4o","remainingTokens":0})", &error),
                 qPrintable(error));
        // The answer itself is good and goes to the client...
        const TestResponse first = scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QCOMPARE(modelOf(first), QStringLiteral("gpt-4o"));
        QCOMPARE(first.header("x-ratelimit-remaining-tokens"), QByteArray("0"));
        // ...but the pair is spent for now.
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().pair.model, QStringLiteral("gpt-4o"));
        for (int i = 0; i < 3; ++i) {
            const TestResponse response =
                scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        }
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o")), 1);
    }

    void longerRetryAfterWinsOverSuspendDuration() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(1)), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"gpt-4o","status":429,"retryAfter":5})", &error),
                 qPrintable(error));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().pair.model, QStringLiteral("gpt-4o"));
        // Suspended for the upstream's 5 s, not the policy's 1 s.
        QVERIFY2(entries.front().untilMs >= before + 5000 && entries.front().untilMs <= after + 5000,
                 qPrintable(
                     QStringLiteral("until %1 ms after the request").arg(entries.front().untilMs - before)));
        // Still suspended after the policy's second.
        QTest::qWait(1300);
        const TestResponse later = scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QCOMPARE(modelOf(later), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o")), 1);
    }

    void failedTrialSuspendsThePairAgain() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(1)), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QTest::qWait(int(qMax<qint64>(0, entries.front().untilMs - QDateTime::currentMSecsSinceEpoch())) +
                     100);
        // Still failing: the trial fails, the client is served by the other model all the same, and
        // the pair is suspended again.
        for (int i = 0; i < 3 && fixture.mockStats().value(QStringLiteral("gpt-4o")) < 2; ++i) {
            response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        }
        QCOMPARE(fixture.mockStats().value(QStringLiteral("gpt-4o")), 2);
        entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().failures, 2);
        QVERIFY(entries.front().untilMs > QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!entries.front().trialInFlight);
    }

    void onlyOneTrialRequestWhileTheSuspensionEnds() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(1)), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        // Healthy again but slow: the trial stays in flight while the others arrive.
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","latencyMs":800})", &error), qPrintable(error));
        QTest::qWait(int(qMax<qint64>(0, entries.front().untilMs - QDateTime::currentMSecsSinceEpoch())) +
                     100);
        QObject owner;
        QList<HttpCall*> calls;
        for (int i = 0; i < 8; ++i) {
            calls.append(fixture.startChat(scenario.token, chatBody(QStringLiteral("o3-mini")), &owner));
            QTest::qWait(20); // in order, so that the balancer sees them one after the other
        }
        QVERIFY(waitForAll(calls, 10000));
        int gpt4o = 0;
        for (const HttpCall* call : calls) {
            QVERIFY2(call->response().status == 200, qPrintable(call->response().describe()));
            gpt4o += modelOf(call->response()) == QLatin1String("gpt-4o");
        }
        QCOMPARE(gpt4o, 1); // the one trial; the others stayed away while it was in flight
        QCOMPARE(fixture.mockStats().value(QStringLiteral("gpt-4o")), 2);
        QVERIFY(suspensions(scenario).empty()); // the trial succeeded: readmitted
    }

    void refusedConnectionIsRetriedOnAnotherEndpoint() {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        Endpoint dead;
        dead.id = QStringLiteral("dead_endpoint");
        dead.name = QStringLiteral("Dead");
        dead.stage = Stage::Production;
        dead.url = QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort);
        GatewayFixture::ApiSpec spec =
            specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), R"({
            "production":[{"model":"gpt-4o","endpointId":"dead_endpoint","weight":1},
                          {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":1}],
            "sandbox":[],"suspendDuration":30})"));
        spec.extraEndpoints = {dead};
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(response.header("X-Gatehouse-Endpoint"), QByteArray("default_production_endpoint"));
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().pair.endpointId, QStringLiteral("dead_endpoint"));
        QCOMPARE(entries.front().pair.model, QStringLiteral("gpt-4o"));
        const std::optional<AccessRecord> record = lastRecord(scenario, 1);
        QVERIFY(record);
        QVERIFY(record->retried);
        QCOMPARE(record->endpointId, QStringLiteral("default_production_endpoint"));
    }

    void timedOutPairIsRetriedAndSuspended() {
        GatewayFixture::ApiSpec spec = specWith(weighted(30));
        spec.timeoutMs = 500;
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"gpt-4o","latencyMs":3000})", &error),
                 qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        QVERIFY2(elapsed >= 450 && elapsed < 2000, qPrintable(QString::number(elapsed)));
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().pair.model, QStringLiteral("gpt-4o"));
    }

    void clientLeavingDuringTheTrialFreesIt() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(1)), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const std::vector<SuspensionTable::Entry> entries = suspensions(scenario);
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","latencyMs":3000})", &error), qPrintable(error));
        QTest::qWait(int(qMax<qint64>(0, entries.front().untilMs - QDateTime::currentMSecsSinceEpoch())) +
                     100);
        // The balancer's next picks after the suspension: gpt-4o-mini, then gpt-4o's trial.
        response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        QObject owner;
        HttpCall* trial = fixture.startChat(scenario.token, chatBody(QStringLiteral("o3-mini")), &owner);
        QTRY_COMPARE(fixture.mockStats().value(QStringLiteral("gpt-4o")), 2);
        QVERIFY(suspensions(scenario).front().trialInFlight);
        trial->abort();
        QTRY_COMPARE(fixture.gateway().runtime()->inFlight().load(), 0);
        // The trial is free again, and the pair still unjudged: the next trial readmits it.
        QVERIFY(!suspensions(scenario).empty());
        QVERIFY(!suspensions(scenario).front().trialInFlight);
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        bool served = false;
        for (int i = 0; i < 3 && !served; ++i) {
            response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            served = modelOf(response) == QLatin1String("gpt-4o");
        }
        QVERIFY(served);
        QVERIFY(suspensions(scenario).empty());
    }

    void retriedStreamCarriesOnlyTheSecondAnswer() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(weighted(30)), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini"), true));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY(response.header("Content-Type").startsWith("text/event-stream"));
        QCOMPARE(response.header("X-Gatehouse-Model"), QByteArray("gpt-4o-mini"));
        // Nothing of the failed attempt's answer leaked into the stream.
        QVERIFY2(response.body.startsWith("data: "), qPrintable(response.describe()));
        QVERIFY2(!response.body.contains("mock_fault") && !response.body.contains("gpt-4o\""),
                 qPrintable(response.describe()));
        QVERIFY(response.body.endsWith("data: [DONE]\n\n"));
    }

    void upstreamResetMidBodyNeverLooksComplete_data() {
        QTest::addColumn<bool>("stream");
        QTest::newRow("JSON answer") << false;
        QTest::newRow("streamed answer") << true;
    }
    void upstreamResetMidBodyNeverLooksComplete() {
        QFETCH(bool, stream);
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        QVERIFY2(
            scenario.fixture.setFault(R"({"model":"*","resetAfterBytes":150,"chunkDelayMs":50})", &error),
            qPrintable(error));
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o"), stream));
        // Either the gateway answers an error, or the client sees the answer cut off: never a
        // complete-looking 200.
        const bool looksComplete = response.status == 200 && response.error.isEmpty();
        QVERIFY2(!looksComplete, qPrintable(response.describe()));
        if (response.status == 200)
            QVERIFY2(!response.body.contains("[DONE]") && response.body.size() <= 150,
                     qPrintable(response.describe()));
        QTRY_COMPARE(scenario.fixture.gateway().runtime()->inFlight().load(), 0);
        // The gateway serves on.
        QVERIFY2(scenario.fixture.clearFaults(&error), qPrintable(error));
        const TestResponse next =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o"), stream));
        QVERIFY2(next.status == 200 && next.error.isEmpty(), qPrintable(next.describe()));
    }

    void refusedConnectionIs502() {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort);
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QCOMPARE(response.status, 502);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
        QCOMPARE(codeOf(response), QStringLiteral("101503"));
        QVERIFY(!response.json().value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(!response.json().value(QLatin1String("description")).toString().isEmpty());
    }

    void slowUpstreamIs504() {
        GatewayFixture::ApiSpec spec;
        spec.timeoutMs = 500;
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","latencyMs":3000})", &error), qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(response.status, 504);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
        QCOMPARE(codeOf(response), QStringLiteral("101504"));
        // The endpoint's timeout answered, not the mock finally finishing.
        QVERIFY2(elapsed >= 450 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    }

    void failoverFallsBackWhenTheTargetFails() {
        const QByteArray config = R"({"production":{
            "targetModel":{"model":"gpt-4o","endpointId":"default_production_endpoint"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint"},
                              {"model":"o3-mini","endpointId":"default_production_endpoint"}]},
            "sandbox":{},"requestTimeout":10,"suspendDuration":30})";
        Scenario scenario;
        QString error;
        QVERIFY2(
            scenario.setUp(specWith(GatewayFixture::router(QStringLiteral("modelFailover"), config)), &error),
            qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        // Healthy: the target answers.
        TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o"));

        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        response = fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(response.header("X-Gatehouse-Model"), QByteArray("gpt-4o-mini"));
        QMap<QString, qint64> stats = fixture.mockStats();
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 2);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 1);

        // Both the target and the first fallback failing: the second fallback answers.
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o-mini","status":500})", &error), qPrintable(error));
        QVERIFY(fixture.gateway().runtime() != nullptr);
        fixture.gateway().runtime()->suspensions().clear();
        response = fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("o3-mini"));

        // A client asking for another model is not failed over: its call goes as is.
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        response = fixture.chat(scenario.token, chatBody(QStringLiteral("text-model")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("text-model"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayFailures)
#include "tst_gatewayfailures.moc"
