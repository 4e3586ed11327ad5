#include "sharedstate/SharedRotation.h"

#include "sharedstate/RedisClient.h"

namespace gatehouse {

SharedRotation::SharedRotation(RedisClient& client, QByteArray keyPrefix, int timeoutMs)
    : m_client(client), m_prefix(std::move(keyPrefix)), m_timeoutMs(timeoutMs) {
}

void SharedRotation::next(const QByteArray& rotation, std::function<void(std::optional<qint64>)> done) {
    m_client.command(
        {QByteArrayLiteral("INCR"), m_prefix + QByteArrayLiteral("rr:") + rotation},
        [done = std::move(done)](const RedisReply& reply) {
            if (reply.isError() || reply.type != RedisReply::Type::Integer)
                return done(std::nullopt);
            done(reply.integer - 1);
        },
        m_timeoutMs);
}

} // namespace gatehouse
