#pragma once

#include "console/ConsoleTypes.h"
#include "console/LatencyStatistics.h"
#include "core/Json.h"

#include <QString>
#include <map>
#include <vector>

namespace gatehouse {

// The aggregates of a run, kept up to date one result at a time (constant work per result, so a
// 1000-request run can refresh its charts after every answer): counts, errors, requests per
// second, latency order statistics, status codes, and which model served how many requests next
// to the share the model router was configured to give it.
class RunStatistics {
public:
    void add(const InvokeResult& result);
    void clear();
    // The configured weights of the operation's model router (any scale); shares are their fractions.
    void setConfiguredWeights(const std::map<QString, double>& weightsByModel);
    const std::map<QString, double>& configuredWeights() const { return m_weights; }

    int count() const { return m_count; }
    // Results without an HTTP answer, with a status of 400 or more, or broken off.
    int errors() const { return m_errors; }
    // Results the response cache answered (X-Cache-Status: Hit).
    int cacheHits() const { return m_cacheHits; }
    // count() over the span from the first request's start to the last one's end; 0 before any.
    double requestsPerSecond() const;
    double spanMs() const;
    const LatencyStatistics& latency() const { return m_latency; }
    std::map<int, int> statusCounts() const { return m_statusCounts; }
    // Requests per served model (results without a model are not counted).
    std::map<QString, int> byModel() const { return m_byModel; }
    // The model's fraction of the requests that named a served model, 0..1.
    double share(const QString& model) const;
    // The model's fraction of the configured weights, 0..1; 0 for a model without a weight.
    double configuredShare(const QString& model) const;
    // The served models and the configured ones, sorted by name: the rows of a per-model chart.
    std::vector<QString> models() const;
    std::vector<int> histogram(int buckets) const { return m_latency.histogram(buckets); }

    // {"byModel": {...}, "statusCounts": {"200": N}, "cacheHits": N, "latencyMs":
    // {"min","avg","p50","p90","p99","max"},
    //  "requestsPerSecond": x[, "results": [...]]}; with includeResults, one entry per result:
    // index, status, latencyMs, model, errorCode, promptTokens, completionTokens, totalTokens
    // and cache (X-Cache-Status), null where unknown.
    Json toJson(bool includeResults, const std::vector<InvokeResult>& results) const;

    static bool isFailure(const InvokeResult& result);

private:
    int m_count = 0;
    int m_errors = 0;
    int m_cacheHits = 0;
    qint64 m_firstStartMs = 0;
    double m_lastEndMs = 0;
    LatencyStatistics m_latency;
    std::map<int, int> m_statusCounts;
    std::map<QString, int> m_byModel;
    int m_modelled = 0;
    std::map<QString, double> m_weights;
    double m_weightTotal = 0;
};

} // namespace gatehouse
