#pragma once

#include "gateway/ResponseCacheStore.h"
#include "gateway/policies/PolicyRegistry.h"

#include <memory>

namespace gatehouse {

// Gatehouse's ResponseCache: an exact cache of answers. It attaches to the request flow, but the
// gateway itself looks answers up once a model is chosen (the key names it) and keeps them after the
// response flow (what is kept is what the client got). Its memory store lives as long as the policy
// does at its place, redeployments included; with shared state on, Redis holds the answers instead.
class ResponseCachePolicy final : public GatewayPolicy {
public:
    ResponseCachePolicy(qint64 ttlMs, std::size_t maxEntries, std::shared_ptr<ResponseCacheStore> store);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    const ResponseCachePolicy* responseCache() const override { return this; }

    qint64 ttlMs() const { return m_ttlMs; }
    std::size_t maxEntries() const { return m_maxEntries; }
    ResponseCacheStore& store() const { return *m_store; }

    static constexpr qint64 defaultTtlSeconds = 3600;
    static constexpr std::size_t defaultMaxEntries = 1000;
    // Larger answers pass through without being kept.
    static constexpr qsizetype maxAnswerBytes = 1024 * 1024;

private:
    qint64 m_ttlMs;
    std::size_t m_maxEntries;
    std::shared_ptr<ResponseCacheStore> m_store;
};

} // namespace gatehouse
