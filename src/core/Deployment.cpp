#include "Deployment.h"

#include "JsonFieldReader.h"

namespace gatehouse {

bool Deployment::operator==(const Deployment& other) const {
    return apiId == other.apiId && revision == other.revision && deployedAt == other.deployedAt;
}

Json Deployment::toJson() const {
    Json json = Json::object();
    json["apiId"] = toStdString(apiId);
    json["revision"] = revision;
    json["deployedAt"] = toStdString(deployedAt.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

Deployment Deployment::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    Deployment deployment;
    deployment.apiId = reader.requiredString("apiId");
    deployment.revision = int(reader.optionalInteger("revision", 0, 1));
    deployment.deployedAt = reader.optionalDateTime("deployedAt");
    return deployment;
}

} // namespace gatehouse
