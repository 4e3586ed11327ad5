#include "gateway/RequestBodyModel.h"

#include "gateway/JsonPointer.h"

#include <cctype>

namespace gatehouse {

namespace {

bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The end of the JSON value that starts at `begin` in a text already known to be valid JSON.
qsizetype valueEnd(const QByteArray& text, qsizetype begin) {
    const qsizetype size = text.size();
    if (begin < size && (text.at(begin) == '{' || text.at(begin) == '[')) {
        int depth = 0;
        bool inString = false;
        for (qsizetype i = begin; i < size; ++i) {
            const char c = text.at(i);
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return size;
    }
    qsizetype end = begin; // a number, true, false or null
    while (end < size && !isJsonSpace(text.at(end)) && text.at(end) != ',' && text.at(end) != '}' &&
           text.at(end) != ']')
        ++end;
    return end;
}

} // namespace

RequestBodyModel::RequestBodyModel(const QString& modelLocation)
    : m_location(modelLocation), m_steps(JsonPointer::stepsOf(modelLocation)) {
}

JsonFieldScanner::Outcome RequestBodyModel::scan(const QByteArray& body) {
    JsonFieldScanner scanner({m_steps, {"stream"}, {"stream_options"}, {"stream_options", "include_usage"}});
    const JsonFieldScanner::Outcome outcome = scanner.scan(body);
    m_model = scanner.field(0);
    const Json& stream = scanner.field(1).value;
    m_stream = stream.is_boolean() && stream.get<bool>();
    m_streamOptionsPresent = scanner.field(2).found;
    const Json& includeUsage = scanner.field(3).value;
    m_includeUsage = includeUsage.is_boolean() && includeUsage.get<bool>();
    return outcome;
}

QString RequestBodyModel::requestedModel() const {
    return m_model.value.is_string() ? toQString(m_model.value.get_ref<const std::string&>()) : QString();
}

QByteArray RequestBodyModel::withModel(const QByteArray& body, const QString& model) const {
    const std::string literal = dumpCompact(Json(model.toStdString()));
    // The usual case: the client named a model. Only that string changes.
    if (m_model.found && m_model.value.is_string() && m_model.begin >= 0)
        return body.left(m_model.begin) + QByteArray::fromStdString(literal) + body.mid(m_model.end);
    if (!m_model.found && m_steps.size() == 1) {
        // No model member: insert one at the start of the top-level object (its first '{').
        const qsizetype brace = body.indexOf('{');
        qsizetype next = brace + 1;
        while (next < body.size() && std::isspace(static_cast<unsigned char>(body.at(next))))
            ++next;
        const bool empty = next < body.size() && body.at(next) == '}';
        const std::string member = dumpCompact(Json(m_steps.front())) + ':' + literal + (empty ? "" : ",");
        return body.left(brace + 1) + QByteArray::fromStdString(member) + body.mid(brace + 1);
    }
    if (m_model.found && m_model.keyEnd >= 0) {
        // A model that is not a string: its value is replaced in place too. A document would cost far
        // more, and quadratic time on a body with a million members (ordered_json looks each name
        // up in a list).
        qsizetype begin = m_model.keyEnd;
        while (begin < body.size() && (isJsonSpace(body.at(begin)) || body.at(begin) == ':'))
            ++begin;
        return body.left(begin) + QByteArray::fromStdString(literal) + body.mid(valueEnd(body, begin));
    }
    // A nested location that is absent is created in a document.
    Json document = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    JsonPointer(m_location).set(document, Json(model.toStdString()));
    return QByteArray::fromStdString(dumpCompact(document));
}

QByteArray RequestBodyModel::withStreamUsage(const QByteArray& body) const {
    if (!m_streamOptionsPresent) {
        // The usual case: one member in front of the others (the body has at least "stream").
        const qsizetype brace = body.indexOf('{');
        return body.left(brace + 1) + QByteArrayLiteral("\"stream_options\":{\"include_usage\":true},") +
               body.mid(brace + 1);
    }
    // The client sent stream_options without asking for usage: set that one member, keep the rest.
    Json document = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    Json& options = document["stream_options"];
    if (!options.is_object())
        options = Json::object();
    options["include_usage"] = true;
    return QByteArray::fromStdString(dumpCompact(document));
}

} // namespace gatehouse
