#include "sharedstate/ReplicaRegistry.h"

#include "sharedstate/RedisClient.h"
#include "sharedstate/RedisScript.h"

namespace gatehouse {

namespace {

// KEYS[1]: the set. ARGV: replica id, lifetime ms. Answers the live count.
const RedisScript heartbeatScript(QByteArrayLiteral(R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], 10 * tonumber(ARGV[2]))
return redis.call('ZCARD', KEYS[1])
)lua"));

} // namespace

ReplicaRegistry::ReplicaRegistry(RedisClient& client, QByteArray keyPrefix, int timeoutMs)
    : m_client(client), m_prefix(std::move(keyPrefix)), m_timeoutMs(timeoutMs) {
}

void ReplicaRegistry::heartbeat(const QByteArray& replicaId, std::function<void(std::optional<int>)> done) {
    heartbeatScript.run(
        m_client, {m_prefix + QByteArrayLiteral("replicas")}, {replicaId, QByteArray::number(lifetimeMs)},
        [done = std::move(done)](const RedisReply& reply) {
            if (reply.isError() || reply.type != RedisReply::Type::Integer)
                return done(std::nullopt);
            done(int(reply.integer));
        },
        m_timeoutMs);
}

} // namespace gatehouse
