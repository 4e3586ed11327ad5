#pragma once

#include "gateway/HttpConnection.h"
#include "gateway/HttpLimits.h"

#include <QObject>
#include <QSslConfiguration>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace gatehouse {

class HttpHandler;

// Lives in one worker thread: owns that thread's handler and the connections handed to it.
class HttpWorker : public QObject {
    Q_OBJECT
public:
    // `admitted` counts the server's admitted connections across workers; a worker counts down the
    // ones it was given when they close. `tls`: serve HTTPS with this server configuration.
    HttpWorker(std::function<std::unique_ptr<HttpHandler>()> factory, HttpLimits limits,
               std::atomic<int>* admitted, std::optional<QSslConfiguration> tls);
    ~HttpWorker() override;

    // Called in the worker thread.
    void start();
    void adopt(qintptr socketDescriptor, HttpConnection::Admission admission);
    void stop();

    int connectionCount() const { return m_connections.load(); }

private:
    std::function<std::unique_ptr<HttpHandler>()> m_factory;
    HttpLimits m_limits;
    std::atomic<int>* m_admitted;
    std::optional<QSslConfiguration> m_tls;
    std::unique_ptr<HttpHandler> m_handler;
    std::atomic<int> m_connections{0};
};

} // namespace gatehouse
