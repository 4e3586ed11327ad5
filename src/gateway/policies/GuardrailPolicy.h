#pragma once

#include "gateway/policies/PolicyRegistry.h"
#include "guardrails/Guardrail.h"

namespace gatehouse {

// A text guardrail (regex, JSON schema, word, sentence and length counts) in the gateway. On the
// request flow it judges the prompt before the upstream is called; on the response flow it holds a
// plain answer back until judged, and checks a streamed one as it flows (or, with the Gatehouse-only
// `bufferStream`, holds the events back so that a violation can still be a 446). WSO2 leaves streams
// and non-2xx answers alone; Gatehouse leaves only the non-2xx answers alone.
class GuardrailPolicy final : public GatewayPolicy {
public:
    static PolicyBuildResult build(const PolicyBuildInput& input);
    // The answer a verdict gives instead of the upstream's: 446 with WSO2's body, or 500 900967.
    static PolicyAnswer answerFor(const GuardrailVerdict& verdict, GuardrailDirection direction);
    static PolicyIntervention interventionOf(const GuardrailVerdict& verdict, GuardrailDirection direction);

    GuardrailPolicy(std::shared_ptr<const Guardrail> guardrail, bool bufferStream);

    QString name() const override { return m_guardrail->kind(); }
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;
    bool inspectsWholeResponse() const override { return true; }
    std::optional<PolicyAnswer> onResponseBody(PolicyResponse& response, QByteArray& body) const override;
    std::unique_ptr<StreamObserver> observeStream(const PolicyResponse& response) const override;
    bool holdsStream() const override { return m_bufferStream; }

private:
    std::shared_ptr<const Guardrail> m_guardrail;
    bool m_bufferStream;
};

} // namespace gatehouse
