#pragma once

#include <QByteArray>
#include <QStringBuilder>
#include <QtGlobal>
#include <functional>
#include <optional>
#include <vector>

namespace gatehouse {

class RedisClient;

// Suspended routing targets in Redis, shared by every replica: one hash ("<prefix>suspensions") from
// a target's id to the epoch millisecond its suspension ends, and a channel of the same name on which
// every change is published ("<target>\n<until ms>", 0 when readmitted). Deadlines come from Redis's
// clock (TIME in the script), one clock for all replicas, and are only ever extended: of two
// replicas suspending the same target the longer suspension wins, whatever the order.
class SharedSuspensionStore {
public:
    struct Change {
        QByteArray target;
        qint64 untilMs = 0; // 0: readmitted
    };

    SharedSuspensionStore(RedisClient& client, QByteArray keyPrefix, int timeoutMs);

    QByteArray channel() const { return m_prefix + QByteArrayLiteral("suspensions"); }

    // `done` gets the deadline Redis keeps (this one or a later one), or nothing when Redis did not answer.
    void suspend(const QByteArray& target, qint64 suspendMs,
                 std::function<void(std::optional<qint64>)> done = {});
    // A trial succeeded: readmitted unless another replica suspended it again meanwhile (its deadline is
    // still ahead); `force` readmits anyway (an operator's readmit).
    void readmit(const QByteArray& target, bool force, std::function<void(bool)> done = {});
    // Every suspension still running (by Redis's clock), and the clock; nothing when Redis did not answer.
    // Entries over a minute past their deadline are removed on the way.
    struct Snapshot {
        qint64 redisNowMs = 0;
        std::vector<Change> running;
    };
    void read(std::function<void(std::optional<Snapshot>)> done);
    // Removes every suspension, and tells every replica.
    void clear(std::function<void(bool)> done = {});

    static std::optional<Change> parseMessage(const QByteArray& message);

private:
    RedisClient& m_client;
    QByteArray m_prefix;
    int m_timeoutMs;
};

} // namespace gatehouse
