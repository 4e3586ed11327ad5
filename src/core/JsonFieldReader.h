#pragma once

#include "Json.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// Reads typed fields of one JSON object, recording each problem as "<path>: <reason>" so that a
// broken workspace file is reported precisely ("$.endpoints[1].url: expected a string, found an
// integer") instead of half-loaded. Missing optional fields take their fallback silently.
class JsonFieldReader {
public:
    JsonFieldReader(const Json& object, QString path, QStringList* errors);

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

private:
    const Json* typed(const char* key, Json::value_t expected, const char* expectedName);

    const Json& m_object;
    QString m_path;
    QStringList* m_errors;
    bool m_isObject = false;
};

QString jsonIndexPath(const QString& path, std::size_t index);

} // namespace gatehouse
