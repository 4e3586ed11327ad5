#include "gateway/GatewayMetrics.h"

#include "gateway/AccessRecord.h"

#include <mutex>

namespace gatehouse {

void GatewayMetrics::record(const AccessRecord& record) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_data.requests += 1;
    if (record.status >= 400 || record.status == 0)
        m_data.errors += 1;
    if (record.retried)
        m_data.retried += 1;
    m_data.latencySumMs += record.latencyMs;
    m_data.byStatus[record.status] += 1;
    if (!record.model.isEmpty())
        m_data.byModel[record.model] += 1;
    if (!record.apiName.isEmpty())
        m_data.byApi[record.apiName] += 1;
    m_data.promptTokens += qMax<qint64>(0, record.promptTokens);
    m_data.completionTokens += qMax<qint64>(0, record.completionTokens);
    if (record.totalTokens > 0 || record.costUsd > 0) {
        Snapshot::UsageTotals& usage = m_data.usage[{record.apiName, record.applicationId, record.model}];
        usage.promptTokens += qMax<qint64>(0, record.promptTokens);
        usage.completionTokens += qMax<qint64>(0, record.completionTokens);
        usage.cachedTokens += qMax<qint64>(0, record.cachedTokens);
        usage.reasoningTokens += qMax<qint64>(0, record.reasoningTokens);
        usage.costUsd += qMax(0.0, record.costUsd);
    }
    if (!record.cache.isEmpty()) {
        Snapshot::CacheTotals& cache = m_data.cacheByApi[record.apiName];
        if (record.cache == QLatin1String("hit")) {
            cache.hits += 1;
            cache.savedTokens += qMax<qint64>(0, record.savedTokens);
            cache.savedCostUsd += qMax(0.0, record.savedCostUsd);
        } else if (record.cache == QLatin1String("miss")) {
            cache.misses += 1;
        } else {
            cache.bypasses += 1;
        }
    }
    if (!record.guardrail.isEmpty() || !record.guardrailKind.isEmpty())
        m_data.interventions[{record.apiName, record.guardrail, record.guardrailDirection}] += 1;
}

GatewayMetrics::Snapshot GatewayMetrics::snapshot() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_data;
}

void GatewayMetrics::clear() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_data = Snapshot();
}

} // namespace gatehouse
