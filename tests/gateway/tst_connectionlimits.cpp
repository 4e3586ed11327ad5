// The HTTP server at the edges of what a process can hold, over real loopback sockets: thousands of
// connections open at once under the default limit, and the process running out of file descriptors.
#include "OpenFiles.h"
#include "TestHttpClient.h"
#include "gateway/HttpExchange.h"
#include "gateway/HttpHandler.h"
#include "gateway/HttpServer.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// Holds every request until the test opens it, then lets them all be answered.
class Gate : public QObject {
    Q_OBJECT
public:
    bool isOpen() const { return m_open.load(); }
    void open() {
        m_open = true;
        Q_EMIT opened();
    }

Q_SIGNALS:
    void opened();

private:
    std::atomic<bool> m_open{false};
};

class GateHandler final : public HttpHandler {
public:
    explicit GateHandler(Gate* gate) : m_gate(gate) {}

    void handle(HttpExchange* exchange) override {
        // Queued into the exchange's worker thread when the gate opens; gone with the exchange.
        QObject::connect(m_gate, &Gate::opened, exchange, [exchange] { answer(exchange); });
        if (m_gate->isOpen())
            answer(exchange); // opened before the connection was made: a second answer is ignored
    }

private:
    static void answer(HttpExchange* exchange) {
        HttpHeaders headers;
        headers.add("Content-Type", "text/plain");
        exchange->respond(200, headers, "through " + exchange->request().path);
    }

    Gate* m_gate;
};

qint64 processCpuMs() {
    timespec spent{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spent);
    return qint64(spent.tv_sec) * 1000 + spent.tv_nsec / 1000000;
}

// Restores the soft open-file limit however the test ends.
class OpenFileLimitGuard {
public:
    OpenFileLimitGuard() : m_saved(raiseOpenFileLimit(0)) {}
    ~OpenFileLimitGuard() { setOpenFileLimit(m_saved); }
    OpenFileLimitGuard(const OpenFileLimitGuard&) = delete;
    OpenFileLimitGuard& operator=(const OpenFileLimitGuard&) = delete;

private:
    qint64 m_saved;
};

} // namespace

class TestConnectionLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fiveThousandConnectionsAtOnceUnderTheDefaultLimit() {
        const int count = 5000;
        OpenFileLimitGuard guard;
        // Both ends of every connection live in this process, plus what it had open already.
        const qint64 needed = 2 * count + openFileCount() + 200;
        const qint64 limit = raiseOpenFileLimit(needed);
        if (limit < needed)
            QSKIP(qPrintable(QStringLiteral("%1 connections need %2 open files; the hard limit allows %3 "
                                            "(raise it with ulimit -Hn)")
                                 .arg(count)
                                 .arg(needed)
                                 .arg(limit)));
        Gate gate;
        HttpServer server([&gate] { return std::make_unique<GateHandler>(&gate); }, 2);
        QCOMPARE(server.limits().maxConnections, HttpLimits().maxConnections);
        QVERIFY(HttpLimits().maxConnections >= 10000);
        QString error;
        QVERIFY2(server.listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
        const int baseline = openFileCount();

        QObject owner;
        QList<HttpCall*> calls;
        calls.reserve(count);
        for (int i = 0; i < count; ++i) {
            auto* call = new HttpCall(
                TestRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/c%2").arg(server.port()).arg(i))),
                &owner);
            call->start();
            calls.append(call);
        }
        // All of them connected and waiting for their answer at the same time.
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), count, 30000);
        for (const HttpCall* call : calls)
            QVERIFY2(!call->isFinished(), qPrintable(call->response().describe()));

        gate.open();
        QVERIFY2(waitForAll(calls, 30000), "not every client got its answer");
        for (int i = 0; i < count; ++i) {
            const TestResponse& response = calls[i]->response();
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(response.body, "through /c" + QByteArray::number(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(openFileCount() <= baseline, 10000);
        const TestResponse after = sendRequest(
            TestRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/after").arg(server.port()))));
        QVERIFY2(after.status == 200, qPrintable(after.describe()));
    }

    void acceptingResumesAfterRunningOutOfFileDescriptors() {
        Gate gate;
        gate.open();
        HttpServer server([&gate] { return std::make_unique<GateHandler>(&gate); }, 1);
        QString error;
        QVERIFY2(server.listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/after").arg(server.port()));
        QVERIFY(sendRequest(TestRequest::get(url)).status == 200);

        // The server reports the failure once, and must not stay deaf after it.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot accept connections")));
        // A socket made while descriptors are free, connected once none is: the kernel completes the
        // handshake alone, and the server's accept() needs a descriptor it cannot get.
        const int descriptor = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(descriptor >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(server.port());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        {
            OpenFileLimitGuard guard;
            // Linux gives the lowest free number; with the limit there, no number below it is free.
            const int lowestFree = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            QVERIFY(lowestFree >= 0);
            ::close(lowestFree);
            QVERIFY(setOpenFileLimit(lowestFree));
            QCOMPARE(::connect(descriptor, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
            const qint64 cpuBefore = processCpuMs();
            QTest::qWait(500); // the server tries, and fails, to accept it
            // It waits for descriptors instead of retrying accept() in a loop.
            const qint64 cpuUsed = processCpuMs() - cpuBefore;
            QVERIFY2(
                cpuUsed < 200,
                qPrintable(QStringLiteral("%1 ms of CPU in 500 ms while out of descriptors").arg(cpuUsed)));
        }
        QTcpSocket client;
        QVERIFY(client.setSocketDescriptor(descriptor));
        // Descriptors are available again: the waiting connection is served, and new ones too.
        client.write("GET /waiting HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += client.readAll()).contains("through /waiting"), 3000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        const TestResponse after = sendRequest(TestRequest::get(url), 3000);
        QVERIFY2(after.status == 200, qPrintable(after.describe()));
    }
};

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
