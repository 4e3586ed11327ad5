#pragma once

#include <QByteArray>
#include <functional>
#include <optional>

namespace gatehouse {

class RedisClient;

// Which replicas are alive: each says so every second ("<prefix>replicas", a sorted set scored by
// Redis's clock), and one that has not for three seconds is no longer counted. While Redis is away a
// replica takes its share of each limit by the last count it saw.
class ReplicaRegistry {
public:
    static constexpr int heartbeatMs = 1000;
    static constexpr int lifetimeMs = 3000;

    ReplicaRegistry(RedisClient& client, QByteArray keyPrefix, int timeoutMs);

    // `done` gets the number of live replicas, this one included, or nothing when Redis did not answer.
    void heartbeat(const QByteArray& replicaId, std::function<void(std::optional<int>)> done);

private:
    RedisClient& m_client;
    QByteArray m_prefix;
    int m_timeoutMs;
};

} // namespace gatehouse
