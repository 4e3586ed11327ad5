#pragma once

#include <QString>
#include <map>
#include <mutex>
#include <tuple>

namespace gatehouse {

struct AccessRecord;

// Live counters: totals by status, by model and by API, latency sums, for the GUI, `gatehouse-ctl
// gateway status` and Prometheus.
class GatewayMetrics {
public:
    struct Snapshot {
        qint64 requests = 0;
        qint64 errors = 0;
        qint64 retried = 0;
        double latencySumMs = 0;
        std::map<int, qint64> byStatus;
        std::map<QString, qint64> byModel;
        std::map<QString, qint64> byApi;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        // Guardrail interventions (and internal errors) by (API, guardrail name, direction).
        struct InterventionKey {
            QString api;
            QString guardrail;
            QString direction;
            bool operator<(const InterventionKey& other) const {
                return std::tie(api, guardrail, direction) <
                       std::tie(other.api, other.guardrail, other.direction);
            }
        };
        std::map<InterventionKey, qint64> interventions;
        // Tokens and money by (API, application, model).
        struct UsageKey {
            QString api;
            QString application;
            QString model;
            bool operator<(const UsageKey& other) const {
                return std::tie(api, application, model) <
                       std::tie(other.api, other.application, other.model);
            }
        };
        struct UsageTotals {
            qint64 promptTokens = 0;
            qint64 completionTokens = 0;
            qint64 cachedTokens = 0;
            qint64 reasoningTokens = 0;
            double costUsd = 0;
        };
        std::map<UsageKey, UsageTotals> usage;
        // The response cache's lookups by API, and what its hits saved.
        struct CacheTotals {
            qint64 hits = 0;
            qint64 misses = 0;
            qint64 bypasses = 0;
            qint64 savedTokens = 0;
            double savedCostUsd = 0;
            // Hits among the lookups (bypasses are not lookups), 0..1.
            double hitRate() const { return hits + misses > 0 ? double(hits) / double(hits + misses) : 0.0; }
        };
        std::map<QString, CacheTotals> cacheByApi;
    };

    void record(const AccessRecord& record);
    Snapshot snapshot() const;
    void clear();

private:
    mutable std::mutex m_mutex; // a pthread mutex, which ThreadSanitizer follows (see README)
    Snapshot m_data;
};

} // namespace gatehouse
