#include "core/JsonTextSelector.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace gatehouse {

namespace {

// A validating reader over [at, end). Every function returns false on text nlohmann would refuse.
// A non-validating reader (`validating` false) only skips: the walk along the path runs over text the
// validating pass has already accepted, and jumps over strings with memchr.
class Reader {
public:
    Reader(const char* begin, const char* end, bool validating = true)
        : m_at(begin), m_end(end), m_validating(validating) {}

    const char* at() const { return m_at; }
    bool tooDeep() const { return m_tooDeep; }

    void skipSpace() {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\t' || *m_at == '\n' || *m_at == '\r'))
            ++m_at;
    }

    bool value(int depth) {
        skipSpace();
        if (m_at == m_end)
            return false;
        switch (*m_at) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // A string from the opening quote; its decoded value into `out` when given (UTF-8).
    bool string(std::string* out) {
        ++m_at; // the opening quote
        if (!m_validating && !out) {
            while (true) {
                const void* quote = std::memchr(m_at, '"', std::size_t(m_end - m_at));
                if (!quote)
                    return false;
                const char* at = static_cast<const char*>(quote);
                const char* backslashes = at;
                while (backslashes > m_at && backslashes[-1] == '\\')
                    --backslashes;
                m_at = at + 1;
                if ((at - backslashes) % 2 == 0)
                    return true; // not escaped
            }
        }
        while (m_at < m_end) {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (!escape(out))
                    return false;
                continue;
            }
            if (c < 0x80) {
                if (out)
                    out->push_back(char(c));
                ++m_at;
                continue;
            }
            const char* start = m_at;
            if (!utf8Sequence())
                return false;
            if (out)
                out->append(start, std::size_t(m_at - start));
        }
        return false;
    }

private:
    bool object(int depth) {
        if (depth > JsonTextSelector::maxDepth) {
            m_tooDeep = true;
            return false;
        }
        ++m_at;
        skipSpace();
        if (m_at < m_end && *m_at == '}') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_at == m_end || *m_at != '"' || !string(nullptr))
                return false;
            skipSpace();
            if (m_at == m_end || *m_at != ':')
                return false;
            ++m_at;
            if (!value(depth))
                return false;
            skipSpace();
            if (m_at == m_end)
                return false;
            if (*m_at == '}') {
                ++m_at;
                return true;
            }
            if (*m_at++ != ',')
                return false;
        }
    }

    bool array(int depth) {
        if (depth > JsonTextSelector::maxDepth) {
            m_tooDeep = true;
            return false;
        }
        ++m_at;
        skipSpace();
        if (m_at < m_end && *m_at == ']') {
            ++m_at;
            return true;
        }
        while (true) {
            if (!value(depth))
                return false;
            skipSpace();
            if (m_at == m_end)
                return false;
            if (*m_at == ']') {
                ++m_at;
                return true;
            }
            if (*m_at++ != ',')
                return false;
        }
    }

    bool literal(const char* word) {
        const std::size_t length = std::strlen(word);
        if (std::size_t(m_end - m_at) < length || std::memcmp(m_at, word, length) != 0)
            return false;
        m_at += length;
        return true;
    }

    bool digits() {
        const char* start = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        return m_at > start;
    }

    bool number() {
        const char* start = m_at;
        if (m_at < m_end && *m_at == '-')
            ++m_at;
        if (m_at == m_end)
            return false;
        if (*m_at == '0')
            ++m_at;
        else if (!digits())
            return false;
        bool integer = true;
        if (m_at < m_end && *m_at == '.') {
            ++m_at;
            integer = false;
            if (!digits())
                return false;
        }
        if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
            ++m_at;
            integer = false;
            if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (!digits())
                return false;
        }
        if (!m_validating || (integer && m_at - start < 19))
            return true; // fits 64 bits whatever its digits
        // nlohmann keeps big integers as doubles and refuses what a double cannot hold (1e400).
        const std::string text(start, std::size_t(m_at - start));
        return std::isfinite(std::strtod(text.c_str(), nullptr));
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned* value) {
        if (m_end - m_at < 4)
            return false;
        *value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(m_at[i]);
            if (digit < 0)
                return false;
            *value = *value * 16 + unsigned(digit);
        }
        m_at += 4;
        return true;
    }

    static void appendUtf8(std::string* out, unsigned code) {
        if (code < 0x80) {
            out->push_back(char(code));
        } else if (code < 0x800) {
            out->push_back(char(0xC0 | (code >> 6)));
            out->push_back(char(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out->push_back(char(0xE0 | (code >> 12)));
            out->push_back(char(0x80 | ((code >> 6) & 0x3F)));
            out->push_back(char(0x80 | (code & 0x3F)));
        } else {
            out->push_back(char(0xF0 | (code >> 18)));
            out->push_back(char(0x80 | ((code >> 12) & 0x3F)));
            out->push_back(char(0x80 | ((code >> 6) & 0x3F)));
            out->push_back(char(0x80 | (code & 0x3F)));
        }
    }

    bool escape(std::string* out) {
        ++m_at; // the backslash
        if (m_at == m_end)
            return false;
        const char kind = *m_at++;
        char plain = 0;
        switch (kind) {
        case '"':
        case '\\':
        case '/':
            plain = kind;
            break;
        case 'b':
            plain = '\b';
            break;
        case 'f':
            plain = '\f';
            break;
        case 'n':
            plain = '\n';
            break;
        case 'r':
            plain = '\r';
            break;
        case 't':
            plain = '\t';
            break;
        case 'u': {
            unsigned code = 0;
            if (!hex4(&code))
                return false;
            if (code >= 0xDC00 && code <= 0xDFFF)
                return false; // a low surrogate first
            if (code >= 0xD800 && code <= 0xDBFF) {
                unsigned low = 0;
                if (m_end - m_at < 2 || m_at[0] != '\\' || m_at[1] != 'u')
                    return false;
                m_at += 2;
                if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF)
                    return false;
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            if (out)
                appendUtf8(out, code);
            return true;
        }
        default:
            return false;
        }
        if (out)
            out->push_back(plain);
        return true;
    }

    // One multi-byte UTF-8 sequence, as nlohmann's lexer accepts it (no overlongs, no surrogates).
    bool utf8Sequence() {
        const auto byte = [this](std::ptrdiff_t i) {
            return static_cast<unsigned char>(m_at[i]);
        };
        const auto inRange = [&](std::ptrdiff_t i, unsigned low, unsigned high) {
            return m_end - m_at > i && byte(i) >= low && byte(i) <= high;
        };
        const unsigned c = byte(0);
        std::ptrdiff_t length = 0;
        if (c >= 0xC2 && c <= 0xDF)
            length = inRange(1, 0x80, 0xBF) ? 2 : 0;
        else if (c == 0xE0)
            length = inRange(1, 0xA0, 0xBF) && inRange(2, 0x80, 0xBF) ? 3 : 0;
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
            length = inRange(1, 0x80, 0xBF) && inRange(2, 0x80, 0xBF) ? 3 : 0;
        else if (c == 0xED)
            length = inRange(1, 0x80, 0x9F) && inRange(2, 0x80, 0xBF) ? 3 : 0;
        else if (c == 0xF0)
            length = inRange(1, 0x90, 0xBF) && inRange(2, 0x80, 0xBF) && inRange(3, 0x80, 0xBF) ? 4 : 0;
        else if (c >= 0xF1 && c <= 0xF3)
            length = inRange(1, 0x80, 0xBF) && inRange(2, 0x80, 0xBF) && inRange(3, 0x80, 0xBF) ? 4 : 0;
        else if (c == 0xF4)
            length = inRange(1, 0x80, 0x8F) && inRange(2, 0x80, 0xBF) && inRange(3, 0x80, 0xBF) ? 4 : 0;
        if (length == 0)
            return false;
        m_at += length;
        return true;
    }

    const char* m_at;
    const char* m_end;
    bool m_validating;
    bool m_tooDeep = false;
};

// The value's span at the end of `path` within the (already validated) value at `begin`, or nullopt.
std::optional<std::pair<const char*, const char*>>
walk(const char* begin, const char* end, const std::vector<JsonPath::Step>& steps, std::size_t step) {
    Reader reader(begin, end, false);
    reader.skipSpace();
    const char* valueBegin = reader.at();
    if (step == steps.size()) {
        reader.value(0);
        return std::make_pair(valueBegin, reader.at());
    }
    const JsonPath::Step& current = steps[step];
    if (valueBegin == end)
        return std::nullopt;
    if (*valueBegin == '{' && current.kind == JsonPath::Step::Kind::Key) {
        // The last member of a repeated name wins, as in nlohmann's document.
        std::optional<std::pair<const char*, const char*>> found;
        Reader members(valueBegin + 1, end, false);
        while (true) {
            members.skipSpace();
            if (*members.at() == '}')
                return found ? walk(found->first, found->second, steps, step + 1) : std::nullopt;
            std::string key;
            members.string(&key);
            members.skipSpace();
            Reader afterColon(members.at() + 1, end, false);
            afterColon.skipSpace();
            const char* memberBegin = afterColon.at();
            afterColon.value(0);
            if (key == current.key)
                found = std::make_pair(memberBegin, afterColon.at());
            members = Reader(afterColon.at(), end, false);
            members.skipSpace();
            if (*members.at() == ',')
                members = Reader(members.at() + 1, end, false);
        }
    }
    if (*valueBegin == '[' && current.kind == JsonPath::Step::Kind::Index) {
        std::vector<std::pair<const char*, const char*>> elements;
        Reader items(valueBegin + 1, end, false);
        items.skipSpace();
        if (*items.at() != ']') {
            while (true) {
                items.skipSpace();
                const char* itemBegin = items.at();
                items.value(0);
                elements.emplace_back(itemBegin, items.at());
                items.skipSpace();
                if (*items.at() == ']')
                    break;
                items = Reader(items.at() + 1, end, false);
            }
        }
        const long long size = static_cast<long long>(elements.size());
        const long long index = current.index < 0 ? size + current.index : current.index;
        if (index < 0 || index >= size)
            return std::nullopt;
        const auto& [elementBegin, elementEnd] = elements[std::size_t(index)];
        return walk(elementBegin, elementEnd, steps, step + 1);
    }
    return std::nullopt;
}

} // namespace

JsonTextSelector::Selection JsonTextSelector::select(const QByteArray& json, const JsonPath& path) {
    Selection selection;
    if (!path.isDefinite()) {
        selection.outcome = Outcome::Unsupported;
        return selection;
    }
    const char* begin = json.constData();
    const char* end = begin + json.size();
    if (end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0)
        begin += 3; // nlohmann skips a byte order mark
    Reader whole(begin, end);
    const bool valid = whole.value(0);
    if (whole.tooDeep()) {
        selection.outcome = Outcome::Unsupported;
        return selection;
    }
    whole.skipSpace();
    if (!valid || whole.at() != end)
        return selection; // NotJson
    const auto found = walk(begin, end, path.steps(), 0);
    if (!found) {
        selection.outcome = Outcome::NotFound;
        return selection;
    }
    selection.outcome = Outcome::Found;
    selection.begin = found->first;
    selection.end = found->second;
    if (*found->first == '"') {
        std::string decoded;
        Reader(found->first, found->second).string(&decoded);
        selection.isString = true;
        selection.text = toQString(decoded);
    }
    return selection;
}

} // namespace gatehouse
