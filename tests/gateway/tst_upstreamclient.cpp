// The plain-HTTP upstream client (UpstreamNetworkManager serving http:// with PooledHttpReply over
// UpstreamConnectionPool) against a scripted raw-TCP server over loopback: each test decides exactly
// which bytes the upstream sends back and when it closes, and checks what went over the wire.
#include "gateway/PooledHttpReply.h"
#include "gateway/UpstreamConnectionPool.h"
#include "gateway/UpstreamNetworkManager.h"

#include <QList>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <functional>
#include <utility>

using namespace gatehouse;

namespace {

// One request as the server took it off the wire.
struct WireRequest {
    QByteArray head;     // the request line and header lines, each with its CRLF, without the blank line
    QByteArray body;     // exactly Content-Length bytes
    int connection = -1; // which accepted connection it came on, 0 for the first
};

QList<QByteArray> headLines(const QByteArray& head) {
    QList<QByteArray> lines = head.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The values of every header line called name (case-insensitive), without surrounding blanks.
QList<QByteArray> headerValues(const QByteArray& head, const QByteArray& name) {
    QList<QByteArray> values;
    const QList<QByteArray> lines = headLines(head);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0 && lines.at(i).left(colon).compare(name, Qt::CaseInsensitive) == 0)
            values.append(lines.at(i).mid(colon + 1).trimmed());
    }
    return values;
}

QByteArray pattern(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 23);
    return bytes;
}

QByteArray okAnswer(const QByteArray& body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Writes bytes after delayMs (nothing if the socket is gone by then), and closes if asked to.
void writeLater(QTcpSocket* socket, int delayMs, const QByteArray& bytes, bool thenClose = false) {
    QTimer::singleShot(delayMs, socket, [socket, bytes, thenClose] {
        socket->write(bytes);
        if (thenClose)
            socket->disconnectFromHost();
    });
}

// A raw-TCP upstream on 127.0.0.1. Its script sees every complete request (head and Content-Length
// body) with the socket it came on, and writes back whatever bytes the test wants, closing when it wants.
class ScriptedServer : public QObject {
public:
    using Script = std::function<void(QTcpSocket* socket, const WireRequest& request, int index)>;

    explicit ScriptedServer(Script script) : m_script(std::move(script)) {
        connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::accept);
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    ~ScriptedServer() override {
        for (QTcpSocket* socket : std::as_const(m_sockets))
            socket->disconnect(this); // the sockets die with m_server, after this object's members
    }
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    int accepted() const { return int(m_sockets.size()); }
    // Connections the client closed or reset (not those the script closed).
    int closedByClient() const { return m_closedByClient; }
    QTcpSocket* socket(int connection) const { return m_sockets.value(connection); }
    QUrl url(const QString& path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }

    QByteArray received; // every byte from every connection, in arrival order
    QList<WireRequest> requests;

private:
    void accept() {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            const int connection = int(m_sockets.size());
            m_sockets.append(socket);
            m_pending.append(QByteArray());
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket, connection] { read(socket, connection); });
            // Scripts close with disconnectFromHost(), which raises no error: an error is the client's close.
            connect(socket, &QTcpSocket::errorOccurred, this, [this] { ++m_closedByClient; });
        }
    }

    void read(QTcpSocket* socket, int connection) {
        const QByteArray data = socket->readAll();
        received += data;
        m_pending[connection] += data;
        for (;;) {
            QByteArray& pending = m_pending[connection];
            const qsizetype end = pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            WireRequest request;
            request.head = pending.left(end + 2);
            const QList<QByteArray> lengths = headerValues(request.head, "Content-Length");
            const qsizetype length = lengths.isEmpty() ? 0 : lengths.first().toLongLong();
            if (pending.size() < end + 4 + length)
                return;
            request.body = pending.mid(end + 4, length);
            request.connection = connection;
            pending.remove(0, end + 4 + length);
            requests.append(request);
            m_script(socket, request, int(requests.size()) - 1);
        }
    }

    QTcpServer m_server;
    Script m_script;
    QList<QTcpSocket*> m_sockets; // children of m_server
    QList<QByteArray> m_pending;
    int m_closedByClient = 0;
};

// Everything a reply announces, in order; owns (deletes) the reply.
class Recorder {
public:
    explicit Recorder(QNetworkReply* reply, bool readEagerly = true)
        : reply(reply), finishedSpy(reply, &QNetworkReply::finished),
          errorSpy(reply, &QNetworkReply::errorOccurred), readEagerly(readEagerly) {
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [this] {
            events.append("meta");
            statusesAtMeta.append(status());
        });
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] {
            events.append("ready");
            maxAvailable = qMax(maxAvailable, this->reply->bytesAvailable());
            if (this->readEagerly)
                body += this->reply->readAll();
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [this] {
            events.append("finished");
            body += this->reply->readAll();
        });
    }
    ~Recorder() { delete reply.data(); }
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    int status() const { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }

    QPointer<QNetworkReply> reply;
    QSignalSpy finishedSpy;
    QSignalSpy errorSpy;
    bool readEagerly; // false: a consumer that leaves readyRead() unanswered
    QList<QByteArray> events;
    QList<int> statusesAtMeta; // what a consumer reading the status at metaDataChanged() sees
    QByteArray body;
    qint64 maxAvailable = 0; // the most bytesAvailable() seen at a readyRead()
};

QNetworkReply* send(UpstreamNetworkManager& manager, const QUrl& url, const QByteArray& verb,
                    const QByteArray& body = {},
                    const QList<std::pair<QByteArray, QByteArray>>& headers = {}) {
    QNetworkRequest request(url);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    return manager.sendCustomRequest(request, verb, body);
}

} // namespace

class TestUpstreamClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keepAliveReusesConnection();
    void chunkedAnswerIsDechunked();
    void chunkedAnswerCutBetweenChunks();
    void contentLengthAnswerCutShort();
    void closeDelimitedAnswerIsNotReused();
    void staleIdleConnectionIsReplaced();
    void connectionClosedOnReuseIsRetried();
    void connectionRefused();
    void headerWithLineBreakIsRefused();
    void slowReaderBoundsBuffering();
    void repeatedHeadersAreJoined();
    void unreusableAnswersAreNotPooled();
    void abortMidBody();
    void interimContinueIsSkipped();
    void headAnswerHasNoBody();
    void invalidAnswerIsProtocolFailure();
};

void TestUpstreamClient::initTestCase() {
    // The manager hands plain HTTP to PooledHttpReply only when no proxy applies; an http_proxy in the
    // environment must not turn these into tests of Qt's own backend.
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) { socket->write(okAnswer("x")); });
    QVERIFY(server.isListening());
    Recorder probe(send(manager, server.url(QStringLiteral("/")), "GET"));
    QVERIFY(qobject_cast<PooledHttpReply*>(probe.reply.data()));
    QTRY_COMPARE(probe.finishedSpy.count(), 1);
}

void TestUpstreamClient::keepAliveReusesConnection() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int index) {
        socket->write(okAnswer("answer-" + QByteArray::number(index)));
    });
    QVERIFY(server.isListening());
    const QList<std::pair<QByteArray, QByteArray>> headers = {{"X-Custom", "alpha beta"},
                                                              {"Authorization", "Bearer secret"}};
    const QByteArray firstBody = R"({"model":"m","stream":false})";
    const QByteArray secondBody = "second body, a bit longer than the first one";

    Recorder first(send(manager, server.url(QStringLiteral("/v1/first")), "POST", firstBody, headers));
    QTRY_COMPARE(first.finishedSpy.count(), 1);
    QCOMPARE(first.reply->error(), QNetworkReply::NoError);
    QCOMPARE(first.status(), 200);
    QCOMPARE(first.body, QByteArray("answer-0"));
    QCOMPARE(manager.connections()->idleCount(), 1);

    QUrl secondUrl = server.url(QStringLiteral("/v1/second"));
    secondUrl.setQuery(QStringLiteral("a=1&b=two"));
    Recorder second(send(manager, secondUrl, "POST", secondBody, headers));
    QTRY_COMPARE(second.finishedSpy.count(), 1);
    QCOMPARE(second.reply->error(), QNetworkReply::NoError);
    QCOMPARE(second.status(), 200);
    QCOMPARE(second.body, QByteArray("answer-1"));

    QCOMPARE(server.accepted(), 1);
    QCOMPARE(server.requests.size(), 2);
    const QByteArray host = "127.0.0.1:" + QByteArray::number(server.port());
    const QByteArray targets[] = {"/v1/first", "/v1/second?a=1&b=two"};
    const QByteArray bodies[] = {firstBody, secondBody};
    QByteArray expectedWire;
    for (int i = 0; i < 2; ++i) {
        const WireRequest& request = server.requests.at(i);
        QCOMPARE(request.connection, 0);
        const QList<QByteArray> lines = headLines(request.head);
        QCOMPARE(lines.first(), QByteArray("POST " + targets[i] + " HTTP/1.1\r"));
        for (qsizetype l = 0; l < lines.size(); ++l) {
            const QByteArray& line = lines.at(l);
            QVERIFY2(line.endsWith('\r') && line.count('\r') == 1, line.constData()); // CRLF, nothing else
            QVERIFY2(l == 0 || line.indexOf(": ") > 0, line.constData());
        }
        QCOMPARE(headerValues(request.head, "Host"), QList<QByteArray>{host});
        QCOMPARE(headerValues(request.head, "Content-Length"),
                 QList<QByteArray>{QByteArray::number(bodies[i].size())});
        QCOMPARE(headerValues(request.head, "X-Custom"), QList<QByteArray>{"alpha beta"});
        QCOMPARE(headerValues(request.head, "Authorization"), QList<QByteArray>{"Bearer secret"});
        QVERIFY(headerValues(request.head, "Transfer-Encoding").isEmpty());
        QCOMPARE(request.body, bodies[i]);
        expectedWire += request.head + "\r\n" + request.body;
    }
    QCOMPARE(server.received, expectedWire); // nothing else went over the wire
    QCOMPARE(manager.connections()->idleCount(), 1);
}

void TestUpstreamClient::chunkedAnswerIsDechunked() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) {
        socket->write("HTTP/1.1 200 Fine Thanks\r\nTransfer-Encoding: chunked\r\nX-Trace: abc-123\r\n"
                      "Content-Type: text/event-stream\r\n\r\n5\r\nhello\r\n");
        writeLater(socket, 20, "7\r\n, world\r\n");
        writeLater(socket, 40, "1;name=value\r\n!\r\n0\r\n\r\n");
    });
    QVERIFY(server.isListening());
    Recorder call(send(manager, server.url(QStringLiteral("/stream")), "GET"));
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.reply->error(), QNetworkReply::NoError);
    QCOMPARE(call.body, QByteArray("hello, world!"));
    QCOMPARE(call.status(), 200);
    QCOMPARE(call.reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
             QByteArray("Fine Thanks"));
    QCOMPARE(call.reply->rawHeader("X-Trace"), QByteArray("abc-123"));
    QCOMPARE(call.reply->rawHeader("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(call.statusesAtMeta, QList<int>{200});
    QVERIFY(call.events.contains("ready"));
    QCOMPARE(call.events.first(), QByteArray("meta")); // the headers come before any body
    QCOMPARE(call.events.last(), QByteArray("finished"));
    QCOMPARE(manager.connections()->idleCount(), 1); // a complete chunked answer leaves it reusable
}

void TestUpstreamClient::chunkedAnswerCutBetweenChunks() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        writeLater(socket, 20, "6\r\n world\r\n", true); // a complete chunk, then the close: no 0-chunk
    });
    QVERIFY(server.isListening());
    Recorder call(send(manager, server.url(QStringLiteral("/stream")), "GET"));
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(call.errorSpy.count(), 1);
    QCOMPARE(call.status(), 200);
    QCOMPARE(call.body, QByteArray("hello world"));
    QCOMPARE(manager.connections()->idleCount(), 0);
}

void TestUpstreamClient::contentLengthAnswerCutShort() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
        socket->disconnectFromHost();
    });
    QVERIFY(server.isListening());
    Recorder call(send(manager, server.url(QStringLiteral("/short")), "GET"));
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(call.errorSpy.count(), 1);
    QCOMPARE(call.status(), 200);
    QCOMPARE(call.body, QByteArray("0123456789"));
    QCOMPARE(manager.connections()->idleCount(), 0);
}

void TestUpstreamClient::closeDelimitedAnswerIsNotReused() {
    UpstreamNetworkManager manager;
    const QByteArray longBody = pattern(200 * 1024); // several socket reads
    ScriptedServer server([&longBody](QTcpSocket* socket, const WireRequest& request, int) {
        if (request.connection == 0) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + longBody);
            socket->disconnectFromHost(); // sends what is queued, then closes: the end of the answer
        } else {
            socket->write(okAnswer("fresh"));
        }
    });
    QVERIFY(server.isListening());
    Recorder first(send(manager, server.url(QStringLiteral("/eof")), "GET"));
    QTRY_COMPARE(first.finishedSpy.count(), 1);
    QCOMPARE(first.reply->error(), QNetworkReply::NoError);
    QCOMPARE(first.status(), 200);
    QCOMPARE(first.body.size(), longBody.size());
    QCOMPARE(first.body, longBody);
    QCOMPARE(manager.connections()->idleCount(), 0);

    Recorder second(send(manager, server.url(QStringLiteral("/next")), "GET"));
    QTRY_COMPARE(second.finishedSpy.count(), 1);
    QCOMPARE(second.reply->error(), QNetworkReply::NoError);
    QCOMPARE(second.body, QByteArray("fresh"));
    QCOMPARE(server.accepted(), 2);
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests.at(1).connection, 1);
}

void TestUpstreamClient::staleIdleConnectionIsReplaced() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int index) {
        socket->write(okAnswer("answer-" + QByteArray::number(index)));
    });
    QVERIFY(server.isListening());
    Recorder first(send(manager, server.url(QStringLiteral("/one")), "POST", "1"));
    QTRY_COMPARE(first.finishedSpy.count(), 1);
    QCOMPARE(first.body, QByteArray("answer-0"));
    QCOMPARE(manager.connections()->idleCount(), 1);

    server.socket(0)->disconnectFromHost(); // the upstream's keep-alive timeout
    QTRY_COMPARE(manager.connections()->idleCount(), 0);

    Recorder second(send(manager, server.url(QStringLiteral("/two")), "POST", "2"));
    QTRY_COMPARE(second.finishedSpy.count(), 1);
    QCOMPARE(second.reply->error(), QNetworkReply::NoError);
    QCOMPARE(second.status(), 200);
    QCOMPARE(second.body, QByteArray("answer-1"));
    QCOMPARE(server.accepted(), 2);
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests.at(1).connection, 1);
}

void TestUpstreamClient::connectionClosedOnReuseIsRetried() {
    // The race the idle check cannot see: the upstream closes the kept-alive connection just as the
    // next request arrives on it, without answering.
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest& request, int index) {
        if (request.connection == 0 && index == 1) {
            socket->disconnectFromHost();
            return;
        }
        socket->write(okAnswer("answer-" + QByteArray::number(index)));
    });
    QVERIFY(server.isListening());
    Recorder first(send(manager, server.url(QStringLiteral("/one")), "POST", "first"));
    QTRY_COMPARE(first.finishedSpy.count(), 1);
    QCOMPARE(first.body, QByteArray("answer-0"));
    QCOMPARE(manager.connections()->idleCount(), 1);

    Recorder second(send(manager, server.url(QStringLiteral("/two")), "POST", "second"));
    QTRY_COMPARE(second.finishedSpy.count(), 1);
    QCOMPARE(second.reply->error(), QNetworkReply::NoError);
    QCOMPARE(second.status(), 200);
    QCOMPARE(second.body, QByteArray("answer-2"));
    QCOMPARE(second.errorSpy.count(), 0);
    QCOMPARE(second.events.count("meta"), 1);
    QCOMPARE(server.accepted(), 2);
    QCOMPARE(server.requests.size(), 3);
    QCOMPARE(server.requests.at(1).connection, 0); // it did go out on the kept-alive connection
    QCOMPARE(server.requests.at(2).connection, 1);
    QCOMPARE(server.requests.at(2).head, server.requests.at(1).head); // the same request, resent whole
    QCOMPARE(server.requests.at(2).body, QByteArray("second"));
}

void TestUpstreamClient::connectionRefused() {
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        port = closed.serverPort();
    }
    UpstreamNetworkManager manager;
    Recorder call(send(manager, QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), "POST", "body"));
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.reply->error(), QNetworkReply::ConnectionRefusedError);
    QVERIFY(!call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
    QTest::qWait(50); // room for a second, wrong finished()
    QCOMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.errorSpy.count(), 1);
    QCOMPARE(manager.connections()->idleCount(), 0);
}

void TestUpstreamClient::headerWithLineBreakIsRefused() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) { socket->write(okAnswer("no")); });
    QVERIFY(server.isListening());
    const QByteArray values[] = {"a\r\nInjected: yes", "a\nInjected: yes"};
    for (const QByteArray& value : values) {
        Recorder call(
            send(manager, server.url(QStringLiteral("/v1")), "POST", "{}", {{"X-Forwarded", value}}));
        QTRY_COMPARE(call.finishedSpy.count(), 1);
        QCOMPARE(call.reply->error(), QNetworkReply::ProtocolInvalidOperationError);
        QCOMPARE(call.errorSpy.count(), 1);
    }
    QTest::qWait(50); // room for a connection that should not come
    QCOMPARE(server.accepted(), 0);
    QVERIFY(server.received.isEmpty());
}

void TestUpstreamClient::slowReaderBoundsBuffering() {
    UpstreamNetworkManager manager;
    const qsizetype size = 4 * 1024 * 1024;
    const QByteArray payload = pattern(size);
    ScriptedServer server([&payload](QTcpSocket* socket, const WireRequest&, int) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(payload.size()) +
                      "\r\n\r\n");
        socket->write(payload); // all of it at once: only TCP flow control holds it back
    });
    QVERIFY(server.isListening());
    QNetworkReply* reply = send(manager, server.url(QStringLiteral("/big")), "GET");
    reply->setReadBufferSize(4096);
    Recorder call(reply, false);
    // What a reply may hold unread: its limit, plus at most one socket read that crossed it.
    const qint64 bound = 4096 + 64 * 1024 + 4096;

    QTest::qWait(300); // a consumer that does not read
    QVERIFY(call.events.contains("ready"));
    QVERIFY2(reply->bytesAvailable() > 0, "nothing arrived");
    QVERIFY2(reply->bytesAvailable() <= bound, QByteArray::number(reply->bytesAvailable()).constData());
    QVERIFY2(call.maxAvailable <= bound, QByteArray::number(call.maxAvailable).constData());
    QVERIFY(!reply->isFinished());

    call.readEagerly = true;
    call.body += reply->readAll(); // reading is what lets the reply take more from the socket
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(call.maxAvailable <= bound, QByteArray::number(call.maxAvailable).constData());
    QCOMPARE(call.body.size(), size);
    QVERIFY(call.body == payload);
}

void TestUpstreamClient::repeatedHeadersAreJoined() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) {
        socket->write("HTTP/1.1 200 OK\r\nX-Multi: a\r\nVary: Accept\r\nX-Multi: b\r\nx-multi: c\r\n"
                      "Vary: Origin\r\nContent-Length: 2\r\n\r\nok");
    });
    QVERIFY(server.isListening());
    Recorder call(send(manager, server.url(QStringLiteral("/")), "GET"));
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.reply->error(), QNetworkReply::NoError);
    QCOMPARE(call.reply->rawHeader("X-Multi"), QByteArray("a, b, c"));
    QCOMPARE(call.reply->rawHeader("Vary"), QByteArray("Accept, Origin"));
    QCOMPARE(call.body, QByteArray("ok"));
}

void TestUpstreamClient::unreusableAnswersAreNotPooled() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int index) {
        if (index == 0) // bytes nobody asked for after the answer: the connection is out of step
            socket->write(okAnswer("one") + "HTTP/1.1 200 OK\r\n");
        else if (index == 1) // the upstream says it will close (and has not yet)
            socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\ntwo");
        else
            socket->write(okAnswer("three"));
    });
    QVERIFY(server.isListening());
    const QByteArray bodies[] = {"one", "two", "three"};
    for (int i = 0; i < 3; ++i) {
        Recorder call(send(manager, server.url(QStringLiteral("/")), "GET"));
        QTRY_COMPARE(call.finishedSpy.count(), 1);
        QCOMPARE(call.reply->error(), QNetworkReply::NoError);
        QCOMPARE(call.body, bodies[i]);
    }
    QCOMPARE(server.accepted(), 3);
    QCOMPARE(server.requests.at(1).connection, 1);
    QCOMPARE(server.requests.at(2).connection, 2);
}

void TestUpstreamClient::abortMidBody() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest& request, int) {
        if (request.connection == 0)
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + pattern(1000)); // and stalls
        else
            socket->write(okAnswer("after"));
    });
    QVERIFY(server.isListening());
    Recorder first(send(manager, server.url(QStringLiteral("/slow")), "GET"));
    QTRY_COMPARE(first.body.size(), 1000);
    QCOMPARE(first.finishedSpy.count(), 0);
    first.reply->abort();
    QCOMPARE(first.finishedSpy.count(), 1);
    QCOMPARE(first.reply->error(), QNetworkReply::OperationCanceledError);
    first.reply->abort(); // a second abort changes nothing
    QCOMPARE(first.finishedSpy.count(), 1);
    QCOMPARE(manager.connections()->idleCount(), 0);
    QTRY_COMPARE(server.closedByClient(), 1); // the half-read connection was closed, not pooled

    Recorder second(send(manager, server.url(QStringLiteral("/next")), "GET"));
    QTRY_COMPARE(second.finishedSpy.count(), 1);
    QCOMPARE(second.reply->error(), QNetworkReply::NoError);
    QCOMPARE(second.body, QByteArray("after"));
    QCOMPARE(server.accepted(), 2);
    QCOMPARE(server.requests.at(1).connection, 1);
    QCOMPARE(first.finishedSpy.count(), 1);
}

void TestUpstreamClient::interimContinueIsSkipped() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int index) {
        const QByteArray interim = "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n";
        const QByteArray answer = "HTTP/1.1 200 OK\r\nX-Final: yes\r\nContent-Length: 4\r\n\r\nbody";
        if (index == 0) { // the interim answer and the real one in separate reads
            socket->write(interim);
            writeLater(socket, 20, answer);
        } else { // both in one read
            socket->write(interim + answer);
        }
    });
    QVERIFY(server.isListening());
    for (int i = 0; i < 2; ++i) {
        Recorder call(send(manager, server.url(QStringLiteral("/upload")), "POST", "data",
                           {{"Expect", "100-continue"}}));
        QTRY_COMPARE(call.finishedSpy.count(), 1);
        QCOMPARE(call.reply->error(), QNetworkReply::NoError);
        QCOMPARE(call.status(), 200);
        QCOMPARE(call.reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                 QByteArray("OK"));
        QCOMPARE(call.body, QByteArray("body"));
        QCOMPARE(call.reply->rawHeader("X-Final"), QByteArray("yes"));
        QVERIFY(!call.reply->hasRawHeader("X-Interim"));
        QCOMPARE(call.statusesAtMeta, QList<int>{200}); // announced once, for the real answer only
    }
    QCOMPARE(server.accepted(), 1);
}

void TestUpstreamClient::headAnswerHasNoBody() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest& request, int) {
        if (request.head.startsWith("HEAD "))
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n");
        else
            socket->write(okAnswer("0123456789"));
    });
    QVERIFY(server.isListening());
    Recorder head(send(manager, server.url(QStringLiteral("/file")), "HEAD"));
    QTRY_COMPARE(head.finishedSpy.count(), 1);
    QCOMPARE(head.reply->error(), QNetworkReply::NoError);
    QCOMPARE(head.status(), 200);
    QCOMPARE(head.reply->rawHeader("Content-Length"), QByteArray("10"));
    QVERIFY(head.body.isEmpty());
    QCOMPARE(manager.connections()->idleCount(), 1);

    Recorder get(send(manager, server.url(QStringLiteral("/file")), "GET"));
    QTRY_COMPARE(get.finishedSpy.count(), 1);
    QCOMPARE(get.reply->error(), QNetworkReply::NoError);
    QCOMPARE(get.body, QByteArray("0123456789"));
    QCOMPARE(server.accepted(), 1);
    QCOMPARE(server.requests.size(), 2);
    QVERIFY(server.requests.at(0).head.startsWith("HEAD /file HTTP/1.1\r\n"));
    QVERIFY(headerValues(server.requests.at(0).head, "Content-Length").isEmpty());
    QVERIFY(server.requests.at(0).body.isEmpty());
}

void TestUpstreamClient::invalidAnswerIsProtocolFailure() {
    UpstreamNetworkManager manager;
    ScriptedServer server([](QTcpSocket* socket, const WireRequest&, int) {
        socket->write("garbage instead of a status line\r\n\r\n"); // and the connection stays open
    });
    QVERIFY(server.isListening());
    Recorder call(send(manager, server.url(QStringLiteral("/")), "GET"));
    QTRY_COMPARE(call.finishedSpy.count(), 1);
    QCOMPARE(call.reply->error(), QNetworkReply::ProtocolFailure);
    QCOMPARE(call.errorSpy.count(), 1);
    QVERIFY(!call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
    QCOMPARE(manager.connections()->idleCount(), 0);
}

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
