#pragma once

#include <QByteArray>
#include <functional>
#include <optional>

namespace gatehouse {

class RedisClient;

// The response cache's Redis backend, shared by every replica: an answer per key as a string that
// Redis expires itself ("<prefix>cache:<key>"), and per cache a sorted set of its keys by last use
// ("<prefix>cache-lru:<scope>") that keeps it within its size, least recently used out first. The
// answer is opaque bytes here (the gateway's serialised CachedAnswer).
class SharedResponseCache {
public:
    SharedResponseCache(RedisClient& client, QByteArray keyPrefix, int timeoutMs);

    // `done` gets the answer kept under `key`, or nothing (none, expired, or Redis did not answer in
    // time: a miss either way). A hit counts as a use.
    void find(const QByteArray& scope, const QByteArray& key,
              std::function<void(std::optional<QByteArray>)> done);
    // Keeps `answer` for `ttlMs`, and drops the least recently used beyond `maxEntries`.
    void insert(const QByteArray& scope, const QByteArray& key, const QByteArray& answer, qint64 ttlMs,
                qint64 maxEntries);

private:
    RedisClient& m_client;
    QByteArray m_prefix;
    int m_timeoutMs;
};

} // namespace gatehouse
