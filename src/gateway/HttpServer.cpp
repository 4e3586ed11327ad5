#include "HttpServer.h"

#include "HttpHandler.h"
#include "HttpWorker.h"

#include <QTcpServer>
#include <QThread>

namespace gatehouse {

namespace {

// Hands accepted sockets to the server without wrapping them in a QTcpSocket in this thread.
class DescriptorListener final : public QTcpServer {
public:
    DescriptorListener(std::function<void(qintptr)> onAccept, QObject* parent)
        : QTcpServer(parent), m_onAccept(std::move(onAccept)) {}

protected:
    void incomingConnection(qintptr socketDescriptor) override { m_onAccept(socketDescriptor); }

private:
    std::function<void(qintptr)> m_onAccept;
};

} // namespace

HttpServer::HttpServer(HandlerFactory factory, int workerThreads, HttpLimits limits, QObject* parent)
    : QObject(parent), m_factory(std::move(factory)), m_threadCount(qMax(1, workerThreads)), m_limits(limits) {}

HttpServer::~HttpServer() {
    close();
}

void HttpServer::startWorkers() {
    for (int i = 0; i < m_threadCount; ++i) {
        auto* thread = new QThread();
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        auto* worker = new HttpWorker(m_factory, m_limits);
        worker->moveToThread(thread);
        thread->start();
        QMetaObject::invokeMethod(worker, &HttpWorker::start, Qt::BlockingQueuedConnection);
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
}

void HttpServer::stopWorkers() {
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        QMetaObject::invokeMethod(m_workers[i], &HttpWorker::stop, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
        delete m_workers[i]; // its thread has ended: nothing runs in it any more
        delete m_threads[i];
    }
    m_workers.clear();
    m_threads.clear();
}

bool HttpServer::listen(const QHostAddress& address, quint16 port, QString* error) {
    close();
    m_listener = new DescriptorListener([this](qintptr descriptor) { dispatch(descriptor); }, this);
    m_listener->setMaxPendingConnections(1024);
    if (!m_listener->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    startWorkers();
    return true;
}

void HttpServer::close() {
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    stopWorkers();
}

bool HttpServer::isListening() const {
    return m_listener && m_listener->isListening();
}

quint16 HttpServer::port() const {
    return m_listener ? m_listener->serverPort() : 0;
}

QHostAddress HttpServer::address() const {
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

int HttpServer::connectionCount() const {
    int total = 0;
    for (const HttpWorker* worker : m_workers)
        total += worker->connectionCount();
    return total;
}

void HttpServer::dispatch(qintptr socketDescriptor) {
    HttpWorker* worker = m_workers[m_nextWorker++ % m_workers.size()];
    QMetaObject::invokeMethod(worker, [worker, socketDescriptor] { worker->adopt(socketDescriptor); },
                              Qt::QueuedConnection);
}

} // namespace gatehouse
