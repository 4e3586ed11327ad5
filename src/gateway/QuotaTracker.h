#pragma once

#include "core/BusinessPlan.h"
#include "core/PlanLimit.h"
#include "sharedstate/QuotaCounts.h"

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
    // One key's counts in one window still running.
    struct WindowCounts {
        QString key;
        PlanLimit::Period period = PlanLimit::Period::Minute;
        qint64 startMs = 0;
        QuotaCounts counts;
    };

    // Where an application's own budgets are counted (subscriptions are "<application>|<api>").
    static QString applicationKey(const QString& applicationId) {
        return QStringLiteral("app:") + applicationId;
    }

    // The verdict on `limits` given what was `used` of each (in order) before this request: refused
    // when any limit is used up, waiting until the last exceeded window resets.
    static Decision decide(const std::vector<PlanLimit>& limits, const std::vector<double>& used,
                           qint64 nowMs);
    // Each replica's share of `limits` when `replicas` count alone (shared state unreachable): whole
    // units for requests and tokens, at least one, so a replica never refuses everything.
    static std::vector<PlanLimit> shareOf(const std::vector<PlanLimit>& limits, int replicas);

    // Counts the request when allowed.
    Decision admit(const QString& key, const std::vector<PlanLimit>& limits, qint64 nowMs);
    Decision admit(const QString& key, const BusinessPlan& plan, qint64 nowMs);
    void charge(const QString& key, qint64 nowMs, const Charge& charge);
    void addTokens(const QString& key, qint64 nowMs, qint64 prompt, qint64 completion, qint64 total);
    // What `key` used of `metric` in the window of `period` holding nowMs.
    double used(const QString& key, PlanLimit::Metric metric, PlanLimit::Period period, qint64 nowMs);
    void clear();
    // Hands over (and forgets) the counts of windows still running: what a replica counted alone while
    // Redis was away, merged back when it returns.
    std::vector<WindowCounts> takeAll(qint64 nowMs);
    // Takes back what takeAll() handed over and could not be merged (if its window still runs).
    void restore(const WindowCounts& window);

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
