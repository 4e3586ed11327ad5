#include "interop/Wso2ProjectWriter.h"

#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"
#include "core/Wso2ParameterShapes.h"
#include "interop/Wso2Vocabulary.h"
#include "interop/YamlDocument.h"

namespace gatehouse {

namespace {

const QString quotedJsonEncoding = QStringLiteral("wso2QuotedJson");

Json envelope(const char* type, Json data) {
    Json document = Json::object();
    document["type"] = type;
    document["version"] = Wso2Vocabulary::ProjectVersion;
    document["data"] = std::move(data);
    return document;
}

} // namespace

Wso2ProjectWriter::Wso2ProjectWriter(const Workspace& workspace, const Api& api)
    : m_workspace(workspace), m_api(api),
      m_provider(api.providerId.isEmpty() ? nullptr : workspace.provider(api.providerId)) {
}

ProjectFiles Wso2ProjectWriter::write() {
    m_warnings.clear();
    checkEndpointSettings();
    ProjectFiles files;
    files.insert(QStringLiteral("api.yaml"), YamlDocument::write(apiDocument()));
    files.insert(QStringLiteral("api_meta.yaml"), YamlDocument::write(metaDocument()));
    files.insert(QStringLiteral("deployment_environments.yaml"), YamlDocument::write(environmentsDocument()));
    files.insert(QStringLiteral("Definitions/swagger.yaml"), YamlDocument::write(swaggerDocument()));
    const Json endpoints = endpointsDocument();
    if (!endpoints["data"].empty())
        files.insert(QStringLiteral("endpoints.yaml"), YamlDocument::write(endpoints));
    return files;
}

void Wso2ProjectWriter::checkEndpointSettings() {
    const int defaultConnectTimeout = Endpoint().connectTimeoutMs;
    for (const Endpoint& endpoint : m_api.endpoints) {
        if (endpoint.connectTimeoutMs != defaultConnectTimeout)
            m_warnings.append(tr("endpoints[%1].connectTimeoutMs: Gatehouse-only setting left out "
                                 "(WSO2 has no connect timeout per endpoint)")
                                  .arg(endpoint.id));
    }
    if (m_provider && !m_provider->builtin)
        m_warnings.append(tr("provider %1 is a Gatehouse custom provider: define it in WSO2 as a custom AI "
                             "service provider named \"%1\" before importing")
                              .arg(m_provider->id));
}

Json Wso2ProjectWriter::apiDocument() {
    Json data = Json::object();
    data["name"] = toStdString(m_api.name);
    data["description"] = toStdString(m_api.description);
    data["context"] = toStdString(QLatin1Char('/') + m_api.context);
    data["version"] = toStdString(m_api.version);
    data["provider"] = Wso2Vocabulary::DefaultProvider;
    data["lifeCycleStatus"] = toStdString(lifecycleStateName(m_api.lifecycle));
    data["isDefaultVersion"] = m_api.isDefaultVersion;
    // WSO2 models an AI API as an HTTP API with an AIAPI subtype.
    data["type"] = "HTTP";
    data["transport"] = Json::array({"http", "https"});
    Json plans = Json::array();
    for (const BusinessPlan& plan : m_workspace.businessPlans())
        plans.push_back(toStdString(plan.name));
    data["policies"] = std::move(plans);
    data["authorizationHeader"] = "Authorization";
    data["securityScheme"] = Json::array({"oauth2", "oauth_basic_auth_api_key_mandatory"});
    data["visibility"] = "PUBLIC";
    data["apiPolicies"] = flowsJson(m_api.apiPolicies, QStringLiteral("apiPolicies"));
    // endpointConfig holds each stage's default endpoint (its primary when it has no default one);
    // endpoints.yaml the others; primary*EndpointId says which one a stage uses.
    const auto configured = [this](Stage stage) {
        const Endpoint* byDefault = m_api.endpoint(Endpoint::defaultId(stage));
        return byDefault && byDefault->stage == stage ? byDefault : m_api.primaryEndpoint(stage);
    };
    data["endpointConfig"] = endpointConfig(configured(Stage::Production), configured(Stage::Sandbox));
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        if (const Endpoint* primary = m_api.primaryEndpoint(stage))
            data[Api::primaryEndpointKey(stage)] = toStdString(primary->id);
    }
    if (m_api.isAiApi() && m_provider) {
        Json configuration = Json::object();
        configuration["llmProviderName"] = toStdString(Wso2Vocabulary::llmProviderName(*m_provider));
        configuration["llmProviderApiVersion"] = toStdString(m_provider->apiVersion);
        Json subtype = Json::object();
        subtype["subtype"] = "AIAPI";
        subtype["configuration"] = std::move(configuration);
        data["subtypeConfiguration"] = std::move(subtype);
    }
    data["operations"] = operationsList();
    data["gatewayType"] = "wso2/synapse";
    return envelope("api", std::move(data));
}

Json Wso2ProjectWriter::endpointUrlEntry(const Endpoint& endpoint) const {
    Json entry = Json::object();
    entry["url"] = toStdString(endpoint.url);
    // WSO2's per-endpoint timeout: "actionDuration" in milliseconds, a string like all its values.
    Json config = Json::object();
    config["actionSelect"] = "fault";
    config["actionDuration"] = toStdString(QString::number(endpoint.timeoutMs));
    entry["config"] = std::move(config);
    return entry;
}

Json Wso2ProjectWriter::endpointSecurity() const {
    Json security = Json::object();
    const bool needsKey = m_provider && m_provider->keyRequired && !m_provider->authHeader.isEmpty();
    security["enabled"] = needsKey;
    security["type"] = "apikey";
    security["apiKeyIdentifier"] = toStdString(m_provider ? m_provider->authHeader : QString());
    // No apiKeyValue: the key stays in this machine's secret store; WSO2 asks for it after import.
    security["apiKeyIdentifierType"] = m_provider && m_provider->authInQuery ? "QUERY_PARAMETER" : "HEADER";
    return security;
}

Json Wso2ProjectWriter::endpointConfig(const Endpoint* production, const Endpoint* sandbox) const {
    Json config = Json::object();
    config["endpoint_type"] = "http";
    Json security = Json::object();
    if (production) {
        config["production_endpoints"] = endpointUrlEntry(*production);
        security["production"] = endpointSecurity();
    }
    if (sandbox) {
        config["sandbox_endpoints"] = endpointUrlEntry(*sandbox);
        security["sandbox"] = endpointSecurity();
    }
    config["endpoint_security"] = std::move(security);
    return config;
}

Json Wso2ProjectWriter::endpointsDocument() const {
    // The default endpoints travel in api.yaml's endpointConfig; endpoints.yaml lists every endpoint
    // that is not a default one, the primary included, so that its id and name survive.
    Json list = Json::array();
    for (const Endpoint& endpoint : m_api.endpoints) {
        if (endpoint.id == Endpoint::defaultId(endpoint.stage))
            continue;
        Json entry = Json::object();
        entry["id"] = toStdString(endpoint.id);
        entry["name"] = toStdString(endpoint.name);
        entry["deploymentStage"] = toStdString(stageKeyTypeName(endpoint.stage));
        const bool production = endpoint.stage == Stage::Production;
        entry["endpointConfig"] =
            endpointConfig(production ? &endpoint : nullptr, production ? nullptr : &endpoint);
        list.push_back(std::move(entry));
    }
    return envelope("endpoints", std::move(list));
}

Json Wso2ProjectWriter::operationsList() {
    Json list = Json::array();
    for (const Operation& operation : m_api.operations) {
        Json entry = Json::object();
        entry["target"] = toStdString(operation.path);
        entry["verb"] = toStdString(operation.verb);
        entry["authType"] = Wso2Vocabulary::DefaultAuthType;
        entry["throttlingPolicy"] = Wso2Vocabulary::UnlimitedTier;
        entry["scopes"] = Json::array();
        entry["operationPolicies"] =
            flowsJson(operation.policies, QStringLiteral("operations[%1]").arg(operation.key()));
        list.push_back(std::move(entry));
    }
    return list;
}

Json Wso2ProjectWriter::flowsJson(const PolicyFlows& flows, const QString& scopePath) {
    Json json = Json::object();
    for (FlowKind kind : allFlowKinds) {
        Json list = Json::array();
        const std::vector<PolicyAttachment>& attachments = flows.flow(kind);
        for (std::size_t i = 0; i < attachments.size(); ++i) {
            const PolicyAttachment& attachment = attachments[i];
            const PolicyDefinition* definition = PolicyCatalogue::builtin().find(attachment.policyName);
            const QString path = QStringLiteral("%1.%2[%3]").arg(scopePath, flowKindName(kind)).arg(i);
            if (definition && definition->gatehouseOnly) {
                // WSO2 refuses a project naming a policy it does not know: the project imports there
                // without it.
                m_warnings.append(tr("%1: %2 is Gatehouse's own policy, left out (WSO2 has no equivalent)")
                                      .arg(path, attachment.policyName));
                continue;
            }
            Json entry = Json::object();
            entry["policyName"] = toStdString(attachment.policyName);
            entry["policyVersion"] = toStdString(attachment.policyVersion);
            entry["policyType"] = toStdString(definition ? definition->policyType : QStringLiteral("common"));
            entry["policyId"] = toStdString(Wso2Vocabulary::policyId(attachment.policyName));
            entry["parameters"] = parametersJson(attachment, path);
            list.push_back(std::move(entry));
        }
        json[toStdString(flowKindName(kind))] = std::move(list);
    }
    return json;
}

Json Wso2ProjectWriter::parametersJson(const PolicyAttachment& attachment, const QString& path) {
    const PolicyDefinition* definition = PolicyCatalogue::builtin().find(attachment.policyName);
    Json parameters = Json::object();
    if (!attachment.parameters.is_object())
        return parameters;
    for (const auto& [key, value] : attachment.parameters.items()) {
        const QString name = toQString(key);
        const PolicyAttribute* attribute = definition ? definition->attribute(name) : nullptr;
        const QString attributePath = path + QLatin1Char('.') + name;
        if (attribute && attribute->gatehouseOnly) {
            // At its default the setting changes nothing, so leaving it out loses nothing either.
            if (value != attribute->defaultValue)
                m_warnings.append(
                    tr("%1: Gatehouse-only setting left out (WSO2 has no equivalent)").arg(attributePath));
            continue;
        }
        Json exported = value;
        if (attribute) {
            leaveOutGatehouseOnly(*attribute, exported, attributePath);
            // WSO2 keeps structured attributes as one string of JSON written with single quotes.
            if (attribute->encoding == quotedJsonEncoding && !exported.is_string())
                exported = toStdString(
                    Wso2AttributeCodec::encode(Wso2ParameterShapes::asWso2Writes(*definition, exported)));
        }
        parameters[key] = std::move(exported);
    }
    return parameters;
}

void Wso2ProjectWriter::leaveOutGatehouseOnly(const PolicyAttribute& attribute, Json& value,
                                              const QString& path) {
    if (attribute.type == PolicyAttribute::Type::Object && value.is_object()) {
        for (const PolicyAttribute& field : attribute.fields) {
            const std::string key = toStdString(field.name);
            if (!value.contains(key))
                continue;
            const QString fieldPath = path + QLatin1Char('.') + field.name;
            if (field.gatehouseOnly) {
                value.erase(key);
                m_warnings.append(
                    tr("%1: Gatehouse-only setting left out (WSO2 has no equivalent)").arg(fieldPath));
            } else {
                leaveOutGatehouseOnly(field, value[key], fieldPath);
            }
        }
    } else if (attribute.type == PolicyAttribute::Type::Array && attribute.items && value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            leaveOutGatehouseOnly(*attribute.items, value[i], QStringLiteral("%1[%2]").arg(path).arg(i));
    }
}

Json Wso2ProjectWriter::swaggerDocument() const {
    Json document = Json::object();
    document["openapi"] = "3.0.1";
    Json info = Json::object();
    info["title"] = toStdString(m_api.name);
    info["description"] = toStdString(m_api.description);
    info["version"] = toStdString(m_api.version);
    document["info"] = std::move(info);
    if (const Endpoint* production = m_api.primaryEndpoint(Stage::Production)) {
        Json server = Json::object();
        server["url"] = toStdString(production->url);
        document["servers"] = Json::array({std::move(server)});
    }
    Json paths = Json::object();
    for (const Operation& operation : m_api.operations) {
        Json entry = Json::object();
        if (!operation.summary.isEmpty())
            entry["summary"] = toStdString(operation.summary);
        if (!operation.sampleBody.is_null()) {
            Json mediaType = Json::object();
            mediaType["schema"] = Json::object({{"type", "object"}});
            mediaType["example"] = operation.sampleBody;
            Json content = Json::object();
            content["application/json"] = std::move(mediaType);
            Json body = Json::object();
            body["content"] = std::move(content);
            entry["requestBody"] = std::move(body);
        }
        Json ok = Json::object();
        ok["description"] = "OK";
        entry["responses"] = Json::object({{"200", std::move(ok)}});
        entry["security"] = Json::array({Json::object({{"default", Json::array()}})});
        entry["x-auth-type"] = Wso2Vocabulary::DefaultAuthType;
        entry["x-throttling-tier"] = Wso2Vocabulary::UnlimitedTier;
        paths[toStdString(operation.path)][toStdString(operation.verb.toLower())] = std::move(entry);
    }
    document["paths"] = std::move(paths);
    Json scheme = Json::object();
    scheme["type"] = "oauth2";
    scheme["flows"] = Json::object(
        {{"implicit", Json::object({{"authorizationUrl", "https://test.com"}, {"scopes", Json::object()}})}});
    document["components"] =
        Json::object({{"securitySchemes", Json::object({{"default", std::move(scheme)}})}});
    return document;
}

Json Wso2ProjectWriter::metaDocument() const {
    Json meta = Json::object();
    meta["name"] = toStdString(m_api.name);
    meta["version"] = toStdString(m_api.version);
    return meta;
}

Json Wso2ProjectWriter::environmentsDocument() const {
    Json list = Json::array();
    // WSO2's default gateway environment stands for Gatehouse's local gateway: a deployed API is
    // deployed again on import, an undeployed one is not.
    if (m_workspace.deployment(m_api.id)) {
        Json environment = Json::object();
        environment["displayOnDevportal"] = true;
        environment["deploymentEnvironment"] = "Default";
        environment["deploymentVhost"] = "localhost";
        list.push_back(std::move(environment));
    }
    return envelope("deployment_environments", std::move(list));
}

} // namespace gatehouse
