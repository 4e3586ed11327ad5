#include "interop/Wso2ProjectReader.h"

#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"
#include "core/Wso2ParameterShapes.h"
#include "interop/Wso2Vocabulary.h"
#include "interop/YamlDocument.h"

#include <algorithm>

namespace gatehouse {

namespace {

const Json nullJson;

const Json& member(const Json& object, const char* key) {
    if (!object.is_object())
        return nullJson;
    const auto found = object.find(key);
    return found == object.end() ? nullJson : *found;
}

QString text(const Json& object, const char* key) {
    return Wso2Vocabulary::scalarText(member(object, key)).trimmed();
}

bool isEmptyValue(const Json& value) {
    return value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
           ((value.is_array() || value.is_object()) && value.empty());
}

} // namespace

Wso2ProjectReader::Wso2ProjectReader(const Workspace& workspace, const ProjectFiles& files,
                                     QString displaySource)
    : m_workspace(workspace), m_files(files), m_displaySource(std::move(displaySource)) {
}

QString Wso2ProjectReader::displayName(const QString& relativePath) const {
    if (m_displaySource.isEmpty())
        return m_root + relativePath;
    return m_displaySource + QLatin1Char('/') + m_root + relativePath;
}

Result<Json> Wso2ProjectReader::parseFile(const QString& relativePath) const {
    return YamlDocument::parse(m_files.content(m_root + relativePath), displayName(relativePath));
}

Result<Api> Wso2ProjectReader::read() {
    m_unmapped.clear();
    const std::optional<QString> root = m_files.rootHolding(QStringLiteral("api.yaml"));
    if (!root)
        return Result<Api>::failure(tr("%1 has no api.yaml: not a WSO2 API project").arg(m_displaySource));
    m_root = *root;
    Result<Json> document = parseFile(QStringLiteral("api.yaml"));
    if (!document)
        return Result<Api>::failure(document.error());
    const Json& data = member(document.value(), "data");
    const QString type = text(document.value(), "type");
    if (!type.isEmpty() && type != QLatin1String("api"))
        return Result<Api>::failure(tr("%1: a project of type \"%2\", not an API")
                                        .arg(displayName(QStringLiteral("api.yaml")), type));
    if (!data.is_object())
        return Result<Api>::failure(
            tr("%1: no \"data\" section").arg(displayName(QStringLiteral("api.yaml"))));

    Api api;
    api.name = text(data, "name");
    api.version = text(data, "version");
    if (api.name.isEmpty() || api.version.isEmpty())
        return Result<Api>::failure(
            tr("%1: data.name and data.version are required").arg(displayName(QStringLiteral("api.yaml"))));
    // WSO2 writes "/smartchat", sometimes with the version ("/smartchat/1.0.0" or "/{version}").
    QString context = text(data, "context");
    const QStringList versionSuffixes{QLatin1Char('/') + api.version, QStringLiteral("/{version}")};
    for (const QString& suffix : versionSuffixes) {
        if (context.endsWith(suffix))
            context.chop(suffix.size());
    }
    while (context.startsWith(QLatin1Char('/')))
        context.remove(0, 1);
    api.context = context;
    api.description = text(data, "description");
    // true, or "true" as some writers quote it. Whether it becomes the default is the import's to say.
    api.isDefaultVersion = text(data, "isDefaultVersion") == QLatin1String("true");
    const QString lifecycle = text(data, "lifeCycleStatus");
    if (const auto state = parseLifecycleState(lifecycle))
        api.lifecycle = *state;
    else if (!lifecycle.isEmpty())
        note(tr("data.lifeCycleStatus: unknown state \"%1\"; the API starts as CREATED").arg(lifecycle));

    Result<const Provider*> provider = readProvider(data);
    if (!provider)
        return Result<Api>::failure(provider.error());
    if (provider.value()) {
        api.type = QLatin1String(Api::TypeAi);
        api.providerId = provider.value()->id;
    } else {
        api.type = QLatin1String(Api::TypeHttp);
    }

    Json endpointsFile;
    if (m_files.contains(m_root + QStringLiteral("endpoints.yaml"))) {
        Result<Json> parsed = parseFile(QStringLiteral("endpoints.yaml"));
        if (!parsed)
            return Result<Api>::failure(parsed.error());
        endpointsFile = parsed.take();
    }
    readEndpoints(data, endpointsFile, api);

    Json swagger;
    for (const QString& name :
         {QStringLiteral("Definitions/swagger.yaml"), QStringLiteral("Definitions/swagger.json")}) {
        if (!m_files.contains(m_root + name))
            continue;
        Result<Json> parsed = parseFile(name);
        if (!parsed)
            return Result<Api>::failure(parsed.error());
        swagger = parsed.take();
        break;
    }
    readOperations(data, swagger, api);
    api.apiPolicies = readFlows(member(data, "apiPolicies"), QStringLiteral("data.apiPolicies"));
    readPlans(data);
    if (!isEmptyValue(member(data, "mediationPolicies")))
        note(tr("data.mediationPolicies: WSO2 mediation sequences are not supported; left out"));
    const QString apiTier = text(data, "apiThrottlingPolicy");
    if (!apiTier.isEmpty() && apiTier != QLatin1String(Wso2Vocabulary::UnlimitedTier))
        note(tr("data.apiThrottlingPolicy: API-level rate limit \"%1\" is not supported; left out")
                 .arg(apiTier));
    for (const Endpoint& endpoint : api.endpoints) {
        if (provider.value() && provider.value()->keyRequired)
            note(tr("endpoints[%1]: the project carries no API key; set it with gatehouse-ctl endpoint "
                    "set-key or in the Publisher")
                     .arg(endpoint.id));
    }
    return Result<Api>::success(std::move(api));
}

Result<const Provider*> Wso2ProjectReader::readProvider(const Json& data) {
    const Json& subtype = member(data, "subtypeConfiguration");
    if (text(subtype, "subtype") != QLatin1String("AIAPI"))
        return Result<const Provider*>::success(nullptr);
    // Gatehouse writes "configuration" as a map; WSO2's REST layer keeps "_configuration" as a JSON string.
    Json configuration = member(subtype, "configuration");
    if (configuration.is_string() ||
        (configuration.is_null() && member(subtype, "_configuration").is_string())) {
        const Json& raw = configuration.is_string() ? configuration : member(subtype, "_configuration");
        Result<Json> decoded = Wso2AttributeCodec::decode(toQString(raw.get<std::string>()));
        if (!decoded)
            return Result<const Provider*>::failure(
                tr("%1: data.subtypeConfiguration: %2")
                    .arg(displayName(QStringLiteral("api.yaml")), decoded.error()));
        configuration = decoded.take();
    }
    const QString name = text(configuration, "llmProviderName");
    const Provider* provider = Wso2Vocabulary::providerForLlmName(m_workspace.providers(), name);
    if (!provider)
        return Result<const Provider*>::failure(
            tr("%1: unknown AI provider \"%2\" (Gatehouse has: %3)")
                .arg(displayName(QStringLiteral("api.yaml")), name,
                     m_workspace.providers().ids().join(QStringLiteral(", "))));
    const QString apiVersion = text(configuration, "llmProviderApiVersion");
    if (!apiVersion.isEmpty() && apiVersion != provider->apiVersion)
        note(tr("llmProviderApiVersion %1: Gatehouse's %2 provider speaks version %3")
                 .arg(apiVersion, provider->id, provider->apiVersion));
    return Result<const Provider*>::success(provider);
}

std::optional<Endpoint> Wso2ProjectReader::endpointFrom(const Json& config, Stage stage, const QString& id,
                                                        const QString& name, const QString& path) {
    const char* key = stage == Stage::Production ? "production_endpoints" : "sandbox_endpoints";
    const Json* entry = &member(config, key);
    if (entry->is_array()) {
        // A load-balanced or failover group in WSO2: Gatehouse routes between models, not URLs.
        if (entry->size() > 1)
            note(tr("%1.%2: %3 URLs; only the first is imported")
                     .arg(path, QLatin1String(key))
                     .arg(entry->size()));
        if (entry->empty())
            return std::nullopt;
        entry = &(*entry)[0];
    }
    const QString url = text(*entry, "url");
    if (url.isEmpty())
        return std::nullopt;
    Endpoint endpoint;
    endpoint.id = id;
    endpoint.name = name;
    endpoint.stage = stage;
    endpoint.url = url;
    bool ok = false;
    const int timeout = text(member(*entry, "config"), "actionDuration").toInt(&ok);
    if (ok && timeout > 0)
        endpoint.timeoutMs = timeout;
    const QString type = text(config, "endpoint_type");
    if (!type.isEmpty() && type != QLatin1String("http") && type != QLatin1String("address"))
        note(tr("%1.endpoint_type: \"%2\" endpoints are imported as plain HTTP").arg(path, type));
    return endpoint;
}

void Wso2ProjectReader::readEndpoints(const Json& data, const Json& endpointsFile, Api& api) {
    Json extra = member(endpointsFile, "data");
    if (extra.is_null() && endpointsFile.is_array())
        extra = endpointsFile;
    std::vector<Endpoint> named;
    if (extra.is_array()) {
        for (std::size_t i = 0; i < extra.size(); ++i) {
            const Json& entry = extra[i];
            const QString path = QStringLiteral("endpoints.yaml[%1]").arg(i);
            const auto stage = parseStage(text(entry, "deploymentStage"));
            const QString id = text(entry, "id");
            if (!stage || id.isEmpty()) {
                note(tr("%1: no id or deploymentStage; left out").arg(path));
                continue;
            }
            const QString name = text(entry, "name").isEmpty() ? id : text(entry, "name");
            if (auto endpoint = endpointFrom(member(entry, "endpointConfig"), *stage, id, name, path))
                named.push_back(*endpoint);
            else
                note(tr("%1: no URL for its stage; left out").arg(path));
        }
    }
    const Json& config = member(data, "endpointConfig");
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        std::optional<Endpoint> fromConfig =
            endpointFrom(config, stage, Endpoint::defaultId(stage), Endpoint::defaultName(stage),
                         QStringLiteral("data.endpointConfig"));
        if (!fromConfig)
            continue;
        // endpointConfig holds the stage's default endpoint; a project whose primary is a named
        // endpoint may hold that one's copy there instead, which is not an endpoint of its own.
        const QString primaryId = text(data, Api::primaryEndpointKey(stage));
        const bool copyOfNamedPrimary = std::any_of(named.begin(), named.end(), [&](const Endpoint& each) {
            return each.id == primaryId && each.stage == stage && each.url == fromConfig->url;
        });
        if (!copyOfNamedPrimary)
            api.endpoints.push_back(*fromConfig);
    }
    for (Endpoint& endpoint : named) {
        if (api.endpoint(endpoint.id))
            note(tr("endpoints.yaml: endpoint id %1 appears twice; the second is left out").arg(endpoint.id));
        else
            api.endpoints.push_back(std::move(endpoint));
    }
    // WSO2's "Set as Primary" stays set: the stage's requests keep going where they went in WSO2.
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        const QString primaryId = text(data, Api::primaryEndpointKey(stage));
        const Endpoint* primary = api.endpoint(primaryId);
        if (primary && primary->stage == stage && primaryId != Endpoint::defaultId(stage))
            api.setPrimaryEndpointId(stage, primaryId);
    }
}

void Wso2ProjectReader::readOperations(const Json& data, const Json& swagger, Api& api) {
    const Json& operations = member(data, "operations");
    if (!operations.is_array())
        return;
    const Json& paths = member(swagger, "paths");
    for (std::size_t i = 0; i < operations.size(); ++i) {
        const Json& entry = operations[i];
        Operation operation;
        operation.verb = text(entry, "verb").toUpper();
        operation.path = text(entry, "target");
        if (operation.verb.isEmpty() || !operation.path.startsWith(QLatin1Char('/'))) {
            note(tr("data.operations[%1]: no verb or target; left out").arg(i));
            continue;
        }
        const QString scope = QStringLiteral("operations[%1]").arg(operation.key());
        if (api.operation(operation.verb, operation.path)) {
            note(tr("%1: appears twice; the second is left out").arg(scope));
            continue;
        }
        const Json& described = member(member(paths, toStdString(operation.path).c_str()),
                                       toStdString(operation.verb.toLower()).c_str());
        operation.summary = text(described, "summary");
        const Json& example = member(
            member(member(member(described, "requestBody"), "content"), "application/json"), "example");
        if (!example.is_null())
            operation.sampleBody = example;
        const QString tier = text(entry, "throttlingPolicy");
        if (!tier.isEmpty() && tier != QLatin1String(Wso2Vocabulary::UnlimitedTier))
            note(tr("%1: resource rate limit \"%2\" is not supported; left out").arg(scope, tier));
        const QString authType = text(entry, "authType");
        if (authType.compare(QLatin1String("None"), Qt::CaseInsensitive) == 0)
            note(tr("%1: security disabled in WSO2 (authType None); Gatehouse always requires a token")
                     .arg(scope));
        if (!isEmptyValue(member(entry, "scopes")))
            note(tr("%1: OAuth scopes are not supported; left out").arg(scope));
        operation.policies = readFlows(member(entry, "operationPolicies"), scope);
        api.operations.push_back(std::move(operation));
    }
}

PolicyFlows Wso2ProjectReader::readFlows(const Json& json, const QString& scopePath) {
    PolicyFlows flows;
    for (FlowKind kind : allFlowKinds) {
        const Json& list = member(json, toStdString(flowKindName(kind)).c_str());
        if (!list.is_array())
            continue;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString path = QStringLiteral("%1.%2[%3]").arg(scopePath, flowKindName(kind)).arg(i);
            if (auto attachment = readAttachment(list[i], kind, path))
                flows.flow(kind).push_back(std::move(*attachment));
        }
    }
    return flows;
}

std::optional<PolicyAttachment> Wso2ProjectReader::readAttachment(const Json& json, FlowKind flow,
                                                                  const QString& path) {
    const QString name = text(json, "policyName");
    const PolicyDefinition* definition = PolicyCatalogue::builtin().find(name);
    if (!definition) {
        note(tr("%1: policy \"%2\" is not in Gatehouse's catalogue; left out").arg(path, name));
        return std::nullopt;
    }
    if (!definition->allowsFlow(flow)) {
        note(tr("%1: %2 cannot sit in the %3 flow in Gatehouse; left out")
                 .arg(path, name, flowKindName(flow)));
        return std::nullopt;
    }
    PolicyAttachment attachment;
    attachment.policyName = definition->name;
    const QString version = text(json, "policyVersion");
    attachment.policyVersion = version.isEmpty() ? definition->version : version;
    const Json& parameters = member(json, "parameters");
    if (parameters.is_object()) {
        for (const auto& [key, value] : parameters.items()) {
            const QString parameterName = toQString(key);
            const QString parameterPath = path + QLatin1Char('.') + parameterName;
            const PolicyAttribute* attribute = definition->attribute(parameterName);
            if (!attribute) {
                note(tr("%1: %2 has no parameter \"%3\" in Gatehouse; left out")
                         .arg(parameterPath, name, parameterName));
                continue;
            }
            std::optional<Json> read = readParameter(*definition, *attribute, value, parameterPath);
            if (!read)
                return std::nullopt;
            attachment.parameters[key] = std::move(*read);
        }
    }
    return attachment;
}

std::optional<Json> Wso2ProjectReader::readParameter(const PolicyDefinition& definition,
                                                     const PolicyAttribute& attribute, const Json& value,
                                                     const QString& path) {
    if (attribute.encoding == QLatin1String("wso2QuotedJson") && value.is_string()) {
        Result<Json> decoded = Wso2AttributeCodec::decode(toQString(value.get<std::string>()));
        if (!decoded) {
            note(tr("%1: cannot read the configuration (%2); the policy is left out")
                     .arg(path, decoded.error()));
            return std::nullopt;
        }
        return Wso2ParameterShapes::canonicalValue(definition, attribute, decoded.value());
    }
    return Wso2ParameterShapes::canonicalValue(definition, attribute, value);
}

void Wso2ProjectReader::readPlans(const Json& data) {
    const Json& plans = member(data, "policies");
    if (!plans.is_array())
        return;
    for (const Json& plan : plans) {
        const QString name = Wso2Vocabulary::scalarText(plan);
        if (!name.isEmpty() && !m_workspace.businessPlan(name))
            note(tr("business plan \"%1\" does not exist in this workspace; subscriptions cannot use it")
                     .arg(name));
    }
}

} // namespace gatehouse
