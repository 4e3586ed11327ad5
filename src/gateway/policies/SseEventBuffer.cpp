#include "gateway/policies/SseEventBuffer.h"

namespace gatehouse {

namespace {

// The end of the first event in `bytes` from `from`: one past its blank line, or -1.
qsizetype eventEnd(const QByteArray& bytes, qsizetype from) {
    const qsizetype lf = bytes.indexOf("\n\n", from);
    const qsizetype crlf = bytes.indexOf("\r\n\r\n", from);
    if (lf < 0 && crlf < 0)
        return -1;
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 4;
    return lf + 2;
}

// The JSON value holding an event's text, inside `document`; nullptr when there is none.
Json* contentNode(Json& document) {
    if (!document.is_object())
        return nullptr;
    const auto choices = document.find("choices");
    if (choices != document.end() && choices->is_array()) {
        for (Json& choice : *choices) {
            const auto delta = choice.is_object() ? choice.find("delta") : choice.end();
            if (delta == choice.end() || !delta->is_object())
                continue;
            const auto content = delta->find("content");
            if (content != delta->end() && content->is_string())
                return &*content;
        }
        return nullptr;
    }
    const auto delta = document.find("delta");
    if (delta != document.end() && delta->is_object()) {
        const auto text = delta->find("text");
        if (text != delta->end() && text->is_string())
            return &*text;
    }
    return nullptr;
}

Json parsedData(const QByteArray& event) {
    const QByteArray data = SseEventBuffer::dataOf(event);
    if (data.isEmpty() || data.front() != '{')
        return Json();
    Json document = Json::parse(data.constBegin(), data.constEnd(), nullptr, false);
    return document.is_discarded() ? Json() : document;
}

} // namespace

std::vector<QByteArray> SseEventBuffer::take(const QByteArray& bytes) {
    m_pending += bytes;
    std::vector<QByteArray> events;
    qsizetype start = 0;
    for (qsizetype end = eventEnd(m_pending, 0); end >= 0; end = eventEnd(m_pending, start)) {
        events.push_back(m_pending.mid(start, end - start));
        start = end;
    }
    m_pending.remove(0, start);
    return events;
}

QByteArray SseEventBuffer::takeRemainder() {
    return std::exchange(m_pending, QByteArray());
}

QByteArray SseEventBuffer::dataOf(const QByteArray& event) {
    QByteArray data;
    bool first = true;
    for (QByteArray line : event.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.startsWith("data:"))
            continue;
        line.remove(0, 5);
        if (line.startsWith(' '))
            line.remove(0, 1);
        if (!first)
            data += '\n';
        data += line;
        first = false;
    }
    return data;
}

bool SseEventBuffer::isDone(const QByteArray& event) {
    return dataOf(event).trimmed() == "[DONE]";
}

QString SseEventBuffer::contentOf(const QByteArray& event) {
    Json document = parsedData(event);
    const Json* content = contentNode(document);
    return content ? toQString(content->get<std::string>()) : QString();
}

QByteArray SseEventBuffer::withContent(const QByteArray& event, const QString& content) {
    Json document = parsedData(event);
    Json* node = contentNode(document);
    if (!node)
        return event;
    *node = content.toStdString();
    // Keep the event's other lines (event:, id:) and write the data as one line.
    QByteArray rewritten;
    for (const QByteArray& line : event.split('\n')) {
        if (line.isEmpty() || line == "\r" || line.startsWith("data:"))
            continue;
        rewritten += line + '\n';
    }
    rewritten += "data: " + QByteArray::fromStdString(dumpCompact(document)) + "\n\n";
    return rewritten;
}

QString SseEventBuffer::joinedContent(const QByteArray& stream) {
    SseEventBuffer buffer;
    QString text;
    for (const QByteArray& each : buffer.take(stream))
        text += contentOf(each);
    const QByteArray rest = buffer.takeRemainder();
    if (!rest.isEmpty())
        text += contentOf(rest);
    return text;
}

QByteArray SseEventBuffer::event(const QByteArray& data) {
    return "data: " + data + "\n\n";
}

} // namespace gatehouse
