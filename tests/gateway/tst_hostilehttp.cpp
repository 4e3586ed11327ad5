// Hostile HTTP against the gateway over real loopback sockets, with a scripted upstream that records
// every byte it is sent: malformed framing and heads are refused with a precise 400 and a closed
// connection before anything reaches the upstream; header injection gets nowhere; absurd JSON bodies
// on a routed API get a precise 4xx (or pass through untouched when they are valid) within a couple
// of seconds, never a crash or a 5xx.
#include "GatewayFixture.h"
#include "RecordingUpstream.h"
#include "ResponseStream.h"
#include "TestHttpClient.h"
#include "TestTiming.h"
#include "gateway/Gateway.h"

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

// What a raw client got: every byte until the gateway closed the connection (or the time ran out).
struct RawOutcome {
    QByteArray received;
    bool closedByServer = false;
    qint64 elapsedMs = 0;

    TestResponse first() const {
        ResponseStream stream;
        stream.feed(received);
        stream.finish();
        return stream.responses().empty() ? TestResponse() : stream.responses().front();
    }
};

// Sends `bytes` as they are and collects the answer on the event loop, so that the upstream script
// (on this thread too) keeps running.
RawOutcome exchangeRaw(quint16 port, const QByteArray& bytes, int timeoutMs = 5000) {
    RawOutcome outcome;
    QTcpSocket socket;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { outcome.received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        outcome.received += socket.readAll();
        outcome.closedByServer = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(bytes); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    loop.exec();
    outcome.elapsedMs = clock.elapsed();
    return outcome;
}

void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QByteArray nested(int depth, char open, char close, bool closed) {
    QByteArray text;
    text.reserve(depth * 2);
    text.append(depth, open);
    if (closed)
        text.append(depth, close);
    return text;
}

// The start of a chat body whose one message is `content` (its closing quote not included).
QByteArray messageWith(const QByteArray& content) {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content;
}

// {"model":"gpt-4o","a":{"a":{"a":...0}}}
QByteArray nestedObjects(int depth) {
    QByteArray text = "{\"model\":\"gpt-4o\",\"a\":";
    for (int i = 0; i < depth; ++i)
        text += "{\"a\":";
    text += '0';
    text.append(depth + 1, '}');
    return text;
}

// {"model":"gpt-4o","k0":0,...}: a million distinct short keys in about 9 MB.
QByteArray millionKeys(const QByteArray& model) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray text = "{\"model\":" + model;
    text.reserve(10 * 1000 * 1000);
    for (int i = 0; i < 1000000; ++i) {
        text += ",\"";
        for (int n = i, digits = 0; digits < 4; ++digits, n /= 36)
            text += alphabet[n % 36];
        text += "\":0";
    }
    text += '}';
    return text;
}

} // namespace

class TestHostileHttp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(m_upstream.listen(&error), qPrintable(error));
        m_upstream.setResponse(200, R"({"id":"x","object":"chat.completion","model":"gpt-4o","choices":[]})",
                               {{"Content-Type", "application/json"}});
        m_fixture = std::make_unique<GatewayFixture>();
        QVERIFY2(m_fixture->init(&error), qPrintable(error));
        // The seed's router: every body is read for its model, so the gateway parses it.
        GatewayFixture::ApiSpec spec = specWith(GatewayFixture::router(
            QStringLiteral("modelWeightedRoundRobin"),
            R"({"production":[{"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
                              {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],
                "sandbox":[]})"));
        spec.productionUrl = m_upstream.origin() + QStringLiteral("/v1");
        const QString apiId = m_fixture->addApi(spec, &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const auto app = m_fixture->addApplication(QStringLiteral("App"), {apiId},
                                                   QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(app, qPrintable(error));
        QVERIFY2(m_fixture->startGateway(&error), qPrintable(error));
        m_token = m_fixture->token(*app, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void init() { m_seenBefore = m_upstream.requests().size(); }

    void malformedRequestsAre400AndNeverForwarded_data() {
        QTest::addColumn<QByteArray>("head");  // request line and fields, without the final CRLF
        QTest::addColumn<QByteArray>("after"); // the empty line and what follows it
        QTest::addColumn<QByteArray>("descriptionPart");
        const QByteArray body = R"({"model":"gpt-4o","messages":[]})";
        const QByteArray chunked = "Transfer-Encoding: chunked\r\n";
        const QByteArray length = "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        const QByteArray end = "\r\n" + body;

        // RFC 9110 8.6 allows a recipient to accept a repeated, identical Content-Length; the gateway
        // refuses it like any other repetition, so that no proxy in front can frame it differently.
        QTest::newRow("Content-Length twice, same value")
            << QByteArray(length + length) << end << QByteArray("Content-Length");
        QTest::newRow("Content-Length as a list")
            << QByteArray("Content-Length: " + QByteArray::number(body.size()) + ", " +
                          QByteArray::number(body.size()) + "\r\n")
            << end << QByteArray("content-length");
        QTest::newRow("obs-fold") << QByteArray(length + "X-Note: a\r\n folded\r\n") << end
                                  << QByteArray("folding");
        QTest::newRow("obs-fold with a tab")
            << QByteArray(length + "X-Note: a\r\n\tfolded\r\n") << end << QByteArray("folding");
        QTest::newRow("obs-fold of an empty value")
            << QByteArray(length + "X-Note:\r\n folded\r\n") << end << QByteArray("folding");
        QTest::newRow("obs-fold carrying a header")
            << QByteArray(length + "X-Note: a\r\n X-Injected: 1\r\n") << end << QByteArray("folding");
        QTest::newRow("whitespace before the colon")
            << QByteArray("Transfer-Encoding : chunked\r\n" + length) << end << QByteArray("Whitespace");
        QTest::newRow("space inside a field name")
            << QByteArray(length + "X Injected: 1\r\n") << end << QByteArray("Whitespace");
        QTest::newRow("NUL in a value") << QByteArray(length + QByteArray("X-Note: a\0b\r\n", 13)) << end
                                        << QByteArray("invalid character");
        QTest::newRow("NUL in a name") << QByteArray(length + QByteArray("X-No\0te: a\r\n", 12)) << end
                                       << QByteArray("invalid character");
        QTest::newRow("control character in a value")
            << QByteArray(length + "X-Note: a\x01b\r\n") << end << QByteArray("invalid character");
        QTest::newRow("bare CR in a value")
            << QByteArray(length + "X-Note: a\rX-Injected: 1\r\n") << end << QByteArray("CR");
        QTest::newRow("bare CR ending the head") << length << QByteArray("\rX" + body) << QByteArray("CR");
        QTest::newRow("chunk size not hex")
            << chunked << QByteArray("\r\nzz\r\nhello\r\n0\r\n\r\n") << QByteArray("chunk size");
        QTest::newRow("chunk size with 0x")
            << chunked << QByteArray("\r\n0x5\r\nhello\r\n0\r\n\r\n") << QByteArray("chunk size");
        QTest::newRow("negative chunk size")
            << chunked << QByteArray("\r\n-5\r\nhello\r\n0\r\n\r\n") << QByteArray("chunk size");
        QTest::newRow("chunk size overflowing 64 bits")
            << chunked << QByteArray("\r\nFFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n")
            << QByteArray("content-length");
        QTest::newRow("chunk data longer than its size")
            << chunked << QByteArray("\r\n5\r\nhelloXY0\r\n\r\n") << QByteArray("CRLF");
        QTest::newRow("chunk data shorter than its size")
            << chunked << QByteArray("\r\n7\r\nhello\r\n0\r\n\r\n") << QByteArray("CRLF");
        QTest::newRow("chunked, then another coding")
            << QByteArray("Transfer-Encoding: chunked, gzip\r\n") << end << QByteArray("transfer-encoding");
        QTest::newRow("Content-Length and Transfer-Encoding")
            << QByteArray(chunked + length) << end << QByteArray("Content-Length");
    }
    void malformedRequestsAre400AndNeverForwarded() {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, after);
        QFETCH(QByteArray, descriptionPart);
        const QByteArray request = "POST /smartchat/1.0.0/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Authorization: Bearer " +
                                   m_token + "\r\nContent-Type: application/json\r\n" + head + after;
        expectRefused(request, descriptionPart);
    }

    void malformedRequestLinesAre400_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("descriptionPart");
        QTest::newRow("space in the target")
            << QByteArray("GET /smartchat/1.0.0/chat completions HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray();
        QTest::newRow("two versions")
            << QByteArray("GET /smartchat HTTP/1.1 HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("version");
        QTest::newRow("absurdly long method")
            << QByteArray(QByteArray(100000, 'A') + " /smartchat/1.0.0/chat/completions HTTP/1.1\r\n\r\n")
            << QByteArray("method");
        QTest::newRow("CR in the target")
            << QByteArray("GET /smart\rchat HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("CR");
        QTest::newRow("leading whitespace on the first field")
            << QByteArray("GET /smartchat HTTP/1.1\r\n Host: x\r\n\r\n") << QByteArray("folding");
    }
    void malformedRequestLinesAre400() {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, descriptionPart);
        expectRefused(request, descriptionPart);
    }

    void validOddRequestsArePassedOn() {
        // Chunk extensions are allowed (and dropped), trailers are never merged into the headers, and
        // percent-encoded CRLF stays encoded: the upstream sees no header the client smuggled in.
        const QByteArray body = R"({"model":"gpt-4o","messages":[]})";
        const QByteArray request =
            "POST /smartchat/1.0.0/chat/completions?note=%0d%0aX-Injected:%201 HTTP/1.1\r\nHost: "
            "127.0.0.1\r\n"
            "Authorization: Bearer " +
            m_token +
            "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
            "X-Client-Note: kept as sent\r\n\r\n" +
            QByteArray::number(body.size(), 16) + ";name=value\r\n" + body +
            "\r\n0\r\nX-Injected: trailer\r\nAuthorization: Bearer trailer\r\n\r\n";
        const RawOutcome outcome = exchangeRaw(m_fixture->gateway().port(), request);
        const TestResponse response = outcome.first();
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(m_upstream.requests().size(), m_seenBefore + 1);
        const RecordingUpstream::Request& seen = m_upstream.requests().last();
        QVERIFY2(seen.count("X-Injected") == 0, seen.rawHead().constData());
        QVERIFY2(!seen.rawHead().contains("trailer"), seen.rawHead().constData());
        // Still percent-encoded (the gateway may normalise the case of the hex digits).
        QVERIFY2(
            seen.target.compare("/v1/chat/completions?note=%0d%0aX-Injected:%201", Qt::CaseInsensitive) == 0,
            seen.target.constData());
        QCOMPARE(seen.header("X-Client-Note"), QByteArray("kept as sent"));
        QCOMPARE(seen.count("Authorization"), 1);
        QVERIFY(seen.body.contains("\"messages\":[]"));
    }

    void absurdJsonBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("descriptionPart");
        const QString invalid = QStringLiteral("102511");
        QTest::newRow("array nested 100,000 deep")
            << nested(100000, '[', ']', true) << 400 << invalid << QStringLiteral("JSON object");
        QTest::newRow("object nested 100,000 deep, unclosed")
            << QByteArray("{\"model\":\"gpt-4o\",\"a\":" + nested(100000, '[', ']', false)) << 400 << invalid
            << QStringLiteral("not valid JSON");
        QTest::newRow("object nested 100,000 deep")
            << QByteArray("{\"model\":\"gpt-4o\",\"a\":" + nested(100000, '[', ']', true) + '}') << 200
            << QString() << QString();
        QTest::newRow("objects nested 100,000 deep")
            << nestedObjects(100000) << 200 << QString() << QString();
        QTest::newRow("a million keys") << millionKeys("\"gpt-4o\"") << 200 << QString() << QString();
        QTest::newRow("a million keys, model not a string")
            << millionKeys("5") << 200 << QString() << QString();
        QTest::newRow("invalid UTF-8")
            << QByteArray(
                   "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\xff\xfe\xc3\"}]}")
            << 400 << invalid << QStringLiteral("not valid JSON");
        QTest::newRow("overlong UTF-8 encoding of a quote")
            << QByteArray(
                   "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\xc0\xa2\"}]}")
            << 400 << invalid << QStringLiteral("not valid JSON");
        const QByteArray huge(9 * 1024 * 1024, 'x');
        QTest::newRow("9 MiB string")
            << QByteArray(messageWith(huge) + "\"}]}") << 200 << QString() << QString();
        QTest::newRow("9 MiB string, unterminated")
            << messageWith(huge) << 400 << invalid << QStringLiteral("not valid JSON");
        QTest::newRow("9 MiB of whitespace")
            << QByteArray(9 * 1024 * 1024, ' ') << 400 << invalid << QStringLiteral("no body");
        // Beyond what a double holds: refused as JSON the gateway cannot read (RFC 8259 allows the limit).
        QTest::newRow("a number 9 MiB long")
            << QByteArray("{\"model\":\"gpt-4o\",\"n\":1" + QByteArray(9 * 1024 * 1024, '0') + '}') << 400
            << invalid << QStringLiteral("not valid JSON");
    }
    void absurdJsonBodies() {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, descriptionPart);
        const TestResponse response =
            m_fixture->chat(m_token, body, QStringLiteral("/smartchat/1.0.0"), {}, 15000);
        QVERIFY2(response.status == status, qPrintable(response.describe()));
        QVERIFY2(response.finishedMs < 2000 * timingFactor,
                 qPrintable(QStringLiteral("answered after %1 ms").arg(response.finishedMs)));
        if (status != 200) {
            QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
            QCOMPARE(response.json().value(QLatin1String("code")).toString(), code);
            QVERIFY2(response.json().value(QLatin1String("description")).toString().contains(descriptionPart),
                     qPrintable(response.describe()));
            spin(50);
            QCOMPARE(m_upstream.requests().size(), m_seenBefore);
            return;
        }
        // Passed on whole, with only the model chosen by the router.
        QCOMPARE(m_upstream.requests().size(), m_seenBefore + 1);
        const QByteArray& forwarded = m_upstream.requests().last().body;
        QVERIFY2(
            qAbs(forwarded.size() - body.size()) <= 16,
            qPrintable(QStringLiteral("%1 bytes forwarded of %2").arg(forwarded.size()).arg(body.size())));
        const QByteArray routedModel = "{\"model\":\"gpt-4o";
        QVERIFY(forwarded.startsWith(routedModel));
        // The gateway still serves after it.
        const TestResponse next = m_fixture->chat(m_token, R"({"model":"gpt-4o","messages":[]})");
        QVERIFY2(next.status == 200, qPrintable(next.describe()));
    }

private:
    void expectRefused(const QByteArray& request, const QByteArray& descriptionPart) {
        const RawOutcome outcome = exchangeRaw(m_fixture->gateway().port(), request);
        const TestResponse response = outcome.first();
        QVERIFY2(response.status == 400, qPrintable(response.describe() + QStringLiteral(" raw: ") +
                                                    QString::fromLatin1(outcome.received.left(300))));
        QVERIFY2(response.isJsonObject() && response.header("Content-Type") == "application/json",
                 qPrintable(response.describe()));
        QCOMPARE(response.json().value(QLatin1String("code")).toString(), QStringLiteral("400"));
        QVERIFY2(response.body.contains(descriptionPart), qPrintable(response.describe()));
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY2(outcome.closedByServer, "the gateway kept the connection open after a protocol error");
        QVERIFY2(outcome.elapsedMs < 2000 * timingFactor,
                 qPrintable(QStringLiteral("refused after %1 ms").arg(outcome.elapsedMs)));
        spin(50);
        QCOMPARE(m_upstream.requests().size(), m_seenBefore);
    }

    RecordingUpstream m_upstream;
    std::unique_ptr<GatewayFixture> m_fixture;
    QByteArray m_token;
    qsizetype m_seenBefore = 0;
};

QTEST_GUILESS_MAIN(TestHostileHttp)
#include "tst_hostilehttp.moc"
