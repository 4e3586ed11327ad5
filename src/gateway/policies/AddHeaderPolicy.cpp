#include "gateway/policies/AddHeaderPolicy.h"

#include "gateway/policies/HeaderParameters.h"

namespace gatehouse {

AddHeaderPolicy::AddHeaderPolicy(QByteArray name, QByteArray value)
    : m_name(std::move(name)), m_value(std::move(value)) {
}

PolicyBuildResult AddHeaderPolicy::build(const PolicyBuildInput& input) {
    QByteArray name = headerParameter(input.attachment, "headerName");
    QByteArray value = headerParameter(input.attachment, "headerValue");
    if (name.isEmpty() || breaksHeaderLine(name) || breaksHeaderLine(value))
        return PolicyBuildResult::failure(QStringLiteral("the header name or value is not valid"));
    return PolicyBuildResult::success(std::make_shared<AddHeaderPolicy>(std::move(name), std::move(value)));
}

QString AddHeaderPolicy::name() const {
    return QStringLiteral("addHeader");
}

std::optional<PolicyAnswer> AddHeaderPolicy::onRequest(PolicyRequest& request) const {
    request.headers.set(m_name, m_value);
    return std::nullopt;
}

void AddHeaderPolicy::onResponseHeaders(PolicyResponse& response) const {
    response.headers.set(m_name, m_value);
}

void AddHeaderPolicy::onFault(HttpHeaders& headers) const {
    headers.set(m_name, m_value);
}

} // namespace gatehouse
