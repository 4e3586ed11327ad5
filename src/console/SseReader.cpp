#include "console/SseReader.h"

#include "core/Json.h"

#include <utility>

namespace gatehouse {

namespace {

std::optional<qint64> integerField(const Json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    // A float count that fits is a count; 1e300 is none (see jsonInteger).
    return jsonInteger(*it);
}

} // namespace

std::vector<SseReader::Event> SseReader::feed(const QByteArray& bytes) {
    const char* data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype lineStart = 0;
    if (m_skipLf && size > 0) {
        if (data[0] == '\n')
            lineStart = 1;
        m_skipLf = false;
    }
    for (qsizetype i = lineStart; i < size; ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        // A line may have begun in an earlier chunk: only then is copying into m_buffer needed.
        if (m_buffer.isEmpty()) {
            processLine(bytes.mid(lineStart, i - lineStart));
        } else {
            m_buffer.append(data + lineStart, i - lineStart);
            processLine(m_buffer);
            m_buffer.clear();
        }
        if (c == '\r') {
            // "\r\n" is one line end, even when the chunk boundary falls between the two bytes.
            if (i + 1 < size) {
                if (data[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        lineStart = i + 1;
    }
    if (lineStart < size)
        m_buffer.append(data + lineStart, size - lineStart);
    return std::exchange(m_pending, {});
}

void SseReader::reset() {
    *this = SseReader();
}

void SseReader::processLine(const QByteArray& rawLine) {
    QByteArray line = rawLine;
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark may open the stream
            line.remove(0, 3);
    }
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.startsWith(':'))
        return; // a comment, as servers send to keep idle connections open
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_eventType = value;
    } else if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    }
    // "id" and "retry" matter to reconnecting EventSource clients only; a console does not reconnect.
}

void SseReader::dispatch() {
    if (m_hasData) {
        Event event{QString::fromUtf8(m_eventType), QString::fromUtf8(m_data)};
        if (m_eventType.isEmpty() || m_eventType == "message")
            interpret(m_data);
        m_pending.push_back(std::move(event));
    }
    m_eventType.clear();
    m_data.clear();
    m_hasData = false;
}

void SseReader::interpret(const QByteArray& data) {
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        return;
    }
    ++m_chunks;
    const Json chunk = Json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!chunk.is_object())
        return;
    if (const auto model = chunk.find("model"); model != chunk.end() && model->is_string()) {
        const QString name = toQString(model->get_ref<const std::string&>());
        if (!name.isEmpty())
            m_model = name;
    }
    if (const auto choices = chunk.find("choices");
        choices != chunk.end() && choices->is_array() && !choices->empty() && choices->front().is_object()) {
        const Json& choice = choices->front();
        QString piece;
        if (const auto delta = choice.find("delta"); delta != choice.end() && delta->is_object()) {
            if (const auto content = delta->find("content"); content != delta->end() && content->is_string())
                piece = toQString(content->get_ref<const std::string&>());
        } else if (const auto text = choice.find("text"); text != choice.end() && text->is_string()) {
            piece = toQString(text->get_ref<const std::string&>()); // the legacy completions stream
        }
        if (!piece.isEmpty()) {
            m_text += piece;
            ++m_contentChunks;
        }
    }
    if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
        if (const auto prompt = integerField(*usage, "prompt_tokens"))
            m_promptTokens = prompt;
        if (const auto completion = integerField(*usage, "completion_tokens"))
            m_completionTokens = completion;
        if (const auto total = integerField(*usage, "total_tokens"))
            m_totalTokens = total;
    }
}

} // namespace gatehouse
