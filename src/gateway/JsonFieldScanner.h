#pragma once

#include "core/Json.h"

#include <QByteArray>
#include <string>
#include <vector>

namespace gatehouse {

// Reads a few member values out of a JSON document without building it: a SAX pass that validates
// the whole text and keeps only the scalars at the requested member paths (such as {"usage",
// "total_tokens"}), with the byte span of string values so that one can be replaced in place.
// The gateway reads the requested model and the stream flag of every request, and the token counts
// of every answer; building an ordered DOM for that cost more than the rest of a call.
class JsonFieldScanner {
public:
    using Path = std::vector<std::string>;

    struct Field {
        bool found = false;
        Json value;           // the scalar found (the last one, when a member repeats)
        qsizetype begin = -1; // a string value's span in the text, quotes included
        qsizetype end = -1;
        qsizetype keyEnd = -1;    // just past the member's name (its closing quote), whatever the value
        bool isContainer = false; // the member holds an object or an array (value stays null)
    };
    enum class Outcome { Object, NotObject, Invalid };

    explicit JsonFieldScanner(std::vector<Path> paths);

    // trailing: what follows the first value is ignored (for reading one member's value in place).
    Outcome scan(const char* begin, const char* end, bool trailing = false);
    Outcome scan(const QByteArray& text) { return scan(text.cbegin(), text.cend()); }
    const Field& field(std::size_t index) const { return m_fields.at(index); }

private:
    class Handler;
    std::vector<Path> m_paths;
    std::vector<Field> m_fields;
};

} // namespace gatehouse
