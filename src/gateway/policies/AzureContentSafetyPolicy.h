#pragma once

#include "gateway/policies/PolicyRegistry.h"
#include "guardrails/AzureContentSafetyGuardrail.h"

namespace gatehouse {

// AzureContentSafetyContentModeration in the gateway: the text goes to the workspace's Azure AI
// Content Safety resource (POST {endpoint}/contentsafety/text:analyze, key in the
// Ocp-Apim-Subscription-Key header) while the call waits; the worker serves others meanwhile. A
// service that fails or does not answer within 10 s is the guardrail's internal error (900967),
// unless passthroughOnError lets the call through. Streamed answers are held whole until judged.
class AzureContentSafetyPolicy final : public GatewayPolicy {
public:
    static constexpr int timeoutMs = 10000;

    static PolicyBuildResult build(const PolicyBuildInput& input);

    AzureContentSafetyPolicy(std::shared_ptr<const AzureContentSafetyGuardrail> guardrail, QString endpoint,
                             QByteArray key);

    QString name() const override { return QStringLiteral("AzureContentSafetyContentModeration"); }
    bool decidesAsynchronously() const override { return true; }
    bool inspectsWholeResponse() const override { return true; }
    bool holdsStream() const override { return true; }
    void decideRequest(PolicyRequest& request, PolicyDecision done) const override;
    void decideResponse(PolicyResponse& response, const QByteArray& body, PolicyDecision done) const override;

private:
    void moderate(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
                  PolicyDecision done) const;
    void decide(const Guardrail::Judgement& judgement, GuardrailDirection direction,
                const PolicyDecision& done) const;

    std::shared_ptr<const AzureContentSafetyGuardrail> m_guardrail;
    QString m_endpoint;
    QByteArray m_key;
};

} // namespace gatehouse
