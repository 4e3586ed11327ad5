// RedisClient against a real redis-server on loopback: answers, pipelining, Lua, AUTH and SELECT,
// deadlines that never stall the event loop, and reconnecting after Redis dies and comes back.
#include "RedisServer.h"
#include "TestTiming.h"
#include "sharedstate/RedisClient.h"
#include "sharedstate/RedisScript.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>

using namespace gatehouse;
using test::timingFactor;

namespace {

RedisClient::Options optionsFor(const test::RedisServer& server, const QString& path = QString()) {
    RedisClient::Options options;
    options.address = RedisAddress::parse(server.url() + path).value();
    options.commandTimeoutMs = 2000 * timingFactor;
    options.connectTimeoutMs = 2000 * timingFactor;
    options.initialBackoffMs = 50;
    options.maxBackoffMs = 400;
    return options;
}

// Sends a command and waits for its answer, with the event loop running.
std::optional<RedisReply> run(RedisClient& client, const QList<QByteArray>& arguments, int timeoutMs = 0) {
    std::optional<RedisReply> answer;
    client.command(
        arguments, [&](const RedisReply& reply) { answer = reply; }, timeoutMs);
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 10000 * timingFactor); // the caller checks
    return answer;
}

bool waitConnected(RedisClient& client) {
    return QTest::qWaitFor([&] { return client.isConnected(); }, 10000 * timingFactor);
}

} // namespace

class TestRedisClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answersAsRedisDoes();
    void pipelinedCommandsAnswerInOrder();
    void luaScriptRunsAtomically();
    void scriptsFirstRunCostsNoExtraRoundTrip();
    void authenticatesAndSelectsTheDatabase();
    void wrongPasswordIsReportedAndRetried();
    void deadlinePassesWithoutStallingTheLoop();
    void reconnectsWhenRedisComesBack();
    void nothingListeningFailsFast();
};

void TestRedisClient::answersAsRedisDoes() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisClient client(optionsFor(server));
    QSignalSpy connected(&client, &RedisClient::connected);
    client.start();
    QVERIFY(waitConnected(client));
    QCOMPARE(connected.count(), 1);

    // Binary-safe: a NUL, CR LF and non-ASCII bytes go and come back unchanged.
    const QByteArray value("a\0b\r\nc\xff", 7);
    std::optional<RedisReply> reply = run(client, {"SET", "gatehouse:test", value});
    QVERIFY(reply);
    QCOMPARE(reply->type, RedisReply::Type::Status);
    QCOMPARE(reply->text, QByteArray("OK"));
    reply = run(client, {"GET", "gatehouse:test"});
    QCOMPARE(reply->type, RedisReply::Type::String);
    QCOMPARE(reply->text, value);
    reply = run(client, {"INCRBY", "gatehouse:count", "41"});
    QCOMPARE(reply->type, RedisReply::Type::Integer);
    QCOMPARE(reply->integer, 41);
    reply = run(client, {"GET", "gatehouse:missing"});
    QCOMPARE(reply->type, RedisReply::Type::Nil);
    // Redis's own refusal is an error reply, not a failure to answer.
    reply = run(client, {"INCR", "gatehouse:test"});
    QVERIFY(reply->isError());
    QVERIFY(!reply->failed);
    QVERIFY2(reply->text.contains("not an integer"), reply->text.constData());
    reply = run(client, {"HSET", "gatehouse:hash", "a", "1", "b", "2"});
    reply = run(client, {"HGETALL", "gatehouse:hash"});
    QCOMPARE(reply->type, RedisReply::Type::Array);
    QCOMPARE(reply->elements.size(), std::size_t(4));
}

void TestRedisClient::pipelinedCommandsAnswerInOrder() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisClient client(optionsFor(server));
    client.start();
    QVERIFY(waitConnected(client));
    // Sent in one go, before any answer: hiredis writes them together and Redis answers in order.
    constexpr int count = 2000;
    std::vector<qint64> answers;
    for (int index = 0; index < count; ++index)
        client.command({"INCR", "gatehouse:pipelined"},
                       [&](const RedisReply& reply) { answers.push_back(reply.integer); });
    QVERIFY(answers.empty()); // never inside command()
    QTRY_COMPARE_WITH_TIMEOUT(int(answers.size()), count, 10000 * timingFactor);
    for (int index = 0; index < count; ++index)
        QCOMPARE(answers[std::size_t(index)], qint64(index + 1));
}

void TestRedisClient::luaScriptRunsAtomically() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisClient client(optionsFor(server));
    client.start();
    QVERIFY(waitConnected(client));
    // The shape of a quota check-and-count: admit while under the limit, in one step.
    const QByteArray script = "local used = tonumber(redis.call('GET', KEYS[1]) or '0') "
                              "if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return -1 end "
                              "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    int admitted = 0;
    int refused = 0;
    for (int index = 0; index < 30; ++index)
        client.command({"EVAL", script, "1", "gatehouse:quota", "1", "10"},
                       [&](const RedisReply& reply) { (reply.integer > 0 ? admitted : refused) += 1; });
    QTRY_COMPARE_WITH_TIMEOUT(admitted + refused, 30, 10000 * timingFactor);
    QCOMPARE(admitted, 10);
    QCOMPARE(refused, 20);
}

// RedisScript: the first run on a connection sends the script itself (no EVALSHA, NOSCRIPT, EVAL round
// trip, which let a shared response cache entry arrive after its answer); later runs go by SHA1; a
// script cache emptied behind the client's back still works.
void TestRedisClient::scriptsFirstRunCostsNoExtraRoundTrip() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisClient client(optionsFor(server));
    client.start();
    QVERIFY(waitConnected(client));
    const RedisScript script("return redis.call('INCRBY', KEYS[1], ARGV[1])");
    const auto runScript = [&] {
        std::optional<RedisReply> answer;
        script.run(client, {"gatehouse:scripted"}, {"2"}, [&](const RedisReply& reply) { answer = reply; });
        (void)QTest::qWaitFor([&] { return answer.has_value(); }, 10000 * timingFactor);
        return answer;
    };
    // How many EVAL and EVALSHA calls Redis has seen, and how many failed (NOSCRIPT).
    const auto calls = [&](const QByteArray& command) {
        const std::optional<RedisReply> info = run(client, {"INFO", "commandstats"});
        const QByteArray key = "cmdstat_" + command + ":calls=";
        const qsizetype at = info ? info->text.indexOf(key) : -1;
        return at < 0 ? 0 : info->text.mid(at + key.size()).split(',').front().toInt();
    };
    std::optional<RedisReply> reply = runScript();
    QVERIFY(reply && !reply->isError());
    QCOMPARE(reply->integer, 2);
    QCOMPARE(calls("eval"), 1);
    QCOMPARE(calls("evalsha"), 0);
    reply = runScript();
    QCOMPARE(reply->integer, 4);
    QCOMPARE(calls("eval"), 1);
    QCOMPARE(calls("evalsha"), 1);
    // SCRIPT FLUSH: the next run's EVALSHA gets NOSCRIPT and the script is sent again.
    QVERIFY(run(client, {"SCRIPT", "FLUSH"}));
    reply = runScript();
    QVERIFY2(reply && !reply->isError(), reply ? reply->text.constData() : "no reply");
    QCOMPARE(reply->integer, 6);
    QCOMPARE(calls("eval"), 2);
}

void TestRedisClient::authenticatesAndSelectsTheDatabase() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error, {QStringLiteral("--requirepass"), QStringLiteral("s3cret")}),
             qPrintable(error));
    RedisClient::Options options = optionsFor(server, QStringLiteral("/3"));
    options.password = QStringLiteral("s3cret");
    RedisClient client(options);
    client.start();
    QVERIFY2(waitConnected(client), qPrintable(client.lastError()));
    QCOMPARE(run(client, {"SET", "gatehouse:db", "three"})->text, QByteArray("OK"));

    RedisClient::Options zero = optionsFor(server);
    zero.password = QStringLiteral("s3cret");
    RedisClient other(zero);
    other.start();
    QVERIFY(waitConnected(other));
    QCOMPARE(run(other, {"GET", "gatehouse:db"})->type, RedisReply::Type::Nil);
    QCOMPARE(run(other, {"SELECT", "3"})->text, QByteArray("OK"));
    QCOMPARE(run(other, {"GET", "gatehouse:db"})->text, QByteArray("three"));
}

void TestRedisClient::wrongPasswordIsReportedAndRetried() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error, {QStringLiteral("--requirepass"), QStringLiteral("s3cret")}),
             qPrintable(error));
    RedisClient::Options options = optionsFor(server);
    options.password = QStringLiteral("wrong");
    RedisClient client(options);
    QSignalSpy disconnected(&client, &RedisClient::disconnected);
    client.start();
    QVERIFY(disconnected.wait(10000 * timingFactor));
    QVERIFY(!client.isConnected());
    QVERIFY2(client.lastError().contains(QStringLiteral("WRONGPASS")), qPrintable(client.lastError()));
    // The password is never part of what is said.
    QVERIFY(!client.lastError().contains(QStringLiteral("wrong\"")) &&
            !client.lastError().contains(QStringLiteral("s3cret")));
    const std::optional<RedisReply> reply = run(client, {"GET", "x"});
    QVERIFY(reply && reply->failed);
    // Still trying, with backoff, without telling the same thing again.
    QTest::qWait(500);
    QCOMPARE(disconnected.count(), 1);
}

void TestRedisClient::deadlinePassesWithoutStallingTheLoop() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisClient client(optionsFor(server));
    RedisClient pauser(optionsFor(server));
    client.start();
    pauser.start();
    QVERIFY(waitConnected(client) && waitConnected(pauser));
    QCOMPARE(run(client, {"SET", "gatehouse:slow", "1"})->text, QByteArray("OK"));
    // Redis holds every client's commands for 1.5 s: a Redis that answers late.
    QCOMPARE(run(pauser, {"CLIENT", "PAUSE", "1500", "ALL"})->text, QByteArray("OK"));

    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(10);
    int answers = 0;
    std::optional<RedisReply> late;
    QElapsedTimer clock;
    clock.start();
    client.command(
        {"GET", "gatehouse:slow"},
        [&](const RedisReply& reply) {
            ++answers;
            late = reply;
        },
        200);
    QTRY_VERIFY_WITH_TIMEOUT(late.has_value(), 5000);
    const qint64 waited = clock.elapsed();
    QVERIFY(late->failed);
    QVERIFY2(late->text.contains("did not answer in time"), late->text.constData());
    QVERIFY2(waited >= 190 && waited < 1200, qPrintable(QString::number(waited)));
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks))); // the loop kept running meanwhile
    // Redis's answer comes after the pause; it is dropped, not given to the caller a second time, and
    // the connection goes on with the right answers for the next commands.
    QTest::qWait(1600);
    QCOMPARE(answers, 1);
    QCOMPARE(run(client, {"INCR", "gatehouse:slow"})->integer, 2);
}

void TestRedisClient::reconnectsWhenRedisComesBack() {
    test::RedisServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RedisClient client(optionsFor(server));
    QSignalSpy connected(&client, &RedisClient::connected);
    QSignalSpy disconnected(&client, &RedisClient::disconnected);
    client.start();
    QVERIFY(waitConnected(client));

    // A command in flight when Redis dies is answered as failed, not left waiting for its deadline.
    std::optional<RedisReply> inFlight;
    client.command(
        {"BLPOP", "gatehouse:never", "5"}, [&](const RedisReply& reply) { inFlight = reply; }, 10000);
    QTest::qWait(100);
    server.kill();
    QVERIFY(disconnected.wait(5000 * timingFactor));
    QTRY_VERIFY_WITH_TIMEOUT(inFlight.has_value(), 2000 * timingFactor);
    QVERIFY(inFlight->failed);
    QVERIFY(!client.isConnected());
    // While Redis is gone, commands fail at once (on the next turn of the loop).
    QElapsedTimer clock;
    clock.start();
    const std::optional<RedisReply> down = run(client, {"GET", "x"});
    QVERIFY(down && down->failed);
    QVERIFY(clock.elapsed() < 500);

    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(waitConnected(client));
    QCOMPARE(connected.count(), 2);
    QCOMPARE(run(client, {"INCR", "gatehouse:back"})->integer, 1);
}

void TestRedisClient::nothingListeningFailsFast() {
    test::RedisServer server; // only for a free port: never started
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString url = server.url();
    server.stop();
    RedisClient::Options options;
    options.address = RedisAddress::parse(url).value();
    options.initialBackoffMs = 50;
    RedisClient client(options);
    QSignalSpy disconnected(&client, &RedisClient::disconnected);
    client.start();
    QVERIFY(disconnected.wait(5000));
    QVERIFY2(client.lastError().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
             qPrintable(client.lastError()));
    const std::optional<RedisReply> reply = run(client, {"PING"});
    QVERIFY(reply && reply->failed);
}

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redisclient.moc"
