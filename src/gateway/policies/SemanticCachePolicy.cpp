#include "gateway/policies/SemanticCachePolicy.h"

#include "gateway/ResponseCacheKey.h"

#include <cmath>

namespace gatehouse {

SemanticCachePolicy::SemanticCachePolicy(float threshold, std::optional<JsonPath> path, qint64 ttlMs,
                                         std::size_t /*maxEntries*/, EmbeddingProvider provider,
                                         std::shared_ptr<SemanticCacheStore> store)
    : m_threshold(threshold), m_path(std::move(path)), m_ttlMs(ttlMs), m_provider(std::move(provider)),
      m_store(std::move(store)) {
}

PolicyBuildResult SemanticCachePolicy::build(const PolicyBuildInput& input) {
    const Json& parameters = input.attachment.parameters;
    float threshold = defaultThreshold;
    if (parameters.is_object() && parameters.contains("threshold") && !parameters["threshold"].is_null()) {
        const Json& value = parameters["threshold"];
        bool numeric = value.is_number();
        double number = numeric ? value.get<double>() : 0;
        if (value.is_string())
            number = toQString(value.get<std::string>()).trimmed().toDouble(&numeric);
        if (!numeric || !std::isfinite(number) || number < 0)
            return PolicyBuildResult::failure(
                QStringLiteral("threshold: must be a decimal number of 0 or more"));
        threshold = float(number);
    }
    std::optional<JsonPath> path;
    if (const QString expression = jsonStringMember(parameters, "jsonPath"); !expression.isEmpty()) {
        Result<JsonPath> compiled = JsonPath::compile(expression);
        if (!compiled)
            return PolicyBuildResult::failure(QStringLiteral("jsonPath: %1").arg(compiled.error()));
        path = compiled.take();
    }
    const std::optional<qint64> ttl = jsonWholeMember(parameters, "ttl", 3600);
    if (!ttl || *ttl < 1)
        return PolicyBuildResult::failure(
            QStringLiteral("ttl: must be a whole number of seconds, 1 or more"));
    const std::optional<qint64> maxEntries = jsonWholeMember(parameters, "maxEntries", 10000);
    if (!maxEntries || *maxEntries < 1)
        return PolicyBuildResult::failure(QStringLiteral("maxEntries: must be a whole number, 1 or more"));
    EmbeddingProvider provider = input.providers ? input.providers->embeddings : EmbeddingProvider();
    // A redeployment keeps what was cached: scopes name everything an answer depends on.
    std::shared_ptr<SemanticCacheStore> store;
    if (const auto* previous = dynamic_cast<const SemanticCachePolicy*>(input.previous.get());
        previous && previous->m_provider.url == provider.url &&
        previous->m_provider.model == provider.model) {
        store = previous->m_store;
        store->setCapacity(std::size_t(*maxEntries));
    } else {
        store = std::make_shared<SemanticCacheStore>(std::size_t(*maxEntries));
    }
    return PolicyBuildResult::success(std::make_shared<SemanticCachePolicy>(
        threshold, std::move(path), *ttl * 1000, std::size_t(*maxEntries), std::move(provider),
        std::move(store)));
}

QString SemanticCachePolicy::name() const {
    return QStringLiteral("SemanticCache");
}

const SemanticCachePolicy* SemanticCachePolicy::semanticCache() const {
    return this;
}

std::optional<SemanticCachePolicy::Query> SemanticCachePolicy::queryOf(const QByteArray& body) const {
    Json document = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (!document.is_object())
        return std::nullopt;
    Query query;
    if (!m_path) {
        query.text = toQString(dumpCompact(document));
        query.restDigest = QByteArrayLiteral("whole payload");
        return query;
    }
    const std::vector<Json*> selected = m_path->selectMutable(document);
    query.text = JsonPath::textOf(std::vector<const Json*>(selected.begin(), selected.end()));
    for (Json* value : selected)
        *value = nullptr; // the rest must be equal: this is what is compared by meaning instead
    if (query.text.isEmpty())
        return std::nullopt;
    const std::optional<QByteArray> rest =
        ResponseCacheKey::bodyDigest(QByteArray::fromStdString(dumpCompact(document)));
    if (!rest)
        return std::nullopt;
    query.restDigest = *rest;
    return query;
}

} // namespace gatehouse
