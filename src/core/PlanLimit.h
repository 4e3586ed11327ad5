#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace gatehouse {

// One limit of a business plan: so many requests, tokens or US dollars per minute, hour, day or month
// (WSO2's AI subscription policies count requests and tokens; the API Platform's
// llm-cost-based-ratelimit counts dollars). Windows are fixed and in UTC: a day starts at 00:00 UTC, a
// month on its first day.
struct PlanLimit {
    Q_DECLARE_TR_FUNCTIONS(PlanLimit)

public:
    enum class Metric { Requests, PromptTokens, CompletionTokens, TotalTokens, Usd };
    enum class Period { Minute, Hour, Day, Month };

    Metric metric = Metric::Requests;
    Period period = Period::Minute;
    double amount = 0; // above 0; a whole number except for USD

    bool operator==(const PlanLimit& other) const {
        return metric == other.metric && period == other.period && amount == other.amount;
    }

    // "requests", "promptTokens", "completionTokens", "totalTokens", "usd"
    static QString metricName(Metric metric);
    static std::optional<Metric> metricFromName(const QString& name);
    // "minute", "hour", "day", "month"
    static QString periodName(Period period);
    static std::optional<Period> periodFromName(const QString& name);
    // The window holding `nowMs` (epoch ms, UTC): its start and its end.
    static std::pair<qint64, qint64> window(Period period, qint64 nowMs);

    // "10/min", "400/minute", "5/day", "0.5/h", "100/month": the amount and period of `metric`.
    static Result<PlanLimit> parse(Metric metric, const QString& text);
    // "per minute", "per day": after an amount in forms and tables.
    static QString perPeriodText(Period period);
    // "10 requests/min", "5 USD/day": for lists and messages.
    QString describe() const;

    Json toJson() const;
    static PlanLimit fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
