#pragma once

#include <QByteArray>

namespace gatehouse {

// Token counts for an answer whose upstream reported none, marked "estimated" wherever they appear.
// Debian packages no byte-pair tokenizer for C++ (tiktoken is Python and Rust), so this is OpenAI's own
// rule of thumb: a token is about 4 bytes of English text; each chat message adds 3 tokens of framing
// and the reply 3 more (OpenAI's cookbook counts it so for the gpt-4o family). A stream's completion
// is the number of its events that add text, since OpenAI-style servers send one token per event.
class UsageEstimate {
public:
    // The prompt of a completion request (messages, prompt or input); -1 when the body is none. A body
    // over 1 MiB is counted by its size, unread.
    static qint64 promptTokens(const QByteArray& requestBody);
    // The completion of a whole JSON answer (choices' message content or text, Anthropic's content).
    static qint64 completionTokens(const QByteArray& answer);
    // How many events in these stream bytes add text (a delta with non-empty content).
    static qint64 textEvents(const QByteArray& streamBytes);
    static qint64 tokensOfText(qsizetype utf8Bytes);
};

} // namespace gatehouse
