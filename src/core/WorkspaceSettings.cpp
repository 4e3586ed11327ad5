#include "core/WorkspaceSettings.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

bool WorkspaceSettings::operator==(const WorkspaceSettings& other) const {
    return gatewayHost == other.gatewayHost && gatewayPort == other.gatewayPort &&
           adminPort == other.adminPort && accessLogRetentionDays == other.accessLogRetentionDays &&
           azureContentSafetyEndpoint == other.azureContentSafetyEndpoint &&
           sharedState == other.sharedState && embeddings == other.embeddings;
}

Json WorkspaceSettings::toJson() const {
    Json json = Json::object();
    json["gatewayHost"] = toStdString(gatewayHost);
    json["gatewayPort"] = gatewayPort;
    json["adminPort"] = adminPort;
    json["accessLogRetentionDays"] = accessLogRetentionDays;
    if (!azureContentSafetyEndpoint.isEmpty())
        json["azureContentSafetyEndpoint"] = toStdString(azureContentSafetyEndpoint);
    if (!sharedState.isDefault()) // a desktop workspace's file stays as it was
        json["sharedState"] = sharedState.toJson();
    if (embeddings.isConfigured())
        json["embeddings"] = embeddings.toJson();
    return json;
}

WorkspaceSettings WorkspaceSettings::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    WorkspaceSettings settings;
    settings.gatewayHost = reader.optionalString("gatewayHost", settings.gatewayHost);
    settings.gatewayPort = reader.optionalInt("gatewayPort", settings.gatewayPort);
    settings.adminPort = reader.optionalInt("adminPort", settings.adminPort);
    settings.accessLogRetentionDays = reader.optionalInt("accessLogRetentionDays", 14, 1);
    settings.azureContentSafetyEndpoint = reader.optionalString("azureContentSafetyEndpoint");
    if (!settings.azureContentSafetyEndpoint.isEmpty() &&
        !settings.azureContentSafetyEndpoint.startsWith(QLatin1String("https://")) &&
        !settings.azureContentSafetyEndpoint.startsWith(QLatin1String("http://")))
        reader.addError(reader.childPath("azureContentSafetyEndpoint"),
                        tr("must be an http:// or https:// URL"));
    if (const Json* shared = reader.optionalObject("sharedState"))
        settings.sharedState =
            SharedStateSettings::fromJson(*shared, reader.childPath("sharedState"), errors);
    if (const Json* embeddings = reader.optionalObject("embeddings"))
        settings.embeddings =
            EmbeddingSettings::fromJson(*embeddings, reader.childPath("embeddings"), errors);
    for (const char* key : {"gatewayPort", "adminPort"}) {
        const Json* port = reader.optionalValue(key);
        if (port && port->is_number_integer() && port->get<qint64>() > 65535)
            reader.addError(reader.childPath(key), tr("must be a port number from 0 to 65535"));
    }
    return settings;
}

} // namespace gatehouse
