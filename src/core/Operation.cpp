#include "core/Operation.h"

#include "core/JsonFieldReader.h"

#include <QRegularExpression>

namespace gatehouse {

QString Operation::key() const {
    return verb + QLatin1Char(' ') + path;
}

bool Operation::matchesPath(const QString& concretePath) const {
    const QStringList expected = path.split(QLatin1Char('/'));
    const QStringList given = concretePath.split(QLatin1Char('/'));
    if (expected.size() != given.size())
        return false;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QString& segment = expected.at(i);
        const bool variable = segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
        if (variable ? given.at(i).isEmpty() : segment != given.at(i))
            return false;
    }
    return true;
}

bool Operation::operator==(const Operation& other) const {
    return verb == other.verb && path == other.path && summary == other.summary &&
           sampleBody == other.sampleBody && policies == other.policies;
}

Json Operation::toJson() const {
    Json json = Json::object();
    json["verb"] = toStdString(verb);
    json["path"] = toStdString(path);
    if (!summary.isEmpty())
        json["summary"] = toStdString(summary);
    if (!sampleBody.is_null())
        json["sampleBody"] = sampleBody;
    if (!policies.isEmpty())
        json["policies"] = policies.toJson();
    return json;
}

Operation Operation::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    Operation operation;
    operation.verb = reader.requiredString("verb").toUpper();
    operation.path = reader.requiredString("path");
    operation.summary = reader.optionalString("summary");
    if (const Json* sample = reader.optionalValue("sampleBody"))
        operation.sampleBody = *sample;
    if (reader.optionalValue("policies"))
        operation.policies = PolicyFlows::fromJson(json["policies"], reader.childPath("policies"), errors);
    return operation;
}

bool parseOperationKey(const QString& text, QString* verb, QString* path) {
    static const QRegularExpression shape(QStringLiteral("^\\s*([A-Za-z]+)\\s+(/\\S*)\\s*$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return false;
    *verb = match.captured(1).toUpper();
    *path = match.captured(2);
    return true;
}

} // namespace gatehouse
