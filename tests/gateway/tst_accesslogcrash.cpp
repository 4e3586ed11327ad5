// Money is counted from the access log, so no answered request may lose its record when the gateway
// dies: gatehouse-gateway (the real executable, with the mock LLM and a workspace made by gatehouse-ctl)
// serves a steady stream of calls from several clients and is killed with SIGKILL in the middle; every
// answer a client received whole has its line in the log on disk.
#include "TestHttpClient.h"
#include "core/Json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

const QByteArray chatBody =
    R"({"model":"gpt-4o","messages":[{"role":"user","content":"Say this is a test!"}]})";

} // namespace

class TestAccessLogCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("ws"));
        m_secrets = m_dir.filePath(QStringLiteral("secrets.json"));
        const quint16 mockPort = startServer(
            m_mock, QStringLiteral(GATEHOUSE_MOCK_PATH),
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--print-port")});
        QVERIFY2(mockPort > 0, "the mock LLM did not print its port");
        const QList<QStringList> seed = {
            {QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--name"),
             QStringLiteral("Chat"), QStringLiteral("--context"), QStringLiteral("chat"),
             QStringLiteral("--version"), QStringLiteral("1.0.0"), QStringLiteral("--provider"),
             QStringLiteral("openai"), QStringLiteral("--production-url"),
             QStringLiteral("http://127.0.0.1:%1/v1").arg(mockPort), QStringLiteral("--production-key"),
             QStringLiteral("sk-test")},
            {QStringLiteral("deploy"), QStringLiteral("--api"), QStringLiteral("Chat")},
            {QStringLiteral("app"), QStringLiteral("create"), QStringLiteral("--name"),
             QStringLiteral("App")},
            {QStringLiteral("subscribe"), QStringLiteral("--app"), QStringLiteral("App"),
             QStringLiteral("--api"), QStringLiteral("Chat"), QStringLiteral("--plan"),
             QStringLiteral("Unlimited")},
            {QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--app"),
             QStringLiteral("App"), QStringLiteral("--type"), QStringLiteral("production")},
        };
        for (const QStringList& step : seed) {
            QByteArray out;
            QVERIFY2(ctl(step, &out), out.constData());
        }
    }

    void cleanupTestCase() {
        for (QProcess* process : {&m_gateway, &m_mock}) {
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
    }

    void killedGatewayKeepsARecordOfEveryAnswer() {
        const quint16 port =
            startServer(m_gateway, QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                        {QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"),
                         m_secrets, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--admin"), QStringLiteral("0"), QStringLiteral("--print-port")});
        QVERIFY2(port > 0, "the gateway did not print its port");
        QByteArray token;
        QVERIFY2(ctl({QStringLiteral("token"), QStringLiteral("--app"), QStringLiteral("App"),
                      QStringLiteral("--type"), QStringLiteral("production"), QStringLiteral("--gateway"),
                      QStringLiteral("http://127.0.0.1:%1").arg(port)},
                     &token),
                 token.constData());
        token = token.trimmed();
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/chat/1.0.0/chat/completions").arg(port));

        // Eight clients, each sending its next call when the last one is answered, until the gateway is
        // killed after about 150 answers (while others are in flight).
        int answered = 0;
        int started = 0;
        bool killed = false;
        QList<HttpCall*> calls;
        std::function<void()> next = [&] {
            if (killed)
                return;
            auto* call = new HttpCall(TestRequest::postJson(url, chatBody, token), this);
            calls << call;
            ++started;
            connect(call, &HttpCall::finished, this, [&, call] {
                if (call->response().status == 200 && call->response().error.isEmpty())
                    ++answered;
                if (answered >= 150 && !killed) {
                    killed = true;
                    m_gateway.kill(); // SIGKILL: no shutdown, no flush
                }
                next();
            });
            call->start();
        };
        for (int client = 0; client < 8; ++client)
            next();
        QVERIFY2(QTest::qWaitFor([&] { return killed; }, 60000), "the calls did not get 150 answers");
        QVERIFY(m_gateway.waitForFinished(10000));
        QVERIFY(waitForAll(calls, 10000));
        int answeredNow = 0;
        for (const HttpCall* call : calls)
            answeredNow += call->response().status == 200 && call->response().error.isEmpty() ? 1 : 0;
        qDeleteAll(calls);

        int records = 0;
        const QDir logs(m_workspace + QStringLiteral("/logs"));
        for (const QString& name : logs.entryList({QStringLiteral("access-*.jsonl")}, QDir::Files)) {
            QFile file(logs.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const QByteArray& line : file.readAll().split('\n')) {
                if (line.isEmpty())
                    continue;
                const Json record = Json::parse(line.constData(), nullptr, false);
                QVERIFY2(record.is_object(), line.constData()); // no torn line either
                records += record.value("status", 0) == 200 ? 1 : 0;
            }
        }
        qInfo("%d calls started, %d answered whole before and during the kill, %d records of 200", started,
              answeredNow, records);
        QVERIFY2(records >= answeredNow,
                 qPrintable(QStringLiteral("%1 answers, %2 records").arg(answeredNow).arg(records)));
    }

private:
    bool ctl(const QStringList& arguments, QByteArray* output) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GATEHOUSE_CTL_PATH),
                      QStringList{QStringLiteral("--workspace"), m_workspace,
                                  QStringLiteral("--secrets-file"), m_secrets} +
                          arguments);
        const bool finished = process.waitForStarted(10000) && process.waitForFinished(60000);
        *output = process.readAllStandardOutput() + process.readAllStandardError();
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    quint16 startServer(QProcess& process, const QString& program, const QStringList& arguments) {
        process.setStandardErrorFile(m_dir.filePath(QFileInfo(program).fileName() + QStringLiteral(".err")));
        process.start(program, arguments);
        if (!process.waitForStarted(10000))
            return 0;
        QByteArray line;
        while (!line.contains('\n') && process.waitForReadyRead(10000))
            line += process.readAllStandardOutput();
        return quint16(line.trimmed().toUInt());
    }

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_secrets;
    QProcess m_mock;
    QProcess m_gateway;
};

QTEST_GUILESS_MAIN(TestAccessLogCrash)
#include "tst_accesslogcrash.moc"
