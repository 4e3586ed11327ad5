#pragma once

#include "core/Stage.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace gatehouse {

// What makes two requests the same to the response cache. The body counts as canonical JSON (keys
// sorted, numbers and strings normalised, whitespace gone), so that the same request sent by two
// clients hits, while any difference in messages, system prompt, tools or generation parameters does
// not. Not JSON: not cached.
class ResponseCacheKey {
public:
    // A SHA-256 of the body's canonical JSON, or nothing when the body is not a JSON object.
    static std::optional<QByteArray> bodyDigest(const QByteArray& body);

    struct Parts {
        QString apiId;
        QString operation; // "POST /chat/completions"
        Stage stage = Stage::Production;
        QString endpointId;
        QString endpointUrl;
        QString model; // the one the gateway chose; empty when the body's own goes upstream
        QByteArray query;
        QByteArray clientDigest;   // of the body the client sent
        QByteArray upstreamDigest; // of the body the request flow made of it
    };
    // The key: hex SHA-256 over every part, so it has a fixed length whatever the parts are.
    static QByteArray of(const Parts& parts);
};

} // namespace gatehouse
