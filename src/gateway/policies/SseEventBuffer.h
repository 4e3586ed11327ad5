#pragma once

#include "core/Json.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace gatehouse {

// Cuts a streamed answer (server-sent events) into whole events as its chunks arrive, and reads and
// rewrites the text each event adds: choices[i].delta.content (OpenAI and the compatible APIs) or
// delta.text (Anthropic). Policies that look at streamed text work per event, never per TCP chunk.
class SseEventBuffer {
public:
    // Appends `bytes` and returns the events now complete, each with its blank-line terminator.
    std::vector<QByteArray> take(const QByteArray& bytes);
    // What arrived after the last complete event.
    QByteArray takeRemainder();

    // The "data:" lines of an event, joined with newlines.
    static QByteArray dataOf(const QByteArray& event);
    static bool isDone(const QByteArray& event);
    // The text the event adds to the answer; empty for events without any.
    static QString contentOf(const QByteArray& event);
    // The event with the text it adds replaced by `content` (other fields, and their order, kept).
    static QByteArray withContent(const QByteArray& event, const QString& content);
    // The text of a whole streamed answer: every event's content, joined.
    static QString joinedContent(const QByteArray& stream);
    // An event whose data is `data`.
    static QByteArray event(const QByteArray& data);

private:
    QByteArray m_pending;
};

} // namespace gatehouse
