#include "gateway/policies/UrlGuardrailPolicy.h"

#include "gateway/policies/GuardrailPolicy.h"
#include "gateway/policies/SseEventBuffer.h"
#include "gateway/policies/UrlCheck.h"

namespace gatehouse {

PolicyBuildResult UrlGuardrailPolicy::build(const PolicyBuildInput& input) {
    Result<std::shared_ptr<const Guardrail>> built = UrlGuardrail::build(input.attachment.parameters);
    if (!built)
        return PolicyBuildResult::failureOf(built);
    return PolicyBuildResult::success(std::make_shared<UrlGuardrailPolicy>(
        std::static_pointer_cast<const UrlGuardrail>(std::move(built.value()))));
}

UrlGuardrailPolicy::UrlGuardrailPolicy(std::shared_ptr<const UrlGuardrail> guardrail)
    : m_guardrail(std::move(guardrail)) {
}

void UrlGuardrailPolicy::check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
                               PolicyDecision done) const {
    if (!text) {
        Guardrail::Judgement failed;
        failed.error = text.error();
        done(GuardrailPolicy::answerFor(m_guardrail->verdictOf(failed, direction), direction));
        return;
    }
    const QStringList urls = UrlGuardrail::urlsIn(text.value());
    if (urls.size() > UrlGuardrail::maxUrls) {
        done(GuardrailPolicy::answerFor(m_guardrail->evaluateText(text.value(), direction), direction));
        return;
    }
    auto finished = [guardrail = m_guardrail, direction, done](const QStringList& invalid) {
        Guardrail::Judgement judgement;
        judgement.passes = invalid.isEmpty();
        judgement.assessment = UrlGuardrail::assessmentFor(invalid);
        const GuardrailVerdict verdict = guardrail->verdictOf(judgement, direction);
        done(verdict.outcome == GuardrailVerdict::Outcome::Pass
                 ? std::nullopt
                 : std::optional<PolicyAnswer>(GuardrailPolicy::answerFor(verdict, direction)));
    };
    // Owned by the call: a client that leaves takes the check (and its callback) along.
    (new UrlCheck(urls, m_guardrail->onlyDns(), m_guardrail->timeoutMs(), std::move(finished), owner))
        ->start();
}

void UrlGuardrailPolicy::decideRequest(PolicyRequest& request, PolicyDecision done) const {
    check(m_guardrail->inspectedText(request.call.payload(request.body), GuardrailDirection::Request),
          GuardrailDirection::Request, request.owner, std::move(done));
}

void UrlGuardrailPolicy::decideResponse(PolicyResponse& response, const QByteArray& body,
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
