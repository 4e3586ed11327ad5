#include "core/Revision.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

Json Revision::toJson() const {
    Json json = Json::object();
    json["apiId"] = toStdString(apiId);
    json["number"] = number;
    json["createdAt"] = toStdString(createdAt.toUTC().toString(Qt::ISODateWithMs));
    json["description"] = toStdString(description);
    json["api"] = api.toJson();
    return json;
}

Revision Revision::fromJson(const Json& json, QStringList* errors) {
    JsonFieldReader reader(json, QStringLiteral("$"), errors);
    Revision revision;
    revision.apiId = reader.requiredString("apiId");
    revision.number = reader.optionalInt("number", 0, 1);
    revision.createdAt = reader.optionalDateTime("createdAt");
    revision.description = reader.optionalString("description");
    if (reader.optionalObject("api")) {
        QStringList apiErrors;
        revision.api = Api::fromJson(json["api"], &apiErrors);
        for (const QString& error : apiErrors)
            errors->append(QStringLiteral("$.api") + error.mid(1));
    } else {
        reader.addRequired("api");
    }
    return revision;
}

} // namespace gatehouse
