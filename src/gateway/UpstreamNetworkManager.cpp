#include "gateway/UpstreamNetworkManager.h"

#include "gateway/PooledHttpReply.h"
#include "gateway/UpstreamConnectionPool.h"

#include <QNetworkProxy>

namespace gatehouse {

namespace {
QByteArray methodOf(QNetworkAccessManager::Operation operation, const QNetworkRequest& request) {
    switch (operation) {
    case QNetworkAccessManager::HeadOperation:
        return QByteArrayLiteral("HEAD");
    case QNetworkAccessManager::GetOperation:
        return QByteArrayLiteral("GET");
    case QNetworkAccessManager::PutOperation:
        return QByteArrayLiteral("PUT");
    case QNetworkAccessManager::PostOperation:
        return QByteArrayLiteral("POST");
    case QNetworkAccessManager::DeleteOperation:
        return QByteArrayLiteral("DELETE");
    case QNetworkAccessManager::CustomOperation:
        return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    case QNetworkAccessManager::UnknownOperation:
        break;
    }
    return {};
}
} // namespace

UpstreamNetworkManager::UpstreamNetworkManager(QObject* parent)
    : QNetworkAccessManager(parent), m_connections(new UpstreamConnectionPool(this)),
      // Asked once: with a system proxy factory, each applicationProxy() call is a round trip to
      // Qt's proxy-resolver thread, which cost more than the rest of a request.
      m_plainHttpDirect(QNetworkProxy::applicationProxy().type() == QNetworkProxy::NoProxy) {
    setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a gateway passes redirects on
}

UpstreamNetworkManager::~UpstreamNetworkManager() = default;

bool UpstreamNetworkManager::servesDirectly(const QNetworkRequest& request) const {
    const QNetworkProxy::ProxyType proxyType = proxy().type();
    const bool direct =
        proxyType == QNetworkProxy::DefaultProxy ? m_plainHttpDirect : proxyType == QNetworkProxy::NoProxy;
    return direct && request.url().scheme() == QLatin1String("http");
}

QNetworkReply* UpstreamNetworkManager::send(const QNetworkRequest& request, const QByteArray& method,
                                            const QByteArray& body) {
    if (!servesDirectly(request))
        return sendCustomRequest(request, method, body);
    return new PooledHttpReply(m_connections, request, method, body, this);
}

QNetworkReply* UpstreamNetworkManager::createRequest(Operation operation, const QNetworkRequest& request,
                                                     QIODevice* outgoingData) {
    const QByteArray method = methodOf(operation, request);
    if (method.isEmpty() || !servesDirectly(request))
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    // QNAM hands the body over as a device (a buffer for in-memory bodies): it is read here, at once.
    const QByteArray body = outgoingData ? outgoingData->readAll() : QByteArray();
    return new PooledHttpReply(m_connections, request, method, body, this);
}

} // namespace gatehouse
