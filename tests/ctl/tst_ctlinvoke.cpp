// gatehouse-ctl invoke end to end with the real executables: the mock LLM and the gateway started
// as processes on ephemeral ports, the seed built with gatehouse-ctl itself (SmartChat, Model
// Weighted Round Robin 50/50, SmartChatApp with production keys), then repeated runs and a stream.
#include "CtlProcess.h"
#include "core/Json.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;
using gatehouse::test::CtlRun;

namespace {

const QString chatOperation = QStringLiteral("POST /chat/completions");
const QString seedParams = QStringLiteral(
    "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
    "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],"
    "'suspendDuration':30}");
const QString chatBody =
    QStringLiteral(R"({"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]})");

Json jsonOf(const CtlRun& run) {
    return Json::parse(run.out.cbegin(), run.out.cend(), nullptr, false);
}

} // namespace

class TestCtlInvoke : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void repeatJsonSplitsTheSeedTenTen();
    void repeatTableShowsSharesAndConfiguredWeights();
    void streamJson();
    void streamText();
    void singleRequest();
    void refusals_data();
    void refusals();

private:
    CtlRun ctl(const QStringList& arguments);
    QStringList invokeArguments() const;
    // Starts a server executable that prints its port on the first line; 0 on failure.
    quint16 startServer(QProcess& process, const QString& program, const QStringList& arguments,
                        const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_secrets;
    QProcess m_mock;
    QProcess m_gateway;
    quint16 m_gatewayPort = 0;
};

quint16 TestCtlInvoke::startServer(QProcess& process, const QString& program, const QStringList& arguments,
                                   const QString& name) {
    return test::startPortPrinter(process, program, arguments,
                                  m_dir->filePath(name + QStringLiteral(".err")));
}

void TestCtlInvoke::initTestCase() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    m_secrets = m_dir->filePath(QStringLiteral("secrets.json"));

    const quint16 mockPort = startServer(
        m_mock, QStringLiteral(GATEHOUSE_MOCK_PATH),
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--print-port")},
        QStringLiteral("mock"));
    QVERIFY2(mockPort > 0, "the mock LLM did not print its port");

    const QList<QStringList> seed = {
        {QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--name"),
         QStringLiteral("SmartChat"), QStringLiteral("--context"), QStringLiteral("smartchat"),
         QStringLiteral("--version"), QStringLiteral("1.0.0"), QStringLiteral("--provider"),
         QStringLiteral("openai"), QStringLiteral("--production-url"),
         QStringLiteral("http://127.0.0.1:%1/v1").arg(mockPort), QStringLiteral("--production-key"),
         QStringLiteral("sk-test")},
        {QStringLiteral("policy"), QStringLiteral("attach"), QStringLiteral("--api"),
         QStringLiteral("SmartChat"), QStringLiteral("--operation"), chatOperation, QStringLiteral("--flow"),
         QStringLiteral("request"), QStringLiteral("--policy"), QStringLiteral("modelWeightedRoundRobin"),
         QStringLiteral("--params"), seedParams},
        {QStringLiteral("deploy"), QStringLiteral("--api"), QStringLiteral("SmartChat")},
        {QStringLiteral("app"), QStringLiteral("create"), QStringLiteral("--name"),
         QStringLiteral("SmartChatApp")},
        {QStringLiteral("subscribe"), QStringLiteral("--app"), QStringLiteral("SmartChatApp"),
         QStringLiteral("--api"), QStringLiteral("SmartChat"), QStringLiteral("--plan"),
         QStringLiteral("Unlimited")},
        {QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--app"),
         QStringLiteral("SmartChatApp"), QStringLiteral("--type"), QStringLiteral("production")},
    };
    for (const QStringList& step : seed) {
        const CtlRun run = ctl(step);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }

    m_gatewayPort =
        startServer(m_gateway, QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                    {QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"), m_secrets,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin"),
                     QStringLiteral("0"), QStringLiteral("--print-port")},
                    QStringLiteral("gateway"));
    QVERIFY2(m_gatewayPort > 0, "the gateway did not print its port");
}

void TestCtlInvoke::cleanupTestCase() {
    for (QProcess* process : {&m_gateway, &m_mock}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        if (!process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    m_dir.reset();
}

CtlRun TestCtlInvoke::ctl(const QStringList& arguments) {
    return test::runCtlProcess(
        QStringLiteral(GATEHOUSE_CTL_PATH),
        QStringList{QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"), m_secrets} +
            arguments);
}

QStringList TestCtlInvoke::invokeArguments() const {
    return {QStringLiteral("invoke"),
            QStringLiteral("--gateway"),
            QStringLiteral("http://127.0.0.1:%1").arg(m_gatewayPort),
            QStringLiteral("--app"),
            QStringLiteral("SmartChatApp"),
            QStringLiteral("--type"),
            QStringLiteral("production"),
            QStringLiteral("--api"),
            QStringLiteral("SmartChat"),
            QStringLiteral("--operation"),
            chatOperation};
}

void TestCtlInvoke::repeatJsonSplitsTheSeedTenTen() {
    const CtlRun run =
        ctl(invokeArguments() + QStringList{QStringLiteral("--body"), chatBody, QStringLiteral("--repeat"),
                                            QStringLiteral("20"), QStringLiteral("--concurrency"),
                                            QStringLiteral("4"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json json = jsonOf(run);
    QVERIFY2(json.is_object(), run.out.constData());
    QVERIFY2(json["byModel"] == Json::parse(R"({"gpt-4o": 10, "gpt-4o-mini": 10})"), run.out.constData());
    QVERIFY2(json["statusCounts"] == Json::parse(R"({"200": 20})"), run.out.constData());
    const Json& latency = json["latencyMs"];
    for (const char* key : {"min", "avg", "p50", "p90", "p99", "max"})
        QVERIFY2(latency.contains(key) && latency[key].is_number(), key);
    QVERIFY(latency["min"].get<double>() <= latency["p50"].get<double>());
    QVERIFY(latency["p50"].get<double>() <= latency["max"].get<double>());
    QVERIFY(json["requestsPerSecond"].get<double>() > 0);
    QCOMPARE(json["results"].size(), std::size_t(20));
    for (std::size_t i = 0; i < 20; ++i) {
        const Json& result = json["results"][i];
        QCOMPARE(result["index"].get<int>(), int(i));
        QCOMPARE(result["status"].get<int>(), 200);
        QVERIFY(result["totalTokens"].get<int>() > 0);
    }
}

void TestCtlInvoke::repeatTableShowsSharesAndConfiguredWeights() {
    const CtlRun run =
        ctl(invokeArguments() + QStringList{QStringLiteral("--body"), chatBody, QStringLiteral("--repeat"),
                                            QStringLiteral("10"), QStringLiteral("--concurrency"),
                                            QStringLiteral("2"), QStringLiteral("--delay-ms"),
                                            QStringLiteral("5")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.startsWith(QStringLiteral("10 requests in ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0 errors")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n200     10\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("P50")) && text.contains(QStringLiteral("P99")), qPrintable(text));
    // One bar per model, its share next to the configured weight.
    const QString bar(20, QLatin1Char('#'));
    QVERIFY2(text.contains(QStringLiteral("gpt-4o       5         50.0%  50.0%       ") + bar),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("gpt-4o-mini  5         50.0%  50.0%       ") + bar),
             qPrintable(text));
}

void TestCtlInvoke::streamJson() {
    const CtlRun run =
        ctl(invokeArguments() + QStringList{QStringLiteral("--body"), chatBody, QStringLiteral("--stream"),
                                            QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json json = jsonOf(run);
    QVERIFY2(json.is_object(), run.out.constData());
    std::vector<std::string> keys;
    for (auto it = json.begin(); it != json.end(); ++it)
        keys.push_back(it.key());
    QVERIFY(keys == (std::vector<std::string>{"ttftMs", "chunks", "tokensPerSecond", "text", "model"}));
    QVERIFY2(json["chunks"].get<int>() >= 2, run.out.constData());
    QVERIFY2(json["ttftMs"].get<double>() > 0, run.out.constData());
    QVERIFY2(json["tokensPerSecond"].get<double>() > 0, run.out.constData());
    const QString model = toQString(json["model"].get<std::string>());
    QVERIFY2(model == QLatin1String("gpt-4o") || model == QLatin1String("gpt-4o-mini"), qPrintable(model));
    QCOMPARE(toQString(json["text"].get<std::string>()),
             QStringLiteral("This is a test! Answered by %1.").arg(model));
}

void TestCtlInvoke::streamText() {
    const CtlRun run =
        ctl(invokeArguments() + QStringList{QStringLiteral("--body"), chatBody, QStringLiteral("--stream")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY2(lines.size() >= 2, run.out.constData());
    QVERIFY2(lines.at(0).startsWith("This is a test! Answered by gpt-4o"), run.out.constData());
    QVERIFY2(lines.at(1).contains("first token") && lines.at(1).contains("chunks"), run.out.constData());
}

void TestCtlInvoke::singleRequest() {
    QFile file(m_dir->filePath(QStringLiteral("body.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(chatBody.toUtf8());
    file.close();
    const CtlRun run =
        ctl(invokeArguments() + QStringList{QStringLiteral("--body"), QLatin1Char('@') + file.fileName(),
                                            QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json json = jsonOf(run);
    QCOMPARE(json["status"].get<int>(), 200);
    QVERIFY(json["body"].is_object());
    QCOMPARE(json["body"]["object"].get<std::string>(), std::string("chat.completion"));
    QVERIFY(json["model"] == json["body"]["model"]);
}

void TestCtlInvoke::refusals_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("invalid JSON, with its column")
        << QStringList{QStringLiteral("--operation"), chatOperation, QStringLiteral("--body"),
                       QStringLiteral("{\"model\": x}")}
        << 2 << QStringLiteral("gatehouse-ctl: --body is not valid JSON (line 1, column 11): ");
    QTest::newRow("missing @file")
        << QStringList{QStringLiteral("--operation"), chatOperation, QStringLiteral("--body"),
                       QStringLiteral("@/nonexistent/body.json")}
        << 1 << QStringLiteral("gatehouse-ctl: cannot read the --body file /nonexistent/body.json: ");
    QTest::newRow("unknown operation")
        << QStringList{QStringLiteral("--operation"), QStringLiteral("POST /chat"), QStringLiteral("--body"),
                       QStringLiteral("{}")}
        << 1
        << QStringLiteral("gatehouse-ctl: SmartChat (revision 1) has no operation "
                          "\"POST /chat\"; it has: POST /chat/completions");
    QTest::newRow("malformed operation")
        << QStringList{QStringLiteral("--operation"), QStringLiteral("chat"), QStringLiteral("--body"),
                       QStringLiteral("{}")}
        << 2 << QStringLiteral("gatehouse-ctl: --operation must be a verb and a path");
    QTest::newRow("no keys of that type")
        << QStringList{QStringLiteral("--operation"), chatOperation,
                       QStringLiteral("--type"),      QStringLiteral("sandbox"),
                       QStringLiteral("--body"),      chatBody}
        << 1 << QStringLiteral("gatehouse-ctl: SmartChatApp has no sandbox keys");
    QTest::newRow("gateway refuses the body")
        << QStringList{QStringLiteral("--operation"), chatOperation, QStringLiteral("--body"),
                       QStringLiteral("[1]")}
        << 1 << QStringLiteral("gatehouse-ctl: HTTP 400 102511: Invalid request payload");
    QTest::newRow("repeat out of range")
        << QStringList{QStringLiteral("--operation"), chatOperation,      QStringLiteral("--body"), chatBody,
                       QStringLiteral("--repeat"),    QStringLiteral("0")}
        << 2 << QStringLiteral("gatehouse-ctl: --repeat must be a whole number");
}

void TestCtlInvoke::refusals() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QStringList all = invokeArguments();
    // The row's options replace the defaults of the same name.
    for (qsizetype i = 0; i + 1 < arguments.size(); i += 2) {
        const qsizetype at = all.indexOf(arguments.at(i));
        if (at >= 0)
            all[at + 1] = arguments.at(i + 1);
        else
            all << arguments.at(i) << arguments.at(i + 1);
    }
    const CtlRun run = ctl(all);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    const QList<QByteArray> lines = run.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1); // one line, no stack of messages
    QVERIFY2(QString::fromUtf8(lines.first()).startsWith(message), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCtlInvoke)
#include "tst_ctlinvoke.moc"
