#include "core/JsonFieldReader.h"

#include <limits>

namespace gatehouse {

namespace {
bool isIntegerValue(const Json& value) {
    return value.is_number_integer() || value.is_number_unsigned();
}
} // namespace

QString jsonIndexPath(const QString& path, std::size_t index) {
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString jsonChildPath(const QString& path, const QString& key) {
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

JsonFieldReader::JsonFieldReader(const Json& object, QString path, QStringList* errors, Language language)
    : m_object(object), m_path(std::move(path)), m_errors(errors), m_language(language),
      m_isObject(object.is_object()) {
    if (!m_isObject)
        addError(m_path, localized(QT_TRANSLATE_NOOP("JsonFieldReader", "expected %1, found %2"))
                             .arg(typeName(QT_TRANSLATE_NOOP("Json", "an object")), typeOf(object)));
}

QString JsonFieldReader::localized(const char* sourceText) const {
    return m_language == Language::English ? QString::fromUtf8(sourceText) : tr(sourceText);
}

QString JsonFieldReader::typeName(const char* sourceText) const {
    return m_language == Language::English ? QString::fromUtf8(sourceText)
                                           : QCoreApplication::translate("Json", sourceText);
}

QString JsonFieldReader::typeOf(const Json& value) const {
    return m_language == Language::English ? QString::fromUtf8(jsonTypeSourceText(value))
                                           : describeJsonType(value);
}

QString JsonFieldReader::childPath(const char* key) const {
    return m_path + QLatin1Char('.') + QLatin1String(key);
}

void JsonFieldReader::addError(const QString& path, const QString& reason) {
    if (m_errors)
        m_errors->append(path + QStringLiteral(": ") + reason);
}

void JsonFieldReader::addRequired(const char* key) {
    addError(childPath(key), localized(QT_TRANSLATE_NOOP("JsonFieldReader", "is required")));
}

const Json* JsonFieldReader::optionalValue(const char* key) const {
    if (!m_isObject)
        return nullptr;
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null())
        return nullptr;
    return &*it;
}

const Json* JsonFieldReader::typed(const char* key, Json::value_t expected, const char* expectedName) {
    const Json* value = optionalValue(key);
    if (!value)
        return nullptr;
    const bool matches = value->type() == expected;
    if (!matches) {
        addError(childPath(key), localized(QT_TRANSLATE_NOOP("JsonFieldReader", "expected %1, found %2"))
                                     .arg(typeName(expectedName), typeOf(*value)));
        return nullptr;
    }
    return value;
}

QString JsonFieldReader::requiredString(const char* key) {
    if (m_isObject && !optionalValue(key)) {
        addRequired(key);
        return {};
    }
    return optionalString(key);
}

QString JsonFieldReader::optionalString(const char* key, const QString& fallback) {
    const Json* value = typed(key, Json::value_t::string, QT_TRANSLATE_NOOP("Json", "a string"));
    return value ? toQString(value->get_ref<const std::string&>()) : fallback;
}

bool JsonFieldReader::optionalBool(const char* key, bool fallback) {
    const Json* value = typed(key, Json::value_t::boolean, QT_TRANSLATE_NOOP("Json", "a boolean"));
    return value ? value->get<bool>() : fallback;
}

qint64 JsonFieldReader::optionalInteger(const char* key, qint64 fallback, qint64 minimum) {
    const Json* value = optionalValue(key);
    if (!value)
        return fallback;
    if (!isIntegerValue(*value)) {
        addError(childPath(key), localized(QT_TRANSLATE_NOOP("JsonFieldReader", "expected %1, found %2"))
                                     .arg(typeName(QT_TRANSLATE_NOOP("Json", "an integer")), typeOf(*value)));
        return fallback;
    }
    if (value->is_number_unsigned() && value->get<std::uint64_t>() > std::uint64_t(INT64_MAX)) {
        addError(childPath(key), localized(QT_TRANSLATE_NOOP("JsonFieldReader", "is too large")));
        return fallback;
    }
    const qint64 number = value->get<qint64>();
    if (number < minimum) {
        addError(childPath(key),
                 localized(QT_TRANSLATE_NOOP("JsonFieldReader", "must be at least %1 (got %2)"))
                     .arg(minimum)
                     .arg(number));
        return fallback;
    }
    return number;
}

int JsonFieldReader::optionalInt(const char* key, int fallback, int minimum) {
    const qint64 number = optionalInteger(key, fallback, minimum);
    if (number > std::numeric_limits<int>::max()) {
        addError(childPath(key),
                 localized(QT_TRANSLATE_NOOP("JsonFieldReader", "must be at most %1 (got %2)"))
                     .arg(std::numeric_limits<int>::max())
                     .arg(number));
        return fallback;
    }
    return int(number);
}

QDateTime JsonFieldReader::optionalDateTime(const char* key) {
    const QString text = optionalString(key);
    if (text.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        addError(childPath(key),
                 localized(QT_TRANSLATE_NOOP("JsonFieldReader", "is not an ISO 8601 date and time: \"%1\""))
                     .arg(text));
    return when;
}

QStringList JsonFieldReader::optionalStringList(const char* key) {
    QStringList list;
    const Json* array = optionalArray(key);
    if (!array)
        return list;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Json& item = (*array)[i];
        if (!item.is_string()) {
            addError(jsonIndexPath(childPath(key), i),
                     localized(QT_TRANSLATE_NOOP("JsonFieldReader", "expected %1, found %2"))
                         .arg(typeName(QT_TRANSLATE_NOOP("Json", "a string")), typeOf(item)));
            continue;
        }
        list.append(toQString(item.get_ref<const std::string&>()));
    }
    return list;
}

const Json* JsonFieldReader::optionalArray(const char* key) {
    return typed(key, Json::value_t::array, QT_TRANSLATE_NOOP("Json", "an array"));
}

const Json* JsonFieldReader::optionalObject(const char* key) {
    return typed(key, Json::value_t::object, QT_TRANSLATE_NOOP("Json", "an object"));
}

} // namespace gatehouse
