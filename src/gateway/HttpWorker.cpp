#include "gateway/HttpWorker.h"

#include "gateway/HttpHandler.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <unistd.h>

namespace gatehouse {

HttpWorker::HttpWorker(std::function<std::unique_ptr<HttpHandler>()> factory, HttpLimits limits,
                       std::atomic<int>* admitted, std::optional<QSslConfiguration> tls)
    : m_factory(std::move(factory)), m_limits(limits), m_admitted(admitted), m_tls(std::move(tls)) {
}

HttpWorker::~HttpWorker() = default;

void HttpWorker::start() {
    m_handler = m_factory();
}

void HttpWorker::adopt(qintptr socketDescriptor, HttpConnection::Admission admission) {
    const bool admitted = admission == HttpConnection::Admission::Admitted;
    QTcpSocket* socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        ::close(int(socketDescriptor));
        if (admitted)
            --*m_admitted;
        return;
    }
    auto* connection = new HttpConnection(socket, m_handler.get(), m_limits, this, admission);
    ++m_connections;
    connect(connection, &HttpConnection::closed, this, [this, admitted] {
        --m_connections;
        if (admitted)
            --*m_admitted;
    });
    if (m_tls) {
        // After the connection is listening to the socket: a failed handshake (a plain-HTTP client,
        // say) reaches it as an error and closes the connection; the handshake's time counts
        // against the header timeout.
        auto* tlsSocket = static_cast<QSslSocket*>(socket);
        tlsSocket->setSslConfiguration(*m_tls);
        tlsSocket->startServerEncryption();
    }
}

void HttpWorker::stop() {
    // Connections (and their exchanges and upstream calls) go before the handler they use.
    const auto children = findChildren<HttpConnection*>(QString(), Qt::FindDirectChildrenOnly);
    for (HttpConnection* connection : children)
        delete connection;
    m_connections = 0;
    m_handler.reset();
}

} // namespace gatehouse
