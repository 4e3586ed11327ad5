// The request runner against a real gateway and mock LLM over loopback: the seed's 10/10 split
// with concurrency, a token re-fetched once after a 401 900901, Stop in the middle of a run,
// streams, errors, and more than six requests in flight.
#include "GatewayFixture.h"
#include "console/RequestRunner.h"
#include "console/RunStatistics.h"
#include "console/TokenManager.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <set>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

PolicyAttachment seedRouter() {
    return GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), R"({"production":[
        {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
        {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],
        "sandbox":[],"suspendDuration":30})");
}

ConsoleCredentials consoleCredentials(const GatewayFixture::Credentials& credentials) {
    return {credentials.applicationId, credentials.keyType, credentials.consumerKey,
            credentials.consumerSecret};
}

RequestRunner::Plan chatPlan(GatewayFixture& fixture, int repeat, int concurrency, bool stream = false) {
    RequestRunner::Plan plan;
    plan.request.url = fixture.gatewayUrl(GatewayFixture::chatPath());
    plan.request.body = chatBody(QStringLiteral("o3-mini"), stream);
    // A stream carries its usage only when the request asks, as with OpenAI.
    if (stream)
        plan.request.body.insert(1, "\"stream_options\":{\"include_usage\":true},");
    plan.request.stream = stream;
    plan.repeat = repeat;
    plan.concurrency = concurrency;
    plan.timeoutMs = 20000;
    return plan;
}

// Starts the plan and waits for finished(); false when it did not come within the timeout.
bool runToEnd(RequestRunner& runner, const RequestRunner::Plan& plan, int timeoutMs = 30000) {
    QSignalSpy finished(&runner, &RequestRunner::finished);
    runner.start(plan);
    return finished.wait(timeoutMs) || finished.count() > 0;
}

QString describe(const InvokeResult& result) {
    return QStringLiteral("#%1 status %2 %3 %4 %5")
        .arg(result.index)
        .arg(result.status)
        .arg(result.errorCode, result.errorMessage, QString::fromUtf8(result.body.left(300)));
}

} // namespace

class TestRequestRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seedRepeatTwentyWithConcurrencyFour() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        RunStatistics statistics;
        int announced = 0;
        connect(&runner, &RequestRunner::resultReady, this, [&](const InvokeResult& result) {
            ++announced;
            statistics.add(result);
        });
        QSignalSpy finished(&runner, &RequestRunner::finished);
        runner.start(chatPlan(scenario.fixture, 20, 4));
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!runner.isRunning());
        QCOMPARE(runner.inFlight(), 0);

        const std::vector<InvokeResult>& results = runner.results();
        QCOMPARE(results.size(), std::size_t(20));
        QCOMPARE(announced, 20);
        std::set<int> indexes;
        for (const InvokeResult& result : results) {
            QVERIFY2(result.status == 200, qPrintable(describe(result)));
            indexes.insert(result.index);
            QVERIFY(result.latencyMs > 0);
            QVERIFY(result.firstByteMs > 0 && result.firstByteMs <= result.latencyMs);
            QVERIFY(result.startedAt.isValid());
            QVERIFY(result.promptTokens > 0);
            QCOMPARE(result.completionTokens, qint64(7));
            QCOMPARE(result.totalTokens, result.promptTokens + result.completionTokens);
            QVERIFY(!result.tokenRefetched);
            QVERIFY(!result.headers.isEmpty());
            QVERIFY(result.body.contains("chat.completion"));
            QVERIFY(result.errorCode.isEmpty());
        }
        QCOMPARE(indexes.size(), std::size_t(20));
        QCOMPARE(*indexes.rbegin(), 19);
        QCOMPARE(statistics.byModel(), (std::map<QString, int>{{QStringLiteral("gpt-4o"), 10},
                                                               {QStringLiteral("gpt-4o-mini"), 10}}));
        QCOMPARE(statistics.statusCounts(), (std::map<int, int>{{200, 20}}));
        QCOMPARE(tokens.requestsSent(), 1); // four lanes asked at once and shared one token request

        // A second run reuses the cached token and starts from empty results.
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 2, 1)));
        QCOMPARE(runner.results().size(), std::size_t(2));
        QCOMPARE(tokens.requestsSent(), 1);
    }

    void refetchesOnceAfterInvalidCredentials() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        std::optional<Result<AccessToken>> stale;
        tokens.fetch(consoleCredentials(scenario.credentials),
                     [&stale](Result<AccessToken> r) { stale = r; });
        QTRY_VERIFY_WITH_TIMEOUT(stale.has_value(), 10000);
        QVERIFY2(stale->ok(), qPrintable(stale->error()));

        // Regenerating the keys revokes every token issued before: the cached one is now refused.
        const auto renewed =
            scenario.fixture.generateKeys(scenario.credentials.applicationId, Stage::Production, &error);
        QVERIFY2(renewed, qPrintable(error));
        QVERIFY2(scenario.fixture.reloadGateway(&error), qPrintable(error));
        QCOMPARE(scenario.fixture.chat(stale->value().value, chatBody(QStringLiteral("gpt-4o"))).status, 401);

        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(*renewed)); // the stale token stays cached
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 4, 4)));
        QCOMPARE(runner.results().size(), std::size_t(4));
        for (const InvokeResult& result : runner.results()) {
            QVERIFY2(result.status == 200, qPrintable(describe(result)));
            QVERIFY(result.tokenRefetched);
        }
        // Four requests refused at once, one new token between them.
        QCOMPARE(tokens.requestsSent(), 2);
        QVERIFY(tokens.cached(scenario.credentials.applicationId, Stage::Production)->value !=
                stale->value().value);
    }

    void secondRefusalIsReportedNotRetried() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        // The gateway refuses a token of the wrong key type with 900901 every time.
        const auto sandbox =
            scenario.fixture.generateKeys(scenario.credentials.applicationId, Stage::Sandbox, &error);
        QVERIFY2(sandbox, qPrintable(error));
        QVERIFY2(scenario.fixture.reloadGateway(&error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(*sandbox));
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 1, 1)));
        QCOMPARE(runner.results().size(), std::size_t(1));
        const InvokeResult& result = runner.results().front();
        QCOMPARE(result.status, 401);
        QCOMPARE(result.errorCode, QStringLiteral("900901"));
        QVERIFY2(result.errorMessage.startsWith(QStringLiteral("Invalid Key Type: ")),
                 qPrintable(result.errorMessage));
        QVERIFY(result.tokenRefetched);
        QCOMPARE(tokens.requestsSent(), 2); // the first token, and exactly one more
    }

    void stopMidRun() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","latencyMs":300})", &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        QSignalSpy finished(&runner, &RequestRunner::finished);
        int seen = 0;
        connect(&runner, &RequestRunner::resultReady, this, [&](const InvokeResult&) {
            if (++seen == 3)
                runner.stop();
        });
        runner.start(chatPlan(scenario.fixture, 50, 4));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!runner.isRunning());
        QCOMPARE(runner.inFlight(), 0);
        const std::size_t kept = runner.results().size();
        QVERIFY2(kept >= 3 && kept < 50, qPrintable(QString::number(kept)));
        // Nothing else happens afterwards: no late results, no second finished().
        QTest::qWait(800);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(runner.results().size(), kept);
        QCOMPARE(std::size_t(seen), kept);
        runner.stop(); // stopping a stopped run does nothing
        QCOMPARE(finished.count(), 1);
    }

    void streamGivesChunksTimeToFirstTokenAndText() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        QString live;
        connect(&runner, &RequestRunner::streamText, this, [&live](int index, const QString& delta) {
            QCOMPARE(index, 0);
            live += delta;
        });
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 1, 1, true)));
        QCOMPARE(runner.results().size(), std::size_t(1));
        const InvokeResult& result = runner.results().front();
        QVERIFY2(result.status == 200, qPrintable(describe(result)));
        QVERIFY(result.model == QLatin1String("gpt-4o") || result.model == QLatin1String("gpt-4o-mini"));
        QCOMPARE(result.text, QStringLiteral("This is a test! Answered by %1.").arg(result.model));
        QCOMPARE(live, result.text);
        QVERIFY2(result.chunks >= 2, qPrintable(QString::number(result.chunks)));
        QVERIFY(result.firstByteMs > 0);
        QVERIFY(result.firstByteMs < result.latencyMs); // the mock pauses between chunks
        QVERIFY(result.tokensPerSecond > 0);
        QCOMPARE(result.completionTokens, qint64(7));
        QVERIFY(result.body.startsWith("data: "));
        QVERIFY(result.errorCode.isEmpty());
    }

    void brokenStreamIsAnError() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        // The upstream resets the connection after 600 bytes: the gateway cuts the client's stream off.
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","resetAfterBytes":600})", &error),
                 qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 1, 1, true)));
        const InvokeResult& result = runner.results().front();
        QCOMPARE(result.status, 200);
        QCOMPARE(result.errorCode, QStringLiteral("incomplete"));
        QVERIFY2(result.errorMessage.startsWith(QStringLiteral("The answer broke off")),
                 qPrintable(result.errorMessage));
        QVERIFY(result.chunks >= 1);
        QVERIFY(!result.text.endsWith(QLatin1Char('.'))); // the last words never came
        RunStatistics statistics;
        statistics.add(result);
        QCOMPARE(statistics.errors(), 1);
    }

    void errorAnswersAreRead() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        RequestRunner::Plan plan = chatPlan(scenario.fixture, 1, 1);
        plan.request.body = "not json";
        QVERIFY(runToEnd(runner, plan));
        const InvokeResult& result = runner.results().front();
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode, QStringLiteral("102511"));
        QVERIFY2(result.errorMessage.startsWith(QStringLiteral("Invalid request payload: ")),
                 qPrintable(result.errorMessage));
        QVERIFY(result.isError());
    }

    void noTokenEndsTheRun() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        ConsoleCredentials wrong = consoleCredentials(scenario.credentials);
        wrong.consumerSecret = QStringLiteral("wrong");
        runner.setCredentials(wrong);
        QSignalSpy finished(&runner, &RequestRunner::finished);
        runner.start(chatPlan(scenario.fixture, 10, 2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(runner.failure().contains(QStringLiteral("wrong consumer secret")),
                 qPrintable(runner.failure()));
        // Both lanes waited for the one token request; both report its failure, none goes further.
        QVERIFY(!runner.results().empty() && runner.results().size() <= 2);
        QCOMPARE(runner.results().front().errorCode, QStringLiteral("no-token"));
        QCOMPARE(runner.results().front().status, 0);
        QCOMPARE(tokens.requestsSent(), 1);
    }

    void moreThanSixInFlight() {
        Scenario scenario;
        scenario.mockWorkerThreads = 2;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        QVERIFY2(scenario.fixture.setFault(R"({"model":"*","latencyMs":600})", &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        // Warm up: the token and the connections.
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 1, 1)));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 12, 12)));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(runner.results().size(), std::size_t(12));
        for (const InvokeResult& result : runner.results())
            QVERIFY2(result.status == 200, qPrintable(describe(result)));
        // Six at a time would take two rounds of 600 ms.
        QVERIFY2(elapsed < 1150, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    }

    void thousandRequestsKeepTheEventLoopResponsive() {
        Scenario scenario;
        scenario.mockWorkerThreads = 2;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        RunStatistics statistics;
        connect(&runner, &RequestRunner::resultReady, this,
                [&statistics](const InvokeResult& result) { statistics.add(result); });
        // A GUI repaints from the event loop: it must keep turning while the run goes on.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        QVERIFY(runToEnd(runner, chatPlan(scenario.fixture, 1000, 8), 120000));
        ticker.stop();
        QCOMPARE(runner.results().size(), std::size_t(1000));
        QCOMPARE(statistics.statusCounts(), (std::map<int, int>{{200, 1000}}));
        QCOMPARE(statistics.byModel(), (std::map<QString, int>{{QStringLiteral("gpt-4o"), 500},
                                                               {QStringLiteral("gpt-4o-mini"), 500}}));
        QVERIFY2(longestGap < 250,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longestGap)));
        qInfo("1000 requests at concurrency 8: %.0f requests/s, p50 %.2f ms, longest event-loop gap %lld ms",
              statistics.requestsPerSecond(), statistics.latency().percentile(50), longestGap);
    }

    void delayPausesEachLane() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWith(seedRouter()), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        RequestRunner runner(&tokens);
        runner.setCredentials(consoleCredentials(scenario.credentials));
        RequestRunner::Plan plan = chatPlan(scenario.fixture, 4, 1);
        plan.delayMs = 150;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(runToEnd(runner, plan));
        QCOMPARE(runner.results().size(), std::size_t(4));
        QVERIFY2(clock.elapsed() >= 450, qPrintable(QString::number(clock.elapsed()))); // three pauses
        // Each request starts after the previous one ended and the pause.
        for (std::size_t i = 1; i < runner.results().size(); ++i) {
            const InvokeResult& previous = runner.results()[i - 1];
            const InvokeResult& next = runner.results()[i];
            const double gap = double(previous.startedAt.msecsTo(next.startedAt)) - previous.latencyMs;
            QVERIFY2(gap >= 140, qPrintable(QString::number(gap)));
        }
    }
};

QTEST_GUILESS_MAIN(TestRequestRunner)
#include "tst_requestrunner.moc"
