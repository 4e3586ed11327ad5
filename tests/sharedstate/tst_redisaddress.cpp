// The Redis addresses the workspace's sharedState.url and gatehouse-gateway --redis take.
#include "core/RedisAddress.h"

#include <QTest>

using namespace gatehouse;

class TestRedisAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accepted_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<int>("database");
        QTest::addColumn<QString>("shown");
        QTest::newRow("host only") << QStringLiteral("redis://127.0.0.1") << QStringLiteral("127.0.0.1")
                                   << 6379 << QStringLiteral("") << 0
                                   << QStringLiteral("redis://127.0.0.1:6379/0");
        QTest::newRow("port and db") << QStringLiteral("redis://localhost:6380/2")
                                     << QStringLiteral("localhost") << 6380 << QStringLiteral("") << 2
                                     << QStringLiteral("redis://localhost:6380/2");
        QTest::newRow("ipv6") << QStringLiteral("redis://[::1]:7000") << QStringLiteral("::1") << 7000
                              << QStringLiteral("") << 0 << QStringLiteral("redis://[::1]:7000/0");
        QTest::newRow("user, no password")
            << QStringLiteral("redis://gateway@10.0.0.5:6379/1") << QStringLiteral("10.0.0.5") << 6379
            << QStringLiteral("") << 1 << QStringLiteral("redis://gateway@10.0.0.5:6379/1");
        QTest::newRow("unix socket") << QStringLiteral("unix:///run/redis/redis-server.sock?db=4")
                                     << QStringLiteral("") << 6379
                                     << QStringLiteral("/run/redis/redis-server.sock") << 4
                                     << QStringLiteral("unix:///run/redis/redis-server.sock?db=4");
        QTest::newRow("spaces around")
            << QStringLiteral("  redis://127.0.0.1:6379/0 ") << QStringLiteral("127.0.0.1") << 6379
            << QStringLiteral("") << 0 << QStringLiteral("redis://127.0.0.1:6379/0");
    }
    void accepted() {
        QFETCH(QString, url);
        const Result<RedisAddress> address = RedisAddress::parse(url);
        QVERIFY2(address, qPrintable(address ? QString() : address.error()));
        QTEST(address->host, "host");
        QTEST(address->port, "port");
        QTEST(address->socketPath, "socket");
        QTEST(address->database, "database");
        QTEST(address->toString(), "shown");
    }

    void refused_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("not a url") << QStringLiteral("localhost:6379")
                                   << QStringLiteral("not a Redis address");
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:6379")
                              << QStringLiteral("not a Redis address");
        QTest::newRow("password") << QStringLiteral("redis://:hunter2@127.0.0.1:6379")
                                  << QStringLiteral("password");
        QTest::newRow("user and password")
            << QStringLiteral("redis://u:hunter2@127.0.0.1") << QStringLiteral("password");
        QTest::newRow("no host") << QStringLiteral("redis:///0") << QStringLiteral("no host");
        QTest::newRow("db not a number")
            << QStringLiteral("redis://127.0.0.1/zero") << QStringLiteral("database number");
        QTest::newRow("db too large")
            << QStringLiteral("redis://127.0.0.1/5000") << QStringLiteral("database number");
        QTest::newRow("relative socket")
            << QStringLiteral("unix://redis.sock") << QStringLiteral("absolute path");
        QTest::newRow("socket db") << QStringLiteral("unix:///tmp/r.sock?db=x")
                                   << QStringLiteral("database number");
    }
    void refused() {
        QFETCH(QString, url);
        QFETCH(QString, says);
        const Result<RedisAddress> address = RedisAddress::parse(url);
        QVERIFY(!address);
        QVERIFY2(address.error().contains(says), qPrintable(address.error()));
        // A password never appears in the message that refuses it.
        QVERIFY(!address.error().contains(QStringLiteral("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestRedisAddress)
#include "tst_redisaddress.moc"
