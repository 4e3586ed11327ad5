#pragma once

#include "gateway/policies/PolicyRegistry.h"
#include "gateway/policies/RemoteGuardrailPolicy.h"
#include "guardrails/AzureContentSafetyGuardrail.h"

namespace gatehouse {

// AzureContentSafetyContentModeration in the gateway: the text goes to the workspace's Azure AI
// Content Safety resource (POST {endpoint}/contentsafety/text:analyze, key in the
// Ocp-Apim-Subscription-Key header) while the call waits; the worker serves others meanwhile. A
// service that fails or does not answer within 10 s is the guardrail's internal error (900967),
// unless passthroughOnError lets the call through. Streamed answers are held whole until judged.
class AzureContentSafetyPolicy final : public RemoteGuardrailPolicy {
public:
    static constexpr int timeoutMs = 10000;

    static PolicyBuildResult build(const PolicyBuildInput& input);

    AzureContentSafetyPolicy(std::shared_ptr<const AzureContentSafetyGuardrail> guardrail, QString endpoint,
                             QByteArray key);

protected:
    void check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
               PolicyDecision done) const override;

private:
    void decide(const Guardrail::Judgement& judgement, GuardrailDirection direction,
                const PolicyDecision& done) const;

    std::shared_ptr<const AzureContentSafetyGuardrail> m_guardrail;
    QString m_endpoint;
    QByteArray m_key;
};

} // namespace gatehouse
