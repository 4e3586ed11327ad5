#include "gateway/GatewayConfig.h"

namespace gatehouse {

void GatewayConfig::addApi(std::shared_ptr<const RuntimeApi> api) {
    const QByteArray basePath = QByteArray("/") + api->context.toUtf8() + '/' + api->version.toUtf8();
    m_maxBaseSegments = qMax(m_maxBaseSegments, int(api->context.count(QLatin1Char('/'))) + 2);
    m_byBasePath.insert(basePath, api);
    m_apiList.push_back(std::move(api));
}

void GatewayConfig::addDefaultVersion(std::shared_ptr<const RuntimeApi> api) {
    m_maxContextSegments = qMax(m_maxContextSegments, int(api->context.count(QLatin1Char('/'))) + 1);
    m_byContext.insert(QByteArray("/") + api->context.toUtf8(), std::move(api));
}

namespace {

// The first prefix of `path` ending at a segment boundary, `minSegments` to `maxSegments` segments
// long, that `table` knows: one hash lookup per possible depth, however many APIs are deployed.
GatewayConfig::Route firstPrefixIn(const QHash<QByteArray, std::shared_ptr<const RuntimeApi>>& table,
                                   const QByteArray& path, int minSegments, int maxSegments) {
    qsizetype end = 0;
    for (int segments = 1; segments <= maxSegments; ++segments) {
        end = path.indexOf('/', end + 1);
        const qsizetype prefixEnd = end < 0 ? path.size() : end;
        if (segments >= minSegments) {
            const auto it = table.constFind(QByteArray::fromRawData(path.constData(), prefixEnd));
            if (it != table.constEnd()) {
                GatewayConfig::Route route;
                route.api = it->get();
                route.resourcePath = end < 0 ? QByteArray("/") : path.mid(end);
                return route;
            }
        }
        if (end < 0)
            break;
    }
    return {};
}

} // namespace

GatewayConfig::Route GatewayConfig::route(const QByteArray& path) const {
    Route route = firstPrefixIn(m_byBasePath, path, 2, m_maxBaseSegments);
    if (!route.api && !m_byContext.isEmpty())
        route = firstPrefixIn(m_byContext, path, 1, m_maxContextSegments);
    return route;
}

const BusinessPlan* GatewayConfig::plan(const QString& name) const {
    const auto it = plans.constFind(name.toLower());
    return it == plans.constEnd() ? nullptr : &*it;
}

} // namespace gatehouse
