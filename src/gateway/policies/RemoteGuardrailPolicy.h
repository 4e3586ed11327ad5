#pragma once

#include "gateway/policies/GatewayPolicy.h"
#include "guardrails/Guardrail.h"

namespace gatehouse {

// A guardrail that must ask the network before it decides (URLGuardrail's lookups, Azure AI Content
// Safety): it selects the text as every guardrail does, then decides asynchronously, so that the call
// waits and the worker does not. Non-2xx answers are left alone (as WSO2 does) and streamed answers are
// held whole, since a partial text cannot be sent off for judgement.
class RemoteGuardrailPolicy : public GatewayPolicy {
public:
    explicit RemoteGuardrailPolicy(std::shared_ptr<const Guardrail> guardrail);

    QString name() const override { return m_guardrail->kind(); }
    bool decidesAsynchronously() const override { return true; }
    bool inspectsWholeResponse() const override { return true; }
    bool holdsStream() const override { return true; }
    void decideRequest(PolicyRequest& request, PolicyDecision done) const override;
    void decideResponse(PolicyResponse& response, const QByteArray& body, PolicyDecision done) const override;

protected:
    // Judges `text` (or reports why none could be selected) and calls `done` once, now or later;
    // asynchronous work must be a child of `owner`.
    virtual void check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
                       PolicyDecision done) const = 0;
    // The answer for a judgement made elsewhere: nothing when it passes, else 446 or 900967.
    std::optional<PolicyAnswer> answerFor(const Guardrail::Judgement& judgement,
                                          GuardrailDirection direction) const;

private:
    std::shared_ptr<const Guardrail> m_guardrail;
};

} // namespace gatehouse
