#include "gateway/policies/SemanticPromptGuardPolicy.h"

namespace gatehouse {

PolicyBuildResult SemanticPromptGuardPolicy::build(const PolicyBuildInput& input) {
    Result<std::shared_ptr<const Guardrail>> built =
        SemanticPromptGuardrail::build(input.attachment.parameters);
    if (!built)
        return PolicyBuildResult::failureOf(built);
    if (!input.providers || !input.providers->embeddings.isConfigured())
        return PolicyBuildResult::failure(
            QStringLiteral("no embedding provider is configured for this workspace (gatehouse-ctl embeddings "
                           "--endpoint URL)"));
    return PolicyBuildResult::success(std::make_shared<SemanticPromptGuardPolicy>(
        std::static_pointer_cast<const SemanticPromptGuardrail>(std::move(built.value())),
        input.providers->embeddings));
}

SemanticPromptGuardPolicy::SemanticPromptGuardPolicy(std::shared_ptr<const SemanticPromptGuardrail> guardrail,
                                                     EmbeddingProvider provider)
    : RemoteGuardrailPolicy(guardrail), m_guardrail(std::move(guardrail)), m_provider(std::move(provider)),
      m_rules(std::make_shared<RuleVectors>()) {
}

void SemanticPromptGuardPolicy::check(const Result<QString>& text, GuardrailDirection direction,
                                      QObject* owner, PolicyDecision done) const {
    if (!text)
        return fail(text.error(), direction, done);
    if (text->trimmed().isEmpty())
        return done(std::nullopt); // nothing to compare: WSO2 lets it pass
    bool rulesKnown = false;
    {
        const std::lock_guard<std::mutex> lock(m_rules->mutex);
        rulesKnown = !m_rules->vectors.empty();
    }
    // The first text travels with the rule prompts, in one call; later texts alone.
    QStringList texts = rulesKnown ? QStringList() : m_guardrail->rulePrompts();
    texts.append(text.value());
    EmbeddingClient::embedAll(m_provider, texts, owner,
                              [this, rules = m_rules, rulesKnown, direction,
                               done](Result<std::vector<std::vector<float>>> vectors) {
                                  if (!vectors)
                                      return fail(vectors.error(), direction, done);
                                  std::vector<std::vector<float>>& all = vectors.value();
                                  if (!rulesKnown) {
                                      const std::lock_guard<std::mutex> lock(rules->mutex);
                                      if (rules->vectors.empty())
                                          rules->vectors.assign(all.begin(), all.end() - 1);
                                  }
                                  judge(all.back(), direction, done);
                              });
}

void SemanticPromptGuardPolicy::judge(const std::vector<float>& text, GuardrailDirection direction,
                                      const PolicyDecision& done) const {
    std::vector<double> similarities;
    {
        const std::lock_guard<std::mutex> lock(m_rules->mutex);
        similarities.reserve(m_rules->vectors.size());
        for (const std::vector<float>& rule : m_rules->vectors)
            similarities.push_back(SemanticPromptGuardrail::cosineSimilarity(rule, text));
    }
    done(answerFor(m_guardrail->judgeSimilarities(similarities), direction));
}

void SemanticPromptGuardPolicy::fail(const QString& error, GuardrailDirection direction,
                                     const PolicyDecision& done) const {
    Guardrail::Judgement judgement;
    judgement.error = error;
    done(answerFor(judgement, direction));
}

} // namespace gatehouse
