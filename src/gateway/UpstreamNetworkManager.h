#pragma once

#include <QNetworkAccessManager>

namespace gatehouse {

class UpstreamConnectionPool;

// The gateway's upstream client: the QNetworkAccessManager interface, with plain-HTTP requests served
// by PooledHttpReply over this thread's keep-alive connections (no thread hand-off, no six-connection
// cap per host) and everything else (HTTPS with HTTP/2 by ALPN, proxies) by Qt's own backend.
class UpstreamNetworkManager : public QNetworkAccessManager {
    Q_OBJECT
public:
    explicit UpstreamNetworkManager(QObject* parent = nullptr);
    ~UpstreamNetworkManager() override;

    UpstreamConnectionPool* connections() const { return m_connections; }

    // The gateway's own entry point: the same replies as sendCustomRequest(), without the per-request
    // bookkeeping QNetworkAccessManager adds around createRequest() (a QBuffer for the body and
    // string-based signal connections), which cost as much as the pooled reply itself.
    QNetworkReply* send(const QNetworkRequest& request, const QByteArray& method, const QByteArray& body);

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override;

private:
    bool servesDirectly(const QNetworkRequest& request) const;

    UpstreamConnectionPool* m_connections;
    bool m_plainHttpDirect; // no application or system proxy applies to plain HTTP
};

} // namespace gatehouse
