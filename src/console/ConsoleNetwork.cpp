#include "console/ConsoleNetwork.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace gatehouse {

bool ConsoleNetwork::isLoopbackHost(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

void ConsoleNetwork::bypassProxyForLoopback(QNetworkAccessManager& manager, const QUrl& url) {
    if (isLoopbackHost(url.host()))
        manager.setProxy(QNetworkProxy::NoProxy);
    else
        manager.setProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
}

} // namespace gatehouse
