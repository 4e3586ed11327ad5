#include "core/Endpoint.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

QString Endpoint::defaultId(Stage stage) {
    return QStringLiteral("default_%1_endpoint").arg(stageName(stage));
}

QString Endpoint::defaultName(Stage stage) {
    return stage == Stage::Production ? QStringLiteral("Default Production Endpoint")
                                      : QStringLiteral("Default Sandbox Endpoint");
}

bool Endpoint::operator==(const Endpoint& other) const {
    return id == other.id && name == other.name && stage == other.stage && url == other.url &&
           hasKey == other.hasKey && connectTimeoutMs == other.connectTimeoutMs &&
           timeoutMs == other.timeoutMs;
}

Json Endpoint::toJson() const {
    Json json = Json::object();
    json["id"] = toStdString(id);
    json["name"] = toStdString(name);
    json["stage"] = toStdString(stageName(stage));
    json["url"] = toStdString(url);
    json["hasKey"] = hasKey;
    json["connectTimeoutMs"] = connectTimeoutMs;
    json["timeoutMs"] = timeoutMs;
    return json;
}

Endpoint Endpoint::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    Endpoint endpoint;
    endpoint.id = reader.requiredString("id");
    endpoint.name = reader.optionalString("name", endpoint.id);
    const QString stageText = reader.requiredString("stage");
    if (const auto stage = parseStage(stageText))
        endpoint.stage = *stage;
    else if (!stageText.isEmpty())
        reader.addError(reader.childPath("stage"),
                        tr("must be \"production\" or \"sandbox\" (got \"%1\")").arg(stageText));
    endpoint.url = reader.requiredString("url");
    endpoint.hasKey = reader.optionalBool("hasKey", false);
    endpoint.connectTimeoutMs = reader.optionalInt("connectTimeoutMs", endpoint.connectTimeoutMs, 1);
    endpoint.timeoutMs = reader.optionalInt("timeoutMs", endpoint.timeoutMs, 1);
    return endpoint;
}

} // namespace gatehouse
