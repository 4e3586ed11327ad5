#include "gateway/HttpServer.h"

#include "gateway/EpollEventDispatcher.h"
#include "gateway/HttpHandler.h"
#include "gateway/HttpWorker.h"
#include "gateway/TcpListener.h"

#include <QThread>

namespace gatehouse {

namespace {
// The kernel's accept queue: with a short one (QTcpServer's default is 50), a burst of hundreds of
// connects overflows it and clients wait for SYN retransmits (a second or more).
constexpr int listenBacklog = 4096;
} // namespace

HttpServer::HttpServer(HandlerFactory factory, int workerThreads, HttpLimits limits, QObject* parent)
    : QObject(parent), m_factory(std::move(factory)), m_threadCount(qMax(1, workerThreads)),
      m_limits(limits) {
}

HttpServer::~HttpServer() {
    close();
}

void HttpServer::setTlsConfiguration(const QSslConfiguration& configuration) {
    m_tls = configuration;
}

void HttpServer::startWorkers() {
    m_admitted = 0;
    for (int i = 0; i < m_threadCount; ++i) {
        auto* thread = new QThread();
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        // epoll instead of glib's poll loop: see EpollEventDispatcher (the thread owns it).
        thread->setEventDispatcher(new EpollEventDispatcher());
        auto* worker = new HttpWorker(m_factory, m_limits, &m_admitted, m_tls);
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
    startWorkers();
    // The listening socket lives in the first worker's thread, not the owner's: a busy GUI thread
    // must never delay accepting connections.
    HttpWorker* acceptor = m_workers.front();
    bool listening = false;
    QMetaObject::invokeMethod(
        acceptor,
        [&] {
            m_listener = new TcpListener([this](qintptr descriptor) { dispatch(descriptor); }, acceptor);
            QString reason;
            listening = m_listener->listen(address, port, listenBacklog, &reason);
            if (listening) {
                m_address = m_listener->address();
                m_port = m_listener->port();
            } else {
                if (error)
                    *error = QStringLiteral("cannot listen on %1:%2: %3")
                                 .arg(address.toString())
                                 .arg(port)
                                 .arg(reason);
                delete m_listener;
                m_listener = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    if (!listening)
        stopWorkers();
    return listening;
}

void HttpServer::close() {
    if (m_listener) {
        QMetaObject::invokeMethod(
            m_listener,
            [this] {
                delete m_listener;
                m_listener = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    m_port = 0;
    stopWorkers();
}

bool HttpServer::isListening() const {
    return m_port != 0;
}

quint16 HttpServer::port() const {
    return m_port;
}

QHostAddress HttpServer::address() const {
    return m_address;
}

int HttpServer::connectionCount() const {
    int total = 0;
    for (const HttpWorker* worker : m_workers)
        total += worker->connectionCount();
    return total;
}

void HttpServer::dispatch(qintptr socketDescriptor) {
    // Runs in the acceptor's thread, the only one that counts admissions up: the limit is exact.
    HttpConnection::Admission admission = HttpConnection::Admission::OverCapacity;
    if (m_admitted.load() < m_limits.maxConnections) {
        ++m_admitted;
        admission = HttpConnection::Admission::Admitted;
    }
    HttpWorker* worker = m_workers[m_nextWorker++ % m_workers.size()];
    if (worker == m_workers.front()) {
        worker->adopt(socketDescriptor, admission);
        return;
    }
    QMetaObject::invokeMethod(
        worker, [worker, socketDescriptor, admission] { worker->adopt(socketDescriptor, admission); },
        Qt::QueuedConnection);
}

} // namespace gatehouse
