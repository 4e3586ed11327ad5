#pragma once

#include "core/PlanLimit.h"
#include "sharedstate/QuotaCounts.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <vector>

namespace gatehouse {

class RedisClient;

// Quota and budget counters in Redis, shared by every replica: one hash per key and fixed UTC window
// ("<prefix>q:<key>:<period>:<window start ms>", fields r, p, c, t, u), expiring a minute after its
// window ends. A request is checked against all its limits and counted in one Lua script, so
// replicas never both take the last unit; its tokens and dollars are added when the answer is done.
class SharedQuotaStore {
public:
    struct Check {
        QString key; // "<application>|<api>" or "app:<application>"
        std::vector<PlanLimit> limits;
    };
    struct Answer {
        bool answered = false; // false: Redis did not answer in time (or is down); `error` says why
        QString error;
        bool allowed = false;
        // Per check, per limit: what was used before this request.
        std::vector<std::vector<double>> used;
    };

    SharedQuotaStore(RedisClient& client, QByteArray keyPrefix, int timeoutMs);

    // Admits (and counts) the request when every limit of every check has room.
    void admit(const std::vector<Check>& checks, qint64 nowMs, std::function<void(const Answer&)> done);
    // Adds to the windows of `key` holding nowMs, of the periods in `periods` (bits by PlanLimit::Period).
    // `done` (optional) learns whether Redis took it.
    void add(const QString& key, qint64 nowMs, const QuotaCounts& counts, quint8 periods,
             std::function<void(bool)> done = {});
    // Adds to one window (counts a replica made alone while Redis was away).
    void addToWindow(const QString& key, PlanLimit::Period period, qint64 windowStartMs,
                     const QuotaCounts& counts, std::function<void(bool)> done = {});

    QByteArray windowKey(const QString& key, PlanLimit::Period period, qint64 windowStartMs) const;
    // The periods (bits by PlanLimit::Period) that `limits` count in; with `chargedOnly`, only those of
    // token and dollar limits, the ones an answer is charged to. Only these windows are kept in Redis:
    // a plan of requests per minute costs one key, and no charge after the answer.
    static quint8 periodsOf(const std::vector<PlanLimit>& limits, bool chargedOnly);
    static QByteArray fieldOf(PlanLimit::Metric metric);

private:
    void addToKeys(const QList<QByteArray>& keys, const QList<QByteArray>& expiries,
                   const QuotaCounts& counts, std::function<void(bool)> done);

    RedisClient& m_client;
    QByteArray m_prefix;
    int m_timeoutMs;
};

} // namespace gatehouse
