#include "core/Subscription.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

bool Subscription::operator==(const Subscription& other) const {
    return apiId == other.apiId && plan == other.plan && createdAt == other.createdAt;
}

Json Subscription::toJson() const {
    Json json = Json::object();
    json["apiId"] = toStdString(apiId);
    json["plan"] = toStdString(plan);
    json["createdAt"] = toStdString(createdAt.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

Subscription Subscription::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    Subscription subscription;
    subscription.apiId = reader.requiredString("apiId");
    subscription.plan = reader.requiredString("plan");
    subscription.createdAt = reader.optionalDateTime("createdAt");
    return subscription;
}

} // namespace gatehouse
