#pragma once

#include "HttpLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

class QTcpServer;
class QThread;

namespace gatehouse {

class HttpHandler;
class HttpWorker;

// An HTTP/1.1 server with one event loop per worker thread. The listening socket lives in the
// thread that owns the server; each accepted connection is handed to a worker (round robin) and
// stays there, with that worker's handler, for its whole life.
class HttpServer : public QObject {
    Q_OBJECT
public:
    using HandlerFactory = std::function<std::unique_ptr<HttpHandler>()>;

    // `factory` is called once in each worker thread.
    HttpServer(HandlerFactory factory, int workerThreads, HttpLimits limits = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress& address, quint16 port, QString* error);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    int workerCount() const { return int(m_workers.size()); }
    // Open inbound connections across all workers.
    int connectionCount() const;

private:
    void startWorkers();
    void stopWorkers();
    void dispatch(qintptr socketDescriptor);

    HandlerFactory m_factory;
    int m_threadCount;
    HttpLimits m_limits;
    QTcpServer* m_listener = nullptr;
    std::vector<QThread*> m_threads;
    std::vector<HttpWorker*> m_workers;
    std::size_t m_nextWorker = 0; // used in the acceptor's thread only
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace gatehouse
