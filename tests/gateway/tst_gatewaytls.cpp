// HTTPS on the gateway's API listener, with a self-signed certificate made by openssl for the test:
// a client that trusts it gets its token and its chat completion; a plain-HTTP client on the TLS
// port gets no HTTP answer; a certificate with the wrong key fails at start, in one line, both in
// process and in gatehouse-gateway (--tls-cert, --tls-key).
#include "GatewayFixture.h"
#include "ResponseStream.h"
#include "TestHttpClient.h"
#include "gateway/Gateway.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// One request over TLS to 127.0.0.1:port, trusting `trusted` only, for the name "localhost".
TestResponse httpsRequest(quint16 port, const QSslCertificate& trusted, const QByteArray& request,
                          QSslCertificate* peer = nullptr) {
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({trusted});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(configuration);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    TestResponse response;
    if (!socket.waitForEncrypted(10000)) {
        response.error = QStringLiteral("no TLS session: ") + socket.errorString();
        return response;
    }
    if (peer)
        *peer = socket.peerCertificate();
    socket.write(request);
    ResponseStream stream;
    QElapsedTimer clock;
    clock.start();
    while (stream.responses().empty() && !stream.failed() && clock.elapsed() < 10000) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        stream.feed(socket.readAll());
    }
    stream.finish();
    if (stream.responses().empty()) {
        response.error = QStringLiteral("no answer over TLS: %1")
                             .arg(stream.failed() ? stream.error() : socket.errorString());
        return response;
    }
    return stream.responses().front();
}

// Makes a self-signed certificate for localhost and 127.0.0.1; empty on success, else why not.
QString makeCertificate(const QString& openssl, const QString& certificate, const QString& key) {
    QProcess process;
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), certificate, QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QStringLiteral("openssl req failed: ") +
               QString::fromLocal8Bit(process.readAllStandardError());
    return {};
}

} // namespace

class TestGatewayTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed (./dev installs it): no certificate to test TLS with");
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here (libssl3 missing)");
        QVERIFY(m_dir.isValid());
        for (const char* name : {"a", "b"}) {
            const QString problem = makeCertificate(openssl, path(name, "crt"), path(name, "key"));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path("a", "crt"));
        QCOMPARE(certificates.size(), 1);
        m_certificate = certificates.first();

        QString error;
        m_fixture = std::make_unique<GatewayFixture>();
        QVERIFY2(m_fixture->init(&error), qPrintable(error));
        const QString apiId = m_fixture->addApi(GatewayFixture::ApiSpec(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const auto app = m_fixture->addApplication(QStringLiteral("App"), {apiId},
                                                   QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(app, qPrintable(error));
        m_app = *app;
        m_fixture->setTls(path("a", "crt"), path("a", "key"));
        QVERIFY2(m_fixture->startGateway(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void apiCallOverHttps() {
        QVERIFY(m_fixture->gateway().isEncrypted());
        QVERIFY(m_fixture->gateway().baseUrl().startsWith(QLatin1String("https://127.0.0.1:")));
        const quint16 port = m_fixture->gateway().port();
        const QByteArray form = "grant_type=client_credentials";
        QSslCertificate served;
        const TestResponse token = httpsRequest(
            port, m_certificate,
            "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " +
                (m_app.consumerKey + QLatin1Char(':') + m_app.consumerSecret).toUtf8().toBase64() +
                "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                QByteArray::number(form.size()) + "\r\nConnection: close\r\n\r\n" + form,
            &served);
        QVERIFY2(token.status == 200, qPrintable(token.describe()));
        QCOMPARE(served, m_certificate);
        const QByteArray accessToken = token.json().value(QLatin1String("access_token")).toString().toUtf8();
        QVERIFY(!accessToken.isEmpty());

        const QByteArray body = chatBody(QStringLiteral("gpt-4o"));
        const TestResponse chat = httpsRequest(
            port, m_certificate,
            "POST /smartchat/1.0.0/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                accessToken + "\r\nContent-Type: application/json\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        QVERIFY2(chat.status == 200, qPrintable(chat.describe()));
        QCOMPARE(chat.json().value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o"));
    }

    void plainHttpOnTheTlsPortGetsNoAnswer() {
        const TestResponse response = sendRequest(
            TestRequest::get(
                QUrl(QStringLiteral("http://127.0.0.1:%1/oauth2/token").arg(m_fixture->gateway().port()))),
            5000);
        QVERIFY2(response.status == 0 && !response.error.isEmpty(), qPrintable(response.describe()));
        QVERIFY2(response.finishedMs < 3000,
                 qPrintable(QStringLiteral("the connection lingered %1 ms").arg(response.finishedMs)));
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture->gateway().connectionCount(), 0, 3000);
    }

    void wrongKeyFailsAtStartInOneLine() {
        Gateway other(m_fixture->workspaceDirectory(), &m_fixture->secrets());
        Gateway::Options options;
        options.tlsCertificateFile = path("a", "crt");
        options.tlsKeyFile = path("b", "key");
        QString error;
        QVERIFY(!other.start(options, &error));
        QVERIFY2(error.startsWith(QLatin1String("cannot serve TLS with the certificate ")),
                 qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        QVERIFY(!other.isRunning());
    }

    void cliServesHttpsAndRefusesAWrongKey() {
        QTemporaryDir workspace;
        QVERIFY(workspace.isValid());
        const QStringList common{
            QStringLiteral("--workspace"),    workspace.filePath(QStringLiteral("ws")),
            QStringLiteral("--secrets-file"), workspace.filePath(QStringLiteral("secrets.json")),
            QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--admin"),        QStringLiteral("0"),
            QStringLiteral("--print-port")};
        {
            QProcess gateway;
            gateway.start(QStringLiteral(GATEHOUSE_GATEWAY_PATH),
                          common + QStringList{QStringLiteral("--tls-cert"), path("a", "crt"),
                                               QStringLiteral("--tls-key"), path("a", "key")});
            QVERIFY(gateway.waitForStarted(10000));
            QByteArray line;
            while (!line.contains('\n') && gateway.waitForReadyRead(10000))
                line += gateway.readAllStandardOutput();
            const quint16 port = quint16(line.trimmed().toUInt());
            if (port == 0)
                QFAIL(gateway.readAllStandardError().constData());
            const TestResponse response =
                httpsRequest(port, m_certificate,
                             "GET /oauth2/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            QVERIFY2(response.status == 405, qPrintable(response.describe()));
            gateway.terminate();
            QVERIFY(gateway.waitForFinished(10000));
        }
        const auto refused = [&](const QStringList& tls, int exitCode, const QByteArray& prefix) {
            QProcess gateway;
            gateway.start(QStringLiteral(GATEHOUSE_GATEWAY_PATH), common + tls);
            QVERIFY(gateway.waitForFinished(20000));
            QCOMPARE(gateway.exitCode(), exitCode);
            QVERIFY(gateway.readAllStandardOutput().isEmpty());
            const QByteArray errors = gateway.readAllStandardError();
            QVERIFY2(errors.startsWith(prefix), errors.constData());
            QVERIFY2(errors.count('\n') == 1 && errors.endsWith('\n'), errors.constData());
        };
        refused(
            {QStringLiteral("--tls-cert"), path("a", "crt"), QStringLiteral("--tls-key"), path("b", "key")},
            1, "gatehouse-gateway: cannot serve TLS with the certificate ");
        refused({QStringLiteral("--tls-cert"), path("a", "crt"), QStringLiteral("--tls-key"),
                 workspace.filePath(QStringLiteral("missing.key"))},
                1, "gatehouse-gateway: cannot read the TLS private key ");
        refused(
            {QStringLiteral("--tls-cert"), path("a", "key"), QStringLiteral("--tls-key"), path("a", "key")},
            1, "gatehouse-gateway: the TLS certificate ");
        refused({QStringLiteral("--tls-cert"), path("a", "crt")}, 2,
                "gatehouse-gateway: --tls-cert and --tls-key");
        // A file for --upstream-ca must hold a certificate: a key alone is refused in one line.
        refused({QStringLiteral("--upstream-ca"), path("a", "key")}, 2,
                "gatehouse-gateway: --upstream-ca: no PEM certificate in ");
    }

private:
    QString path(const char* name, const char* suffix) const {
        return m_dir.filePath(QLatin1String(name) + QLatin1Char('.') + QLatin1String(suffix));
    }

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    std::unique_ptr<GatewayFixture> m_fixture;
    GatewayFixture::Credentials m_app;
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "tst_gatewaytls.moc"
