#include "gateway/QuotaTracker.h"

#include <mutex>

namespace gatehouse {

namespace {
constexpr qint64 windowMs = 60000;
}

void QuotaTracker::roll(Window& window, qint64 nowMs) {
    const qint64 start = nowMs - nowMs % windowMs;
    if (window.startMs != start)
        window = Window{start, 0, 0, 0, 0};
}

QuotaTracker::Decision QuotaTracker::admit(const QString& subscriptionKey, const BusinessPlan& plan,
                                           qint64 nowMs) {
    Decision decision;
    if (plan.isUnlimited())
        return decision;
    const std::lock_guard<std::mutex> lock(m_mutex);
    Window& window = m_windows[subscriptionKey];
    roll(window, nowMs);
    decision.nextAccessTimeMs = window.startMs + windowMs;
    const auto over = [](qint64 used, qint64 limit) {
        return limit > 0 && used >= limit;
    };
    if (over(window.requests, plan.requestsPerMinute))
        decision.exceeded = QStringLiteral("requests");
    else if (over(window.promptTokens, plan.promptTokensPerMinute))
        decision.exceeded = QStringLiteral("prompt tokens");
    else if (over(window.completionTokens, plan.completionTokensPerMinute))
        decision.exceeded = QStringLiteral("completion tokens");
    else if (over(window.totalTokens, plan.totalTokensPerMinute))
        decision.exceeded = QStringLiteral("total tokens");
    decision.allowed = decision.exceeded.isEmpty();
    if (decision.allowed)
        window.requests += 1;
    return decision;
}

void QuotaTracker::addTokens(const QString& subscriptionKey, qint64 nowMs, qint64 prompt, qint64 completion,
                             qint64 total) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    Window& window = m_windows[subscriptionKey];
    roll(window, nowMs);
    window.promptTokens += prompt;
    window.completionTokens += completion;
    window.totalTokens += total > 0 ? total : prompt + completion;
}

void QuotaTracker::clear() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_windows.clear();
}

} // namespace gatehouse
