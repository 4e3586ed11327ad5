#include "gateway/policies/ResponseCachePolicy.h"

namespace gatehouse {

ResponseCachePolicy::ResponseCachePolicy(qint64 ttlMs, std::size_t maxEntries,
                                         std::shared_ptr<ResponseCacheStore> store)
    : m_ttlMs(ttlMs), m_maxEntries(maxEntries), m_store(std::move(store)) {
}

PolicyBuildResult ResponseCachePolicy::build(const PolicyBuildInput& input) {
    const Json& parameters = input.attachment.parameters;
    const std::optional<qint64> ttl = jsonWholeMember(parameters, "ttl", defaultTtlSeconds);
    if (!ttl || *ttl < 1)
        return PolicyBuildResult::failure(
            QStringLiteral("ttl: must be a whole number of seconds, 1 or more"));
    const std::optional<qint64> maxEntries =
        jsonWholeMember(parameters, "maxEntries", qint64(defaultMaxEntries));
    if (!maxEntries || *maxEntries < 1)
        return PolicyBuildResult::failure(QStringLiteral("maxEntries: must be a whole number, 1 or more"));
    // A redeployment keeps what was cached here: the keys name everything an answer depends on.
    std::shared_ptr<ResponseCacheStore> store;
    if (const auto* previous = dynamic_cast<const ResponseCachePolicy*>(input.previous.get())) {
        store = previous->m_store;
        store->setCapacity(std::size_t(*maxEntries));
    } else {
        store = std::make_shared<ResponseCacheStore>(std::size_t(*maxEntries));
    }
    return PolicyBuildResult::success(
        std::make_shared<ResponseCachePolicy>(*ttl * 1000, std::size_t(*maxEntries), std::move(store)));
}

QString ResponseCachePolicy::name() const {
    return QStringLiteral("ResponseCache");
}

} // namespace gatehouse
