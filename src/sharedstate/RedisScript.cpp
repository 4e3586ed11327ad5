#include "sharedstate/RedisScript.h"

#include <QCryptographicHash>
#include <QPointer>

namespace gatehouse {

RedisScript::RedisScript(QByteArray source)
    : m_source(std::move(source)),
      m_sha1(QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex()) {
}

void RedisScript::run(RedisClient& client, const QList<QByteArray>& keys, const QList<QByteArray>& arguments,
                      RedisClient::Callback callback, int timeoutMs) const {
    QList<QByteArray> tail;
    tail.reserve(keys.size() + arguments.size() + 1);
    tail.append(QByteArray::number(keys.size()));
    tail.append(keys);
    tail.append(arguments);
    QPointer<RedisClient> guarded(&client);
    if (!client.hasRunScript(m_sha1)) {
        // The first run on this connection sends the script itself (EVAL also caches it): a NOSCRIPT
        // round trip would let, say, a response cache entry reach Redis after the answer it stores
        // reached the client.
        QList<QByteArray> whole{QByteArrayLiteral("EVAL"), m_source};
        whole.append(tail);
        client.command(
            whole,
            [guarded, sha1 = m_sha1, callback = std::move(callback)](const RedisReply& reply) {
                if (guarded && !reply.failed && !reply.isError())
                    guarded->noteScriptRun(sha1);
                callback(reply);
            },
            timeoutMs);
        return;
    }
    QList<QByteArray> bySha{QByteArrayLiteral("EVALSHA"), m_sha1};
    bySha.append(tail);
    client.command(
        bySha,
        [guarded, source = m_source, tail, callback = std::move(callback),
         timeoutMs](const RedisReply& reply) {
            if (!reply.isError() || reply.failed || !reply.text.startsWith("NOSCRIPT") || !guarded)
                return callback(reply);
            QList<QByteArray> whole{QByteArrayLiteral("EVAL"), source};
            whole.append(tail);
            guarded->command(whole, callback, timeoutMs);
        },
        timeoutMs);
}

} // namespace gatehouse
