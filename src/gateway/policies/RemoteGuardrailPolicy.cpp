#include "gateway/policies/RemoteGuardrailPolicy.h"

#include "gateway/policies/GuardrailPolicy.h"
#include "gateway/policies/SseEventBuffer.h"

namespace gatehouse {

RemoteGuardrailPolicy::RemoteGuardrailPolicy(std::shared_ptr<const Guardrail> guardrail)
    : m_guardrail(std::move(guardrail)) {
}

std::optional<PolicyAnswer> RemoteGuardrailPolicy::answerFor(const Guardrail::Judgement& judgement,
                                                             GuardrailDirection direction) const {
    const GuardrailVerdict verdict = m_guardrail->verdictOf(judgement, direction);
    if (verdict.outcome == GuardrailVerdict::Outcome::Pass)
        return std::nullopt;
    return GuardrailPolicy::answerFor(verdict, direction);
}

void RemoteGuardrailPolicy::decideRequest(PolicyRequest& request, PolicyDecision done) const {
    check(m_guardrail->inspectedText(request.call.payload(request.body), GuardrailDirection::Request),
          GuardrailDirection::Request, request.owner, std::move(done));
}

void RemoteGuardrailPolicy::decideResponse(PolicyResponse& response, const QByteArray& body,
                                           PolicyDecision done) const {
    if (response.status < 200 || response.status >= 300) {
        done(std::nullopt);
        return;
    }
    const Result<QString> text =
        response.streamed ? Result<QString>::success(SseEventBuffer::joinedContent(body))
                          : m_guardrail->inspectedText(GuardrailPayload(body), GuardrailDirection::Response);
    check(text, GuardrailDirection::Response, response.owner, std::move(done));
}

} // namespace gatehouse
