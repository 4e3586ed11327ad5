#include "gateway/policies/GuardrailPolicy.h"

#include "gateway/policies/GuardrailStreamObserver.h"
#include "gateway/policies/SseEventBuffer.h"
#include "guardrails/GuardrailFactory.h"
#include "guardrails/GuardrailFault.h"

namespace gatehouse {

namespace {

bool isSuccess(int status) {
    return status >= 200 && status < 300;
}

bool bufferStreamParameter(const Json& parameters) {
    const auto it = parameters.find("bufferStream");
    return it != parameters.end() &&
           ((it->is_boolean() && it->get<bool>()) || (it->is_string() && it->get<std::string>() == "true"));
}

} // namespace

PolicyBuildResult GuardrailPolicy::build(const PolicyBuildInput& input) {
    Result<std::shared_ptr<const Guardrail>> guardrail =
        GuardrailFactory::build(input.definition.name, input.attachment.parameters);
    if (!guardrail)
        return PolicyBuildResult::failureOf(guardrail);
    return PolicyBuildResult::success(std::make_shared<GuardrailPolicy>(
        std::move(guardrail.value()), bufferStreamParameter(input.attachment.parameters)));
}

PolicyIntervention GuardrailPolicy::interventionOf(const GuardrailVerdict& verdict,
                                                   GuardrailDirection direction) {
    return {verdict.guardrailName, verdict.kind, directionName(direction)};
}

PolicyAnswer GuardrailPolicy::answerFor(const GuardrailVerdict& verdict, GuardrailDirection direction) {
    if (verdict.failed()) {
        PolicyAnswer answer =
            PolicyAnswer::error(GuardrailFault::internalErrorStatus, GuardrailFault::internalErrorCode,
                                GuardrailFault::internalErrorMessage(verdict.kind), verdict.error);
        answer.intervention = interventionOf(verdict, direction);
        return answer;
    }
    PolicyAnswer answer;
    answer.status = GuardrailFault::interventionStatus;
    answer.headers.set("Content-Type", "application/json");
    answer.body = GuardrailFault::interventionBody(verdict, direction);
    answer.errorCode = GuardrailFault::interventionCode;
    answer.intervention = interventionOf(verdict, direction);
    return answer;
}

GuardrailPolicy::GuardrailPolicy(std::shared_ptr<const Guardrail> guardrail, bool bufferStream)
    : m_guardrail(std::move(guardrail)), m_bufferStream(bufferStream) {
}

std::optional<PolicyAnswer> GuardrailPolicy::onRequest(PolicyRequest& request) const {
    const GuardrailVerdict verdict =
        m_guardrail->evaluate(request.call.payload(request.body), GuardrailDirection::Request);
    if (verdict.outcome == GuardrailVerdict::Outcome::Pass)
        return std::nullopt;
    return answerFor(verdict, GuardrailDirection::Request);
}

std::optional<PolicyAnswer> GuardrailPolicy::onResponseBody(PolicyResponse& response,
                                                            QByteArray& body) const {
    if (!isSuccess(response.status))
        return std::nullopt;
    const GuardrailVerdict verdict =
        response.streamed
            ? m_guardrail->evaluateText(SseEventBuffer::joinedContent(body), GuardrailDirection::Response)
            : m_guardrail->evaluate(GuardrailPayload(body), GuardrailDirection::Response);
    if (verdict.outcome == GuardrailVerdict::Outcome::Pass)
        return std::nullopt;
    return answerFor(verdict, GuardrailDirection::Response);
}

std::unique_ptr<StreamObserver> GuardrailPolicy::observeStream(const PolicyResponse& response) const {
    if (!isSuccess(response.status) || m_bufferStream)
        return nullptr;
    return std::make_unique<GuardrailStreamObserver>(m_guardrail);
}

} // namespace gatehouse
