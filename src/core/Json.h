#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace gatehouse {

// Key order matters to users (diffs of workspace files, byte-exact WSO2 attributes), so every JSON
// document in Gatehouse keeps its keys in insertion order.
using Json = nlohmann::ordered_json;

// A JSON string's UTF-8 as a QString. QString::fromUtf8 drops a byte order mark at the start, but in a
// JSON value U+FEFF is text: a streamed token that is just a BOM must survive being decoded alone.
inline QString toQString(const std::string& utf8) {
    constexpr std::string_view byteOrderMark = "\xEF\xBB\xBF";
    if (utf8.compare(0, byteOrderMark.size(), byteOrderMark) != 0)
        return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    const std::string_view rest = std::string_view(utf8).substr(byteOrderMark.size());
    return QChar(0xFEFF) + toQString(std::string(rest));
}
inline std::string toStdString(const QString& text) {
    return text.toStdString();
}

// Compact UTF-8 serialisation that never throws: invalid UTF-8 inside strings is replaced.
std::string dumpCompact(const Json& value);
std::string dumpPretty(const Json& value);

// A short, user-facing name of a JSON value's type ("a string", "an array", ...), in the user's
// language. jsonTypeSourceText() is the English original (translation context "Json"), for messages
// that must stay English because they are sent over the wire.
QString describeJsonType(const Json& value);
const char* jsonTypeSourceText(const Json& value);

// A JSON number as a whole number when it is one that fits in 64 bits: 7 and 7.0 are 7, 7.9 is 7,
// and 1e300 or -1e19 (an upstream's bug or malice) is nullopt, because converting them would be
// undefined behaviour. Anything but a number is nullopt too.
std::optional<qint64> jsonInteger(const Json& value);

// A whole-number member of a policy's parameters, as Gatehouse writes it or as a string of digits
// (WSO2's habit): `fallback` when missing or null, nothing when it is neither.
std::optional<qint64> jsonWholeMember(const Json& object, const char* key, qint64 fallback);

// The trimmed text of `object`'s string member `key`; empty when it is missing or not a string. For
// reading what other servers answer (an error's message, a token), where a wrong type means "none".
QString jsonStringMember(const Json& object, const char* key);

// Where the parser stops reading `text`, counted from 1 like nlohmann's parse_error::byte. For the
// error that carries no position: a number too large for a double ("1e400") is valid JSON syntax,
// which nlohmann refuses with out_of_range (406) instead of a parse_error.
std::size_t jsonErrorByte(const char* begin, const char* end);

// 1-based line and column of a byte offset into text, for error messages that point at the spot.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionOfOffset(const QByteArray& text, qsizetype byteOffset);

} // namespace gatehouse
