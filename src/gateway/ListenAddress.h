#pragma once

#include <QHostAddress>
#include <QString>
#include <optional>

namespace gatehouse {

// "127.0.0.1:8280", "[::1]:0", "localhost:8080", ":8280" (loopback) as given to --listen.
struct ListenAddress {
    QHostAddress host{QHostAddress::LocalHost}; // nothing reachable from other machines unless asked
    quint16 port = 0;

    bool isLoopback() const { return host.isLoopback(); }
    QString toString() const;
    static std::optional<ListenAddress> parse(const QString& text, QString* error);
};

} // namespace gatehouse
