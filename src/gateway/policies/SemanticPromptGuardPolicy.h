#pragma once

#include "gateway/EmbeddingClient.h"
#include "gateway/policies/PolicyRegistry.h"
#include "gateway/policies/RemoteGuardrailPolicy.h"
#include "guardrails/SemanticPromptGuardrail.h"

#include <memory>
#include <mutex>

namespace gatehouse {

// SemanticPromptGuardrail in the gateway: the rule prompts are embedded once (with the first text the
// guardrail judges, in one call to the workspace's embedding provider) and kept; after that each
// text costs one embeddings call while the call waits and the worker serves others. A provider that
// fails is the guardrail's internal error (900967). Streamed answers are held whole until judged.
class SemanticPromptGuardPolicy final : public RemoteGuardrailPolicy {
public:
    static PolicyBuildResult build(const PolicyBuildInput& input);

    SemanticPromptGuardPolicy(std::shared_ptr<const SemanticPromptGuardrail> guardrail,
                              EmbeddingProvider provider);

protected:
    void check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
               PolicyDecision done) const override;

private:
    void judge(const std::vector<float>& text, GuardrailDirection direction,
               const PolicyDecision& done) const;
    void fail(const QString& error, GuardrailDirection direction, const PolicyDecision& done) const;

    std::shared_ptr<const SemanticPromptGuardrail> m_guardrail;
    EmbeddingProvider m_provider;
    // The rule prompts' embeddings, once known; shared by the worker threads.
    struct RuleVectors {
        std::mutex mutex;
        std::vector<std::vector<float>> vectors;
    };
    std::shared_ptr<RuleVectors> m_rules;
};

} // namespace gatehouse
