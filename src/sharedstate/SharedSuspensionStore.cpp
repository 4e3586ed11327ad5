#include "sharedstate/SharedSuspensionStore.h"

#include "sharedstate/RedisClient.h"
#include "sharedstate/RedisScript.h"

namespace gatehouse {

namespace {

// The milliseconds of Redis's own clock, the one clock all replicas' deadlines are taken from.
#define GATEHOUSE_REDIS_NOW_MS                                                                               \
    "local t = redis.call('TIME')\n"                                                                         \
    "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"

// KEYS[1]: the hash. ARGV: target, suspension ms, channel. Answers the deadline kept.
const RedisScript suspendScript(QByteArrayLiteral(GATEHOUSE_REDIS_NOW_MS R"lua(
local untilMs = now + tonumber(ARGV[2])
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if current >= untilMs then return current end
redis.call('HSET', KEYS[1], ARGV[1], untilMs)
redis.call('PUBLISH', ARGV[3], ARGV[1] .. '\n' .. untilMs)
return untilMs
)lua"));

// KEYS[1]: the hash. ARGV: target, channel, force ('1'). Answers 1 when readmitted.
const RedisScript readmitScript(QByteArrayLiteral(GATEHOUSE_REDIS_NOW_MS R"lua(
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if ARGV[3] ~= '1' and current > now then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[1] .. '\n0')
return 1
)lua"));

// KEYS[1]: the hash. Answers {now, target, until, target, until...} for the running suspensions and
// drops the ones long over.
const RedisScript readScript(QByteArrayLiteral(GATEHOUSE_REDIS_NOW_MS R"lua(
local all = redis.call('HGETALL', KEYS[1])
local out = {tostring(now)}
for i = 1, #all, 2 do
  local untilMs = tonumber(all[i + 1]) or 0
  if untilMs > now then
    out[#out + 1] = all[i]
    out[#out + 1] = all[i + 1]
  elseif untilMs < now - 60000 then
    redis.call('HDEL', KEYS[1], all[i])
  end
end
return out
)lua"));

// KEYS[1]: the hash. ARGV[1]: channel.
const RedisScript clearScript(QByteArrayLiteral(R"lua(
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[1], '*\n0')
return 1
)lua"));

#undef GATEHOUSE_REDIS_NOW_MS

} // namespace

SharedSuspensionStore::SharedSuspensionStore(RedisClient& client, QByteArray keyPrefix, int timeoutMs)
    : m_client(client), m_prefix(std::move(keyPrefix)), m_timeoutMs(timeoutMs) {
}

void SharedSuspensionStore::suspend(const QByteArray& target, qint64 suspendMs,
                                    std::function<void(std::optional<qint64>)> done) {
    suspendScript.run(
        m_client, {channel()}, {target, QByteArray::number(qMax<qint64>(0, suspendMs)), channel()},
        [done = std::move(done)](const RedisReply& reply) {
            if (!done)
                return;
            if (reply.isError() || reply.type != RedisReply::Type::Integer)
                return done(std::nullopt);
            done(reply.integer);
        },
        m_timeoutMs);
}

void SharedSuspensionStore::readmit(const QByteArray& target, bool force, std::function<void(bool)> done) {
    readmitScript.run(
        m_client, {channel()}, {target, channel(), force ? QByteArrayLiteral("1") : QByteArrayLiteral("0")},
        [done = std::move(done)](const RedisReply& reply) {
            if (done)
                done(!reply.isError() && reply.integer == 1);
        },
        m_timeoutMs);
}

void SharedSuspensionStore::read(std::function<void(std::optional<Snapshot>)> done) {
    readScript.run(
        m_client, {channel()}, {},
        [done = std::move(done)](const RedisReply& reply) {
            if (reply.isError() || reply.type != RedisReply::Type::Array || reply.elements.empty())
                return done(std::nullopt);
            Snapshot snapshot;
            snapshot.redisNowMs = reply.elements[0].text.toLongLong();
            for (std::size_t i = 1; i + 1 < reply.elements.size(); i += 2)
                snapshot.running.push_back({reply.elements[i].text, reply.elements[i + 1].text.toLongLong()});
            done(snapshot);
        },
        m_timeoutMs);
}

void SharedSuspensionStore::clear(std::function<void(bool)> done) {
    clearScript.run(
        m_client, {channel()}, {channel()},
        [done = std::move(done)](const RedisReply& reply) {
            if (done)
                done(!reply.isError());
        },
        m_timeoutMs);
}

std::optional<SharedSuspensionStore::Change> SharedSuspensionStore::parseMessage(const QByteArray& message) {
    const int newline = message.lastIndexOf('\n');
    if (newline <= 0)
        return std::nullopt;
    bool ok = false;
    const qint64 untilMs = message.mid(newline + 1).toLongLong(&ok);
    if (!ok || untilMs < 0)
        return std::nullopt;
    return Change{message.left(newline), untilMs};
}

} // namespace gatehouse
