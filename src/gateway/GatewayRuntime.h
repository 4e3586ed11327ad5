#pragma once

#include "gateway/AccessLog.h"
#include "gateway/GatewayConfig.h"
#include "gateway/GatewayMetrics.h"
#include "gateway/QuotaTracker.h"
#include "gateway/SharedStateStatus.h"
#include "gateway/SuspensionTable.h"

#include <QElapsedTimer>
#include <atomic>
#include <memory>

namespace gatehouse {

// The state every worker thread shares: the current configuration snapshot (swapped atomically on a
// deployment), suspensions, quotas, counters and the access log. With a Redis backend for shared
// state, suspensions and quotas here are this replica's copy and its fallback while Redis is away.
class GatewayRuntime {
public:
    explicit GatewayRuntime(const QString& logFolder, SharedStateSettings sharedState = {},
                            QString redisPassword = {});

    std::shared_ptr<const GatewayConfig> config() const { return std::atomic_load(&m_config); }
    void setConfig(std::shared_ptr<const GatewayConfig> config) {
        std::atomic_store(&m_config, std::move(config));
    }

    SuspensionTable& suspensions() { return m_suspensions; }
    QuotaTracker& quotas() { return m_quotas; }
    SharedStateStatus& sharedState() { return m_sharedState; }
    // From the secret store; only the Redis connections read it.
    const QString& redisPassword() const { return m_redisPassword; }
    GatewayMetrics& metrics() { return m_metrics; }
    AccessLog& accessLog() { return m_log; }
    std::atomic<int>& inFlight() { return m_inFlight; }
    qint64 uptimeMs() const { return m_started.elapsed(); }

private:
    std::shared_ptr<const GatewayConfig> m_config;
    SuspensionTable m_suspensions;
    QuotaTracker m_quotas;
    SharedStateStatus m_sharedState;
    QString m_redisPassword;
    GatewayMetrics m_metrics;
    AccessLog m_log;
    std::atomic<int> m_inFlight{0};
    QElapsedTimer m_started;
};

} // namespace gatehouse
