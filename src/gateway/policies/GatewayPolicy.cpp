#include "gateway/policies/GatewayPolicy.h"

#include "gateway/ErrorBody.h"

namespace gatehouse {

PolicyAnswer PolicyAnswer::error(int status, const QString& code, const QString& message,
                                 const QString& description) {
    PolicyAnswer answer;
    answer.status = status;
    answer.headers.set("Content-Type", "application/json");
    answer.body = errorBody(code, message, description);
    answer.errorCode = code;
    return answer;
}

std::optional<PolicyAnswer> GatewayPolicy::onRequest(PolicyRequest&) const {
    return std::nullopt;
}

void GatewayPolicy::onResponseHeaders(PolicyResponse&) const {
}

bool GatewayPolicy::inspectsWholeResponse() const {
    return false;
}

std::optional<PolicyAnswer> GatewayPolicy::onResponseBody(PolicyResponse&, QByteArray&) const {
    return std::nullopt;
}

std::unique_ptr<StreamObserver> GatewayPolicy::observeStream(const PolicyResponse&) const {
    return nullptr;
}

bool GatewayPolicy::holdsStream() const {
    return false;
}

bool GatewayPolicy::decidesAsynchronously() const {
    return false;
}

void GatewayPolicy::decideRequest(PolicyRequest& request, PolicyDecision done) const {
    done(onRequest(request));
}

void GatewayPolicy::decideResponse(PolicyResponse& response, const QByteArray& body,
                                   PolicyDecision done) const {
    QByteArray copy = body;
    done(onResponseBody(response, copy));
}

void GatewayPolicy::onFault(HttpHeaders&) const {
}

ModelRouter* GatewayPolicy::modelRouter() const {
    return nullptr;
}

const ResponseCachePolicy* GatewayPolicy::responseCache() const {
    return nullptr;
}

const SemanticCachePolicy* GatewayPolicy::semanticCache() const {
    return nullptr;
}

} // namespace gatehouse
