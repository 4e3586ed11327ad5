#pragma once

#include "core/JsonPath.h"
#include "core/SemanticRoutingConfig.h"
#include "gateway/EmbeddingClient.h"
#include "gateway/policies/PolicyRegistry.h"

#include <memory>
#include <mutex>

namespace gatehouse {

// WSO2's semanticRouting: the text at path.contentpath is embedded with the workspace's provider and
// compared (cosine similarity) with every utterance of the stage's routes; the route with the best
// score at or above its threshold gives the model and endpoint, the default model takes the rest. The
// utterances are embedded once, with the first request, and kept. The choice goes to routing through
// the call's state (PolicyCallState::routedTarget), so the model is rewritten as a router's is. An
// embedding provider that fails sends the request to the default model: a routing aid never fails a
// request.
class SemanticRoutingPolicy final : public GatewayPolicy {
public:
    static PolicyBuildResult build(const PolicyBuildInput& input);

    SemanticRoutingPolicy(SemanticRoutingConfig config, JsonPath path, EmbeddingProvider provider);

    QString name() const override;
    bool decidesAsynchronously() const override { return true; }
    void decideRequest(PolicyRequest& request, PolicyDecision done) const override;

    // The route for a text's similarity to each utterance of `stage` (in route, then utterance
    // order): its target, or the default's.
    static SemanticRoutingConfig::Target choose(const SemanticRoutingConfig::StageConfig& stage,
                                                const std::vector<double>& similarities);

private:
    void route(PolicyCallState& call, Stage stage, const std::vector<float>& text,
               const PolicyDecision& done) const;

    SemanticRoutingConfig m_config;
    JsonPath m_path;
    EmbeddingProvider m_provider;
    // Every utterance's embedding per stage (production, sandbox), once known.
    struct UtteranceVectors {
        std::mutex mutex;
        std::vector<std::vector<float>> byStage[2];
    };
    std::shared_ptr<UtteranceVectors> m_utterances;
};

} // namespace gatehouse
