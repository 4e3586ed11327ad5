#pragma once

#include <QtGlobal>
#include <string>
#include <string_view>

namespace gatehouse {

// One access-log line as the usage layer reads it: only what usage is counted by. The text fields
// view into the line that was read, or into the record's own buffers when the line escaped them
// (\" or \u00e9), so they are valid until the next line is read into the same record.
struct AccessLogRecord {
    enum class CostStatus : quint8 { None, Calculated, Estimated, NotCalculated, Other };

    qint64 timeMs = 0; // when the request arrived, epoch milliseconds (UTC)
    std::string_view apiId;
    std::string_view apiName;
    std::string_view application; // the application's id
    std::string_view model;
    int status = 0;
    // -1: null or missing (lines written before a field existed lack it)
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 totalTokens = -1;
    qint64 cachedTokens = -1;
    qint64 reasoningTokens = -1;
    // costUsd in units of 1e-10 USD, the log's own precision (10 decimals), so that sums are exact
    // whatever the order they are added in; -1: null or missing.
    qint64 costE10 = -1;
    CostStatus costStatus = CostStatus::None;
    bool usageEstimated = false; // "usage":"estimated": the gateway counted the tokens itself
    bool hasErrorCode = false;
    bool guardrailIntervened = false; // a guardrail answered or stopped the call
    bool cacheHit = false;            // "cache":"hit": the response cache answered
    qint64 savedTokens = -1;          // what the replayed answer had cost, in tokens
    qint64 savedCostE10 = -1;         // ... and in 1e-10 USD

    bool isError() const { return status >= 400 || hasErrorCode; }
    double costUsd() const { return costE10 < 0 ? -1.0 : double(costE10) / 1e10; }

    // Unescaped text of the fields above that needed it: apiId, apiName, application, model.
    std::string unescaped[4];
};

} // namespace gatehouse
