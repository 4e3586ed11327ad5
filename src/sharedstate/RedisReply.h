#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <vector>

struct redisReply;

namespace gatehouse {

// One answer of Redis, copied out of hiredis's reply (which hiredis frees when its callback returns).
// A command that got no answer (its deadline passed, the connection was lost, the client is not
// connected) is an Error with the reason in `text` and `failed` set, so callers tell "Redis said no"
// from "Redis did not say".
struct RedisReply {
    enum class Type { Nil, String, Status, Integer, Array, Error };

    Type type = Type::Nil;
    QByteArray text; // String, Status, Error
    qint64 integer = 0;
    std::vector<RedisReply> elements; // Array
    bool failed = false;              // no answer from Redis at all

    bool isError() const { return type == Type::Error; }
    static RedisReply fromHiredis(const redisReply* reply);
    static RedisReply failure(const QString& reason);
};

} // namespace gatehouse
