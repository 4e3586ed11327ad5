#pragma once

namespace gatehouse {

class GatewayConfig;
class HttpExchange;

// POST /oauth2/token on the gateway port: OAuth2 client credentials (HTTP Basic or form
// client_id/client_secret), answering a signed JWT the way WSO2's key manager does.
class TokenEndpoint {
public:
    static void handle(HttpExchange* exchange, const GatewayConfig& config);
};

} // namespace gatehouse
