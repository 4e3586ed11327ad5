#include "mock-llm/MockLlmServer.h"

#include "gateway/HttpServer.h"
#include "mock-llm/MockLlmHandler.h"
#include "mock-llm/MockLlmState.h"

namespace gatehouse {

MockLlmServer::MockLlmServer(int workerThreads, QObject* parent)
    : QObject(parent), m_state(std::make_shared<MockLlmState>()) {
    const std::shared_ptr<MockLlmState> state = m_state;
    HttpLimits limits;
    limits.maxPipelinedRequests = 1024;
    m_server = std::make_unique<HttpServer>([state] { return std::make_unique<MockLlmHandler>(state); },
                                            workerThreads, limits);
}

MockLlmServer::~MockLlmServer() = default;

bool MockLlmServer::listen(const QHostAddress& address, quint16 port, QString* error) {
    return m_server->listen(address, port, error);
}

void MockLlmServer::close() {
    m_server->close();
}

quint16 MockLlmServer::port() const {
    return m_server->port();
}

int MockLlmServer::connectionCount() const {
    return m_server->connectionCount();
}

QString MockLlmServer::baseUrl() const {
    QString host = m_server->address().toString();
    if (m_server->address().protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (m_server->address() == QHostAddress::Any || m_server->address() == QHostAddress::AnyIPv4)
        host = QStringLiteral("127.0.0.1");
    return QStringLiteral("http://%1:%2/v1").arg(host).arg(m_server->port());
}

} // namespace gatehouse
