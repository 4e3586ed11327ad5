// Who can reach the gateway: it listens on loopback unless told otherwise, the admin listener
// (status, metrics, readmitting suspended pairs) never leaves loopback, gatehouse-gateway warns on
// stderr when it is told to listen beyond this machine, and raises its open-file limit so that its
// connection limit can be reached.
#include "GatewayFixture.h"
#include "TestHttpClient.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>
#include <sys/resource.h>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// An IPv4 address of this machine that is not loopback, if it has one.
std::optional<QHostAddress> externalAddress() {
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            return address;
    }
    return std::nullopt;
}

bool accepts(const QHostAddress& address, quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
}

// gatehouse-gateway on a workspace of its own, until it has printed its port.
class GatewayProcess {
public:
    explicit GatewayProcess(const QTemporaryDir& dir) : m_dir(dir) {}
    ~GatewayProcess() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    GatewayProcess(const GatewayProcess&) = delete;
    GatewayProcess& operator=(const GatewayProcess&) = delete;

    QProcess& process() { return m_process; }

    // The port it printed, or 0 (see standardError()).
    quint16 start(const QStringList& arguments) {
        m_process.start(QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                        QStringList{QStringLiteral("--workspace"), m_dir.filePath(QStringLiteral("ws")),
                                    QStringLiteral("--secrets-file"),
                                    m_dir.filePath(QStringLiteral("secrets.json")),
                                    QStringLiteral("--print-port")} +
                            arguments);
        if (!m_process.waitForStarted(10000))
            return 0;
        QByteArray line;
        while (!line.contains('\n') && m_process.waitForReadyRead(10000))
            line += m_process.readAllStandardOutput();
        return quint16(line.trimmed().toUInt());
    }

    // Stops it (SIGTERM) and returns everything it wrote on stderr.
    QByteArray stop() {
        m_process.terminate();
        m_process.waitForFinished(10000);
        return m_process.readAllStandardError();
    }

private:
    const QTemporaryDir& m_dir;
    QProcess m_process;
};

} // namespace

class TestGatewayExposure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // A workspace whose settings are the defaults but for the ports: any free one.
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(m_dir.filePath(QStringLiteral("ws"))).ok(&error), qPrintable(error));
        WorkspaceSettings settings = workspace.settings();
        QCOMPARE(settings.gatewayHost, QStringLiteral("127.0.0.1"));
        settings.gatewayPort = 0;
        settings.adminPort = 0;
        QVERIFY2(workspace.saveSettings(settings).ok(&error), qPrintable(error));
    }

    void defaultOptionsListenOnLoopbackOnly() {
        GatewayFixture fixture;
        QString error;
        QVERIFY2(fixture.init(&error), qPrintable(error));
        Gateway::Options options; // nothing said about the address
        options.workerThreads = 1;
        QVERIFY2(fixture.gateway().start(options, &error), qPrintable(error));
        QCOMPARE(fixture.gateway().address(), QHostAddress(QHostAddress::LocalHost));
        QVERIFY(accepts(QHostAddress(QHostAddress::LocalHost), fixture.gateway().port()));
        if (const auto external = externalAddress())
            QVERIFY2(!accepts(*external, fixture.gateway().port()),
                     qPrintable(QStringLiteral("reachable on %1").arg(external->toString())));
    }

    void adminListenerStaysOnLoopback() {
        GatewayFixture fixture;
        QString error;
        QVERIFY2(fixture.init(&error), qPrintable(error));
        Gateway::Options options;
        options.workerThreads = 1;
        options.admin = ListenAddress{QHostAddress(QHostAddress::AnyIPv4), 0}; // asked for every interface
        QVERIFY2(fixture.gateway().start(options, &error), qPrintable(error));
        QCOMPARE(fixture.gateway().adminAddress(), QHostAddress(QHostAddress::LocalHost));
        const TestResponse status =
            sendRequest(TestRequest::get(fixture.adminUrl(QStringLiteral("/status"))));
        QVERIFY2(status.status == 200, qPrintable(status.describe()));
        if (const auto external = externalAddress())
            QVERIFY2(!accepts(*external, fixture.gateway().adminPort()),
                     qPrintable(QStringLiteral("admin reachable on %1").arg(external->toString())));
        else
            qInfo("no non-loopback IPv4 address here: only the bound address is checked");
    }

    void cliListensOnLoopbackByDefaultWithoutWarning() {
        GatewayProcess gateway(m_dir);
        const quint16 port = gateway.start({});
        if (port == 0)
            QFAIL(gateway.process().readAllStandardError().constData());
        QFile runtime(m_dir.filePath(QStringLiteral("ws/run/gateway.json")));
        QVERIFY(runtime.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(runtime.readAll()).object();
        QCOMPARE(json.value(QLatin1String("listen")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(json.value(QLatin1String("admin")).toString().startsWith(QLatin1String("127.0.0.1:")));
        const QByteArray errors = gateway.stop();
        QVERIFY2(!errors.contains("reachable from other machines"), errors.constData());
    }

    void cliWarnsWhenListeningBeyondLoopback() {
        GatewayProcess gateway(m_dir);
        const quint16 port = gateway.start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        if (port == 0)
            QFAIL(gateway.process().readAllStandardError().constData());
        const QByteArray errors = gateway.stop();
        const QByteArray expected =
            "gatehouse-gateway: warning: listening on 0.0.0.0:0: reachable from other "
            "machines, over plain HTTP (see --tls-cert)\n";
        QVERIFY2(errors.contains(expected), errors.constData());
    }

    void cliRaisesItsOpenFileLimit() {
        rlimit limit{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
        if (limit.rlim_max <= 256)
            QSKIP("the hard open-file limit is 256 or less: nothing to raise");
        GatewayProcess gateway(m_dir);
        // Started with a soft limit of 256, as a login shell might give it.
        gateway.process().setChildProcessModifier([] {
            rlimit low{};
            ::getrlimit(RLIMIT_NOFILE, &low);
            low.rlim_cur = 256;
            ::setrlimit(RLIMIT_NOFILE, &low);
        });
        QVERIFY(gateway.start({}) != 0);
        QFile limits(QStringLiteral("/proc/%1/limits").arg(gateway.process().processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        QByteArray line;
        for (const QByteArray& candidate : limits.readAll().split('\n')) { // procfs files report no size
            if (candidate.startsWith("Max open files"))
                line = candidate;
        }
        const QList<QByteArray> fields = line.simplified().split(' ');
        QVERIFY2(fields.size() >= 5, line.constData());
        QCOMPARE(fields.at(3), fields.at(4)); // soft == hard
        QCOMPARE(fields.at(4).toULongLong(), quint64(limit.rlim_max));
        gateway.stop();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestGatewayExposure)
#include "tst_gatewayexposure.moc"
