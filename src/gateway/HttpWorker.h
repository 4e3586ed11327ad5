#pragma once

#include "HttpLimits.h"

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

namespace gatehouse {

class HttpHandler;

// Lives in one worker thread: owns that thread's handler and the connections handed to it.
class HttpWorker : public QObject {
    Q_OBJECT
public:
    HttpWorker(std::function<std::unique_ptr<HttpHandler>()> factory, HttpLimits limits);
    ~HttpWorker() override;

    // Called in the worker thread.
    void start();
    void adopt(qintptr socketDescriptor);
    void stop();

    int connectionCount() const { return m_connections.load(); }

private:
    std::function<std::unique_ptr<HttpHandler>()> m_factory;
    HttpLimits m_limits;
    std::unique_ptr<HttpHandler> m_handler;
    std::atomic<int> m_connections{0};
};

} // namespace gatehouse
