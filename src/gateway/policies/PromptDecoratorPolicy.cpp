#include "gateway/policies/PromptDecoratorPolicy.h"

#include "guardrails/GuardrailFault.h"

namespace gatehouse {

PromptDecoratorPolicy::PromptDecoratorPolicy(PromptDecoration decoration, JsonPath path, bool append)
    : m_decoration(std::move(decoration)), m_path(std::move(path)), m_append(append) {
}

PolicyBuildResult PromptDecoratorPolicy::build(const PolicyBuildInput& input) {
    const Json& parameters = input.attachment.parameters;
    const Json config = parameters.is_object() ? parameters.value("promptDecoratorConfig", Json()) : Json();
    Result<PromptDecoration> decoration = PromptDecoration::parse(config);
    if (!decoration)
        return PolicyBuildResult::failure(QStringLiteral("promptDecoratorConfig %1").arg(decoration.error()));
    Result<JsonPath> path = JsonPath::compile(jsonStringMember(parameters, "jsonPath"));
    if (!path)
        return PolicyBuildResult::failure(QStringLiteral("jsonPath: %1").arg(path.error()));
    const auto append = parameters.is_object() ? parameters.find("append") : parameters.end();
    const bool appends =
        parameters.is_object() && append != parameters.end() && append->is_boolean() && append->get<bool>();
    return PolicyBuildResult::success(
        std::make_shared<PromptDecoratorPolicy>(decoration.take(), path.take(), appends));
}

QString PromptDecoratorPolicy::name() const {
    return QStringLiteral("PromptDecorator");
}

std::optional<PolicyAnswer> PromptDecoratorPolicy::onRequest(PolicyRequest& request) const {
    const auto fault = [](const QString& description) {
        return PolicyAnswer::error(GuardrailFault::internalErrorStatus, GuardrailFault::internalErrorCode,
                                   GuardrailFault::internalErrorMessage(QStringLiteral("PromptDecorator")),
                                   description);
    };
    Json document = Json::parse(request.body.cbegin(), request.body.cend(), nullptr, false);
    if (document.is_discarded())
        return fault(QStringLiteral("The request body is not JSON"));
    if (const Status status = m_decoration.apply(document, m_path, m_append); !status)
        return fault(status.error());
    request.body = QByteArray::fromStdString(dumpCompact(document));
    return std::nullopt;
}

} // namespace gatehouse
