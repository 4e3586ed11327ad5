#pragma once

#include <QtGlobal>

namespace gatehouse {

// The token counts of one answer, as OpenAI reports them: the parts are included in the totals, so
// cachedPromptTokens and cacheCreationTokens are counted in promptTokens too (Anthropic's separate
// input, cache-read and cache-write counts are added up into promptTokens by whoever reads them), and
// reasoningTokens are counted in completionTokens. Pricing needs the parts because each has its own
// price; the totals are what limits and the access log count.
struct TokenUsage {
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedPromptTokens = 0;  // of promptTokens, read from the provider's prompt cache
    qint64 reasoningTokens = 0;     // of completionTokens, the model's hidden reasoning
    qint64 cacheCreationTokens = 0; // of promptTokens, written to the prompt cache (Anthropic)
};

} // namespace gatehouse
