#include "sharedstate/RedisReply.h"

#include <hiredis/hiredis.h>

namespace gatehouse {

RedisReply RedisReply::fromHiredis(const redisReply* reply) {
    RedisReply copy;
    if (!reply)
        return failure(QStringLiteral("no reply"));
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        copy.type = Type::String;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        copy.type = Type::Status;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        copy.type = Type::Error;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        copy.type = Type::Integer;
        copy.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        copy.type = Type::Array;
        copy.elements.reserve(reply->elements);
        for (std::size_t index = 0; index < reply->elements; ++index)
            copy.elements.push_back(fromHiredis(reply->element[index]));
        break;
    default:
        copy.type = Type::Nil;
        break;
    }
    return copy;
}

RedisReply RedisReply::failure(const QString& reason) {
    RedisReply reply;
    reply.type = Type::Error;
    reply.text = reason.toUtf8();
    reply.failed = true;
    return reply;
}

} // namespace gatehouse
