#include "gateway/policies/HeaderPolicy.h"

namespace gatehouse {

namespace {

QByteArray textParameter(const PolicyAttachment& attachment, const char* name) {
    if (!attachment.parameters.is_object())
        return {};
    const auto it = attachment.parameters.find(name);
    return it != attachment.parameters.end() && it->is_string()
               ? QByteArray::fromStdString(it->get<std::string>())
               : QByteArray();
}

// A CR or LF would split the message the header goes into: the validator refuses these, and the
// gateway never lets one through to the wire whatever the workspace holds.
bool breaksHeaderLine(const QByteArray& text) {
    return text.contains('\r') || text.contains('\n');
}

} // namespace

HeaderPolicy::HeaderPolicy(Action action, QByteArray name, QByteArray value)
    : m_action(action), m_name(std::move(name)), m_value(std::move(value)) {
}

PolicyBuildResult HeaderPolicy::buildAdd(const PolicyBuildInput& input) {
    QByteArray name = textParameter(input.attachment, "headerName");
    QByteArray value = textParameter(input.attachment, "headerValue");
    if (name.isEmpty() || breaksHeaderLine(name) || breaksHeaderLine(value))
        return PolicyBuildResult::failure(QStringLiteral("the header name or value is not valid"));
    return PolicyBuildResult::success(
        std::make_shared<HeaderPolicy>(Action::Set, std::move(name), std::move(value)));
}

PolicyBuildResult HeaderPolicy::buildRemove(const PolicyBuildInput& input) {
    QByteArray name = textParameter(input.attachment, "headerName");
    if (name.isEmpty() || breaksHeaderLine(name))
        return PolicyBuildResult::failure(QStringLiteral("the header name is not valid"));
    return PolicyBuildResult::success(std::make_shared<HeaderPolicy>(Action::Remove, std::move(name)));
}

QString HeaderPolicy::name() const {
    return m_action == Action::Set ? QStringLiteral("addHeader") : QStringLiteral("removeHeader");
}

void HeaderPolicy::apply(HttpHeaders& headers) const {
    if (m_action == Action::Set)
        headers.set(m_name, m_value);
    else
        headers.remove(m_name);
}

std::optional<PolicyAnswer> HeaderPolicy::onRequest(PolicyRequest& request) const {
    apply(request.headers);
    return std::nullopt;
}

void HeaderPolicy::onResponseHeaders(PolicyResponse& response) const {
    apply(response.headers);
}

void HeaderPolicy::onFault(HttpHeaders& headers) const {
    apply(headers);
}

} // namespace gatehouse
