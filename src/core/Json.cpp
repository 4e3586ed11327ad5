#include "Json.h"

#include <QByteArray>

namespace gatehouse {

std::string dumpCompact(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string dumpPretty(const Json& value) {
    return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

QString describeJsonType(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return QStringLiteral("null");
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::array:
        return QStringLiteral("an array");
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::boolean:
        return QStringLiteral("a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return QStringLiteral("an integer");
    case Json::value_t::number_float:
        return QStringLiteral("a number");
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return QStringLiteral("an unknown value");
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

} // namespace gatehouse
