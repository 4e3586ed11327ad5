#include "gateway/TlsCredentials.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse {

namespace {

// Starts server encryption on one end of a socket pair, which makes Qt build the OpenSSL context
// (certificate and key loaded and checked against each other) and report a failure synchronously.
// Empty when the context was built, or when it could not be tried (the first handshake will tell).
QString contextProblem(const QSslConfiguration& configuration) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return {};
    QString problem;
    {
        QSslSocket socket;
        if (socket.setSocketDescriptor(pair[0])) {
            QObject::connect(&socket, &QSslSocket::errorOccurred, &socket, [&](QAbstractSocket::SocketError) {
                if (problem.isEmpty())
                    problem = socket.errorString(); // the first error names the cause
            });
            socket.setSslConfiguration(configuration);
            socket.startServerEncryption();
            socket.abort();
        } else {
            ::close(pair[0]);
        }
    }
    ::close(pair[1]);
    return problem;
}

QSslKey readPrivateKey(const QByteArray& pem) {
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

std::optional<QSslConfiguration> TlsCredentials::load(const QString& certificateFile, const QString& keyFile,
                                                      QString* error) {
    const auto fail = [error](const QString& message) -> std::optional<QSslConfiguration> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!QSslSocket::supportsSsl())
        return fail(QStringLiteral("TLS is not available: Qt found no usable OpenSSL library (libssl3)"));
    QFile certificate(certificateFile);
    if (!certificate.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the TLS certificate %1: %2")
                        .arg(certificateFile, certificate.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificate.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return fail(QStringLiteral("the TLS certificate %1 holds no PEM certificate").arg(certificateFile));
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the TLS private key %1: %2").arg(keyFile, key.errorString()));
    const QSslKey privateKey = readPrivateKey(key.readAll());
    if (privateKey.isNull())
        return fail(
            QStringLiteral("the TLS private key %1 holds no unencrypted PEM private key (RSA, EC or DSA)")
                .arg(keyFile));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(privateKey);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove who they are with tokens
    const QString problem = contextProblem(configuration);
    if (!problem.isEmpty())
        return fail(QStringLiteral("cannot serve TLS with the certificate %1 and the private key %2: %3")
                        .arg(certificateFile, keyFile, problem.simplified()));
    return configuration;
}

} // namespace gatehouse
