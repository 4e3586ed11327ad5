#include "gateway/policies/GuardrailStreamObserver.h"

#include "gateway/ErrorBody.h"
#include "gateway/policies/GuardrailPolicy.h"
#include "guardrails/GuardrailFault.h"

namespace gatehouse {

GuardrailStreamObserver::GuardrailStreamObserver(std::shared_ptr<const Guardrail> guardrail)
    : m_guardrail(std::move(guardrail)) {
}

QByteArray GuardrailStreamObserver::stopEvents(const GuardrailVerdict& verdict) {
    const QByteArray body = verdict.failed()
                                ? errorBody(GuardrailFault::internalErrorCode,
                                            GuardrailFault::internalErrorMessage(verdict.kind), verdict.error)
                                : GuardrailFault::interventionBody(verdict, GuardrailDirection::Response);
    return SseEventBuffer::event(body) + SseEventBuffer::event("[DONE]");
}

std::optional<PolicyIntervention> GuardrailStreamObserver::stop(const GuardrailVerdict& verdict,
                                                                QByteArray& out) {
    out = stopEvents(verdict);
    return GuardrailPolicy::interventionOf(verdict, GuardrailDirection::Response);
}

std::optional<PolicyIntervention> GuardrailStreamObserver::onChunk(QByteArray& chunk) {
    QByteArray passed;
    for (QByteArray& event : m_events.take(chunk)) {
        if (SseEventBuffer::isDone(event)) {
            m_heldDone += event;
            continue;
        }
        m_text += SseEventBuffer::contentOf(event);
        passed += event;
    }
    // Judging the growing text after every event would cost its square: judge again once it has grown
    // by an eighth (at least 64 characters), which keeps the total linear.
    if (m_text.size() - m_checkedLength >= qMax<qsizetype>(64, m_checkedLength / 8)) {
        m_checkedLength = m_text.size();
        if (m_guardrail->intervenesOnPrefix(m_text)) {
            GuardrailVerdict verdict = m_guardrail->evaluateText(m_text, GuardrailDirection::Response);
            if (verdict.outcome != GuardrailVerdict::Outcome::Pass)
                return stop(verdict, chunk);
        }
    }
    chunk = passed;
    return std::nullopt;
}

std::optional<PolicyIntervention> GuardrailStreamObserver::onEnd(QByteArray& tail) {
    const QByteArray rest = m_events.takeRemainder();
    m_text += SseEventBuffer::contentOf(rest);
    const GuardrailVerdict verdict = m_guardrail->evaluateText(m_text, GuardrailDirection::Response);
    if (verdict.outcome != GuardrailVerdict::Outcome::Pass)
        return stop(verdict, tail);
    tail += rest + m_heldDone;
    return std::nullopt;
}

} // namespace gatehouse
