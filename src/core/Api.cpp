#include "core/Api.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

namespace {
QString isoTime(const QDateTime& when) {
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

const char* Api::primaryEndpointKey(Stage stage) {
    return stage == Stage::Production ? "primaryProductionEndpointId" : "primarySandboxEndpointId";
}

QString Api::basePath() const {
    return QLatin1Char('/') + context + QLatin1Char('/') + version;
}

const Endpoint* Api::endpoint(const QString& endpointId) const {
    for (const Endpoint& candidate : endpoints) {
        if (candidate.id == endpointId)
            return &candidate;
    }
    return nullptr;
}

Endpoint* Api::endpoint(const QString& endpointId) {
    return const_cast<Endpoint*>(static_cast<const Api*>(this)->endpoint(endpointId));
}

std::vector<const Endpoint*> Api::endpointsOf(Stage stage) const {
    std::vector<const Endpoint*> result;
    for (const Endpoint& candidate : endpoints) {
        if (candidate.stage == stage)
            result.push_back(&candidate);
    }
    return result;
}

const Endpoint* Api::primaryEndpoint(Stage stage) const {
    const Endpoint* chosen = endpoint(primaryEndpointId(stage));
    if (chosen && chosen->stage == stage)
        return chosen;
    const Endpoint* byDefaultId = endpoint(Endpoint::defaultId(stage));
    if (byDefaultId && byDefaultId->stage == stage)
        return byDefaultId;
    const auto inStage = endpointsOf(stage);
    return inStage.empty() ? nullptr : inStage.front();
}

const Operation* Api::operation(const QString& verb, const QString& path) const {
    for (const Operation& candidate : operations) {
        if (candidate.verb.compare(verb, Qt::CaseInsensitive) == 0 && candidate.path == path)
            return &candidate;
    }
    return nullptr;
}

Operation* Api::operation(const QString& verb, const QString& path) {
    return const_cast<Operation*>(static_cast<const Api*>(this)->operation(verb, path));
}

const Operation* Api::operationByKey(const QString& key) const {
    QString verb;
    QString path;
    return parseOperationKey(key, &verb, &path) ? operation(verb, path) : nullptr;
}

Operation* Api::operationByKey(const QString& key) {
    return const_cast<Operation*>(static_cast<const Api*>(this)->operationByKey(key));
}

bool Api::operator==(const Api& other) const {
    return id == other.id && name == other.name && context == other.context && version == other.version &&
           description == other.description && type == other.type && providerId == other.providerId &&
           isDefaultVersion == other.isDefaultVersion && lifecycle == other.lifecycle &&
           endpoints == other.endpoints && operations == other.operations &&
           apiPolicies == other.apiPolicies && primaryEndpointIds == other.primaryEndpointIds &&
           createdAt == other.createdAt && updatedAt == other.updatedAt;
}

Json Api::toJson() const {
    Json json = Json::object();
    json["id"] = toStdString(id);
    json["name"] = toStdString(name);
    json["context"] = toStdString(context);
    json["version"] = toStdString(version);
    json["description"] = toStdString(description);
    json["type"] = toStdString(type);
    json["provider"] = toStdString(providerId);
    json["lifecycle"] = toStdString(lifecycleStateName(lifecycle));
    // Written only when set, so that files of APIs that never use them stay as they were.
    if (isDefaultVersion)
        json["isDefaultVersion"] = true;
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        if (!primaryEndpointId(stage).isEmpty())
            json[primaryEndpointKey(stage)] = toStdString(primaryEndpointId(stage));
    }
    Json endpointList = Json::array();
    for (const Endpoint& endpoint : endpoints)
        endpointList.push_back(endpoint.toJson());
    json["endpoints"] = std::move(endpointList);
    Json operationList = Json::array();
    for (const Operation& operation : operations)
        operationList.push_back(operation.toJson());
    json["operations"] = std::move(operationList);
    json["apiPolicies"] = apiPolicies.toJson();
    json["createdAt"] = toStdString(isoTime(createdAt));
    json["updatedAt"] = toStdString(isoTime(updatedAt));
    return json;
}

Api Api::fromJson(const Json& json, QStringList* errors) {
    JsonFieldReader reader(json, QStringLiteral("$"), errors);
    Api api;
    api.id = reader.requiredString("id");
    api.name = reader.requiredString("name");
    api.context = reader.requiredString("context");
    api.version = reader.requiredString("version");
    api.description = reader.optionalString("description");
    api.type = reader.optionalString("type", QLatin1String(TypeAi));
    api.providerId = reader.optionalString("provider");
    api.isDefaultVersion = reader.optionalBool("isDefaultVersion", false);
    for (Stage stage : {Stage::Production, Stage::Sandbox})
        api.setPrimaryEndpointId(stage, reader.optionalString(primaryEndpointKey(stage)));
    const QString lifecycle = reader.optionalString("lifecycle", QStringLiteral("CREATED"));
    if (const auto state = parseLifecycleState(lifecycle))
        api.lifecycle = *state;
    else
        reader.addError(reader.childPath("lifecycle"), tr("unknown lifecycle state \"%1\"").arg(lifecycle));
    if (const Json* list = reader.optionalArray("endpoints")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            api.endpoints.push_back(
                Endpoint::fromJson((*list)[i], jsonIndexPath(reader.childPath("endpoints"), i), errors));
    }
    if (const Json* list = reader.optionalArray("operations")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            api.operations.push_back(
                Operation::fromJson((*list)[i], jsonIndexPath(reader.childPath("operations"), i), errors));
    }
    if (reader.optionalObject("apiPolicies"))
        api.apiPolicies = PolicyFlows::fromJson(json["apiPolicies"], reader.childPath("apiPolicies"), errors);
    api.createdAt = reader.optionalDateTime("createdAt");
    api.updatedAt = reader.optionalDateTime("updatedAt");
    return api;
}

} // namespace gatehouse
