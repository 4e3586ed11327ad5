#include "gateway/policies/SemanticRoutingPolicy.h"

#include "gateway/RuntimeApi.h"
#include "guardrails/SemanticPromptGuardrail.h"

namespace gatehouse {

namespace {
int stageIndex(Stage stage) {
    return stage == Stage::Sandbox ? 1 : 0;
}

QStringList utterancesOf(const SemanticRoutingConfig::StageConfig& stage) {
    QStringList all;
    for (const SemanticRoutingConfig::Route& route : stage.routes)
        all += route.utterances;
    return all;
}

} // namespace

PolicyBuildResult SemanticRoutingPolicy::build(const PolicyBuildInput& input) {
    const Json& parameters = input.attachment.parameters;
    const Json value = parameters.is_object() ? parameters.value("semanticRoutingConfigs", Json()) : Json();
    Result<SemanticRoutingConfig> config = SemanticRoutingConfig::parse(value);
    if (!config)
        return PolicyBuildResult::failure(QStringLiteral("semanticRoutingConfigs %1").arg(config.error()));
    if (!input.providers || !input.providers->embeddings.isConfigured())
        return PolicyBuildResult::failure(
            QStringLiteral("no embedding provider is configured for this workspace (gatehouse-ctl embeddings "
                           "--endpoint URL)"));
    Result<JsonPath> path = JsonPath::compile(config->contentPath);
    if (!path)
        return PolicyBuildResult::failure(QStringLiteral("path.contentpath: %1").arg(path.error()));
    return PolicyBuildResult::success(
        std::make_shared<SemanticRoutingPolicy>(config.take(), path.take(), input.providers->embeddings));
}

SemanticRoutingPolicy::SemanticRoutingPolicy(SemanticRoutingConfig config, JsonPath path,
                                             EmbeddingProvider provider)
    : m_config(std::move(config)), m_path(std::move(path)), m_provider(std::move(provider)),
      m_utterances(std::make_shared<UtteranceVectors>()) {
}

QString SemanticRoutingPolicy::name() const {
    return QStringLiteral("semanticRouting");
}

void SemanticRoutingPolicy::decideRequest(PolicyRequest& request, PolicyDecision done) const {
    const SemanticRoutingConfig::StageConfig& stage = m_config.stage(request.stage);
    if (!stage.isEnabled())
        return done(std::nullopt); // this key type's requests are not routed by meaning
    const SemanticRoutingConfig::Target fallback = *stage.defaultTarget;
    const Json document = Json::parse(request.body.cbegin(), request.body.cend(), nullptr, false);
    const QString text = document.is_discarded() ? QString() : JsonPath::textOf(m_path.select(document));
    if (text.isEmpty() || stage.routes.empty()) {
        request.call.setRoutedTarget({fallback.model, fallback.endpointId});
        return done(std::nullopt);
    }
    bool utterancesKnown = false;
    {
        const std::lock_guard<std::mutex> lock(m_utterances->mutex);
        utterancesKnown = !m_utterances->byStage[stageIndex(request.stage)].empty();
    }
    // The first text travels with the utterances, in one call; later texts alone.
    QStringList texts = utterancesKnown ? QStringList() : utterancesOf(stage);
    texts.append(text);
    PolicyCallState* call = &request.call; // lives as long as the call, which owns the embedding request
    const Stage stageKind = request.stage;
    EmbeddingClient::embedAll(m_provider, texts, request.owner,
                              [this, call, stageKind, fallback, utterancesKnown, vectorsOf = m_utterances,
                               done](Result<std::vector<std::vector<float>>> vectors) {
                                  if (!vectors) {
                                      call->setRoutedTarget({fallback.model, fallback.endpointId});
                                      return done(std::nullopt);
                                  }
                                  std::vector<std::vector<float>>& all = vectors.value();
                                  if (!utterancesKnown) {
                                      const std::lock_guard<std::mutex> lock(vectorsOf->mutex);
                                      std::vector<std::vector<float>>& known =
                                          vectorsOf->byStage[stageIndex(stageKind)];
                                      if (known.empty())
                                          known.assign(all.begin(), all.end() - 1);
                                  }
                                  route(*call, stageKind, all.back(), done);
                              });
}

void SemanticRoutingPolicy::route(PolicyCallState& call, Stage stage, const std::vector<float>& text,
                                  const PolicyDecision& done) const {
    std::vector<double> similarities;
    {
        const std::lock_guard<std::mutex> lock(m_utterances->mutex);
        for (const std::vector<float>& utterance : m_utterances->byStage[stageIndex(stage)])
            similarities.push_back(SemanticPromptGuardrail::cosineSimilarity(utterance, text));
    }
    const SemanticRoutingConfig::Target target = choose(m_config.stage(stage), similarities);
    call.setRoutedTarget({target.model, target.endpointId});
    done(std::nullopt);
}

SemanticRoutingConfig::Target SemanticRoutingPolicy::choose(const SemanticRoutingConfig::StageConfig& stage,
                                                            const std::vector<double>& similarities) {
    const SemanticRoutingConfig::Route* best = nullptr;
    double bestScore = -1;
    std::size_t index = 0;
    for (const SemanticRoutingConfig::Route& route : stage.routes) {
        double score = -1; // the route's best utterance
        for (qsizetype u = 0; u < route.utterances.size(); ++u, ++index) {
            if (index < similarities.size())
                score = std::max(score, similarities[index]);
        }
        if (score >= route.scoreThreshold && score > bestScore) {
            best = &route;
            bestScore = score;
        }
    }
    return best ? best->target : *stage.defaultTarget;
}

} // namespace gatehouse
