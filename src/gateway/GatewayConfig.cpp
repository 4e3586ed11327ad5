#include "gateway/GatewayConfig.h"

namespace gatehouse {

void GatewayConfig::addApi(std::shared_ptr<const RuntimeApi> api) {
    const QByteArray basePath = QByteArray("/") + api->context.toUtf8() + '/' + api->version.toUtf8();
    m_maxBaseSegments = qMax(m_maxBaseSegments, int(api->context.count(QLatin1Char('/'))) + 2);
    m_byBasePath.insert(basePath, api);
    m_apiList.push_back(std::move(api));
}

GatewayConfig::Route GatewayConfig::route(const QByteArray& path) const {
    // Try "/a/b", "/a/b/c", ... as the base path: one hash lookup per possible context depth, however
    // many APIs are deployed.
    qsizetype end = 0;
    for (int segments = 1; segments <= m_maxBaseSegments; ++segments) {
        end = path.indexOf('/', end + 1);
        const qsizetype prefixEnd = end < 0 ? path.size() : end;
        if (segments >= 2) {
            const auto it = m_byBasePath.constFind(QByteArray::fromRawData(path.constData(), prefixEnd));
            if (it != m_byBasePath.constEnd()) {
                Route route;
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

const BusinessPlan* GatewayConfig::plan(const QString& name) const {
    const auto it = plans.constFind(name.toLower());
    return it == plans.constEnd() ? nullptr : &*it;
}

} // namespace gatehouse
