// The inbound HTTP/1.1 layer over real loopback sockets: keep-alive, pipelining, bodies, limits,
// timeouts and clients that vanish with an answer pending.
#include "core/Json.h"
#include "gateway/HttpExchange.h"
#include "gateway/HttpHandler.h"
#include "gateway/HttpServer.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace gatehouse;

namespace {

// Every path the handlers were given, across the server's worker threads: what a request that must
// never reach a handler is checked against.
QMutex handledMutex;
QByteArrayList handledPaths;

bool wasHandled(const QByteArray& path) {
    const QMutexLocker lock(&handledMutex);
    return handledPaths.contains(path);
}

// Echoes what it parsed; "/slow?ms=N" answers after N ms, "/stream" sends three chunks 50 ms apart,
// "/no-content" answers 204 (with a body the exchange must drop); "/late-end" writes its whole declared
// body at once and ends the response 300 ms later.
class EchoHandler final : public HttpHandler {
public:
    void handle(HttpExchange* exchange) override {
        const HttpRequest& request = exchange->request();
        {
            const QMutexLocker lock(&handledMutex);
            handledPaths.append(request.path);
        }
        if (request.path == "/no-content") {
            exchange->respond(204, {}, "dropped");
            return;
        }
        if (request.path == "/slow") {
            const int ms = request.query.mid(3).toInt();
            QPointer<HttpExchange> guard(exchange);
            QTimer::singleShot(ms, exchange, [guard] {
                if (guard)
                    echo(guard);
            });
            return;
        }
        if (request.path == "/late-end") {
            exchange->beginResponse(200, {}, 10);
            exchange->writeBody("first-");
            exchange->writeBody("last");
            QTimer::singleShot(300, exchange, [exchange] { exchange->endResponse(); });
            return;
        }
        if (request.path == "/stream") {
            exchange->beginResponse(200, {});
            for (int i = 0; i < 3; ++i) {
                QTimer::singleShot(50 * (i + 1), exchange, [exchange, i] {
                    exchange->writeBody("chunk" + QByteArray::number(i) + '\n');
                    if (i == 2)
                        exchange->endResponse();
                });
            }
            return;
        }
        echo(exchange);
    }

    static void echo(HttpExchange* exchange) {
        const HttpRequest& request = exchange->request();
        Json body = Json::object();
        body["method"] = request.method.toStdString();
        body["path"] = request.path.toStdString();
        body["query"] = request.query.toStdString();
        body["body"] = request.body.toStdString();
        body["version"] = std::to_string(request.versionMajor) + "." + std::to_string(request.versionMinor);
        HttpHeaders headers;
        headers.add("Content-Type", "application/json");
        const std::string text = dumpCompact(body);
        exchange->respond(200, headers, QByteArray::fromStdString(text));
    }
};

struct Response {
    int status = 0;
    QByteArray head;
    QByteArray body;
    Json json() const { return Json::parse(body.cbegin(), body.cend(), nullptr, false); }
};

// Reads one response (Content-Length, chunked, or close-delimited) from a socket, waiting at most
// `timeoutMs` in total.
class ResponseReader {
public:
    explicit ResponseReader(QTcpSocket& socket) : m_socket(socket) {}

    std::optional<Response> next(int timeoutMs = 5000) {
        QElapsedTimer clock;
        clock.start();
        const auto fill = [&]() {
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                return false;
            if (!m_socket.waitForReadyRead(qMax<qint64>(1, timeoutMs - clock.elapsed())))
                return m_socket.bytesAvailable() > 0;
            m_buffer += m_socket.readAll();
            return true;
        };
        qsizetype headEnd;
        while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            m_buffer += m_socket.readAll();
            if ((headEnd = m_buffer.indexOf("\r\n\r\n")) >= 0)
                break;
            if (clock.elapsed() > timeoutMs || !fill())
                return std::nullopt;
        }
        Response response;
        response.head = m_buffer.left(headEnd);
        response.status = response.head.mid(9, 3).toInt();
        m_buffer.remove(0, headEnd + 4);
        const QByteArray lowerHead = response.head.toLower();
        const qsizetype lengthAt = lowerHead.indexOf("\r\ncontent-length:");
        if (lengthAt >= 0) {
            const qsizetype lineEnd = lowerHead.indexOf("\r\n", lengthAt + 2);
            const qint64 length = lowerHead.mid(lengthAt + 17, lineEnd < 0 ? -1 : lineEnd - lengthAt - 17)
                                      .trimmed()
                                      .toLongLong();
            while (m_buffer.size() < length) {
                if (clock.elapsed() > timeoutMs || !fill())
                    return std::nullopt;
            }
            response.body = m_buffer.left(length);
            m_buffer.remove(0, length);
            return response;
        }
        if (lowerHead.contains("\r\ntransfer-encoding: chunked")) {
            for (;;) {
                qsizetype lineEnd;
                while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                    if (clock.elapsed() > timeoutMs || !fill())
                        return std::nullopt;
                }
                const qint64 size = m_buffer.left(lineEnd).toLongLong(nullptr, 16);
                while (m_buffer.size() < lineEnd + 2 + size + 2) {
                    if (clock.elapsed() > timeoutMs || !fill())
                        return std::nullopt;
                }
                response.body += m_buffer.mid(lineEnd + 2, size);
                m_buffer.remove(0, lineEnd + 2 + size + 2);
                if (size == 0)
                    return response;
            }
        }
        while (fill() && clock.elapsed() < timeoutMs) {
        }
        response.body = m_buffer;
        m_buffer.clear();
        return response;
    }

private:
    QTcpSocket& m_socket;
    QByteArray m_buffer;
};

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<HttpServer> m_server;

    void startServer(HttpLimits limits = {}) {
        m_server = std::make_unique<HttpServer>([] { return std::make_unique<EchoHandler>(); }, 2, limits);
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }

    void connectTo(QTcpSocket& socket) {
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(3000));
    }

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup() { m_server.reset(); }

    void keepAliveServesSeveralRequests() {
        QTcpSocket socket;
        connectTo(socket);
        ResponseReader reader(socket);
        for (int i = 0; i < 3; ++i) {
            socket.write("GET /hello?i=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            const auto response = reader.next();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->json()["query"].get<std::string>(), "i=" + std::to_string(i));
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void pipelinedAnswersKeepRequestOrder() {
        QTcpSocket socket;
        connectTo(socket);
        // The first answer is the slowest: the others must wait for it.
        socket.write("GET /slow?ms=200 HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /second HTTP/1.1\r\nHost: x\r\n\r\n"
                     "POST /third HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        ResponseReader reader(socket);
        QCOMPARE(reader.next()->json()["path"].get<std::string>(), "/slow");
        QCOMPARE(reader.next()->json()["path"].get<std::string>(), "/second");
        const auto third = reader.next();
        QVERIFY(third);
        QCOMPARE(third->json()["body"].get<std::string>(), "hello");
    }

    void manyPipelinedRequestsOnOneConnection() {
        QTcpSocket socket;
        connectTo(socket);
        const int count = 2000;
        QByteArray batch;
        for (int i = 0; i < count; ++i)
            batch += "GET /n?i=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        socket.write(batch);
        ResponseReader reader(socket);
        for (int i = 0; i < count; ++i) {
            const auto response = reader.next();
            QVERIFY2(response, qPrintable(QStringLiteral("response %1 missing").arg(i)));
            QCOMPARE(response->json()["query"].get<std::string>(), "i=" + std::to_string(i));
        }
    }

    void chunkedRequestBody() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        const auto response = ResponseReader(socket).next();
        QVERIFY(response);
        QCOMPARE(response->json()["body"].get<std::string>(), "hello world");
    }

    void http10ClientGetsAnAnswerAndTheConnectionCloses() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /old HTTP/1.0\r\n\r\n");
        const auto response = ResponseReader(socket).next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json()["version"].get<std::string>(), "1.0");
        QVERIFY(!response->head.toLower().contains("transfer-encoding"));
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(3000));
    }

    void http10StreamIsCloseDelimited() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /stream HTTP/1.0\r\n\r\n");
        const auto response = ResponseReader(socket).next(3000);
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("chunk0\nchunk1\nchunk2\n"));
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("descriptionPart");
        QTest::newRow("body over 10 MiB declared")
            << QByteArray("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 10485761\r\n\r\n") << 413
            << QByteArray("10485760 bytes");
        QTest::newRow("headers over 16 KiB")
            << QByteArray("GET /x HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(17000, 'a') + "\r\n\r\n")
            << 431 << QByteArray("16384 bytes");
        QTest::newRow("Content-Length and Transfer-Encoding")
            << QByteArray("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n0\r\n\r\n")
            << 400 << QByteArray("Conflicting message length");
        QTest::newRow("two different Content-Lengths")
            << QByteArray(
                   "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!")
            << 400 << QByteArray("Conflicting message length");
        QTest::newRow("bad chunk size")
            << QByteArray("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400
            << QByteArray("chunk size");
        QTest::newRow("not HTTP at all") << QByteArray("HELLO THERE\r\n\r\n") << 400 << QByteArray("method");
    }
    void refusals() {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, descriptionPart);
        QTcpSocket socket;
        connectTo(socket);
        socket.write(request);
        const auto response = ResponseReader(socket).next();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        const Json json = response->json();
        QVERIFY2(json.is_object() && json.contains("code") && json.contains("message"),
                 response->body.constData());
        QVERIFY2(response->body.contains(descriptionPart), response->body.constData());
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(3000));
    }

    void chunkedBodyOverTheLimitIsRefused() {
        HttpLimits limits;
        limits.maxBodyBytes = 1000;
        startServer(limits);
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" +
                     QByteArray(1024, 'b') + "\r\n0\r\n\r\n");
        const auto response = ResponseReader(socket).next();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
    }

    void slowHeadersTimeOut() {
        HttpLimits limits;
        limits.headerTimeoutMs = 300;
        startServer(limits);
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /x HTTP/1.1\r\nHost: x\r\n"); // never finished
        const auto response = ResponseReader(socket).next(3000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(3000));
    }

    void idleKeepAliveConnectionIsClosed() {
        HttpLimits limits;
        limits.idleTimeoutMs = 300;
        startServer(limits);
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(ResponseReader(socket).next());
        QVERIFY(socket.waitForDisconnected(3000));
    }

    void clientVanishingWithAnAnswerPendingIsHarmless() {
        for (int i = 0; i < 50; ++i) {
            QTcpSocket socket;
            connectTo(socket);
            socket.write("GET /slow?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(socket.waitForBytesWritten(1000));
            socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);
        QTest::qWait(200); // the pending answers' timers fire into deleted exchanges: must not crash
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /still-alive HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = ResponseReader(socket).next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    // A handler logs, charges and caches between its last write and endResponse(): a client that has
    // the whole answer must be able to count on that, so the bytes completing it wait for the end.
    void lastBytesOfADeclaredLengthWaitForTheEnd() {
        QTcpSocket client;
        connectTo(client);
        client.write("GET /late-end HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray early;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 200) {
            client.waitForReadyRead(20);
            early += client.readAll();
        }
        QVERIFY2(early.endsWith("\r\n\r\nfirst-"), early.constData());
        QVERIFY(client.waitForReadyRead(2000));
        QCOMPARE(early + client.readAll(), early + "last");
    }

    void headRequestHasNoBody() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("HEAD /x HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        ResponseReader reader(socket);
        const auto head = reader.next();
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        // The next response follows directly: the HEAD answer carried no body bytes.
        QByteArray rest;
        const auto after = reader.next();
        QVERIFY(after);
        QCOMPARE(after->json()["path"].get<std::string>(), "/after");
    }

    // Regression tests for what tests/fuzz/fuzz_http_request found (tests/fuzz/README.md).

    // A 204 must not declare a length (RFC 9110 8.6), whatever the handler passed: a client that
    // trusted "Content-Length: 7" would read the next answer as this one's body.
    void noContentAnswerDeclaresNoLength() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /no-content HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        QElapsedTimer clock;
        clock.start();
        while (!received.contains("\"path\":\"/after\"") && clock.elapsed() < 5000) {
            socket.waitForReadyRead(100);
            received += socket.readAll();
        }
        QVERIFY2(received.startsWith("HTTP/1.1 204 "), received.constData());
        const QByteArray head = received.left(received.indexOf("\r\n\r\n")).toLower();
        QVERIFY2(!head.contains("content-length") && !head.contains("transfer-encoding"), head.constData());
        // The next answer follows the 204's head directly.
        QVERIFY2(received.mid(head.size() + 4).startsWith("HTTP/1.1 200 "), received.constData());
    }

    // Requests pipelined behind one that closes the connection are never handled (RFC 9112 9.6):
    // http_parser, built non-strict, goes on parsing after "Connection: close", and while the first
    // answer was pending the second reached the handler, which proxied it for nothing.
    void nothingAfterAClosingRequestIsHandled() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /slow?ms=200 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                     "GET /behind-close HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = ResponseReader(socket).next();
        QVERIFY(response);
        QCOMPARE(response->json()["path"].get<std::string>(), "/slow");
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(3000));
        QVERIFY(!wasHandled("/behind-close"));
    }

    // After an upgrade request (answered over HTTP/1.1) the next request is read the same wherever
    // the network cuts it. The parser used to be reset on the next read while http_parser's upgrade
    // flag was still set, in the middle of that request: the rest of it was read as a new request,
    // so a header line shaped like a request line became one.
    void requestAfterAnUpgradeIsReadTheSameWhereverItIsCut() {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /upgrade HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
                     "GET /cut HTTP/1.1\r\n");
        QVERIFY(socket.waitForBytesWritten(1000));
        QTest::qWait(200); // the server reads the first piece on its own
        socket.write("GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        ResponseReader reader(socket);
        const auto upgrade = reader.next();
        QVERIFY(upgrade);
        QCOMPARE(upgrade->json()["path"].get<std::string>(), "/upgrade");
        // "GET /smuggled HTTP/1.1" is a malformed header line of /cut, not a request of its own.
        const auto refusal = reader.next();
        QVERIFY(refusal);
        QCOMPARE(refusal->status, 400);
        QVERIFY(!wasHandled("/smuggled"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
