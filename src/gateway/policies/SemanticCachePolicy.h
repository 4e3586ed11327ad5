#pragma once

#include "core/JsonPath.h"
#include "gateway/EmbeddingClient.h"
#include "gateway/SemanticCacheStore.h"
#include "gateway/policies/PolicyRegistry.h"

#include <memory>
#include <optional>

namespace gatehouse {

// WSO2's SemanticCache (name, threshold: the largest L2 distance, jsonPath). As with ResponseCache the
// gateway does the work once routing has chosen a model: it embeds the text at jsonPath with the
// workspace's embedding provider and looks for a near one among earlier requests whose everything
// else (system prompt, earlier turns, parameters, model, API) is equal, a scope WSO2 does not have
// (its cache is partitioned by API only, which lets different system prompts share answers). WSO2
// attaches the policy to both flows; here the request flow's attachment does both halves and the
// response flow's does nothing.
class SemanticCachePolicy final : public GatewayPolicy {
public:
    SemanticCachePolicy(float threshold, std::optional<JsonPath> path, qint64 ttlMs, std::size_t maxEntries,
                        EmbeddingProvider provider, std::shared_ptr<SemanticCacheStore> store);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    const SemanticCachePolicy* semanticCache() const override;

    // What a request body is to the cache: the text compared by meaning, and a digest of the rest
    // (the body with that text left out, as canonical JSON). Nothing when the body is not a JSON
    // object or the path finds no text.
    struct Query {
        QString text;
        QByteArray restDigest;
    };
    std::optional<Query> queryOf(const QByteArray& body) const;

    float threshold() const { return m_threshold; }
    qint64 ttlMs() const { return m_ttlMs; }
    const EmbeddingProvider& provider() const { return m_provider; }
    SemanticCacheStore& store() const { return *m_store; }

    static constexpr float defaultThreshold = 0.32f;

private:
    float m_threshold;
    std::optional<JsonPath> m_path; // none: the whole payload
    qint64 m_ttlMs;
    EmbeddingProvider m_provider;
    std::shared_ptr<SemanticCacheStore> m_store;
};

} // namespace gatehouse
