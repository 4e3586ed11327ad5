#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <functional>
#include <optional>

namespace gatehouse {

class RedisClient;

// The strict shared rotation (an option of the shared state): one counter per balanced operation and
// key type ("<prefix>rr:<api>|<operation>|<stage>"), incremented once per request, whose value is the
// request's place in the router's weighted sequence, whichever replica serves it. One INCR per
// request; without it each replica keeps its own place, as every peer does.
class SharedRotation {
public:
    SharedRotation(RedisClient& client, QByteArray keyPrefix, int timeoutMs);

    // `done` gets the request's place (0 for the first), or nothing when Redis did not answer.
    void next(const QByteArray& rotation, std::function<void(std::optional<qint64>)> done);

private:
    RedisClient& m_client;
    QByteArray m_prefix;
    int m_timeoutMs;
};

} // namespace gatehouse
