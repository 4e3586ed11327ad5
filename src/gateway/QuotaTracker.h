#pragma once

#include "core/BusinessPlan.h"
#include "core/PlanLimit.h"

#include <QHash>
#include <QString>
#include <array>
#include <mutex>
#include <optional>
#include <vector>

namespace gatehouse {

// What each subscription (and each application with a budget) used in the current minute, hour, day
// and month (fixed UTC windows), checked against its limits: a request is admitted while every limit
// still has room, and counted; its tokens and dollars are charged when the answer is done, streams
// included, so a stream that crosses a limit finishes and the next request is refused.
class QuotaTracker {
public:
    struct Decision {
        bool allowed = true;
        QString exceeded;            // "20 tokens/min", when refused
        qint64 nextAccessTimeMs = 0; // when the exceeded window resets
        // The dollar limit with the least room left, if any: for x-ratelimit-cost-*-dollars.
        std::optional<double> usdLimit;
        double usdRemaining = 0;
    };
    struct Charge {
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        qint64 totalTokens = 0;
        double usd = 0;
    };

    // Where an application's own budgets are counted (subscriptions are "<application>|<api>").
    static QString applicationKey(const QString& applicationId) {
        return QStringLiteral("app:") + applicationId;
    }

    // Counts the request when allowed.
    Decision admit(const QString& key, const std::vector<PlanLimit>& limits, qint64 nowMs);
    Decision admit(const QString& key, const BusinessPlan& plan, qint64 nowMs);
    void charge(const QString& key, qint64 nowMs, const Charge& charge);
    void addTokens(const QString& key, qint64 nowMs, qint64 prompt, qint64 completion, qint64 total);
    // What `key` used of `metric` in the window of `period` holding nowMs.
    double used(const QString& key, PlanLimit::Metric metric, PlanLimit::Period period, qint64 nowMs);
    void clear();

private:
    struct Window {
        qint64 startMs = -1;
        qint64 requests = 0;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        qint64 totalTokens = 0;
        double usd = 0;

        double of(PlanLimit::Metric metric) const;
    };
    using Windows = std::array<Window, 4>; // by PlanLimit::Period
    static Window& current(Windows& windows, PlanLimit::Period period, qint64 nowMs);

    std::mutex m_mutex; // a pthread mutex, which ThreadSanitizer follows (see README)
    QHash<QString, Windows> m_windows;
};

} // namespace gatehouse
