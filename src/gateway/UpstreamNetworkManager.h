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

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override;

private:
    UpstreamConnectionPool* m_connections;
    bool m_plainHttpDirect; // no application or system proxy applies to plain HTTP
};

} // namespace gatehouse
