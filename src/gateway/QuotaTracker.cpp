#include "gateway/QuotaTracker.h"

#include <cmath>
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

QuotaTracker::Decision QuotaTracker::decide(const std::vector<PlanLimit>& limits,
                                            const std::vector<double>& used, qint64 nowMs) {
    Decision decision;
    for (std::size_t i = 0; i < limits.size() && i < used.size(); ++i) {
        const PlanLimit& limit = limits[i];
        if (limit.metric == PlanLimit::Metric::Usd) {
            const double remaining = qMax(0.0, limit.amount - used[i]);
            if (!decision.usdLimit || remaining < decision.usdRemaining) {
                decision.usdLimit = limit.amount;
                decision.usdRemaining = remaining;
            }
        }
        if (used[i] < limit.amount)
            continue;
        // Refused: the wait is until the last of the exceeded windows resets.
        const qint64 end = PlanLimit::window(limit.period, nowMs).second;
        if (decision.allowed || end > decision.nextAccessTimeMs) {
            decision.exceeded = limit.describe();
            decision.nextAccessTimeMs = end;
        }
        decision.allowed = false;
    }
    return decision;
}

std::vector<PlanLimit> QuotaTracker::shareOf(const std::vector<PlanLimit>& limits, int replicas) {
    std::vector<PlanLimit> shares = limits;
    if (replicas <= 1)
        return shares;
    for (PlanLimit& share : shares) {
        share.amount /= replicas;
        if (share.metric != PlanLimit::Metric::Usd)
            share.amount = qMax(1.0, std::floor(share.amount));
    }
    return shares;
}

QuotaTracker::Decision QuotaTracker::admit(const QString& key, const std::vector<PlanLimit>& limits,
                                           qint64 nowMs) {
    if (limits.empty())
        return Decision();
    const std::lock_guard<std::mutex> lock(m_mutex);
    Windows& windows = m_windows[key];
    std::vector<double> used;
    used.reserve(limits.size());
    for (const PlanLimit& limit : limits)
        used.push_back(current(windows, limit.period, nowMs).of(limit.metric));
    const Decision decision = decide(limits, used, nowMs);
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

std::vector<QuotaTracker::WindowCounts> QuotaTracker::takeAll(qint64 nowMs) {
    std::vector<WindowCounts> taken;
    const std::lock_guard<std::mutex> lock(m_mutex);
    for (auto it = m_windows.begin(); it != m_windows.end(); ++it) {
        for (PlanLimit::Period period : allPeriods) {
            const Window& window = it.value()[std::size_t(period)];
            if (window.startMs != PlanLimit::window(period, nowMs).first)
                continue; // over: nothing left to count against
            const QuotaCounts counts{window.requests, window.promptTokens, window.completionTokens,
                                     window.totalTokens, window.usd};
            if (!counts.isZero())
                taken.push_back({it.key(), period, window.startMs, counts});
        }
    }
    m_windows.clear();
    return taken;
}

void QuotaTracker::restore(const WindowCounts& taken) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    Window& window = m_windows[taken.key][std::size_t(taken.period)];
    if (window.startMs > taken.startMs)
        return; // its window is over: nothing left to count against
    if (window.startMs != taken.startMs) {
        window = Window();
        window.startMs = taken.startMs;
    }
    window.requests += taken.counts.requests;
    window.promptTokens += taken.counts.promptTokens;
    window.completionTokens += taken.counts.completionTokens;
    window.totalTokens += taken.counts.totalTokens;
    window.usd += taken.counts.usd;
}

void QuotaTracker::clear() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_windows.clear();
}

} // namespace gatehouse
