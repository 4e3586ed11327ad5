#pragma once

#include "core/SemanticRules.h"
#include "guardrails/Guardrail.h"

#include <vector>

namespace gatehouse {

// WSO2's SemanticPromptGuardrail: the text is compared by meaning (cosine similarity of embeddings,
// x 100) with allow and deny prompts; a similarity at or above `threshold` (0-100, default 90) is a
// match. Deny prompts are checked first: a match intervenes. Then allow prompts: a match passes.
// Without a match, only a deny-only rule set lets the text through (WSO2's three modes: DENY_ONLY,
// ALLOW_ONLY, HYBRID). The embeddings come from the workspace's provider, through the gateway's
// policy; this class decides from the similarities.
class SemanticPromptGuardrail final : public Guardrail {
public:
    enum class Mode { DenyOnly, AllowOnly, Hybrid };

    static Result<std::shared_ptr<const Guardrail>> build(const Json& parameters);

    SemanticPromptGuardrail(GuardrailSettings settings, SemanticRules rules, int threshold);

    QString kind() const override { return QStringLiteral("SemanticPromptGuardrail"); }
    QString type() const override { return QStringLiteral("SEMANTIC_PROMPT_GUARD"); }
    QString actionReason() const override;
    // The test bench: the embeddings are asked for when the gateway runs.
    Judgement judge(const QString& text) const override;

    Mode mode() const;
    int threshold() const { return m_threshold; }
    // Every rule prompt in the order they are checked: the deny prompts, then the allow prompts.
    QStringList rulePrompts() const;
    // The judgement for the text's cosine similarity to each of rulePrompts(), in that order.
    Judgement judgeSimilarities(const std::vector<double>& similarities) const;

    static double cosineSimilarity(const std::vector<float>& a, const std::vector<float>& b);
    static constexpr int defaultThreshold = 90;

private:
    SemanticRules m_rules;
    int m_threshold;
};

} // namespace gatehouse
