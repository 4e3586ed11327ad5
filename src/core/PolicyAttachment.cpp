#include "core/PolicyAttachment.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

bool PolicyAttachment::operator==(const PolicyAttachment& other) const {
    return policyName == other.policyName && policyVersion == other.policyVersion &&
           parameters == other.parameters;
}

Json PolicyAttachment::toJson() const {
    Json json = Json::object();
    json["policyName"] = toStdString(policyName);
    json["policyVersion"] = toStdString(policyVersion);
    json["parameters"] = parameters;
    return json;
}

PolicyAttachment PolicyAttachment::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    PolicyAttachment attachment;
    attachment.policyName = reader.requiredString("policyName");
    attachment.policyVersion = reader.optionalString("policyVersion", QStringLiteral("v1"));
    if (const Json* parameters = reader.optionalObject("parameters"))
        attachment.parameters = *parameters;
    return attachment;
}

} // namespace gatehouse
