#pragma once

#include "gateway/policies/GatewayPolicy.h"
#include "gateway/policies/SseEventBuffer.h"
#include "guardrails/Guardrail.h"

namespace gatehouse {

// A response guardrail on a streamed answer, checking as it flows: the events pass on at once, while
// the text they add is judged as it grows (a deny-list match or a passed maximum stops the stream
// there) and as a whole at the end. The provider's final event ("data: [DONE]") is held back until the
// whole-text verdict, so a violation can still end the stream with one event carrying WSO2's 900514
// body, then "data: [DONE]"; the upstream call is aborted.
class GuardrailStreamObserver final : public StreamObserver {
public:
    explicit GuardrailStreamObserver(std::shared_ptr<const Guardrail> guardrail);

    std::optional<PolicyIntervention> onChunk(QByteArray& chunk) override;
    std::optional<PolicyIntervention> onEnd(QByteArray& tail) override;

    // The events that end a stream a guardrail stopped.
    static QByteArray stopEvents(const GuardrailVerdict& verdict);

private:
    std::optional<PolicyIntervention> stop(const GuardrailVerdict& verdict, QByteArray& out);

    std::shared_ptr<const Guardrail> m_guardrail;
    SseEventBuffer m_events;
    QString m_text;
    qsizetype m_checkedLength = 0;
    QByteArray m_heldDone;
};

} // namespace gatehouse
