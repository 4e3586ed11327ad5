#pragma once

#include "core/BusinessPlan.h"

#include <QHash>
#include <QString>
#include <mutex>

namespace gatehouse {

// Per-subscription usage in fixed one-minute windows, checked against the subscription's business
// plan: requests before the call, tokens (AI plans) as responses report them.
class QuotaTracker {
public:
    struct Decision {
        bool allowed = true;
        QString exceeded;            // "requests", "prompt tokens", ... when refused
        qint64 nextAccessTimeMs = 0; // when the window resets
    };

    // Counts the request when allowed.
    Decision admit(const QString& subscriptionKey, const BusinessPlan& plan, qint64 nowMs);
    void addTokens(const QString& subscriptionKey, qint64 nowMs, qint64 prompt, qint64 completion,
                   qint64 total);
    void clear();

private:
    struct Window {
        qint64 startMs = 0;
        qint64 requests = 0;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        qint64 totalTokens = 0;
    };
    static void roll(Window& window, qint64 nowMs);

    std::mutex m_mutex; // a pthread mutex, which ThreadSanitizer follows (see README)
    QHash<QString, Window> m_windows;
};

} // namespace gatehouse
