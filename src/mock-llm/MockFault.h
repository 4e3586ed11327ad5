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
    // Usage as some providers (and proxies in front of them) send it: none at all, or with the details
    // OpenAI adds for prompt caching and reasoning models (reasoning tokens are part of completion_tokens).
    bool omitUsage = false;
    std::optional<qint64> cachedTokens;    // prompt_tokens_details.cached_tokens, at most the prompt's
    std::optional<qint64> reasoningTokens; // completion_tokens_details.reasoning_tokens

    Json toJson() const;
    static Result<MockFault> fromJson(const Json& json);
};

} // namespace gatehouse
