#include "core/Json.h"

#include <QByteArray>
#include <QCoreApplication>

namespace gatehouse {

namespace {

// A SAX consumer that keeps nothing and remembers where the parser gave up.
struct ErrorByte {
    std::size_t byte = 0;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        byte = position;
        return false;
    }
};

} // namespace

std::size_t jsonErrorByte(const char* begin, const char* end) {
    ErrorByte consumer;
    Json::sax_parse(begin, end, &consumer);
    return consumer.byte;
}

std::string dumpCompact(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string dumpPretty(const Json& value) {
    return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::optional<qint64> jsonWholeMember(const Json& object, const char* key, qint64 fallback) {
    if (!object.is_object() || !object.contains(key) || object[key].is_null())
        return fallback;
    const Json& value = object[key];
    if (value.is_string()) {
        bool numeric = false;
        const qint64 number = toQString(value.get<std::string>()).trimmed().toLongLong(&numeric);
        return numeric ? std::optional<qint64>(number) : std::nullopt;
    }
    return jsonInteger(value);
}

std::optional<qint64> jsonInteger(const Json& value) {
    if (value.is_number_integer()) {
        // An unsigned beyond qint64 does not fit either.
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(INT64_MAX))
            return std::nullopt;
        return value.get<qint64>();
    }
    if (!value.is_number_float())
        return std::nullopt;
    const double number = value.get<double>();
    // 2^63 is exactly representable; every double below it and at or above -2^63 converts.
    if (!(number >= -9223372036854775808.0 && number < 9223372036854775808.0))
        return std::nullopt;
    return qint64(number);
}

const char* jsonTypeSourceText(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::object:
        return QT_TRANSLATE_NOOP("Json", "an object");
    case Json::value_t::array:
        return QT_TRANSLATE_NOOP("Json", "an array");
    case Json::value_t::string:
        return QT_TRANSLATE_NOOP("Json", "a string");
    case Json::value_t::boolean:
        return QT_TRANSLATE_NOOP("Json", "a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return QT_TRANSLATE_NOOP("Json", "an integer");
    case Json::value_t::number_float:
        return QT_TRANSLATE_NOOP("Json", "a number");
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return QT_TRANSLATE_NOOP("Json", "an unknown value");
}

QString describeJsonType(const Json& value) {
    // "null" is JSON's own word, the same in every language.
    return value.is_null() ? QStringLiteral("null")
                           : QCoreApplication::translate("Json", jsonTypeSourceText(value));
}

TextPosition positionOfOffset(const QByteArray& text, qsizetype byteOffset) {
    TextPosition position;
    const qsizetype end = qMin(byteOffset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(text.at(i)) & 0xC0) != 0x80) {
            ++position.column; // count characters, not UTF-8 continuation bytes
        }
    }
    return position;
}

QString jsonStringMember(const Json& object, const char* key) {
    if (!object.is_object())
        return QString();
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? toQString(it->get_ref<const std::string&>()).trimmed()
                                                 : QString();
}

} // namespace gatehouse
