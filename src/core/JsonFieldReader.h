#pragma once

#include "core/Json.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// Reads typed fields of one JSON object, recording each problem as "<path>: <reason>" so that a
// broken workspace file is reported precisely ("$.endpoints[1].url: expected a string, found an
// integer") instead of half-loaded. Missing optional fields take their fallback silently.
class JsonFieldReader {
    Q_DECLARE_TR_FUNCTIONS(JsonFieldReader)

public:
    // The language of the reasons: the user's, for files a person repairs, or English, for reasons
    // sent over the wire (the mock's control API).
    enum class Language { User, English };

    JsonFieldReader(const Json& object, QString path, QStringList* errors,
                    Language language = Language::User);

    bool isObject() const { return m_isObject; }
    QString path() const { return m_path; }
    QString childPath(const char* key) const;

    QString requiredString(const char* key);
    QString optionalString(const char* key, const QString& fallback = {});
    bool optionalBool(const char* key, bool fallback);
    qint64 optionalInteger(const char* key, qint64 fallback, qint64 minimum = 0);
    // For a field kept in an int: a larger value is reported, never wrapped around into another one.
    int optionalInt(const char* key, int fallback, int minimum = 0);
    QDateTime optionalDateTime(const char* key);
    QStringList optionalStringList(const char* key);
    // nullptr when the field is absent (or of the wrong type, which is then reported).
    const Json* optionalArray(const char* key);
    const Json* optionalObject(const char* key);
    const Json* optionalValue(const char* key) const;

    void addError(const QString& path, const QString& reason);
    // Records "<path>.<key>: is required", for a field that must be present whatever its type.
    void addRequired(const char* key);

private:
    const Json* typed(const char* key, Json::value_t expected, const char* expectedName);
    // `sourceText` marked with QT_TRANSLATE_NOOP("JsonFieldReader", ...), in the reader's language.
    QString localized(const char* sourceText) const;
    // A type name marked with QT_TRANSLATE_NOOP("Json", ...), or the type of `value`.
    QString typeName(const char* sourceText) const;
    QString typeOf(const Json& value) const;

    const Json& m_object;
    QString m_path;
    QStringList* m_errors;
    Language m_language = Language::User;
    bool m_isObject = false;
};

// Paths of findings: "a[2]", and "a.b" (just "b" under the root path "").
QString jsonIndexPath(const QString& path, std::size_t index);
QString jsonChildPath(const QString& path, const QString& key);

} // namespace gatehouse
