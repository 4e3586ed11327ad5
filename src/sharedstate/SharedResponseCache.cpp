#include "sharedstate/SharedResponseCache.h"

#include "sharedstate/RedisClient.h"
#include "sharedstate/RedisScript.h"

namespace gatehouse {

namespace {

// KEYS[1]: the answer, KEYS[2]: the cache's use order. Answers the answer, or nil.
const RedisScript findScript(QByteArrayLiteral(R"lua(
local answer = redis.call('GET', KEYS[1])
if not answer then return false end
local t = redis.call('TIME')
redis.call('ZADD', KEYS[2], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), KEYS[1])
return answer
)lua"));

// KEYS[1]: the answer, KEYS[2]: the cache's use order. ARGV: answer, ttl ms, max entries.
// A key last used more than a ttl ago has expired (an answer lives a ttl from its store, which came
// before its last use): such members go first; then the least recently used beyond the bound.
const RedisScript insertScript(QByteArrayLiteral(R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
redis.call('ZADD', KEYS[2], now, KEYS[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - ttl))
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  local oldest = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #oldest, 2 do redis.call('DEL', oldest[i]) end
end
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
)lua"));

} // namespace

SharedResponseCache::SharedResponseCache(RedisClient& client, QByteArray keyPrefix, int timeoutMs)
    : m_client(client), m_prefix(std::move(keyPrefix)), m_timeoutMs(timeoutMs) {
}

void SharedResponseCache::find(const QByteArray& scope, const QByteArray& key,
                               std::function<void(std::optional<QByteArray>)> done) {
    findScript.run(
        m_client,
        {m_prefix + QByteArrayLiteral("cache:") + key, m_prefix + QByteArrayLiteral("cache-lru:") + scope},
        {},
        [done = std::move(done)](const RedisReply& reply) {
            if (reply.type != RedisReply::Type::String)
                return done(std::nullopt);
            done(reply.text);
        },
        m_timeoutMs);
}

void SharedResponseCache::insert(const QByteArray& scope, const QByteArray& key, const QByteArray& answer,
                                 qint64 ttlMs, qint64 maxEntries) {
    insertScript.run(
        m_client,
        {m_prefix + QByteArrayLiteral("cache:") + key, m_prefix + QByteArrayLiteral("cache-lru:") + scope},
        {answer, QByteArray::number(ttlMs), QByteArray::number(maxEntries)}, [](const RedisReply&) {},
        m_timeoutMs);
}

} // namespace gatehouse
