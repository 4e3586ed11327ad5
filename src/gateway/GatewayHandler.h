#pragma once

#include "gateway/HttpHandler.h"
#include "gateway/VerifiedTokenCache.h"

#include <memory>

namespace gatehouse {

class GatewayRuntime;
class HttpExchange;
class UpstreamPool;

// The gateway's request pipeline, one instance per worker thread: token endpoint, routing,
// authentication, subscription and quota checks, then a ProxyCall for the upstream part.
class GatewayHandler final : public HttpHandler {
public:
    explicit GatewayHandler(std::shared_ptr<GatewayRuntime> runtime);
    ~GatewayHandler() override;

    void handle(HttpExchange* exchange) override;

private:
    std::shared_ptr<GatewayRuntime> m_runtime;
    std::unique_ptr<UpstreamPool> m_pool;
    VerifiedTokenCache m_tokens;
};

} // namespace gatehouse
