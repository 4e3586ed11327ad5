#pragma once

#include "sharedstate/RedisClient.h"

#include <QByteArray>
#include <QList>

namespace gatehouse {

// A Lua script that Redis runs atomically: sent as EVALSHA (its SHA1 only, a few bytes per call), and
// once as EVAL when Redis answers NOSCRIPT (a restarted or flushed Redis has forgotten it). Scripts
// use Redis 7.0 commands only, so Valkey runs them too.
class RedisScript {
public:
    explicit RedisScript(QByteArray source);

    const QByteArray& sha1() const { return m_sha1; }
    void run(RedisClient& client, const QList<QByteArray>& keys, const QList<QByteArray>& arguments,
             RedisClient::Callback callback, int timeoutMs = 0) const;

private:
    QByteArray m_source;
    QByteArray m_sha1; // lower-case hex, as SCRIPT LOAD answers
};

} // namespace gatehouse
