#include "gateway/UsageReader.h"

#include "gateway/JsonPointer.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace gatehouse {

namespace {

// The '{' of the last object-valued member called `name` in a JSON text, or nullptr. A quote preceded
// by an even number of backslashes is a real one, and a real string followed by ':' is a key.
const char* lastMemberObject(const char* begin, const char* end, const std::string& name) {
    const std::string quoted = '"' + name + '"';
    const std::string_view text(begin, std::size_t(end - begin));
    std::size_t at = text.rfind(quoted);
    while (at != std::string_view::npos) {
        std::size_t backslashes = 0;
        while (backslashes < at && text[at - 1 - backslashes] == '\\')
            ++backslashes;
        std::size_t next = at + quoted.size();
        while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next])))
            ++next;
        if (backslashes % 2 == 0 && next < text.size() && text[next] == ':') {
            ++next;
            while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next])))
                ++next;
            if (next < text.size() && text[next] == '{')
                return begin + next;
        }
        if (at == 0)
            break;
        at = text.rfind(quoted, at - 1);
    }
    return nullptr;
}

JsonFieldScanner::Path pathOf(const ValueLocation& location) {
    return location.source == ValueLocation::Source::Payload ? JsonPointer::stepsOf(location.identifier)
                                                             : JsonFieldScanner::Path();
}

} // namespace

UsageReader::UsageReader(const Provider& provider)
    : m_paths{pathOf(provider.promptTokens),    pathOf(provider.completionTokens),
              pathOf(provider.totalTokens),     pathOf(provider.cachedTokens),
              pathOf(provider.reasoningTokens), pathOf(provider.responseModel)} {
}

ReportedUsage UsageReader::read(const QByteArray& answer, bool streamed, bool readModel) const {
    ReportedUsage usage;
    // The document: the whole answer, or a stream's last "data: {...}" event that carries usage.
    const char* begin = nullptr;
    const char* end = nullptr;
    if (streamed) {
        qsizetype lineEnd = answer.size();
        while (lineEnd > 0 && !begin) {
            const qsizetype lineStart = answer.lastIndexOf('\n', lineEnd - 1) + 1;
            const QByteArrayView line(answer.constData() + lineStart, lineEnd - lineStart);
            if (line.startsWith("data:") && line.contains(QByteArrayView("usage"))) {
                begin = line.data() + 5;
                end = line.data() + line.size();
            }
            lineEnd = lineStart - 1;
        }
    } else {
        begin = answer.cbegin();
        end = answer.cend();
    }
    if (!begin)
        return usage;
    while (begin < end && std::isspace(static_cast<unsigned char>(*begin)))
        ++begin;

    std::vector<JsonFieldScanner::Path> paths = m_paths;
    if (!readModel)
        paths[Model].clear();
    bool scanned = false;
    JsonFieldScanner scanner({});
    // Usually the counts are the members of one object ("usage") and the model is not needed: read
    // that object alone, found from the end of the answer, instead of the whole answer (a long
    // completion's text is most of it).
    const JsonFieldScanner::Path& first = paths[Prompt];
    const bool oneObject =
        paths[Model].empty() && first.size() == 2 &&
        std::all_of(paths.begin(), paths.begin() + Model, [&](const JsonFieldScanner::Path& path) {
            return path.empty() || (path.size() >= 2 && path.front() == first.front());
        });
    if (oneObject) {
        if (const char* object = lastMemberObject(begin, end, first.front())) {
            std::vector<JsonFieldScanner::Path> members;
            for (const JsonFieldScanner::Path& path : paths)
                members.push_back(path.empty() ? path : JsonFieldScanner::Path(path.begin() + 1, path.end()));
            scanner = JsonFieldScanner(std::move(members));
            scanned = scanner.scan(object, end, true) == JsonFieldScanner::Outcome::Object;
        }
    }
    if (!scanned) {
        scanner = JsonFieldScanner(std::move(paths));
        scanned = scanner.scan(begin, end) == JsonFieldScanner::Outcome::Object;
    }
    if (!scanned)
        return usage;
    const auto count = [&](Field field) -> qint64 {
        const Json& value = scanner.field(std::size_t(field)).value;
        return value.is_number() ? jsonInteger(value).value_or(-1) : -1;
    };
    usage.promptTokens = count(Prompt);
    usage.completionTokens = count(Completion);
    usage.totalTokens = count(Total);
    usage.cachedTokens = count(Cached);
    usage.reasoningTokens = count(Reasoning);
    if (usage.totalTokens < 0 && usage.promptTokens >= 0 && usage.completionTokens >= 0)
        usage.totalTokens = usage.promptTokens + usage.completionTokens;
    if (const Json& model = scanner.field(Model).value; model.is_string())
        usage.model = toQString(model.get_ref<const std::string&>());
    return usage;
}

} // namespace gatehouse
