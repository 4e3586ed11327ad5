#pragma once

#include "gateway/HttpLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace gatehouse {

class HttpHandler;
class HttpWorker;
class TcpListener;

// An HTTP/1.1 server with one event loop per worker thread. The listening socket lives in the
// thread that owns the server; each accepted connection is handed to a worker (round robin) and
// stays there, with that worker's handler, for its whole life. At most limits.maxConnections are
// served at once; the ones beyond get a 503 instead of a refused connect. Optionally HTTPS.
class HttpServer : public QObject {
    Q_OBJECT
public:
    using HandlerFactory = std::function<std::unique_ptr<HttpHandler>()>;

    // `factory` is called once in each worker thread.
    HttpServer(HandlerFactory factory, int workerThreads, HttpLimits limits = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    // Serve HTTPS: each accepted connection is wrapped in a QSslSocket in server mode with this
    // configuration (certificate chain and private key set; see TlsCredentials). Before listen().
    void setTlsConfiguration(const QSslConfiguration& configuration);
    bool isEncrypted() const { return m_tls.has_value(); }

    bool listen(const QHostAddress& address, quint16 port, QString* error);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    int workerCount() const { return int(m_workers.size()); }
    // Open inbound connections across all workers, those answered 503 over the limit included.
    int connectionCount() const;
    const HttpLimits& limits() const { return m_limits; }

private:
    void startWorkers();
    void stopWorkers();
    void dispatch(qintptr socketDescriptor);

    HandlerFactory m_factory;
    int m_threadCount;
    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    // Admitted connections, counted up in the acceptor's thread (where admission is decided) and down
    // by the workers when they close.
    std::atomic<int> m_admitted{0};
    TcpListener* m_listener = nullptr;
    std::vector<QThread*> m_threads;
    std::vector<HttpWorker*> m_workers;
    std::size_t m_nextWorker = 0; // used in the acceptor's thread only
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace gatehouse
