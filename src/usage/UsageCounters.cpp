#include "usage/UsageCounters.h"

#include "usage/AccessLogRecord.h"

namespace gatehouse {

void UsageCounters::add(const UsageCounters& other) {
    requests += other.requests;
    errors += other.errors;
    promptTokens += other.promptTokens;
    completionTokens += other.completionTokens;
    totalTokens += other.totalTokens;
    cachedTokens += other.cachedTokens;
    reasoningTokens += other.reasoningTokens;
    costE10 += other.costE10;
    estimatedCosts += other.estimatedCosts;
    estimatedUsage += other.estimatedUsage;
    notCalculatedCosts += other.notCalculatedCosts;
    interventions += other.interventions;
    cacheHits += other.cacheHits;
    savedTokens += other.savedTokens;
    savedCostE10 += other.savedCostE10;
}

void UsageCounters::add(const AccessLogRecord& record) {
    ++requests;
    errors += record.isError() ? 1 : 0;
    const qint64 prompt = record.promptTokens > 0 ? record.promptTokens : 0;
    const qint64 completion = record.completionTokens > 0 ? record.completionTokens : 0;
    promptTokens += prompt;
    completionTokens += completion;
    // A record with counts but no total (never written so, but cheap to be sure of) still adds up.
    totalTokens += record.totalTokens >= 0 ? record.totalTokens : prompt + completion;
    cachedTokens += record.cachedTokens > 0 ? record.cachedTokens : 0;
    reasoningTokens += record.reasoningTokens > 0 ? record.reasoningTokens : 0;
    costE10 += record.costE10 > 0 ? record.costE10 : 0;
    estimatedCosts += record.costStatus == AccessLogRecord::CostStatus::Estimated ? 1 : 0;
    estimatedUsage += record.usageEstimated ? 1 : 0;
    notCalculatedCosts += record.costStatus == AccessLogRecord::CostStatus::NotCalculated ? 1 : 0;
    interventions += record.guardrailIntervened ? 1 : 0;
    if (record.cacheHit) {
        ++cacheHits;
        savedTokens += record.savedTokens > 0 ? record.savedTokens : 0;
        savedCostE10 += record.savedCostE10 > 0 ? record.savedCostE10 : 0;
    }
}

double UsageCounters::cachedShare() const {
    return promptTokens > 0 ? double(cachedTokens) / double(promptTokens) : 0.0;
}

std::array<qint64, UsageCounters::FieldCount> UsageCounters::fields() const {
    return {requests,           errors,          promptTokens, completionTokens, totalTokens,
            cachedTokens,       reasoningTokens, costE10,      estimatedCosts,   estimatedUsage,
            notCalculatedCosts, interventions,   cacheHits,    savedTokens,      savedCostE10};
}

UsageCounters UsageCounters::fromFields(const std::array<qint64, FieldCount>& fields) {
    UsageCounters counters;
    counters.requests = fields[0];
    counters.errors = fields[1];
    counters.promptTokens = fields[2];
    counters.completionTokens = fields[3];
    counters.totalTokens = fields[4];
    counters.cachedTokens = fields[5];
    counters.reasoningTokens = fields[6];
    counters.costE10 = fields[7];
    counters.estimatedCosts = fields[8];
    counters.estimatedUsage = fields[9];
    counters.notCalculatedCosts = fields[10];
    counters.interventions = fields[11];
    counters.cacheHits = fields[12];
    counters.savedTokens = fields[13];
    counters.savedCostE10 = fields[14];
    return counters;
}

} // namespace gatehouse
