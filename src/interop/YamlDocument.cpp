#include "interop/YamlDocument.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>
#include <limits>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

// YAML 1.2 core schema resolution of a plain scalar.
Json plainScalar(const std::string& text) {
    static const QRegularExpression nullPattern(QStringLiteral("^(~|null|Null|NULL)?$"));
    static const QRegularExpression truePattern(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression falsePattern(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression decimalPattern(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression octalPattern(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hexPattern(QStringLiteral("^0x[0-9a-fA-F]+$"));
    static const QRegularExpression floatPattern(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression infinityPattern(QStringLiteral("^[-+]?\\.(inf|Inf|INF)$"));
    static const QRegularExpression nanPattern(QStringLiteral("^\\.(nan|NaN|NAN)$"));
    const QString value = toQString(text);
    if (nullPattern.match(value).hasMatch())
        return nullptr;
    if (truePattern.match(value).hasMatch())
        return true;
    if (falsePattern.match(value).hasMatch())
        return false;
    bool ok = false;
    if (decimalPattern.match(value).hasMatch()) {
        const qlonglong number = value.toLongLong(&ok);
        if (ok)
            return qint64(number);
        // Beyond 64 bits: a float, as JSON would read it.
        return value.toDouble();
    }
    if (octalPattern.match(value).hasMatch()) {
        const qlonglong number = value.mid(2).toLongLong(&ok, 8);
        if (ok)
            return qint64(number);
    }
    if (hexPattern.match(value).hasMatch()) {
        const qlonglong number = value.mid(2).toLongLong(&ok, 16);
        if (ok)
            return qint64(number);
    }
    if (floatPattern.match(value).hasMatch()) {
        const double number = value.toDouble(&ok);
        if (ok && std::isfinite(number))
            return number;
    }
    // JSON has no infinity or NaN: such a value stays the text it was.
    Q_UNUSED(infinityPattern);
    Q_UNUSED(nanPattern);
    return text;
}

struct Positions {
    std::unordered_map<std::string, TextPosition>& values;
    std::unordered_map<std::string, TextPosition>& keys;
};

TextPosition positionOf(const YAML::Mark& mark) {
    // yaml-cpp counts lines and columns from 0.
    return TextPosition{mark.line + 1, mark.column + 1};
}

// One reference token of a JSON pointer (RFC 6901): "~" and "/" escaped.
std::string pointerToken(const std::string& key) {
    std::string token;
    token.reserve(key.size());
    for (const char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return token;
}

// A YAML alias repeats a node without repeating its text: nine lines of nested aliases expand to a
// billion values. Conversion stops at this many values, far beyond any API project or OpenAPI document.
constexpr std::size_t maxValues = 1000000;
// A document is read whole; nothing Gatehouse imports comes near this.
constexpr qsizetype maxDocumentBytes = 64 * 1024 * 1024;

struct TooManyValues {};

// `positions` is null when the caller does not want them (parse()); `pointer` names `node`;
// `budget` counts down the values still allowed (see maxValues).
Json toJson(const YAML::Node& node, Positions* positions, const std::string& pointer, std::size_t& budget) {
    if (budget == 0)
        throw TooManyValues();
    --budget;
    if (positions && !node.Mark().is_null() && !node.IsNull())
        positions->values[pointer] = positionOf(node.Mark());
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return nullptr;
    case YAML::NodeType::Scalar:
        // "?" is the tag of a plain scalar; a quoted one has "!" and is a string whatever it says.
        return node.Tag() == "?" ? plainScalar(node.Scalar()) : Json(node.Scalar());
    case YAML::NodeType::Sequence: {
        Json array = Json::array();
        std::size_t index = 0;
        for (const YAML::Node& item : node) {
            array.push_back(
                toJson(item, positions, positions ? pointer + '/' + std::to_string(index) : pointer, budget));
            ++index;
        }
        return array;
    }
    case YAML::NodeType::Map: {
        Json object = Json::object();
        for (const auto& entry : node) {
            const std::string key = entry.first.as<std::string>();
            if (!positions) {
                object[key] = toJson(entry.second, nullptr, pointer, budget);
                continue;
            }
            const std::string child = pointer + '/' + pointerToken(key);
            // The key's place first: an empty value keeps it, any other value replaces it with its own.
            if (!entry.first.Mark().is_null()) {
                positions->values[child] = positionOf(entry.first.Mark());
                positions->keys[child] = positionOf(entry.first.Mark());
            }
            object[key] = toJson(entry.second, positions, child, budget);
        }
        return object;
    }
    }
    return nullptr;
}

bool needsQuotes(const std::string& text) {
    if (text.empty())
        return true;
    // Anything that would read back as another type, or that YAML would parse differently.
    if (!plainScalar(text).is_string())
        return true;
    static const QRegularExpression unsafe(
        QStringLiteral("(^[\\s\\-?:,\\[\\]{}#&*!|>'\"%@`]|: |\\s#|\\s$|[\\x00-\\x1f\\x7f])"));
    return unsafe.match(toQString(text)).hasMatch();
}

void emit(YAML::Emitter& out, const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        out << YAML::Null;
        break;
    case Json::value_t::boolean:
        out << (value.get<bool>() ? "true" : "false");
        break;
    case Json::value_t::number_integer:
        out << value.get<qint64>();
        break;
    case Json::value_t::number_unsigned:
        out << value.get<std::uint64_t>();
        break;
    case Json::value_t::number_float: {
        // The shortest text that reads back as the same double, always with a dot or an exponent.
        std::string text = dumpCompact(value);
        if (text.find_first_of(".eE") == std::string::npos)
            text += ".0";
        out << text;
        break;
    }
    case Json::value_t::string: {
        const std::string& text = value.get_ref<const std::string&>();
        if (needsQuotes(text))
            out << YAML::DoubleQuoted << text;
        else
            out << text;
        break;
    }
    case Json::value_t::array:
        if (value.empty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const Json& item : value)
            emit(out, item);
        out << YAML::EndSeq;
        break;
    case Json::value_t::object:
        if (value.empty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const auto& [key, item] : value.items()) {
            out << YAML::Key;
            if (needsQuotes(key))
                out << YAML::DoubleQuoted;
            out << key << YAML::Value;
            emit(out, item);
        }
        out << YAML::EndMap;
        break;
    case Json::value_t::binary:
    case Json::value_t::discarded:
        out << YAML::Null;
        break;
    }
}

} // namespace

namespace {

QString syntaxError(const YAML::Exception& error, const QString& fileName) {
    // yaml-cpp counts lines and columns from 0.
    const QString where =
        error.mark.is_null()
            ? fileName
            : QStringLiteral("%1:%2:%3").arg(fileName).arg(error.mark.line + 1).arg(error.mark.column + 1);
    return QCoreApplication::translate("YamlDocument", "%1: %2").arg(where, toQString(error.msg));
}

QString tooLarge(const QString& fileName) {
    return QCoreApplication::translate("YamlDocument", "%1: the document is larger than %2 MiB")
        .arg(fileName)
        .arg(maxDocumentBytes / (1024 * 1024));
}

QString tooManyValues(const QString& fileName) {
    return QCoreApplication::translate("YamlDocument",
                                       "%1: the document expands to more than %2 values (aliases repeating "
                                       "aliases?)")
        .arg(fileName)
        .arg(maxValues);
}

} // namespace

Result<Json> YamlDocument::parse(const QByteArray& text, const QString& fileName) {
    if (text.size() > maxDocumentBytes)
        return Result<Json>::failure(tooLarge(fileName));
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        std::size_t budget = maxValues;
        return Result<Json>::success(toJson(root, nullptr, std::string(), budget));
    } catch (const YAML::Exception& error) {
        return Result<Json>::failure(syntaxError(error, fileName));
    } catch (const TooManyValues&) {
        return Result<Json>::failure(tooManyValues(fileName));
    }
}

Result<YamlDocument::Located> YamlDocument::parseLocated(const QByteArray& text, const QString& fileName) {
    if (text.size() > maxDocumentBytes)
        return Result<Located>::failure(tooLarge(fileName));
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        Located located;
        Positions positions{located.positions, located.keyPositions};
        std::size_t budget = maxValues;
        located.value = toJson(root, &positions, std::string(), budget);
        return Result<Located>::success(std::move(located));
    } catch (const YAML::Exception& error) {
        return Result<Located>::failure(syntaxError(error, fileName));
    } catch (const TooManyValues&) {
        return Result<Located>::failure(tooManyValues(fileName));
    }
}

QByteArray YamlDocument::write(const Json& value) {
    YAML::Emitter out;
    out.SetIndent(2);
    emit(out, value);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    if (!text.endsWith('\n'))
        text.append('\n');
    return text;
}

} // namespace gatehouse
