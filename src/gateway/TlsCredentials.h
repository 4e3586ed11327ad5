#pragma once

#include <QSslConfiguration>
#include <QString>
#include <optional>

namespace gatehouse {

// The certificate chain and private key of an HTTPS listener, read from PEM files. OpenSSL checks
// that a key belongs to its certificate only when it builds a context, which Qt does at the first
// handshake; load() builds one at once, so a wrong pair fails at start with one line instead of
// failing every client later.
class TlsCredentials {
public:
    static std::optional<QSslConfiguration> load(const QString& certificateFile, const QString& keyFile,
                                                 QString* error);
};

} // namespace gatehouse
