// Faults a deployed gateway meets, over real loopback sockets against the gateway hosted in-process:
// hundreds of clients vanishing at once mid-request and mid-stream, slowloris clients, ten thousand
// pipelined requests on one connection from a client that does not read, and more connections than
// the limit. After each, the gateway holds no connection, no call and no file descriptor it did not
// hold before, and serves a normal request.
#include "GatewayFixture.h"
#include "OpenFiles.h"
#include "RecordingUpstream.h"
#include "ResponseStream.h"
#include "TestHttpClient.h"
#include "TestTiming.h"
#include "gateway/AccessLog.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/SuspensionTable.h"
#include "mock-llm/MockLlmServer.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// Lets the event loop run for `ms` (the test thread's own sockets and timers, the upstream script).
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Sockets the process holds that pooled upstream connections do not explain: each keep-alive
// connection the gateway keeps to the in-process mock costs two, the gateway's end and the mock's.
// Sockets only: a thread pool's thread (and its eventfd) may come or go during a test on its own.
int unexplainedDescriptors(GatewayFixture& fixture) {
    return openSocketCount() - 2 * fixture.mock().connectionCount();
}

// A client that sends a request head one byte every 200 ms, never finishing it; or only empty lines,
// which start no request at all.
class SlowlorisClient : public QObject {
public:
    enum class Sends { RequestHead, EmptyLines };

    SlowlorisClient(quint16 port, int firstByteDelayMs, Sends sends, QObject* parent)
        : QObject(parent), m_socket(new QTcpSocket(this)), m_ticker(new QTimer(this)), m_sends(sends) {
        m_ticker->setInterval(200);
        connect(m_ticker, &QTimer::timeout, this, &SlowlorisClient::sendByte);
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_received += m_socket->readAll(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            m_received += m_socket->readAll();
            m_closedAfterMs = m_clock.elapsed();
            m_ticker->stop();
        });
        connect(m_socket, &QTcpSocket::connected, this, [this, firstByteDelayMs] {
            m_clock.start();
            QTimer::singleShot(firstByteDelayMs, this, [this] {
                if (m_closedAfterMs >= 0)
                    return;
                sendByte();
                m_ticker->start();
            });
        });
        m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }

    Sends sends() const { return m_sends; }
    bool isClosed() const { return m_closedAfterMs >= 0; }
    qint64 closedAfterMs() const { return m_closedAfterMs; }
    const QByteArray& received() const { return m_received; }
    int bytesSent() const { return m_sent; }

private:
    void sendByte() {
        static const QByteArray head =
            "POST /smartchat/1.0.0/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "X-Slow: " +
            QByteArray(400, 'z');
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (m_sends == Sends::EmptyLines)
            m_socket->write(m_sent++ % 2 == 0 ? "\r" : "\n");
        else if (m_sent < head.size())
            m_socket->write(head.mid(m_sent++, 1));
    }

    QTcpSocket* m_socket;
    QTimer* m_ticker;
    QElapsedTimer m_clock;
    QByteArray m_received;
    qint64 m_closedAfterMs = -1;
    int m_sent = 0;
    Sends m_sends;
};

QString modelOf(const TestResponse& response) {
    return response.json().value(QLatin1String("model")).toString();
}

} // namespace

class TestGatewayFaultLoad : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threeHundredClientsVanishingMidRequest() {
        Scenario scenario;
        scenario.mockWorkerThreads = 2;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        GatewayRuntime& runtime = *fixture.gateway().runtime();
        const int baseline = warmUp(scenario);
        const qint64 recordsBefore = runtime.accessLog().totalRecords();

        QVERIFY2(fixture.setFault(R"({"model":"*","latencyMs":5000})", &error), qPrintable(error));
        QObject owner;
        QList<HttpCall*> calls;
        for (int i = 0; i < 300; ++i)
            calls.append(fixture.startChat(scenario.token, chatBody(QStringLiteral("gpt-4o")), &owner));
        // Every one is waiting on the upstream when they all go.
        QTRY_COMPARE_WITH_TIMEOUT(runtime.inFlight().load(), 300, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(fixture.mockStats().value(QStringLiteral("gpt-4o")), 301, 5000);
        for (HttpCall* call : calls)
            call->abort();

        QTRY_COMPARE_WITH_TIMEOUT(runtime.inFlight().load(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(runtime.accessLog().totalRecords(), recordsBefore + 300, 5000);
        for (const AccessRecord& record : runtime.accessLog().recent(300))
            QCOMPARE(record.status, 499);
        // Clients leaving blame no upstream pair.
        QVERIFY(runtime.suspensions().entries(QDateTime::currentMSecsSinceEpoch()).empty());
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        expectRecovered(scenario, baseline);
    }

    void threeHundredClientsVanishingMidStream() {
        Scenario scenario;
        scenario.mockWorkerThreads = 2;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        GatewayRuntime& runtime = *fixture.gateway().runtime();
        const int baseline = warmUp(scenario);
        const qint64 recordsBefore = runtime.accessLog().totalRecords();

        // About four seconds per stream: all of them are mid-stream together.
        QVERIFY2(fixture.setFault(R"({"model":"*","chunkDelayMs":400})", &error), qPrintable(error));
        QObject owner;
        QList<HttpCall*> calls;
        for (int i = 0; i < 300; ++i) {
            auto* call =
                new HttpCall(TestRequest::postJson(fixture.gatewayUrl(GatewayFixture::chatPath()),
                                                   chatBody(QStringLiteral("gpt-4o"), true), scenario.token),
                             &owner);
            call->start();
            calls.append(call);
        }
        const auto allStreaming = [&] {
            return std::all_of(calls.begin(), calls.end(),
                               [](const HttpCall* call) { return call->response().firstBodyByteMs >= 0; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allStreaming(), 15000);
        QCOMPARE(runtime.inFlight().load(), 300);
        for (HttpCall* call : calls) {
            QVERIFY2(!call->isFinished(), "a stream ended before the clients left");
            call->abort();
        }

        QTRY_COMPARE_WITH_TIMEOUT(runtime.inFlight().load(), 0, 5000);
        // Each cut stream is logged once, none twice.
        QTRY_COMPARE_WITH_TIMEOUT(runtime.accessLog().totalRecords(), recordsBefore + 300, 5000);
        QTest::qWait(200);
        QCOMPARE(runtime.accessLog().totalRecords(), recordsBefore + 300);
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        expectRecovered(scenario, baseline);
    }

    void slowlorisClientsGet408WhileOthersAreServed() {
        Scenario scenario;
        HttpLimits limits;
        limits.headerTimeoutMs = 1500;
        scenario.fixture.setHttpLimits(limits);
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        const int baseline = warmUp(scenario);

        // Some send their first byte at once, some wait a second: the deadline runs from the
        // connection, not from the first byte. Some send only empty lines, which start no request.
        QObject owner;
        QList<SlowlorisClient*> slow;
        for (int i = 0; i < 45; ++i)
            slow.append(new SlowlorisClient(fixture.gateway().port(), i % 3 == 1 ? 1000 : 0,
                                            i % 3 == 2 ? SlowlorisClient::Sends::EmptyLines
                                                       : SlowlorisClient::Sends::RequestHead,
                                            &owner));

        // Meanwhile, one normal request after another.
        int served = 0;
        qint64 slowestMs = 0;
        QStringList failures;
        const auto allClosed = [&] {
            return std::all_of(slow.begin(), slow.end(),
                               [](const SlowlorisClient* c) { return c->isClosed(); });
        };
        QElapsedTimer clock;
        clock.start();
        while (!allClosed() && clock.elapsed() < 6000) {
            const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
            if (response.status != 200)
                failures.append(response.describe());
            slowestMs = qMax(slowestMs, response.finishedMs);
            ++served;
            spin(50);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY2(served >= 10, qPrintable(QStringLiteral("only %1 requests served meanwhile").arg(served)));
        QVERIFY2(slowestMs < 1000 * timingFactor,
                 qPrintable(QStringLiteral("a normal request took %1 ms meanwhile").arg(slowestMs)));

        for (const SlowlorisClient* client : slow) {
            QVERIFY2(client->isClosed(), "a slowloris connection is still open after 6 s");
            const qint64 at = client->closedAfterMs();
            QVERIFY2(at >= limits.headerTimeoutMs - 100 && at <= limits.headerTimeoutMs + 800,
                     qPrintable(QStringLiteral("closed %1 ms after connecting (header timeout %2 ms)")
                                    .arg(at)
                                    .arg(limits.headerTimeoutMs)));
            QVERIFY(client->bytesSent() > 0);
            if (client->sends() == SlowlorisClient::Sends::EmptyLines) {
                // No request, no answer: the connection is just closed.
                QVERIFY2(client->received().isEmpty(), client->received().constData());
                continue;
            }
            ResponseStream stream;
            stream.feed(client->received());
            stream.finish();
            QVERIFY2(stream.responses().size() == 1, client->received().constData());
            const TestResponse& answer = stream.responses().front();
            QCOMPARE(answer.status, 408);
            QCOMPARE(answer.json().value(QLatin1String("code")).toString(), QStringLiteral("408"));
            QCOMPARE(answer.header("Connection"), QByteArray("close"));
        }
        expectRecovered(scenario, baseline);
    }

    void tenThousandPipelinedRequestsFromAClientThatDoesNotRead() {
        Scenario scenario;
        scenario.mockWorkerThreads = 2;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        GatewayRuntime& runtime = *fixture.gateway().runtime();
        const int baseline = warmUp(scenario);
        const qint64 recordsBefore = runtime.accessLog().totalRecords();
        const HttpLimits limits;

        // The first request waits three seconds on the upstream; every 50th is another chat
        // completion, the rest are refused by the router (404, naming their path). Each carries 10 KB
        // of header: 100 MB in all, far more than TCP buffers between the two ends.
        QVERIFY2(fixture.setFault(R"({"model":"slow-head","latencyMs":3000})", &error), qPrintable(error));
        const int total = 10000;
        const QByteArray padding = "X-Padding: " + QByteArray(10 * 1024, 'p') + "\r\n";
        const QByteArray authorization = "Authorization: Bearer " + scenario.token + "\r\n";
        const auto requestBytes = [&](int i) -> QByteArray {
            if (i % 50 == 0) {
                const QByteArray body =
                    chatBody(i == 0 ? QStringLiteral("slow-head") : QStringLiteral("order-%1").arg(i));
                return "POST /smartchat/1.0.0/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                       authorization + padding + "Content-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\n\r\n" + body;
            }
            return "GET /nothing/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + padding +
                   "\r\n";
        };

        QTcpSocket client;
        client.setReadBufferSize(64 * 1024); // a client that does not read: answers stay in TCP
        client.connectToHost(QHostAddress(QHostAddress::LocalHost), fixture.gateway().port());
        QVERIFY(client.waitForConnected(5000));
        int next = 0;
        qint64 written = 0;
        const auto pump = [&] {
            while (next < total && client.bytesToWrite() < 1024 * 1024) {
                const QByteArray bytes = requestBytes(next++);
                written += bytes.size();
                client.write(bytes);
            }
        };

        // Write without reading until the gateway stops taking bytes (or takes them all).
        QElapsedTimer clock;
        clock.start();
        qint64 accepted = 0;
        qint64 lastProgressMs = 0;
        while (clock.elapsed() < 2500) {
            pump();
            spin(20);
            const qint64 nowAccepted = written - client.bytesToWrite();
            if (nowAccepted != accepted) {
                accepted = nowAccepted;
                lastProgressMs = clock.elapsed();
            }
            if ((next == total && client.bytesToWrite() == 0) || clock.elapsed() - lastProgressMs > 600)
                break;
        }
        qInfo("the gateway took %lld bytes of about %d MB while the first answer was pending", accepted,
              int(qint64(total) * padding.size() / (1024 * 1024)));
        QVERIFY2(runtime.inFlight().load() >= 1, "the first request should still be waiting on the upstream");
        // Bounded by the pipeline (64 requests of 10 KB), the socket's read buffer and the kernel's
        // buffers, not by what the client sends.
        QVERIFY2(accepted < 40 * 1024 * 1024,
                 qPrintable(QStringLiteral("the gateway took %1 MB from a client that reads nothing")
                                .arg(accepted / (1024 * 1024))));
        QVERIFY2(runtime.accessLog().totalRecords() - recordsBefore <= limits.maxPipelinedRequests,
                 qPrintable(QStringLiteral("%1 requests answered behind a pending one")
                                .arg(runtime.accessLog().totalRecords() - recordsBefore)));

        // Now read: every answer arrives, in request order.
        ResponseStream stream;
        while (stream.responses().size() < std::size_t(total) && clock.elapsed() < 60000 &&
               !stream.failed()) {
            pump();
            spin(5);
            stream.feed(client.readAll());
        }
        QVERIFY2(!stream.failed(), qPrintable(stream.error()));
        QCOMPARE(int(stream.responses().size()), total);
        for (int i = 0; i < total; ++i) {
            const TestResponse& response = stream.responses()[std::size_t(i)];
            if (i % 50 == 0) {
                QVERIFY2(response.status == 200, qPrintable(response.describe()));
                QCOMPARE(modelOf(response),
                         i == 0 ? QStringLiteral("slow-head") : QStringLiteral("order-%1").arg(i));
            } else {
                QVERIFY2(response.status == 404, qPrintable(response.describe()));
                QVERIFY2(
                    response.body.contains(QByteArray("at /nothing/" + QByteArray::number(i) + '"')),
                    qPrintable(QStringLiteral("answer %1 out of order: %2").arg(i).arg(response.describe())));
            }
        }
        client.abort();
        QVERIFY2(fixture.clearFaults(&error), qPrintable(error));
        expectRecovered(scenario, baseline);
    }

    void connectionsBeyondTheLimitAreAnswered503() {
        RecordingUpstream upstream;
        QString error;
        QVERIFY2(upstream.listen(&error), qPrintable(error));
        upstream.setResponse(200, R"({"id":"x","object":"chat.completion","model":"gpt-4o","choices":[]})",
                             {{"Content-Type", "application/json"}});
        Scenario scenario;
        HttpLimits limits;
        limits.maxConnections = 50;
        scenario.fixture.setHttpLimits(limits);
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = upstream.origin() + QStringLiteral("/v1");
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        GatewayFixture& fixture = scenario.fixture;
        const int baseline = warmUp(scenario);

        // The first 50 stay busy for three seconds on the upstream; 150 more arrive meanwhile.
        upstream.setResponseDelay(3000);
        QObject owner;
        QList<HttpCall*> calls;
        for (int i = 0; i < 200; ++i)
            calls.append(fixture.startChat(scenario.token, chatBody(QStringLiteral("gpt-4o")), &owner));
        QVERIFY2(waitForAll(calls, 20000), "not every client got an answer");
        int served = 0;
        int refused = 0;
        for (const HttpCall* call : calls) {
            const TestResponse& response = call->response();
            if (response.status == 200) {
                ++served;
                continue;
            }
            QVERIFY2(response.status == 503, qPrintable(response.describe()));
            QVERIFY2(response.isJsonObject() && response.header("Content-Type") == "application/json",
                     qPrintable(response.describe()));
            QCOMPARE(response.json().value(QLatin1String("code")).toString(), QStringLiteral("503"));
            QVERIFY(
                response.json().value(QLatin1String("description")).toString().contains(QLatin1String("50")));
            QCOMPARE(response.header("Connection"), QByteArray("close"));
            QVERIFY(response.hasHeader("Retry-After"));
            ++refused;
        }
        QCOMPARE(served, 50);
        QCOMPARE(refused, 150);
        QCOMPARE(upstream.requests().size(), 1 + 50); // the warm-up, then only the admitted ones

        upstream.setResponseDelay(0);
        expectRecovered(scenario, baseline);
        if (QTest::currentTestFailed())
            return;
        // The limit counts connections, not requests ever made: fifty at once fit again.
        QList<HttpCall*> again;
        for (int i = 0; i < 50; ++i)
            again.append(fixture.startChat(scenario.token, chatBody(QStringLiteral("gpt-4o")), &owner));
        QVERIFY(waitForAll(again, 10000));
        for (const HttpCall* call : again)
            QVERIFY2(call->response().status == 200, qPrintable(call->response().describe()));
    }

private:
    // One request through the whole path, so that pools and caches exist; the descriptors held then.
    int warmUp(Scenario& scenario) {
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        if (response.status != 200) {
            qWarning("warm-up failed: %s", qPrintable(response.describe()));
            return -1;
        }
        QElapsedTimer clock;
        clock.start();
        while (scenario.fixture.gateway().connectionCount() != 0 && clock.elapsed() < 5000)
            spin(10);
        scenario.fixture.gateway().runtime()->accessLog().flush(); // the log file stays open from now on
        return unexplainedDescriptors(scenario.fixture);
    }

    // The gateway is where it was before the fault: no inbound connection, no call in flight, no
    // more descriptors than pooled upstream connections explain, and a normal request is served.
    void expectRecovered(Scenario& scenario, int baseline) {
        GatewayFixture& fixture = scenario.fixture;
        GatewayRuntime& runtime = *fixture.gateway().runtime();
        QTRY_COMPARE_WITH_TIMEOUT(runtime.inFlight().load(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(fixture.gateway().connectionCount(), 0, 5000);
        const TestResponse response = fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QTRY_COMPARE_WITH_TIMEOUT(fixture.gateway().connectionCount(), 0, 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(unexplainedDescriptors(fixture) <= baseline,
                                  qPrintable(QStringLiteral("%1 sockets open, %2 before the fault "
                                                            "(%3 pooled upstream connections, %4 threads; "
                                                            "open: %5)")
                                                 .arg(unexplainedDescriptors(fixture))
                                                 .arg(baseline)
                                                 .arg(fixture.mock().connectionCount())
                                                 .arg(QDir(QStringLiteral("/proc/self/task"))
                                                          .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                                          .size())
                                                 .arg(openFileList())),
                                  5000);
    }
};

QTEST_GUILESS_MAIN(TestGatewayFaultLoad)
#include "tst_gatewayfaultload.moc"
