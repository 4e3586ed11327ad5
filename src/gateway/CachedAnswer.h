#pragma once

#include "gateway/HttpHeaders.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace gatehouse {

// An answer the response cache keeps: what the client got (status, headers, body: a streamed answer's
// events as they were sent), and what it cost, so that each hit can say what it saved.
struct CachedAnswer {
    int status = 200;
    HttpHeaders headers; // without the gateway's per-call ones (X-Cache-Status, a budget's state)
    QByteArray body;
    bool streamed = false;
    QString model;
    qint64 totalTokens = 0;
    double costUsd = 0;
    qint64 storedAtMs = 0;

    // A compact binary form for the Redis backend; parse() refuses what it did not write.
    QByteArray serialize() const;
    static std::optional<CachedAnswer> parse(const QByteArray& bytes);
};

} // namespace gatehouse
