#include "gateway/RuntimeApi.h"

#include "core/Endpoint.h"

namespace gatehouse {

std::vector<QByteArray> RuntimeApi::splitPath(const QByteArray& path) {
    std::vector<QByteArray> segments;
    qsizetype start = 0;
    while (start < path.size()) {
        qsizetype slash = path.indexOf('/', start);
        if (slash < 0)
            slash = path.size();
        if (slash > start)
            segments.push_back(path.mid(start, slash - start));
        start = slash + 1;
    }
    return segments;
}

bool RuntimeOperation::matchesPath(const std::vector<QByteArray>& resourceSegments) const {
    if (resourceSegments.size() != segments.size())
        return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const QByteArray& pattern = segments[i];
        const bool isParameter = pattern.startsWith('{') && pattern.endsWith('}');
        if (!isParameter && pattern != resourceSegments[i])
            return false;
    }
    return true;
}

const RuntimeEndpoint* RuntimeApi::endpoint(const QString& endpointId) const {
    for (const RuntimeEndpoint& candidate : endpoints) {
        if (candidate.id == endpointId)
            return &candidate;
    }
    return nullptr;
}

const RuntimeEndpoint* RuntimeApi::primaryEndpoint(Stage stage) const {
    const RuntimeEndpoint* chosen = endpoint(primaryEndpointIds[std::size_t(stage)]);
    if (chosen && chosen->stage == stage)
        return chosen;
    const RuntimeEndpoint* byDefault = endpoint(Endpoint::defaultId(stage));
    if (byDefault && byDefault->stage == stage)
        return byDefault;
    for (const RuntimeEndpoint& candidate : endpoints) {
        if (candidate.stage == stage)
            return &candidate;
    }
    return nullptr;
}

RuntimeApi::Match RuntimeApi::match(const QByteArray& verb, const QByteArray& resourcePath) const {
    Match result;
    const std::vector<QByteArray> segments = splitPath(resourcePath);
    // Literal paths win over templates: "/models/latest" before "/models/{id}".
    const RuntimeOperation* templated = nullptr;
    for (const RuntimeOperation& operation : operations) {
        if (!operation.matchesPath(segments))
            continue;
        result.pathKnown = true;
        if (operation.verb != verb)
            continue;
        const bool literal = !operation.key.contains(QLatin1Char('{'));
        if (literal) {
            result.operation = &operation;
            return result;
        }
        if (!templated)
            templated = &operation;
    }
    result.operation = templated;
    return result;
}

} // namespace gatehouse
