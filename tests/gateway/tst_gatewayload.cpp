// End to end through real loopback sockets: concurrency, streaming, hot deployment, clients that
// leave, the admin listener and the access log.
#include "GatewayFixture.h"
#include "TestHttpClient.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "mock-llm/MockLlmServer.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

PolicyAttachment seedRouter(int suspendDuration = 30) {
    return GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"),
                                  R"({"production":[
        {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
        {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],
        "sandbox":[],"suspendDuration":)" +
                                      QByteArray::number(suspendDuration) + '}');
}

QString modelOf(const TestResponse& response) {
    return response.json().value(QLatin1String("model")).toString();
}

qint64 totalMockRequests(GatewayFixture& fixture) {
    qint64 total = 0;
    for (qint64 count : fixture.mockStats())
        total += count;
    return total;
}

int liveRevision(GatewayFixture& fixture) {
    const auto config = fixture.gateway().runtime()->config();
    return config->apis().empty() ? 0 : config->apis().front()->revision;
}

} // namespace

class TestGatewayLoad : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threeHundredConcurrentRequestsToASlowUpstream() {
        Scenario scenario;
        scenario.mockWorkerThreads = 2;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","latencyMs":1000})", &error), qPrintable(error));

        constexpr int count = 300;
        QObject owner;
        QList<HttpCall*> calls;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < count; ++i)
            calls.append(
                scenario.fixture.startChat(scenario.token, chatBody(QStringLiteral("o3-mini")), &owner));
        QVERIFY2(waitForAll(calls, 30000), "not every request was answered within 30 s");
        const qint64 elapsed = clock.elapsed();

        int ok = 0;
        int gpt4o = 0;
        QString firstFailure;
        for (const HttpCall* call : calls) {
            const TestResponse& response = call->response();
            if (response.status == 200) {
                ++ok;
                gpt4o += modelOf(response) == QLatin1String("gpt-4o");
            } else if (firstFailure.isEmpty()) {
                firstFailure = response.describe();
            }
        }
        QVERIFY2(ok == count, qPrintable(QStringLiteral("%1 of %2 succeeded; first failure: %3")
                                             .arg(ok)
                                             .arg(count)
                                             .arg(firstFailure)));
        qInfo("%d concurrent requests to a 1 s upstream took %lld ms", count, elapsed);
        QVERIFY2(elapsed < 3500, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
        // A burst of new connections must not overflow the listen queue: a dropped SYN costs its
        // client a 1 s retransmission (3 s for a second one, which would break the 3.5 s budget).
        qint64 slowestConnect = 0;
        for (const HttpCall* call : calls)
            slowestConnect = qMax(slowestConnect, call->response().connectedMs);
        QVERIFY2(
            slowestConnect < 500,
            qPrintable(QStringLiteral("the slowest client waited %1 ms to connect").arg(slowestConnect)));
        // Concurrent or not, the split is exact.
        QCOMPARE(gpt4o, count / 2);
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o")), count / 2);
        QTRY_COMPARE(scenario.fixture.gateway().runtime()->inFlight().load(), 0);
    }

    void streamedFirstChunkArrivesBeforeTheUpstreamFinishes() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","chunkDelayMs":200})", &error), qPrintable(error));
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini"), true),
                                  QStringLiteral("/smartchat/1.0.0"), {}, 15000);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY2(response.header("Content-Type").startsWith("text/event-stream"),
                 qPrintable(response.describe()));
        QCOMPARE(response.header("X-Gatehouse-Model"), QByteArray("gpt-4o"));
        QVERIFY2(response.body.endsWith("data: [DONE]\n\n"), qPrintable(response.describe()));
        QVERIFY2(response.body.count("data: ") >= 9, qPrintable(response.describe()));
        QVERIFY(response.body.contains("\"model\":\"gpt-4o\""));
        // The mock spends about 1.8 s between its first and its last chunk: the client must have
        // seen the first one long before the end.
        const qint64 lead = response.finishedMs - response.firstBodyByteMs;
        qInfo("first body byte after %lld ms, end after %lld ms", response.firstBodyByteMs,
              response.finishedMs);
        QVERIFY2(response.firstBodyByteMs >= 0 && lead >= 500,
                 qPrintable(QStringLiteral("first byte at %1 ms, end at %2 ms")
                                .arg(response.firstBodyByteMs)
                                .arg(response.finishedMs)));
        // Usage counted from the stream's last event.
        QTRY_VERIFY(scenario.fixture.gateway().runtime()->accessLog().totalRecords() == 1);
        const AccessRecord record = scenario.fixture.gateway().runtime()->accessLog().recent(1).front();
        QVERIFY(record.streamed);
        QVERIFY(record.completionTokens > 0);
    }

    void hotDeployKeepsRequestsInFlightAndGoesLiveWithinOneSecond() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        QCOMPARE(liveRevision(fixture), 1);
        // The first pick of revision 1 is gpt-4o, and it is slow.
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","latencyMs":1500})", &error), qPrintable(error));
        QObject owner;
        HttpCall* slow = fixture.startChat(scenario.token, chatBody(QStringLiteral("o3-mini")), &owner);
        QTRY_COMPARE(fixture.mockStats().value(QStringLiteral("gpt-4o")), 1);

        QElapsedTimer clock;
        clock.start();
        QVERIFY2(fixture.redeploy(scenario.apiId,
                                  {GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"),
                                                          R"({"production":[{"model":"o3-mini",
                                                              "endpointId":"default_production_endpoint","weight":1}],
                                                              "sandbox":[]})")},
                                  &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(liveRevision(fixture) == 2, 1000);
        qInfo("revision 2 went live %lld ms after the deployment", clock.elapsed());
        QVERIFY2(!slow->isFinished(), "the slow request should still be in flight during the switch");
        for (int i = 0; i < 3; ++i) {
            const TestResponse response =
                fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(modelOf(response), QStringLiteral("o3-mini"));
        }
        QVERIFY2(waitForAll({slow}, 5000), "the in-flight request never finished");
        QVERIFY2(slow->response().status == 200, qPrintable(slow->response().describe()));
        QCOMPARE(modelOf(slow->response()), QStringLiteral("gpt-4o"));
        QVERIFY(fixture.gateway().problems().isEmpty());
    }

    void undeployTakesTheApiOffline() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY2(fixture.workspace().undeploy(scenario.apiId).ok(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(fixture.gateway().runtime()->config()->apis().empty(), 1000);
        response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.json().value(QLatin1String("code")).toString(), QStringLiteral("900906"));
    }

    void clientLeavingMidRequestFreesEverything() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        GatewayRuntime& runtime = *fixture.gateway().runtime();
        QVERIFY2(fixture.setFault(R"({"model":"*","latencyMs":3000})", &error), qPrintable(error));
        QObject owner;
        HttpCall* leaving = fixture.startChat(scenario.token, chatBody(QStringLiteral("o3-mini")), &owner);
        QTRY_COMPARE(totalMockRequests(fixture), 1); // it is waiting on the upstream now
        QCOMPARE(runtime.inFlight().load(), 1);
        leaving->abort();
        QTRY_COMPARE_WITH_TIMEOUT(runtime.inFlight().load(), 0, 2000);
        QTRY_COMPARE(runtime.accessLog().totalRecords(), 1);
        QCOMPARE(runtime.accessLog().recent(1).front().status, 499);
        // The pair it was trying is not blamed for the client's departure.
        QVERIFY(runtime.suspensions().entries(QDateTime::currentMSecsSinceEpoch()).empty());

        // Leaving in the middle of a stream is just as harmless.
        QVERIFY2(fixture.setFault(R"({"model":"*","chunkDelayMs":100})", &error), qPrintable(error));
        auto* streaming =
            new HttpCall(TestRequest::postJson(fixture.gatewayUrl(GatewayFixture::chatPath()),
                                               chatBody(QStringLiteral("o3-mini"), true), scenario.token),
                         &owner);
        streaming->start();
        QTRY_VERIFY(streaming->response().firstBodyByteMs >= 0);
        QVERIFY(!streaming->isFinished());
        QCOMPARE(runtime.inFlight().load(), 1);
        streaming->abort();
        QTRY_COMPARE_WITH_TIMEOUT(runtime.inFlight().load(), 0, 2000);

        // And the gateway serves on.
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
    }

    void adminListenerReportsStatusAndMetrics() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        QVERIFY(fixture.gateway().adminPort() != 0);
        QVERIFY(fixture.gateway().adminPort() != fixture.gateway().port());
        QVERIFY2(fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        for (int i = 0; i < 2; ++i) {
            const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
        }
        QTRY_COMPARE(fixture.gateway().runtime()->accessLog().totalRecords(), 2);

        const TestResponse status =
            sendRequest(TestRequest::get(fixture.adminUrl(QStringLiteral("/status"))));
        QVERIFY2(status.status == 200 && status.isJsonObject(), qPrintable(status.describe()));
        const QJsonObject json = status.json();
        const QJsonArray deployments = json.value(QLatin1String("deployments")).toArray();
        QCOMPARE(deployments.size(), 1);
        const QJsonObject deployment = deployments.first().toObject();
        QCOMPARE(deployment.value(QLatin1String("api")).toString(), QStringLiteral("SmartChat"));
        QCOMPARE(deployment.value(QLatin1String("apiId")).toString(), scenario.apiId);
        QCOMPARE(deployment.value(QLatin1String("basePath")).toString(), QStringLiteral("/smartchat/1.0.0"));
        QCOMPARE(deployment.value(QLatin1String("revision")).toInt(), 1);
        const QJsonArray suspended = json.value(QLatin1String("suspensions")).toArray();
        QCOMPARE(suspended.size(), 1);
        const QJsonObject row = suspended.first().toObject();
        QCOMPARE(row.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(row.value(QLatin1String("endpoint")).toString(),
                 QStringLiteral("default_production_endpoint"));
        QCOMPARE(row.value(QLatin1String("failures")).toInt(), 1);
        QVERIFY(row.value(QLatin1String("secondsLeft")).toInt() > 0);
        QVERIFY(!row.value(QLatin1String("until")).toString().isEmpty());
        const QJsonObject counters = json.value(QLatin1String("counters")).toObject();
        QCOMPARE(counters.value(QLatin1String("requests")).toInteger(), 2);
        QCOMPARE(counters.value(QLatin1String("retried")).toInteger(), 1);

        const TestResponse metrics =
            sendRequest(TestRequest::get(fixture.adminUrl(QStringLiteral("/metrics"))));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain"));
        QVERIFY2(metrics.body.contains("# TYPE gatehouse_requests_total counter\n"),
                 metrics.body.constData());
        QVERIFY2(metrics.body.contains("gatehouse_requests_total{status=\"200\"} 2\n"),
                 metrics.body.constData());
        QVERIFY2(metrics.body.contains("gatehouse_suspended_pairs 1\n"), metrics.body.constData());
        QVERIFY2(metrics.body.contains("gatehouse_in_flight 0\n"), metrics.body.constData());

        // The gateway port does not serve the admin API.
        const TestResponse notAdmin =
            sendRequest(TestRequest::get(fixture.gatewayUrl(QStringLiteral("/metrics"))));
        QCOMPARE(notAdmin.status, 404);
    }

    void accessLogKeepsTheJtiNeverTheToken() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        for (int i = 0; i < 2; ++i) {
            const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
        }
        const TestResponse denied = fixture.chat(scenario.token + "x", chatBody(QStringLiteral("o3-mini")));
        QCOMPARE(denied.status, 401);
        QTRY_COMPARE(fixture.gateway().runtime()->accessLog().totalRecords(), 3);
        const QDate today = QDate::currentDate();
        fixture.gateway().stop();

        const QJsonObject claims =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(scenario.token.split('.').value(1), QByteArray::Base64UrlEncoding))
                .object();
        const QByteArray jti = claims.value(QLatin1String("jti")).toString().toUtf8();
        QVERIFY(!jti.isEmpty());

        const QDir logs(fixture.workspaceDirectory() + QStringLiteral("/logs"));
        QString name = QStringLiteral("access-%1.jsonl").arg(today.toString(QStringLiteral("yyyyMMdd")));
        if (!logs.exists(name)) // the day changed during the test
            name = QStringLiteral("access-%1.jsonl")
                       .arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
        QFile file(logs.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(logs.filePath(name)));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains(jti), text.constData());
        QVERIFY(!text.contains(scenario.token));
        QVERIFY(!text.contains(scenario.token.split('.').value(2)));
        QVERIFY(!text.contains(scenario.token.split('.').value(1)));
        QVERIFY(!text.contains("sk-test"));
        const QList<QByteArray> lines = text.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray& line : lines) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            QVERIFY2(record.contains(QLatin1String("status")) && record.contains(QLatin1String("latencyMs")),
                     line.constData());
        }
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QLatin1String("tokenId")).toString().toUtf8(), jti);
        QCOMPARE(first.value(QLatin1String("status")).toInt(), 200);
        QCOMPARE(first.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(first.value(QLatin1String("api")).toString(), QStringLiteral("SmartChat"));
        QCOMPARE(first.value(QLatin1String("keyType")).toString(), QStringLiteral("PRODUCTION"));
        for (const char* field : {"time", "api", "apiId", "operation", "application", "keyType", "tokenId",
                                  "model", "endpoint", "status", "latencyMs", "upstreamLatencyMs",
                                  "promptTokens", "completionTokens", "retried", "errorCode"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        QCOMPARE(first.value(QLatin1String("operation")).toString(),
                 QStringLiteral("POST /chat/completions"));
        QCOMPARE(first.value(QLatin1String("endpoint")).toString(),
                 QStringLiteral("default_production_endpoint"));
        QVERIFY(first.value(QLatin1String("completionTokens")).toInteger() > 0);
        QVERIFY(first.value(QLatin1String("promptTokens")).toInteger() > 0);
        const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
        QCOMPARE(last.value(QLatin1String("status")).toInt(), 401);
        QCOMPARE(last.value(QLatin1String("errorCode")).toString(), QStringLiteral("900901"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayLoad)
#include "tst_gatewayload.moc"
