// Gateway replicas sharing state through a real redis-server (Debian's, started by each test on a free
// loopback port): three replicas in this process, each with its own workers, run-time state and Redis
// connections, on one workspace and one mock LLM, exactly as three gatehouse-gateway processes share
// them. What a team behind a load balancer relies on: a plan's limit holds across replicas, a failing
// model is left out by all of them at once, and Redis going away or slowing down never fails or stalls
// a request (open) or is said clearly (closed).
#include "GatewayFixture.h"
#include "RedisServer.h"
#include "TestTiming.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "sharedstate/RedisClient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

QByteArray streamBody() {
    return R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Say this is a test"}]})";
}

QString codeOf(const TestResponse& response) {
    return response.json().value(QLatin1String("code")).toString();
}

QString modelOf(const TestResponse& response) {
    return response.json().value(QLatin1String("model")).toString();
}

// Fixed windows reset on the minute: a test counting a per-minute limit starts early in one.
void awayFromTheMinuteBoundary() {
    const qint64 intoMinute = QDateTime::currentMSecsSinceEpoch() % 60000;
    if (intoMinute > 45000)
        QTest::qWait(int(60000 - intoMinute + 200));
}

// Three replicas, one workspace, one Redis: `replica(0)` is the fixture's own gateway.
class Cluster {
public:
    bool start(const BusinessPlan& plan, const GatewayFixture::ApiSpec& spec, QString* error,
               const QStringList& redisArguments = {}, const WorkspaceSettings* settings = nullptr) {
        if (!redis.start(error, redisArguments))
            return false;
        if (!fixture.init(error))
            return false;
        if (settings && !fixture.workspace().saveSettings(*settings).ok(error))
            return false;
        apiId = fixture.addApi(spec, error);
        if (apiId.isEmpty() || !fixture.addPlan(plan, error))
            return false;
        const auto credentials =
            fixture.addApplication(QStringLiteral("Shared"), {apiId}, plan.name, Stage::Production, error);
        if (!credentials)
            return false;
        fixture.setRedisUrl(redis.url());
        if (!fixture.startGateway(error))
            return false;
        for (int i = 0; i < 2; ++i) {
            std::unique_ptr<Gateway> replica = fixture.startReplica(error);
            if (!replica)
                return false;
            m_others.push_back(std::move(replica));
        }
        token = fixture.token(*credentials, error);
        if (token.isEmpty())
            return false;
        if (!allConnected(10000)) {
            *error = QStringLiteral("the replicas did not connect to Redis");
            return false;
        }
        return true;
    }

    Gateway& replica(int index) { return index == 0 ? fixture.gateway() : *m_others[std::size_t(index - 1)]; }
    GatewayRuntime& runtimeOf(int index) { return *replica(index).runtime(); }

    bool allConnected(int timeoutMs) {
        return QTest::qWaitFor(
            [this] {
                for (int i = 0; i < 3; ++i) {
                    const SharedStateStatus& status = runtimeOf(i).sharedState();
                    if (!status.isConnected() || status.liveReplicas() != 3 ||
                        status.connectedSessions() != status.expectedSessions())
                        return false;
                }
                return true;
            },
            timeoutMs);
    }

    QUrl chatUrl(int index) const {
        Gateway& gateway = const_cast<Cluster*>(this)->replica(index);
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1%2").arg(gateway.port()).arg(GatewayFixture::chatPath()));
    }

    TestResponse chat(int index, const QByteArray& body = chatBody(QStringLiteral("gpt-4o"))) {
        return sendRequest(TestRequest::postJson(chatUrl(index), body, token));
    }

    RedisServer redis;
    GatewayFixture fixture;
    QString apiId;
    QByteArray token;

private:
    std::vector<std::unique_ptr<Gateway>> m_others;
};

BusinessPlan requestPlan(const QString& name, double perMinute) {
    BusinessPlan plan;
    plan.name = name;
    plan.limits = {PlanLimit{PlanLimit::Metric::Requests, PlanLimit::Period::Minute, perMinute}};
    return plan;
}

PolicyAttachment weighted(int suspendSeconds) {
    return GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"),
                                  R"({"production":[
        {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
        {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],
        "sandbox":[],"suspendDuration":)" +
                                      QByteArray::number(suspendSeconds) + '}');
}

SuspensionTable::Pair gpt4o(const QString& apiId) {
    return {apiId, QStringLiteral("default_production_endpoint"), QStringLiteral("gpt-4o")};
}

bool isSuspended(GatewayRuntime& runtime, const SuspensionTable::Pair& pair) {
    return runtime.suspensions().availability(pair, QDateTime::currentMSecsSinceEpoch()) ==
           SuspensionTable::Availability::Suspended;
}

// A command of the test's own, on a connection of its own.
RedisReply redisCommand(const QString& url, const QList<QByteArray>& arguments, int timeoutMs = 5000) {
    RedisClient::Options options;
    options.address = RedisAddress::parse(url).value();
    options.commandTimeoutMs = timeoutMs;
    RedisClient client(options);
    client.start();
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, 5000))
        return RedisReply::failure(QStringLiteral("the test could not connect"));
    std::optional<RedisReply> answer;
    client.command(arguments, [&](const RedisReply& reply) { answer = reply; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, timeoutMs + 1000))
        return RedisReply::failure(QStringLiteral("no answer"));
    return *answer;
}

} // namespace

class TestSharedState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Three replicas with a 10-per-minute plan, 30 requests spread over them: exactly 10 pass.
    void threeReplicasAdmitExactlyThePlan() {
        awayFromTheMinuteBoundary();
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("TenPerMinute"), 10), {}, &error),
                 qPrintable(error));
        int passed = 0;
        int refused = 0;
        for (int i = 0; i < 30; ++i) {
            const TestResponse response = cluster.chat(i % 3);
            if (response.status == 200) {
                ++passed;
            } else {
                QVERIFY2(response.status == 429, qPrintable(response.describe()));
                QCOMPARE(codeOf(response), QStringLiteral("900804"));
                QVERIFY(!response.header("Retry-After").isEmpty());
                ++refused;
            }
        }
        QCOMPARE(passed, 10);
        QCOMPARE(refused, 20);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cluster.runtimeOf(i).sharedState().fallbacks(), quint64(0));
        // /status says where the state is and how it is doing.
        const TestResponse status = sendRequest(TestRequest::get(
            QUrl(QStringLiteral("http://127.0.0.1:%1/status").arg(cluster.replica(1).adminPort()))));
        const QJsonObject shared = status.json().value(QLatin1String("sharedState")).toObject();
        QCOMPARE(shared.value(QLatin1String("backend")).toString(), QStringLiteral("redis"));
        QCOMPARE(shared.value(QLatin1String("connected")).toBool(), true);
        QCOMPARE(shared.value(QLatin1String("liveReplicas")).toInt(), 3);
        QCOMPARE(shared.value(QLatin1String("failureMode")).toString(), QStringLiteral("open"));
    }

    // Tokens and dollars are charged to the shared counters when each answer ends, streams included:
    // what one replica's stream used is refused on another.
    void tokenQuotaAndDollarBudgetHoldAcrossReplicasWithStreams() {
        BusinessPlan plan;
        plan.name = QStringLiteral("FortyTokensAndThreeCents");
        // Each stream: 10 prompt and 7 answer tokens; at 1e-6 and 2e-6 USD per token, 0.000024 USD.
        plan.limits = {PlanLimit{PlanLimit::Metric::TotalTokens, PlanLimit::Period::Day, 40},
                       PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 0.00005}};
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(plan, {}, &error), qPrintable(error));
        QFile prices(cluster.fixture.workspaceDirectory() + QStringLiteral("/prices.json"));
        QVERIFY(prices.open(QIODevice::WriteOnly));
        prices.write(R"({"gpt-4o":{"input_cost_per_token":1e-06,"output_cost_per_token":2e-06,)"
                     R"("litellm_provider":"openai","mode":"chat"}})");
        prices.close();
        for (int i = 0; i < 3; ++i)
            QVERIFY2(cluster.replica(i).reload(&error), qPrintable(error));
        // Used before each: 0, 17 and 34 tokens (of 40), 0, 0.000024 and 0.000048 USD (of 0.00005): each
        // replica in turn still has room, and says how much.
        const QByteArray remaining[] = {"0.0000500000", "0.0000260000", "0.0000020000"};
        const QByteArray dayKeys = QByteArrayLiteral("gatehouse:q:") +
                                   cluster.fixture.workspace().applications().front().id.toUtf8() + '|' +
                                   cluster.apiId.toUtf8() + ":day:*";
        for (int i = 0; i < 3; ++i) {
            const TestResponse response = cluster.chat(i, streamBody());
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QVERIFY2(response.body.contains("data: [DONE]"), response.body.constData());
            QCOMPARE(response.header("x-ratelimit-cost-remaining-dollars"), remaining[i]);
            // Charged to Redis when the stream ends, a moment after the client has it.
            QVERIFY(QTest::qWaitFor(
                [&] {
                    const RedisReply keys = redisCommand(cluster.redis.url(), {"KEYS", dayKeys});
                    if (keys.elements.size() != 1)
                        return false;
                    const RedisReply total =
                        redisCommand(cluster.redis.url(), {"HGET", keys.elements[0].text, "t"});
                    return total.text.toLongLong() == 17 * (i + 1);
                },
                5000));
        }
        // 51 of 40 tokens, 0.000072 of 0.00005 USD: every replica refuses.
        for (int i = 0; i < 3; ++i) {
            const TestResponse refused = cluster.chat(i, streamBody());
            QVERIFY2(refused.status == 429, qPrintable(refused.describe()));
            QCOMPARE(codeOf(refused), QStringLiteral("900804"));
        }
    }

    // The mock fails gpt-4o; replica 0 meets the failure and suspends it; replicas 1 and 2 leave it
    // out within 50 ms, and send to it again after the suspension.
    void suspensionReachesEveryReplicaAtOnce() {
        GatewayFixture::ApiSpec spec;
        spec.chatPolicies = {weighted(2)};
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("Plenty"), 100000), spec, &error),
                 qPrintable(error));
        QVERIFY2(cluster.fixture.setFault(R"({"model":"gpt-4o","status":503})", &error), qPrintable(error));
        const SuspensionTable::Pair pair = gpt4o(cluster.apiId);
        // Weighted 50/50: within two requests replica 0 tries gpt-4o, fails, and retries on gpt-4o-mini.
        for (int i = 0; i < 2 && !isSuspended(cluster.runtimeOf(0), pair); ++i) {
            const TestResponse response = cluster.chat(0);
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
        }
        QVERIFY(isSuspended(cluster.runtimeOf(0), pair));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return isSuspended(cluster.runtimeOf(1), pair) && isSuspended(cluster.runtimeOf(2), pair);
            },
            5000));
        QVERIFY2(clock.elapsed() <= 50 * timingFactor, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(cluster.fixture.clearFaults(&error), qPrintable(error));
        const qint64 failedCalls = cluster.fixture.mockStats().value(QStringLiteral("gpt-4o"));
        for (int i = 0; i < 6; ++i) {
            const TestResponse response = cluster.chat(1 + i % 2);
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(modelOf(response), QStringLiteral("gpt-4o-mini"));
        }
        QCOMPARE(cluster.fixture.mockStats().value(QStringLiteral("gpt-4o")), failedCalls);
        // After the two seconds, gpt-4o is tried again (and, answering, readmitted).
        QTest::qWait(2100);
        bool sentToIt = false;
        for (int i = 0; i < 4 && !sentToIt; ++i)
            sentToIt = modelOf(cluster.chat(1)) == QLatin1String("gpt-4o");
        QVERIFY(sentToIt);
    }

    // Each replica rotates on its own by default: three replicas' first picks are all gpt-4o. With the
    // strict shared rotation, one counter in Redis gives the weighted sequence across them.
    void strictSharedRotationAlternatesAcrossReplicas() {
        GatewayFixture::ApiSpec spec;
        spec.chatPolicies = {weighted(30)};
        QString error;
        {
            Cluster perReplica;
            QVERIFY2(perReplica.start(requestPlan(QStringLiteral("Plenty"), 100000), spec, &error),
                     qPrintable(error));
            for (int i = 0; i < 3; ++i)
                QCOMPARE(modelOf(perReplica.chat(i)), QStringLiteral("gpt-4o"));
        }
        WorkspaceSettings settings;
        settings.sharedState.strictRotation = true;
        Cluster strict;
        QVERIFY2(strict.start(requestPlan(QStringLiteral("Plenty"), 100000), spec, &error, {}, &settings),
                 qPrintable(error));
        QStringList models;
        for (int i = 0; i < 8; ++i)
            models.append(modelOf(strict.chat(i % 3)));
        const QStringList alternating{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")};
        for (int i = 0; i < models.size(); ++i)
            QVERIFY2(models[i] == alternating[i % 2], qPrintable(models.join(QStringLiteral(", "))));
        // The turn comes from Redis: without it, each replica takes its own next one.
        strict.redis.kill();
        QVERIFY(QTest::qWaitFor([&] { return !strict.runtimeOf(1).sharedState().isConnected(); }, 5000));
        QCOMPARE(strict.chat(1).status, 200);
    }

    // With shared state the response cache is Redis's: an answer one replica kept, every replica
    // serves; the least recently used beyond maxEntries go for all of them; Redis away is a miss.
    void responseCacheIsSharedByEveryReplica() {
        PolicyAttachment cache;
        cache.policyName = QStringLiteral("ResponseCache");
        cache.policyVersion = QStringLiteral("v1.0");
        cache.parameters = {{"ttl", 3600}, {"maxEntries", 2}};
        GatewayFixture::ApiSpec spec;
        spec.chatPolicies = {cache};
        QString error;
        Cluster cluster;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("Plenty"), 100000), spec, &error),
                 qPrintable(error));
        const auto ask = [&](int replica, const char* prompt) {
            const QByteArray body =
                QByteArrayLiteral("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                                  "\"content\":\"") +
                prompt + "\"}]}";
            return cluster.chat(replica, body);
        };
        const TestResponse first = ask(0, "shared?");
        QCOMPARE(first.header("X-Cache-Status"), QByteArray("Miss"));
        // Kept when the answer ended: the other replicas find it once Redis has it.
        TestResponse second;
        QVERIFY(QTest::qWaitFor(
            [&] {
                second = ask(1, "shared?");
                return second.header("X-Cache-Status") == "Hit";
            },
            5000));
        QCOMPARE(second.body, first.body);
        QCOMPARE(ask(2, "shared?").header("X-Cache-Status"), QByteArray("Hit"));
        QCOMPARE(redisCommand(cluster.redis.url(), {"ZCARD", "gatehouse:cache-lru:" + cluster.apiId.toUtf8() +
                                                                 "|POST /chat/completions|production"})
                     .integer,
                 1);
        // Two more answers: the least recently used of three goes, on every replica.
        QCOMPARE(ask(1, "second").header("X-Cache-Status"), QByteArray("Miss"));
        QTest::qWait(50);
        QCOMPARE(ask(2, "third").header("X-Cache-Status"), QByteArray("Miss"));
        QTest::qWait(50);
        QCOMPARE(ask(0, "shared?").header("X-Cache-Status"), QByteArray("Miss"));
        // Redis gone: every request is answered, from the model.
        cluster.redis.kill();
        QVERIFY(QTest::qWaitFor([&] { return !cluster.runtimeOf(0).sharedState().isConnected(); }, 5000));
        const TestResponse alone = ask(0, "third");
        QCOMPARE(alone.status, 200);
        QCOMPARE(alone.header("X-Cache-Status"), QByteArray("Miss"));
    }

    // A message lost with a dropped subscription: the twice-a-second resync heals it within 1 s.
    void lostMessageIsHealedByTheResync() {
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("Plenty"), 100000), {}, &error), qPrintable(error));
        const RedisReply killed = redisCommand(cluster.redis.url(), {"CLIENT", "KILL", "TYPE", "pubsub"});
        QVERIFY2(killed.type == RedisReply::Type::Integer && killed.integer == 3, killed.text.constData());
        // Written as a replica's script writes it, but never published: only the resync can find it.
        const SuspensionTable::Pair pair = gpt4o(cluster.apiId);
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 30000;
        const RedisReply written =
            redisCommand(cluster.redis.url(),
                         {"HSET", "gatehouse:suspensions", pair.sharedId(), QByteArray::number(until)});
        QVERIFY2(!written.isError(), written.text.constData());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (int i = 0; i < 3; ++i) {
                    if (!isSuspended(cluster.runtimeOf(i), pair))
                        return false;
                }
                return true;
            },
            5000));
        QVERIFY2(clock.elapsed() <= 1000 * timingFactor, qPrintable(QString::number(clock.elapsed())));
    }

    // Redis killed under load, open mode: no request fails because of it; each replica counts alone at
    // its share. Restarted: what they counted alone is merged, and counts are shared again.
    void redisKilledInOpenModeFailsNothingAndMergesBack() {
        awayFromTheMinuteBoundary();
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("ThirtyPerMinute"), 30), {}, &error),
                 qPrintable(error));
        std::vector<std::unique_ptr<HttpCall>> calls;
        for (int i = 0; i < 9; ++i) {
            calls.push_back(std::make_unique<HttpCall>(TestRequest::postJson(
                cluster.chatUrl(i % 3), chatBody(QStringLiteral("gpt-4o")), cluster.token)));
            calls.back()->start();
            if (i == 2)
                cluster.redis.kill();
        }
        for (const auto& call : calls) {
            QVERIFY(QTest::qWaitFor([&] { return call->isFinished(); }, 10000));
            QVERIFY2(call->response().status == 200, qPrintable(call->response().describe()));
        }
        QVERIFY(QTest::qWaitFor([&] { return !cluster.runtimeOf(0).sharedState().isConnected(); }, 5000));
        quint64 fallbacks = 0;
        for (int i = 0; i < 3; ++i)
            fallbacks += cluster.runtimeOf(i).sharedState().fallbacks();
        QVERIFY2(fallbacks >= 6, qPrintable(QString::number(fallbacks)));
        // Alone, each replica takes a third of 30: 10, of which it has used up to 3.
        const TestResponse alone = cluster.chat(0);
        QCOMPARE(alone.status, 200);
        QVERIFY2(cluster.redis.start(&error), qPrintable(error));
        QVERIFY(cluster.allConnected(15000));
        // Merged: the ten requests made are counted in Redis, 20 remain for all three together.
        int passed = 0;
        for (int i = 0; i < 30; ++i)
            passed += cluster.chat(i % 3).status == 200 ? 1 : 0;
        QCOMPARE(passed, 20);
    }

    // Closed mode: while Redis is away a request with a quota gets 503 and the code that says why.
    void closedModeRefusesWhileRedisIsAway() {
        WorkspaceSettings settings;
        settings.sharedState.failureMode = SharedStateSettings::FailureMode::Closed;
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("TenPerMinute"), 10), {}, &error, {}, &settings),
                 qPrintable(error));
        QCOMPARE(cluster.chat(1).status, 200);
        cluster.redis.kill();
        const TestResponse refused = cluster.chat(1);
        QVERIFY2(refused.status == 503, qPrintable(refused.describe()));
        QCOMPARE(codeOf(refused), QStringLiteral("900890"));
        QVERIFY2(
            refused.json().value(QLatin1String("description")).toString().contains(QLatin1String("closed")),
            refused.body.constData());
        QVERIFY(cluster.runtimeOf(1).sharedState().refusals() >= 1);
        QVERIFY2(cluster.redis.start(&error), qPrintable(error));
        QVERIFY(cluster.allConnected(15000));
        QCOMPARE(cluster.chat(1).status, 200);
    }

    // A Redis that answers after 2 s: each request waits its command deadline (50 ms), then goes on
    // counted alone; nothing waits for Redis.
    void slowRedisCostsARequestItsDeadlineOnly() {
        Cluster cluster;
        QString error;
        QVERIFY2(cluster.start(requestPlan(QStringLiteral("Plenty"), 100000), {}, &error,
                               {QStringLiteral("--enable-debug-command"), QStringLiteral("yes")}),
                 qPrintable(error));
        RedisClient::Options options;
        options.address = RedisAddress::parse(cluster.redis.url()).value();
        options.commandTimeoutMs = 5000;
        RedisClient sleeper(options);
        sleeper.start();
        QVERIFY(QTest::qWaitFor([&] { return sleeper.isConnected(); }, 5000));
        bool slept = false;
        sleeper.command({"DEBUG", "SLEEP", "2"}, [&](const RedisReply&) { slept = true; });
        QTest::qWait(100); // Redis is asleep now
        QElapsedTimer clock;
        for (int i = 0; i < 6; ++i) {
            clock.start();
            const TestResponse response = cluster.chat(i % 3);
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        }
        QVERIFY(!slept);
        QVERIFY(QTest::qWaitFor([&] { return slept; }, 5000));
    }
};

QTEST_GUILESS_MAIN(TestSharedState)
#include "tst_sharedstate.moc"
