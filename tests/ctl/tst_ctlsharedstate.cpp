// gatehouse-ctl gateway shared-state and gatehouse-gateway --redis, the real binaries: the setting is
// shown, set and refused as workspace.json's sharedState is checked (one line, exit 2, nothing
// written), the password goes to the secret store and never to the workspace, and a gateway started
// with --redis (or with the setting) connects to a real redis-server with that password and says so
// on /status.
#include "CtlRun.h"
#include "RedisServer.h"
#include "core/Json.h"
#include "core/JsonFile.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;
using gatehouse::test::CtlRun;
using gatehouse::test::RedisServer;

namespace {

Json parsed(const QByteArray& bytes) {
    const Result<Json> json = JsonFile::parse(bytes, QStringLiteral("stdout"));
    return json ? json.value() : Json();
}

QProcessEnvironment englishEnvironment() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    return environment;
}

} // namespace

class TestCtlSharedState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_workspace = m_dir->filePath(QStringLiteral("ws"));
        m_secrets = m_dir->filePath(QStringLiteral("secrets.json"));
        QVERIFY(QDir().mkpath(m_workspace));
    }

    void cleanup() { m_dir.reset(); }

    void localIsTheDefault() {
        const CtlRun run = ctl({QStringLiteral("gateway"), QStringLiteral("shared-state")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("local"), run.out.constData());
        // Showing changes nothing: a desktop workspace's file has no sharedState at all.
        const Result<Json> workspace = JsonFile::read(m_workspace + QStringLiteral("/workspace.json"));
        QVERIFY(workspace);
        QVERIFY(!workspace.value()["settings"].contains("sharedState"));
    }

    void setThenShowAsJson() {
        CtlRun run = ctl({QStringLiteral("gateway"), QStringLiteral("shared-state"),
                          QStringLiteral("--backend"), QStringLiteral("redis"), QStringLiteral("--url"),
                          QStringLiteral("redis://127.0.0.1:6390/2"), QStringLiteral("--failure-mode"),
                          QStringLiteral("closed"), QStringLiteral("--command-timeout"), QStringLiteral("80"),
                          QStringLiteral("--strict-rotation"), QStringLiteral("on")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        run = ctl(
            {QStringLiteral("gateway"), QStringLiteral("shared-state"), QStringLiteral("--password-stdin")},
            "s3cret-redis\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        run = ctl({QStringLiteral("--json"), QStringLiteral("gateway"), QStringLiteral("shared-state")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const Json shown = parsed(run.out);
        QVERIFY2(shown["backend"] == Json("redis"), run.out.constData());
        QVERIFY(shown["url"] == Json("redis://127.0.0.1:6390/2"));
        QVERIFY(shown["failureMode"] == Json("closed"));
        QVERIFY(shown["commandTimeoutMs"] == Json(80));
        QVERIFY(shown["keyPrefix"] == Json("gatehouse:"));
        QVERIFY(shown["strictRotation"] == Json(true));
        QVERIFY(shown["passwordStored"] == Json(true));
        QFile workspace(m_workspace + QStringLiteral("/workspace.json"));
        QVERIFY(workspace.open(QIODevice::ReadOnly));
        QVERIFY(!workspace.readAll().contains("s3cret-redis"));
        run = ctl(
            {QStringLiteral("gateway"), QStringLiteral("shared-state"), QStringLiteral("--clear-password")});
        QVERIFY2(run.out.contains("password none"), qPrintable(run.describe()));
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("password in the url")
            << QStringList{QStringLiteral("--url"), QStringLiteral("redis://user:pw@127.0.0.1:6379")}
            << QStringLiteral("must not hold a password");
        QTest::newRow("unknown backend")
            << QStringList{QStringLiteral("--backend"), QStringLiteral("memcached")}
            << QStringLiteral("\"local\" or \"redis\"");
        QTest::newRow("unknown failure mode")
            << QStringList{QStringLiteral("--failure-mode"), QStringLiteral("maybe")}
            << QStringLiteral("\"open\" or \"closed\"");
        QTest::newRow("timeout zero") << QStringList{QStringLiteral("--command-timeout"), QStringLiteral("0")}
                                      << QStringLiteral("at least 1");
        QTest::newRow("timeout not a number")
            << QStringList{QStringLiteral("--command-timeout"), QStringLiteral("fast")}
            << QStringLiteral("number of milliseconds");
        QTest::newRow("strict rotation neither on nor off")
            << QStringList{QStringLiteral("--strict-rotation"), QStringLiteral("yes")}
            << QStringLiteral("on or off");
        QTest::newRow("prefix with a space")
            << QStringList{QStringLiteral("--key-prefix"), QStringLiteral("my app:")}
            << QStringLiteral("without spaces");
    }

    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CtlRun run =
            ctl(QStringList{QStringLiteral("gateway"), QStringLiteral("shared-state")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorLines().size(), 1);
        QVERIFY2(run.err.contains(message.toUtf8()), qPrintable(run.describe()));
        QVERIFY(!run.err.contains("pw@")); // a refused password is not repeated either
        const Result<Json> workspace = JsonFile::read(m_workspace + QStringLiteral("/workspace.json"));
        QVERIFY(!workspace || !workspace.value()["settings"].contains("sharedState"));
    }

    // --redis wins over the workspace's local setting; the stored password gets it in.
    void gatewayWithRedisConnectsWithTheStoredPassword() {
        RedisServer redis;
        QString error;
        QVERIFY2(redis.start(&error, {QStringLiteral("--requirepass"), QStringLiteral("s3cret-redis")}),
                 qPrintable(error));
        CtlRun run = ctl(
            {QStringLiteral("gateway"), QStringLiteral("shared-state"), QStringLiteral("--password-stdin")},
            "s3cret-redis\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QProcess gateway;
        gateway.setProcessEnvironment(englishEnvironment());
        gateway.start(QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                      {QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"),
                       m_secrets, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--admin"), QStringLiteral("0"), QStringLiteral("--threads"),
                       QStringLiteral("1"), QStringLiteral("--redis"), redis.url()});
        QVERIFY(gateway.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor(
            [&] { return QFile::exists(m_workspace + QStringLiteral("/run/gateway.json")); }, 10000));
        const Result<Json> runtime = JsonFile::read(m_workspace + QStringLiteral("/run/gateway.json"));
        QVERIFY(runtime);
        const QString admin = toQString(runtime.value()["admin"].get<std::string>());
        QNetworkAccessManager network;
        Json shared;
        QVERIFY(QTest::qWaitFor(
            [&] {
                QNetworkReply* reply =
                    network.get(QNetworkRequest(QUrl(QStringLiteral("http://%1/status").arg(admin))));
                if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
                    return false;
                shared = parsed(reply->readAll())["sharedState"];
                reply->deleteLater();
                return shared.is_object() && shared.value("connected", false);
            },
            10000));
        QVERIFY(shared["backend"] == Json("redis"));
        QVERIFY(shared["url"] == Json(redis.url().toStdString()));
        gateway.terminate();
        QVERIFY(gateway.waitForFinished(10000));
        const QByteArray errors = gateway.readAllStandardError();
        QVERIFY2(
            errors.contains(QByteArray("sharing state with other replicas through " + redis.url().toUtf8())),
            errors.constData());
        QVERIFY2(!errors.contains("s3cret-redis"), errors.constData());
    }

    void gatewayRefusesABadRedisUrl() {
        QProcess gateway;
        gateway.setProcessEnvironment(englishEnvironment());
        gateway.start(QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                      {QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"),
                       m_secrets, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--admin"), QStringLiteral("0"), QStringLiteral("--redis"),
                       QStringLiteral("http://127.0.0.1:6379")});
        QVERIFY(gateway.waitForFinished(10000));
        QVERIFY(gateway.exitCode() != 0);
        const QList<QByteArray> lines = gateway.readAllStandardError().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith("gatehouse-gateway: --redis: "), lines.first().constData());
    }

private:
    CtlRun ctl(const QStringList& arguments, const QByteArray& input = {}) {
        QProcess process;
        process.setProcessEnvironment(englishEnvironment());
        process.start(QStringLiteral(GATEHOUSE_CTL_PATH),
                      QStringList{QStringLiteral("--workspace"), m_workspace,
                                  QStringLiteral("--secrets-file"), m_secrets} +
                          arguments);
        CtlRun run;
        if (!process.waitForStarted(10000))
            return run;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_secrets;
};

QTEST_GUILESS_MAIN(TestCtlSharedState)
#include "tst_ctlsharedstate.moc"
