#include "gateway/policies/PromptTemplatePolicy.h"

namespace gatehouse {

PromptTemplatePolicy::PromptTemplatePolicy(QString policyName, PromptTemplates templates)
    : m_policyName(std::move(policyName)), m_templates(std::move(templates)) {
}

PolicyBuildResult PromptTemplatePolicy::build(const PolicyBuildInput& input) {
    const Json& parameters = input.attachment.parameters;
    const Json config = parameters.is_object() ? parameters.value("promptTemplateConfig", Json()) : Json();
    Result<PromptTemplates> templates = PromptTemplates::parse(config);
    if (!templates)
        return PolicyBuildResult::failure(QStringLiteral("promptTemplateConfig %1").arg(templates.error()));
    return PolicyBuildResult::success(
        std::make_shared<PromptTemplatePolicy>(jsonStringMember(parameters, "name"), templates.take()));
}

QString PromptTemplatePolicy::name() const {
    return QStringLiteral("PromptTemplate");
}

std::optional<PolicyAnswer> PromptTemplatePolicy::onRequest(PolicyRequest& request) const {
    if (!PromptTemplates::mayHoldReference(request.body))
        return std::nullopt;
    Json document = Json::parse(request.body.cbegin(), request.body.cend(), nullptr, false);
    if (document.is_discarded())
        return std::nullopt; // not JSON: not a prompt this policy can fill; the upstream says what it is
    bool changed = false;
    if (const Status status = m_templates.expandAll(document, &changed); !status)
        return PolicyAnswer::error(400, QStringLiteral("102511"), QStringLiteral("Invalid request payload"),
                                   m_policyName.isEmpty()
                                       ? status.error()
                                       : QStringLiteral("%1: %2").arg(m_policyName, status.error()));
    if (changed)
        request.body = QByteArray::fromStdString(dumpCompact(document));
    return std::nullopt;
}

} // namespace gatehouse
