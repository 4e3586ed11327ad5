#pragma once

#include <QtGlobal>
#include <array>

namespace gatehouse {

struct AccessLogRecord;

// What a set of access-log records adds up to. Only sums and counts, so that counters of minutes
// merge into hours and days, and those of several threads or files into one, without loss.
struct UsageCounters {
    qint64 requests = 0;
    qint64 errors = 0; // status >= 400, or an error code (a stream cut short answers 200)
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    qint64 cachedTokens = 0;       // of promptTokens, read from the provider's prompt cache
    qint64 reasoningTokens = 0;    // of completionTokens
    qint64 costE10 = 0;            // USD in units of 1e-10 (the log's precision): exact sums
    qint64 estimatedCosts = 0;     // requests whose costStatus is "estimated"
    qint64 estimatedUsage = 0;     // requests whose token counts the gateway estimated
    qint64 notCalculatedCosts = 0; // requests whose costStatus is "not_calculated" (no price known)
    qint64 interventions = 0;      // guardrail interventions
    qint64 cacheHits = 0;          // requests the response cache answered
    qint64 savedTokens = 0;        // tokens those answers had cost when the model gave them
    qint64 savedCostE10 = 0;       // ... and their cost, in 1e-10 USD

    static constexpr int FieldCount = 15;

    void add(const UsageCounters& other);
    void add(const AccessLogRecord& record);

    double costUsd() const { return double(costE10) / 1e10; }
    double savedCostUsd() const { return double(savedCostE10) / 1e10; }
    // The share of prompt tokens read from the cache, 0..1 (0 without prompt tokens).
    double cachedShare() const;

    // The fields in declaration order, for the index's encoding.
    std::array<qint64, FieldCount> fields() const;
    static UsageCounters fromFields(const std::array<qint64, FieldCount>& fields);

    bool operator==(const UsageCounters& other) const { return fields() == other.fields(); }
    bool operator!=(const UsageCounters& other) const { return !(*this == other); }
};

} // namespace gatehouse
