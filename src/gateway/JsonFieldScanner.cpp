#include "gateway/JsonFieldScanner.h"

#include <iterator>

namespace gatehouse {

namespace {

// A character iterator that publishes how far the parser has read: when a string value is reported
// the parser has consumed exactly up to its closing quote, which gives the value's end offset.
struct TrackingIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* position = nullptr;
    const char** cursor = nullptr;

    reference operator*() const { return *position; }
    TrackingIterator& operator++() {
        ++position;
        *cursor = position;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackingIterator& other) const { return position == other.position; }
    bool operator!=(const TrackingIterator& other) const { return position != other.position; }
};

// The opening quote of the string that ends just before `end` (its closing quote is end[-1]): the
// nearest quote before it that is not escaped, that is, preceded by an even number of backslashes.
const char* openingQuote(const char* begin, const char* end) {
    for (const char* p = end - 2; p >= begin; --p) {
        if (*p != '"')
            continue;
        int backslashes = 0;
        for (const char* q = p - 1; q >= begin && *q == '\\'; --q)
            ++backslashes;
        if (backslashes % 2 == 0)
            return p;
    }
    return begin;
}

} // namespace

class JsonFieldScanner::Handler {
public:
    Handler(const std::vector<Path>& paths, std::vector<Field>& fields, const char* text, const char** cursor)
        : m_paths(paths), m_fields(fields), m_text(text), m_cursor(cursor) {}

    bool null() { return scalar(Json()); }
    bool boolean(bool value) { return scalar(Json(value)); }
    bool number_integer(Json::number_integer_t value) { return scalar(Json(value)); }
    bool number_unsigned(Json::number_unsigned_t value) { return scalar(Json(value)); }
    bool number_float(Json::number_float_t value, const std::string&) { return scalar(Json(value)); }
    bool binary(Json::binary_t&) { return true; }
    bool string(std::string& value) {
        const char* end = *m_cursor;
        const int index = matchingField();
        if (index >= 0) {
            Field& field = m_fields[std::size_t(index)];
            field.found = true;
            field.isContainer = false;
            field.value = std::move(value);
            field.begin = openingQuote(m_text, end) - m_text;
            field.end = end - m_text;
        }
        return true;
    }
    bool start_object(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(true); }
    bool end_array() { return close(); }
    bool key(std::string& name) {
        m_frames.back().key = name;
        // The parser reports a name having read exactly up to its closing quote.
        if (const int index = matchingField(); index >= 0)
            m_fields[std::size_t(index)].keyEnd = *m_cursor - m_text;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

    bool sawObjectAtTop() const { return m_topIsObject; }

private:
    struct Frame {
        bool isArray = false;
        std::string key;
    };

    // The index of the requested path the value about to be reported sits at, or -1.
    int matchingField() const {
        for (std::size_t i = 0; i < m_paths.size(); ++i) {
            const Path& path = m_paths[i];
            if (path.empty() || path.size() != m_frames.size())
                continue;
            bool same = true;
            for (std::size_t depth = 0; depth < path.size() && same; ++depth)
                same = !m_frames[depth].isArray && m_frames[depth].key == path[depth];
            if (same)
                return int(i);
        }
        return -1;
    }
    bool scalar(Json value) {
        const int index = matchingField();
        if (index >= 0) {
            Field& field = m_fields[std::size_t(index)];
            const qsizetype keyEnd = field.keyEnd;
            field = Field();
            field.found = true;
            field.value = std::move(value);
            field.keyEnd = keyEnd;
        }
        return true;
    }
    bool open(bool isArray) {
        if (m_frames.empty() && !m_seenValue)
            m_topIsObject = !isArray;
        if (const int index = matchingField(); index >= 0) {
            Field& field = m_fields[std::size_t(index)];
            const qsizetype keyEnd = field.keyEnd;
            field = Field();
            field.found = true;
            field.isContainer = true;
            field.keyEnd = keyEnd;
        }
        m_frames.push_back({isArray, {}});
        m_seenValue = true;
        return true;
    }
    bool close() {
        m_frames.pop_back();
        return true;
    }

    const std::vector<Path>& m_paths;
    std::vector<Field>& m_fields;
    const char* m_text;
    const char** m_cursor;
    std::vector<Frame> m_frames;
    bool m_topIsObject = false;
    bool m_seenValue = false;
};

JsonFieldScanner::JsonFieldScanner(std::vector<Path> paths)
    : m_paths(std::move(paths)), m_fields(m_paths.size()) {
}

JsonFieldScanner::Outcome JsonFieldScanner::scan(const char* begin, const char* end, bool trailing) {
    m_fields.assign(m_paths.size(), Field());
    const char* cursor = begin;
    Handler handler(m_paths, m_fields, begin, &cursor);
    const bool valid = Json::sax_parse(TrackingIterator{begin, &cursor}, TrackingIterator{end, &cursor},
                                       &handler, nlohmann::detail::input_format_t::json, !trailing, false);
    if (!valid) {
        m_fields.assign(m_paths.size(), Field());
        return Outcome::Invalid;
    }
    return handler.sawObjectAtTop() ? Outcome::Object : Outcome::NotObject;
}

} // namespace gatehouse
