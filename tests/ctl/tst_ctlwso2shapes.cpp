// What WSO2 itself writes must work here (issue 22), end to end with the real executables: WSO2's own
// payloads for the three model routers through `gatehouse-ctl policy attach`, refusals with their
// paths, a failover whose target endpoint answers 429 served by the fallback (suspendDuration "0":
// never suspended), a 100/0 weighted round robin, primary endpoints, and a new API version with the
// failover on its own route and as the default version. Two mock LLMs: "healthy" and "failing" (429).
#include "CtlProcess.h"
#include "core/Json.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <memory>

using namespace gatehouse;
using gatehouse::test::CtlRun;

namespace {

const QString chatOperation = QStringLiteral("POST /chat/completions");
const QByteArray chatBody =
    R"({"model":"gpt-4o","messages":[{"role":"user","content":"Say this is a test!"}]})";

// Issue 22's payloads, as WSO2's REST API and Publisher write them.
const QString wso2Weighted = QStringLiteral(
    R"({"production":[{"vendor":"","model":"gpt-4o","endpointId":"default_production_endpoint",)"
    R"("endpointName":"Default Production Endpoint","weight":100},{"vendor":"","model":"gpt-4o-mini",)"
    R"("endpointId":"default_production_endpoint","endpointName":"Default Production Endpoint","weight":0}],)"
    R"("sandbox":[],"suspendDuration":"5"})");
const QString wso2RoundRobin = QStringLiteral(
    R"({'production':[{'vendor':'','model':'gpt-4o','endpointId':'default_production_endpoint',)"
    R"('endpointName':'Default Production Endpoint'},{'vendor':'','model':'gpt-4o-mini',)"
    R"('endpointId':'default_production_endpoint','endpointName':'Default Production Endpoint'}],)"
    R"('sandbox':[],'suspendDuration':'0'})");
const QString wso2Failover = QStringLiteral(
    R"({"production":{"targetModel":{"model":"gpt-4o","endpointId":"failing","endpointName":"Failing"},)"
    R"("fallbackModels":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint",)"
    R"("endpointName":"Default Production Endpoint"}]},"sandbox":{"targetModel":{},"fallbackModels":[]},)"
    R"("requestTimeout":"120","suspendDuration":"0"})");
const QString publisherFailover = QStringLiteral(
    R"({'production':{'targetModel':{'model':'gpt-4o','endpointId':'failing','endpointName':'Failing'},)"
    R"('fallbackModels':[{'model':'gpt-4o-mini','endpointId':'default_production_endpoint'}]},)"
    R"('sandbox':{'targetModel':{'model':'','endpointId':'','endpointName':''},'fallbackModels':[]},)"
    R"('requestTimeout':'30'})");

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QByteArray model;    // X-Gatehouse-Model
    QByteArray endpoint; // X-Gatehouse-Endpoint
};

} // namespace

class TestCtlWso2Shapes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void everyWso2ShapeIsAccepted_data();
    void everyWso2ShapeIsAccepted();
    void whatIsReallyWrongIsRefusedWithItsPath_data();
    void whatIsReallyWrongIsRefusedWithItsPath();
    void hundredZeroAlwaysPicksTheFirstModel();
    void failoverTargetAnswering429IsServedByTheFallback();
    void primaryEndpointTakesTheRequestsWithoutARouter();
    void newVersionKeepsItsFailoverOnItsOwnRouteAndAsTheDefault();

private:
    CtlRun ctl(const QStringList& arguments);
    void ctlOk(const QStringList& arguments);
    void attach(const QString& api, const QString& policy, const QString& params);
    void deploy(const QString& api);
    Json invoke(const QString& api, int repeat);
    HttpAnswer post(const QString& path, const QByteArray& body);
    Json mockGet(quint16 port, const QString& path);
    void mockSend(quint16 port, const QByteArray& verb, const QString& path, const QByteArray& body = {});
    quint16 startServer(QProcess& process, const QString& program, const QStringList& arguments,
                        const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_secrets;
    QProcess m_healthy;
    QProcess m_failing;
    QProcess m_gateway;
    quint16 m_healthyPort = 0;
    quint16 m_failingPort = 0;
    quint16 m_gatewayPort = 0;
    QNetworkAccessManager m_network;
};

quint16 TestCtlWso2Shapes::startServer(QProcess& process, const QString& program,
                                       const QStringList& arguments, const QString& name) {
    return test::startPortPrinter(process, program, arguments,
                                  m_dir->filePath(name + QStringLiteral(".err")));
}

void TestCtlWso2Shapes::initTestCase() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    m_secrets = m_dir->filePath(QStringLiteral("secrets.json"));
    const QStringList mockArguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                    QStringLiteral("--print-port")};
    m_healthyPort =
        startServer(m_healthy, QStringLiteral(GATEHOUSE_MOCK_PATH), mockArguments, QStringLiteral("healthy"));
    m_failingPort =
        startServer(m_failing, QStringLiteral(GATEHOUSE_MOCK_PATH), mockArguments, QStringLiteral("failing"));
    QVERIFY(m_healthyPort > 0 && m_failingPort > 0);
    // The failing endpoint's provider is out of quota for every model, as OpenAI says it.
    mockSend(m_failingPort, "POST", QStringLiteral("/_mock/faults"), R"({"model":"*","status":429})");

    ctlOk({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--name"),
           QStringLiteral("SmartChat"), QStringLiteral("--context"), QStringLiteral("smartchat"),
           QStringLiteral("--version"), QStringLiteral("1.0.0"), QStringLiteral("--provider"),
           QStringLiteral("openai"), QStringLiteral("--production-url"),
           QStringLiteral("http://127.0.0.1:%1/v1").arg(m_healthyPort), QStringLiteral("--production-key"),
           QStringLiteral("sk-healthy")});
    ctlOk({QStringLiteral("endpoint"), QStringLiteral("add"), QStringLiteral("--api"),
           QStringLiteral("SmartChat"), QStringLiteral("--stage"), QStringLiteral("production"),
           QStringLiteral("--id"), QStringLiteral("failing"), QStringLiteral("--name"),
           QStringLiteral("Failing"), QStringLiteral("--url"),
           QStringLiteral("http://127.0.0.1:%1/v1").arg(m_failingPort), QStringLiteral("--key"),
           QStringLiteral("sk-failing")});
    ctlOk({QStringLiteral("app"), QStringLiteral("create"), QStringLiteral("--name"),
           QStringLiteral("ChatApp")});
    ctlOk({QStringLiteral("subscribe"), QStringLiteral("--app"), QStringLiteral("ChatApp"),
           QStringLiteral("--api"), QStringLiteral("SmartChat"), QStringLiteral("--plan"),
           QStringLiteral("Unlimited")});
    ctlOk({QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--app"),
           QStringLiteral("ChatApp"), QStringLiteral("--type"), QStringLiteral("production")});
    m_gatewayPort =
        startServer(m_gateway, QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                    {QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"), m_secrets,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin"),
                     QStringLiteral("0"), QStringLiteral("--print-port")},
                    QStringLiteral("gateway"));
    QVERIFY2(m_gatewayPort > 0, "the gateway did not print its port");
}

void TestCtlWso2Shapes::cleanupTestCase() {
    for (QProcess* process : {&m_gateway, &m_healthy, &m_failing}) {
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

void TestCtlWso2Shapes::init() {
    // Each case starts without a router on the chat operation of 1.0.0.
    const CtlRun list = ctl({QStringLiteral("policy"), QStringLiteral("list"), QStringLiteral("--api"),
                             QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--operation"), chatOperation,
                             QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    const Json listed = Json::parse(list.out.cbegin(), list.out.cend(), nullptr, false);
    const Json& request = listed["operations"][0]["policies"]["request"];
    for (std::size_t i = 0; request.is_array() && i < request.size(); ++i)
        ctlOk({QStringLiteral("policy"), QStringLiteral("detach"), QStringLiteral("--api"),
               QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--operation"), chatOperation,
               QStringLiteral("--flow"), QStringLiteral("request"), QStringLiteral("--index"),
               QStringLiteral("0")});
    mockSend(m_failingPort, "DELETE", QStringLiteral("/_mock/stats"));
    mockSend(m_healthyPort, "DELETE", QStringLiteral("/_mock/stats"));
}

CtlRun TestCtlWso2Shapes::ctl(const QStringList& arguments) {
    return test::runCtlProcess(
        QStringLiteral(GATEHOUSE_CTL_PATH),
        QStringList{QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"), m_secrets} +
            arguments);
}

void TestCtlWso2Shapes::ctlOk(const QStringList& arguments) {
    const CtlRun run = ctl(arguments);
    QVERIFY2(run.exitCode == 0,
             qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1Char('\n') + run.describe()));
}

void TestCtlWso2Shapes::attach(const QString& api, const QString& policy, const QString& params) {
    ctlOk({QStringLiteral("policy"), QStringLiteral("attach"), QStringLiteral("--api"), api,
           QStringLiteral("--operation"), chatOperation, QStringLiteral("--flow"), QStringLiteral("request"),
           QStringLiteral("--policy"), policy, QStringLiteral("--params"), params});
}

void TestCtlWso2Shapes::deploy(const QString& api) {
    ctlOk({QStringLiteral("deploy"), QStringLiteral("--api"), api});
    // The gateway notices the new revision on its next look at the workspace.
    QTest::qWait(1500);
}

Json TestCtlWso2Shapes::invoke(const QString& api, int repeat) {
    const CtlRun run = ctl({QStringLiteral("invoke"), QStringLiteral("--gateway"),
                            QStringLiteral("http://127.0.0.1:%1").arg(m_gatewayPort), QStringLiteral("--app"),
                            QStringLiteral("ChatApp"), QStringLiteral("--type"), QStringLiteral("production"),
                            QStringLiteral("--api"), api, QStringLiteral("--operation"), chatOperation,
                            QStringLiteral("--body"), QString::fromUtf8(chatBody), QStringLiteral("--repeat"),
                            QString::number(repeat), QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.describe()));
    return Json::parse(run.out.cbegin(), run.out.cend(), nullptr, false);
}

HttpAnswer TestCtlWso2Shapes::post(const QString& path, const QByteArray& body) {
    const CtlRun token =
        ctl({QStringLiteral("token"), QStringLiteral("--app"), QStringLiteral("ChatApp"),
             QStringLiteral("--type"), QStringLiteral("production"), QStringLiteral("--gateway"),
             QStringLiteral("http://127.0.0.1:%1").arg(m_gatewayPort)});
    HttpAnswer answer;
    if (token.exitCode != 0) {
        qWarning("%s", qPrintable(token.describe()));
        return answer;
    }
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_gatewayPort).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.out.trimmed());
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.model = reply->rawHeader("X-Gatehouse-Model");
    answer.endpoint = reply->rawHeader("X-Gatehouse-Endpoint");
    return answer;
}

void TestCtlWso2Shapes::mockSend(quint16 port, const QByteArray& verb, const QString& path,
                                 const QByteArray& body) {
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
}

Json TestCtlWso2Shapes::mockGet(quint16 port, const QString& path) {
    std::unique_ptr<QNetworkReply> reply(
        m_network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)))));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    return Json::parse(body.cbegin(), body.cend(), nullptr, false);
}

void TestCtlWso2Shapes::everyWso2ShapeIsAccepted_data() {
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("params");
    QTest::addColumn<QByteArray>("stored"); // the configuration as the workspace keeps it
    QTest::newRow("weighted round robin, REST API")
        << QStringLiteral("modelWeightedRoundRobin") << wso2Weighted
        << QByteArray(R"({"production":[{"endpointId":"default_production_endpoint","endpointName":"Default )"
                      R"(Production Endpoint","model":"gpt-4o","vendor":"","weight":100},{"endpointId":)"
                      R"("default_production_endpoint","endpointName":"Default Production Endpoint","model":)"
                      R"("gpt-4o-mini","vendor":"","weight":0}],"sandbox":[],"suspendDuration":5})");
    QTest::newRow("round robin, apictl form")
        << QStringLiteral("modelRoundRobin") << wso2RoundRobin
        << QByteArray(R"({"production":[{"endpointId":"default_production_endpoint","endpointName":"Default )"
                      R"(Production Endpoint","model":"gpt-4o","vendor":""},{"endpointId":)"
                      R"("default_production_endpoint","endpointName":"Default Production Endpoint","model":)"
                      R"("gpt-4o-mini","vendor":""}],"sandbox":[],"suspendDuration":0})");
    QTest::newRow("failover, REST API")
        << QStringLiteral("modelFailover") << wso2Failover
        << QByteArray(
               R"({"production":{"fallbackModels":[{"endpointId":"default_production_endpoint",)"
               R"("endpointName":"Default Production Endpoint","model":"gpt-4o-mini"}],"targetModel":)"
               R"({"endpointId":"failing","endpointName":"Failing","model":"gpt-4o"}},"requestTimeout":)"
               R"(120,"sandbox":{},"suspendDuration":0})");
    QTest::newRow("failover, Publisher form")
        << QStringLiteral("modelFailover") << publisherFailover
        << QByteArray(
               R"({"production":{"fallbackModels":[{"endpointId":"default_production_endpoint",)"
               R"("model":"gpt-4o-mini"}],"targetModel":{"endpointId":"failing","endpointName":"Failing",)"
               R"("model":"gpt-4o"}},"requestTimeout":30,"sandbox":{}})");
}

void TestCtlWso2Shapes::everyWso2ShapeIsAccepted() {
    QFETCH(QString, policy);
    QFETCH(QString, params);
    QFETCH(QByteArray, stored);
    attach(QStringLiteral("SmartChat:1.0.0"), policy, params);
    QFile file(m_workspace + QStringLiteral("/apis/smartchat-1.0.0/api.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const Json api = Json::parse(text.cbegin(), text.cend(), nullptr, false);
    Json kept;
    for (const Json& operation : api["operations"]) {
        if (operation["verb"] == "POST" && operation["path"] == "/chat/completions")
            kept = operation["policies"]["request"][0]["parameters"].begin().value();
    }
    // Compared with the keys sorted: what is kept matters, not its key order.
    QCOMPARE(QByteArray::fromStdString(nlohmann::json::parse(dumpCompact(kept)).dump()),
             QByteArray::fromStdString(nlohmann::json::parse(stored.toStdString()).dump()));
}

void TestCtlWso2Shapes::whatIsReallyWrongIsRefusedWithItsPath_data() {
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("params");
    QTest::addColumn<QString>("expected");
    const QString operation = QStringLiteral("operations[POST /chat/completions].request[0].");
    QTest::newRow("suspendDuration not a number")
        << QStringLiteral("modelWeightedRoundRobin")
        << QString(wso2Weighted).replace(QStringLiteral("\"5\""), QStringLiteral("\"five\""))
        << operation +
               QStringLiteral(
                   "weightedRoundRobinConfigs.suspendDuration: must be a number, not the text \"five\"");
    QTest::newRow("negative weight")
        << QStringLiteral("modelWeightedRoundRobin")
        << QString(wso2Weighted).replace(QStringLiteral("\"weight\":0"), QStringLiteral("\"weight\":\"-1\""))
        << operation + QStringLiteral("weightedRoundRobinConfigs.production[1].weight: must be at least 0");
    QTest::newRow("requestTimeout not a number")
        << QStringLiteral("modelFailover")
        << QString(wso2Failover).replace(QStringLiteral("\"120\""), QStringLiteral("\"2m\""))
        << operation +
               QStringLiteral("failoverConfigs.requestTimeout: must be a number, not the text \"2m\"");
    QTest::newRow("fallbacks without a target")
        << QStringLiteral("modelFailover")
        << QStringLiteral(R"({"production":{"targetModel":{},"fallbackModels":[{"model":"gpt-4o-mini",)"
                          R"("endpointId":"default_production_endpoint"}]},"sandbox":{"targetModel":{},)"
                          R"("fallbackModels":[]}})")
        << operation + QStringLiteral("failoverConfigs.production.targetModel.model: ");
}

void TestCtlWso2Shapes::whatIsReallyWrongIsRefusedWithItsPath() {
    QFETCH(QString, policy);
    QFETCH(QString, params);
    QFETCH(QString, expected);
    const CtlRun run = ctl({QStringLiteral("policy"), QStringLiteral("attach"), QStringLiteral("--api"),
                            QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--operation"), chatOperation,
                            QStringLiteral("--flow"), QStringLiteral("request"), QStringLiteral("--policy"),
                            policy, QStringLiteral("--params"), params});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errorLines().size() == 1, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.errorLines().front()).contains(expected), qPrintable(run.describe()));
}

void TestCtlWso2Shapes::hundredZeroAlwaysPicksTheFirstModel() {
    attach(QStringLiteral("SmartChat:1.0.0"), QStringLiteral("modelWeightedRoundRobin"), wso2Weighted);
    deploy(QStringLiteral("SmartChat:1.0.0"));
    const Json run = invoke(QStringLiteral("SmartChat:1.0.0"), 20);
    QCOMPARE(QByteArray::fromStdString(dumpCompact(run["byModel"])), QByteArray(R"({"gpt-4o":20})"));
    QCOMPARE(QByteArray::fromStdString(dumpCompact(run["statusCounts"])), QByteArray(R"({"200":20})"));
}

void TestCtlWso2Shapes::failoverTargetAnswering429IsServedByTheFallback() {
    attach(QStringLiteral("SmartChat:1.0.0"), QStringLiteral("modelFailover"), wso2Failover);
    deploy(QStringLiteral("SmartChat:1.0.0"));
    const Json run = invoke(QStringLiteral("SmartChat:1.0.0"), 5);
    QCOMPARE(QByteArray::fromStdString(dumpCompact(run["statusCounts"])), QByteArray(R"({"200":5})"));
    QCOMPARE(QByteArray::fromStdString(dumpCompact(run["byModel"])), QByteArray(R"({"gpt-4o-mini":5})"));
    // suspendDuration "0": the target is never suspended, so every request tried it first.
    QCOMPARE(QByteArray::fromStdString(
                 dumpCompact(mockGet(m_failingPort, QStringLiteral("/_mock/stats"))["requests"])),
             QByteArray(R"({"gpt-4o":5})"));
}

void TestCtlWso2Shapes::primaryEndpointTakesTheRequestsWithoutARouter() {
    ctlOk({QStringLiteral("endpoint"), QStringLiteral("set-primary"), QStringLiteral("--api"),
           QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--endpoint"), QStringLiteral("failing")});
    deploy(QStringLiteral("SmartChat:1.0.0"));
    HttpAnswer answer = post(QStringLiteral("/smartchat/1.0.0/chat/completions"), chatBody);
    QCOMPARE(answer.status, 429); // the failing endpoint's own answer: no router, no retry
    QCOMPARE(answer.endpoint, QByteArray("failing"));

    ctlOk({QStringLiteral("endpoint"), QStringLiteral("set-primary"), QStringLiteral("--api"),
           QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--endpoint"),
           QStringLiteral("default_production_endpoint")});
    deploy(QStringLiteral("SmartChat:1.0.0"));
    answer = post(QStringLiteral("/smartchat/1.0.0/chat/completions"), chatBody);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.endpoint, QByteArray("default_production_endpoint"));

    const CtlRun refused =
        ctl({QStringLiteral("endpoint"), QStringLiteral("set-primary"), QStringLiteral("--api"),
             QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--endpoint"), QStringLiteral("nosuch")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("no endpoint \"nosuch\""), qPrintable(refused.describe()));
}

void TestCtlWso2Shapes::newVersionKeepsItsFailoverOnItsOwnRouteAndAsTheDefault() {
    attach(QStringLiteral("SmartChat:1.0.0"), QStringLiteral("modelFailover"), wso2Failover);
    deploy(QStringLiteral("SmartChat:1.0.0"));
    const CtlRun created =
        ctl({QStringLiteral("api"), QStringLiteral("create-version"), QStringLiteral("--api"),
             QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--version"), QStringLiteral("2.0.0"),
             QStringLiteral("--default")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    QCOMPARE(created.out, QByteArray("smartchat-2.0.0\n"));
    // The old version's route changes nothing of the new one's: its failover goes.
    ctlOk({QStringLiteral("policy"), QStringLiteral("detach"), QStringLiteral("--api"),
           QStringLiteral("SmartChat:1.0.0"), QStringLiteral("--operation"), chatOperation,
           QStringLiteral("--flow"), QStringLiteral("request"), QStringLiteral("--index"),
           QStringLiteral("0")});
    deploy(QStringLiteral("SmartChat:1.0.0"));

    // Not deployed yet: no default route, and 2.0.0's own path is unknown.
    QCOMPARE(post(QStringLiteral("/smartchat/chat/completions"), chatBody).status, 404);

    ctlOk({QStringLiteral("subscribe"), QStringLiteral("--app"), QStringLiteral("ChatApp"),
           QStringLiteral("--api"), QStringLiteral("smartchat-2.0.0"), QStringLiteral("--plan"),
           QStringLiteral("Unlimited")});
    deploy(QStringLiteral("smartchat-2.0.0"));
    for (const QString& path : {QStringLiteral("/smartchat/2.0.0/chat/completions"),
                                QStringLiteral("/smartchat/chat/completions")}) {
        const HttpAnswer answer = post(path, chatBody);
        QVERIFY2(answer.status == 200,
                 qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(answer.body)));
        QCOMPARE(answer.model, QByteArray("gpt-4o-mini")); // served by the fallback
        QCOMPARE(answer.endpoint, QByteArray("default_production_endpoint"));
    }
    // 1.0.0 is still served, now without a router: its primary endpoint answers with the model asked for.
    const HttpAnswer old = post(QStringLiteral("/smartchat/1.0.0/chat/completions"), chatBody);
    QCOMPARE(old.status, 200);
    QCOMPARE(old.model, QByteArray());

    // Making 1.0.0 the default moves the unversioned route back.
    ctlOk({QStringLiteral("api"), QStringLiteral("set-default-version"), QStringLiteral("--api"),
           QStringLiteral("SmartChat:1.0.0")});
    QTest::qWait(1500);
    const HttpAnswer moved = post(QStringLiteral("/smartchat/chat/completions"), chatBody);
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.model, QByteArray());
}

QTEST_MAIN(TestCtlWso2Shapes)
#include "tst_ctlwso2shapes.moc"
