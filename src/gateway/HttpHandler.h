#pragma once

namespace gatehouse {

class HttpExchange;

// Answers requests. One instance per worker thread, created and used only in that thread, so it may
// keep thread-local state (an upstream connection pool) without locks.
class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    virtual void handle(HttpExchange* exchange) = 0;

protected:
    HttpHandler() = default;
    HttpHandler(const HttpHandler&) = default;
    HttpHandler& operator=(const HttpHandler&) = default;
};

} // namespace gatehouse
