#include "HttpWorker.h"

#include "HttpConnection.h"
#include "HttpHandler.h"

#include <QTcpSocket>
#include <unistd.h>

namespace gatehouse {

HttpWorker::HttpWorker(std::function<std::unique_ptr<HttpHandler>()> factory, HttpLimits limits)
    : m_factory(std::move(factory)), m_limits(limits) {
}

HttpWorker::~HttpWorker() = default;

void HttpWorker::start() {
    m_handler = m_factory();
}

void HttpWorker::adopt(qintptr socketDescriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        ::close(int(socketDescriptor));
        return;
    }
    auto* connection = new HttpConnection(socket, m_handler.get(), m_limits, this);
    ++m_connections;
    connect(connection, &HttpConnection::closed, this, [this] { --m_connections; });
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
