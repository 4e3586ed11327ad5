#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QString>
#include <optional>

namespace gatehouse {

// What the mock LLM does wrong for one model ("*": every model without a fault of its own).
struct MockFault {
    QString model = QStringLiteral("*");
    int status = 0;                        // 0: answer normally; otherwise answer with this status
    int latencyMs = 0;                     // wait this long before answering
    std::optional<qint64> resetAfterBytes; // reset the connection after this many response bytes
    std::optional<qint64> remainingTokens; // value of x-ratelimit-remaining-tokens
    std::optional<int> retryAfter;         // seconds, sent as Retry-After with an error status
    int chunkDelayMs = -1;                 // streaming: pause between chunks (-1: the default)

    Json toJson() const;
    static Result<MockFault> fromJson(const Json& json);
};

} // namespace gatehouse
