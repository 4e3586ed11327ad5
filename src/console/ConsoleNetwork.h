#pragma once

#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace gatehouse {

// Network set-up shared by the console's clients.
class ConsoleNetwork {
public:
    // "localhost", 127.0.0.0/8 or ::1.
    static bool isLoopbackHost(const QString& host);
    // A system or environment proxy must not see calls to the local gateway: it would add latency
    // to every measurement, or fail them outright.
    static void bypassProxyForLoopback(QNetworkAccessManager& manager, const QUrl& url);
};

} // namespace gatehouse
