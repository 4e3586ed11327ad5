#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <mutex>
#include <optional>
#include <vector>

namespace gatehouse {

// Which (API, endpoint, model) pairs are left out of routing, and until when. Shared by every
// worker thread. A failure suspends a pair for the policy's duration, or longer when the upstream
// asked for it with Retry-After; a new failure extends a suspension, never shortens it. When the
// time is up, exactly one trial request goes to the pair (half-open): success readmits it, failure
// suspends it again.
class SuspensionTable {
public:
    struct Pair {
        QString apiId;
        QString endpointId;
        QString model;
        QString key() const;
        // How replicas name it in Redis: ["api","endpoint","model"] as compact JSON.
        QByteArray sharedId() const;
        static std::optional<Pair> fromSharedId(const QByteArray& id);
    };
    enum class Availability { Active, Suspended, Trial };
    struct Entry {
        Pair pair;
        qint64 untilMs = 0; // epoch milliseconds
        int failures = 0;
        bool trialInFlight = false;
        QString lastError;
    };

    Availability availability(const Pair& pair, qint64 nowMs) const;
    // Claims the pair for a request: false when it is suspended or its one trial is taken.
    bool beginAttempt(const Pair& pair, qint64 nowMs);
    // True when the pair was suspended or on trial (and is readmitted now).
    bool recordSuccess(const Pair& pair);
    void recordFailure(const Pair& pair, qint64 nowMs, qint64 suspendMs, const QString& error);
    // The request ended without a verdict (the client left): free the trial for another request.
    void abandonAttempt(const Pair& pair);
    void readmit(const Pair& pair);
    // What another replica decided, through the shared state: suspended until `untilMs` (extending,
    // never shortening, what this replica knows), or readmitted (0).
    void applyShared(const Pair& pair, qint64 untilMs);
    void clear();
    // Milliseconds until the first of `pairs` may be tried again; 0 when one may now.
    qint64 millisecondsUntilRecovery(const std::vector<Pair>& pairs, qint64 nowMs) const;
    std::vector<Entry> entries(qint64 nowMs) const; // suspended or on trial, soonest first

private:
    mutable std::mutex m_mutex; // a pthread mutex, which ThreadSanitizer follows (see README)
    QHash<QString, Entry> m_entries;
};

} // namespace gatehouse
