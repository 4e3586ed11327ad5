#include "core/PlanLimit.h"

#include "core/JsonFieldReader.h"

#include <QDateTime>
#include <cmath>

namespace gatehouse {

namespace {

struct MetricText {
    PlanLimit::Metric metric;
    const char* name;
};
constexpr MetricText metricTexts[] = {{PlanLimit::Metric::Requests, "requests"},
                                      {PlanLimit::Metric::PromptTokens, "promptTokens"},
                                      {PlanLimit::Metric::CompletionTokens, "completionTokens"},
                                      {PlanLimit::Metric::TotalTokens, "totalTokens"},
                                      {PlanLimit::Metric::Usd, "usd"}};

struct PeriodText {
    PlanLimit::Period period;
    const char* name;
    const char* aliases[3];
};
constexpr PeriodText periodTexts[] = {{PlanLimit::Period::Minute, "minute", {"min", "m", "1m"}},
                                      {PlanLimit::Period::Hour, "hour", {"h", "hr", "1h"}},
                                      {PlanLimit::Period::Day, "day", {"d", "24h", "1d"}},
                                      {PlanLimit::Period::Month, "month", {"mo", "mon", "30d"}}};

} // namespace

QString PlanLimit::metricName(Metric metric) {
    for (const MetricText& each : metricTexts) {
        if (each.metric == metric)
            return QLatin1String(each.name);
    }
    return {};
}

std::optional<PlanLimit::Metric> PlanLimit::metricFromName(const QString& name) {
    for (const MetricText& each : metricTexts) {
        if (name == QLatin1String(each.name))
            return each.metric;
    }
    return std::nullopt;
}

QString PlanLimit::periodName(Period period) {
    for (const PeriodText& each : periodTexts) {
        if (each.period == period)
            return QLatin1String(each.name);
    }
    return {};
}

std::optional<PlanLimit::Period> PlanLimit::periodFromName(const QString& name) {
    const QString lower = name.trimmed().toLower();
    for (const PeriodText& each : periodTexts) {
        if (lower == QLatin1String(each.name))
            return each.period;
        for (const char* alias : each.aliases) {
            if (lower == QLatin1String(alias))
                return each.period;
        }
    }
    return std::nullopt;
}

std::pair<qint64, qint64> PlanLimit::window(Period period, qint64 nowMs) {
    constexpr qint64 minute = 60000;
    switch (period) {
    case Period::Minute:
        return {nowMs - nowMs % minute, nowMs - nowMs % minute + minute};
    case Period::Hour:
        return {nowMs - nowMs % (60 * minute), nowMs - nowMs % (60 * minute) + 60 * minute};
    case Period::Day:
        return {nowMs - nowMs % (1440 * minute), nowMs - nowMs % (1440 * minute) + 1440 * minute};
    case Period::Month:
        break;
    }
    const QDate day = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
    const QDateTime start(QDate(day.year(), day.month(), 1), QTime(0, 0), Qt::UTC);
    return {start.toMSecsSinceEpoch(), start.addMonths(1).toMSecsSinceEpoch()};
}

Result<PlanLimit> PlanLimit::parse(Metric metric, const QString& text) {
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return Result<PlanLimit>::failure(
            tr("\"%1\" is not a limit: write an amount per period, such as 10/min, 400/hour or 5/day")
                .arg(text));
    bool numeric = false;
    const double amount = text.left(slash).trimmed().toDouble(&numeric);
    if (!numeric || !std::isfinite(amount) || amount <= 0)
        return Result<PlanLimit>::failure(tr("\"%1\": the amount must be a number above 0").arg(text));
    if (metric != Metric::Usd && amount != std::floor(amount))
        return Result<PlanLimit>::failure(
            tr("\"%1\": requests and tokens are counted in whole numbers").arg(text));
    const std::optional<Period> period = periodFromName(text.mid(slash + 1));
    if (!period)
        return Result<PlanLimit>::failure(
            tr("\"%1\": the period must be min, hour, day or month").arg(text.mid(slash + 1)));
    return Result<PlanLimit>::success(PlanLimit{metric, *period, amount});
}

QString PlanLimit::perPeriodText(Period period) {
    switch (period) {
    case Period::Minute:
        return tr("per minute");
    case Period::Hour:
        return tr("per hour");
    case Period::Day:
        return tr("per day");
    case Period::Month:
        return tr("per month");
    }
    return QString();
}

QString PlanLimit::describe() const {
    static const char* const periods[] = {"min", "hour", "day", "month"};
    const QString per = QLatin1String(periods[int(period)]);
    switch (metric) {
    case Metric::Requests:
        return tr("%1 requests/%2").arg(qint64(amount)).arg(per);
    case Metric::PromptTokens:
        return tr("%1 prompt tokens/%2").arg(qint64(amount)).arg(per);
    case Metric::CompletionTokens:
        return tr("%1 completion tokens/%2").arg(qint64(amount)).arg(per);
    case Metric::TotalTokens:
        return tr("%1 tokens/%2").arg(qint64(amount)).arg(per);
    case Metric::Usd:
        break;
    }
    return tr("%1 USD/%2").arg(amount, 0, 'g', 12).arg(per);
}

Json PlanLimit::toJson() const {
    Json json = Json::object();
    json["metric"] = toStdString(metricName(metric));
    if (metric == Metric::Usd)
        json["amount"] = amount;
    else
        json["amount"] = qint64(amount);
    json["period"] = toStdString(periodName(period));
    return json;
}

PlanLimit PlanLimit::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    PlanLimit limit;
    const QString metric = reader.requiredString("metric");
    if (const std::optional<Metric> known = metricFromName(metric))
        limit.metric = *known;
    else if (!metric.isEmpty())
        reader.addError(reader.childPath("metric"),
                        tr("must be requests, promptTokens, completionTokens, totalTokens or usd"));
    const QString period = reader.requiredString("period");
    if (const std::optional<Period> known = periodFromName(period))
        limit.period = *known;
    else if (!period.isEmpty())
        reader.addError(reader.childPath("period"), tr("must be minute, hour, day or month"));
    const Json* amount = reader.optionalValue("amount");
    if (!amount || !amount->is_number() || !(amount->get<double>() > 0) ||
        !std::isfinite(amount->get<double>()))
        reader.addError(reader.childPath("amount"), tr("must be a number above 0"));
    else
        limit.amount = amount->get<double>();
    return limit;
}

} // namespace gatehouse
