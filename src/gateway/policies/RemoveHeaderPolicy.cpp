#include "gateway/policies/RemoveHeaderPolicy.h"

#include "gateway/policies/HeaderParameters.h"

namespace gatehouse {

RemoveHeaderPolicy::RemoveHeaderPolicy(QByteArray name) : m_name(std::move(name)) {
}

PolicyBuildResult RemoveHeaderPolicy::build(const PolicyBuildInput& input) {
    QByteArray name = headerParameter(input.attachment, "headerName");
    if (name.isEmpty() || breaksHeaderLine(name))
        return PolicyBuildResult::failure(QStringLiteral("the header name is not valid"));
    return PolicyBuildResult::success(std::make_shared<RemoveHeaderPolicy>(std::move(name)));
}

QString RemoveHeaderPolicy::name() const {
    return QStringLiteral("removeHeader");
}

std::optional<PolicyAnswer> RemoveHeaderPolicy::onRequest(PolicyRequest& request) const {
    request.headers.remove(m_name);
    return std::nullopt;
}

void RemoveHeaderPolicy::onResponseHeaders(PolicyResponse& response) const {
    response.headers.remove(m_name);
}

void RemoveHeaderPolicy::onFault(HttpHeaders& headers) const {
    headers.remove(m_name);
}

} // namespace gatehouse
