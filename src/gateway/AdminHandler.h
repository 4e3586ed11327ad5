#pragma once

#include "gateway/HttpHandler.h"

#include <functional>
#include <memory>

namespace gatehouse {

class GatewayRuntime;
class SharedStateSession;

// The admin listener (loopback only): GET /status (JSON: deployments, counters, suspension table),
// GET /metrics (Prometheus text format), POST /suspensions/readmit {"api","endpoint","model"}. With shared
// state, a readmit reaches every replica.
class AdminHandler final : public HttpHandler {
public:
    explicit AdminHandler(std::shared_ptr<GatewayRuntime> runtime);
    ~AdminHandler() override;
    void handle(HttpExchange* exchange) override;

private:
    void status(HttpExchange* exchange);
    void metrics(HttpExchange* exchange);
    void readmit(HttpExchange* exchange);

    std::shared_ptr<GatewayRuntime> m_runtime;
    std::unique_ptr<SharedStateSession> m_shared;
};

} // namespace gatehouse
