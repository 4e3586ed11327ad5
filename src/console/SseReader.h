#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace gatehouse {

// Incremental Server-Sent Events parser for OpenAI-style chat completion streams. Bytes go in as
// the network delivers them, split anywhere; complete events come out. Lines are split on bytes and
// an event's data is decoded only once the event is complete, so a multi-byte UTF-8 character cut
// by a chunk boundary is never decoded in halves. Besides the events, it keeps what a console shows
// about the stream: the assembled text, the model, the chunk count and the final usage.
class SseReader {
public:
    struct Event {
        QString event; // the "event:" field; empty means the default type "message"
        QString data;  // "data:" lines joined with '\n'
    };

    // Parses what `bytes` completes; returns the events that are now complete, in order.
    std::vector<Event> feed(const QByteArray& bytes);
    // Starts over, for reading another stream.
    void reset();

    bool isDone() const { return m_done; } // saw "data: [DONE]"
    QString assembledText() const { return m_text; }
    QString model() const { return m_model; }
    int chunkCount() const { return m_chunks; }               // data events, [DONE] excluded
    int contentChunkCount() const { return m_contentChunks; } // chunks that added text
    // From the last chunk that carried "usage" (OpenAI sends it in the final chunk).
    std::optional<qint64> promptTokens() const { return m_promptTokens; }
    std::optional<qint64> completionTokens() const { return m_completionTokens; }
    std::optional<qint64> totalTokens() const { return m_totalTokens; }

private:
    void processLine(const QByteArray& line);
    void dispatch();
    void interpret(const QByteArray& data);

    QByteArray m_buffer;   // bytes not yet part of a complete line
    bool m_skipLf = false; // the previous chunk ended in '\r': a leading '\n' belongs to it
    bool m_firstLine = true;
    QByteArray m_eventType;
    QByteArray m_data;
    bool m_hasData = false;
    std::vector<Event> m_pending;

    bool m_done = false;
    QString m_text;
    QString m_model;
    int m_chunks = 0;
    int m_contentChunks = 0;
    std::optional<qint64> m_promptTokens;
    std::optional<qint64> m_completionTokens;
    std::optional<qint64> m_totalTokens;
};

} // namespace gatehouse
