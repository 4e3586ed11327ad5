#include "gateway/QuotaTracker.h"

#include <mutex>

namespace gatehouse {

namespace {
constexpr PlanLimit::Period allPeriods[] = {PlanLimit::Period::Minute, PlanLimit::Period::Hour,
                                            PlanLimit::Period::Day, PlanLimit::Period::Month};
}

double QuotaTracker::Window::of(PlanLimit::Metric metric) const {
    switch (metric) {
    case PlanLimit::Metric::Requests:
        return double(requests);
    case PlanLimit::Metric::PromptTokens:
        return double(promptTokens);
    case PlanLimit::Metric::CompletionTokens:
        return double(completionTokens);
    case PlanLimit::Metric::TotalTokens:
        return double(totalTokens);
    case PlanLimit::Metric::Usd:
        break;
    }
    return usd;
}

QuotaTracker::Window& QuotaTracker::current(Windows& windows, PlanLimit::Period period, qint64 nowMs) {
    Window& window = windows[std::size_t(period)];
    const qint64 start = PlanLimit::window(period, nowMs).first;
    if (window.startMs != start) {
        window = Window();
        window.startMs = start;
    }
    return window;
}

QuotaTracker::Decision QuotaTracker::admit(const QString& key, const BusinessPlan& plan, qint64 nowMs) {
    if (plan.isUnlimited())
        return Decision();
    return admit(key, plan.allLimits(), nowMs);
}

QuotaTracker::Decision QuotaTracker::admit(const QString& key, const std::vector<PlanLimit>& limits,
                                           qint64 nowMs) {
    Decision decision;
    if (limits.empty())
        return decision;
    const std::lock_guard<std::mutex> lock(m_mutex);
    Windows& windows = m_windows[key];
    for (const PlanLimit& limit : limits) {
        const double used = current(windows, limit.period, nowMs).of(limit.metric);
        if (limit.metric == PlanLimit::Metric::Usd) {
            const double remaining = qMax(0.0, limit.amount - used);
            if (!decision.usdLimit || remaining < decision.usdRemaining) {
                decision.usdLimit = limit.amount;
                decision.usdRemaining = remaining;
            }
        }
        if (used < limit.amount)
            continue;
        // Refused: the wait is until the last of the exceeded windows resets.
        const qint64 end = PlanLimit::window(limit.period, nowMs).second;
        if (decision.allowed || end > decision.nextAccessTimeMs) {
            decision.exceeded = limit.describe();
            decision.nextAccessTimeMs = end;
        }
        decision.allowed = false;
    }
    if (decision.allowed) {
        for (PlanLimit::Period period : allPeriods)
            current(windows, period, nowMs).requests += 1;
    }
    return decision;
}

void QuotaTracker::charge(const QString& key, qint64 nowMs, const Charge& charge) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    Windows& windows = m_windows[key];
    for (PlanLimit::Period period : allPeriods) {
        Window& window = current(windows, period, nowMs);
        window.promptTokens += charge.promptTokens;
        window.completionTokens += charge.completionTokens;
        window.totalTokens +=
            charge.totalTokens > 0 ? charge.totalTokens : charge.promptTokens + charge.completionTokens;
        window.usd += charge.usd;
    }
}

void QuotaTracker::addTokens(const QString& key, qint64 nowMs, qint64 prompt, qint64 completion,
                             qint64 total) {
    charge(key, nowMs, Charge{prompt, completion, total, 0});
}

double QuotaTracker::used(const QString& key, PlanLimit::Metric metric, PlanLimit::Period period,
                          qint64 nowMs) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return current(m_windows[key], period, nowMs).of(metric);
}

void QuotaTracker::clear() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_windows.clear();
}

} // namespace gatehouse
