#include "core/Deployment.h"

#include "core/JsonFieldReader.h"

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
    // Required: a deployment without one would load as revision 0, which toJson() writes back and
    // this reader refuses, so the next write of deployments.json would make every deployment unreadable.
    if (reader.isObject() && !reader.optionalValue("revision"))
        reader.addRequired("revision");
    deployment.revision = reader.optionalInt("revision", 0, 1);
    deployment.deployedAt = reader.optionalDateTime("deployedAt");
    return deployment;
}

} // namespace gatehouse
