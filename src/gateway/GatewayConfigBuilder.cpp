#include "gateway/GatewayConfigBuilder.h"

#include "core/ApplicationKeys.h"
#include "core/PolicyCatalogue.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"

#include <QVersionNumber>
#include <map>

namespace gatehouse {

GatewayConfigBuilder::GatewayConfigBuilder(SecretStore* secrets, MockResolver mockResolver,
                                           const PolicyRegistry& policies)
    : m_secrets(secrets), m_mockResolver(std::move(mockResolver)), m_policies(policies) {
}

void GatewayConfigBuilder::forgetCachedSecrets() {
    m_secretCache.clear();
}

QByteArray GatewayConfigBuilder::readSecret(const QString& name, const QString& cacheTag, QString* error) {
    // Only values that cannot change under the same tag are cached: a consumer secret belongs to
    // one consumer key (regenerating makes a new key). Endpoint keys can be replaced in place, so
    // they are read at every rebuild.
    const QString cacheKey = name + QLatin1Char('#') + cacheTag;
    if (!cacheTag.isEmpty()) {
        const auto cached = m_secretCache.constFind(cacheKey);
        if (cached != m_secretCache.constEnd())
            return *cached;
    }
    if (!m_secrets) {
        if (error)
            *error = QStringLiteral("no secret store");
        return {};
    }
    const SecretStore::ReadResult read = m_secrets->read(name);
    if (read.status == SecretStore::Status::Error) {
        if (error)
            *error = read.error;
        return {};
    }
    const QByteArray value = read.value.toUtf8();
    if (read.found() && !cacheTag.isEmpty())
        m_secretCache.insert(cacheKey, value);
    return value;
}

QByteArray GatewayConfigBuilder::signingKey(QString* error) {
    if (!m_signingKey.isEmpty())
        return m_signingKey;
    QString readError;
    QByteArray key = readSecret(SecretStore::tokenSigningKeyName(), QString(), &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return {};
    }
    if (key.isEmpty()) {
        // First start on this workspace: make a key and keep it, so tokens survive restarts.
        key = ApplicationKeys::randomToken(64).toUtf8();
        if (!m_secrets ||
            !m_secrets->write(SecretStore::tokenSigningKeyName(), QString::fromUtf8(key), error))
            return {};
    }
    m_signingKey = key;
    return key;
}

std::shared_ptr<RuntimeApi> GatewayConfigBuilder::compileApi(const Workspace& workspace, const QString& apiId,
                                                             int revisionNumber, QStringList* problems) {
    Result<Revision> revision = workspace.revision(apiId, revisionNumber);
    if (!revision) {
        problems->append(revision.error());
        return nullptr;
    }
    const Api& api = revision->api;
    auto runtime = std::make_shared<RuntimeApi>();
    runtime->id = api.id;
    runtime->name = api.name;
    runtime->context = api.context;
    runtime->version = api.version;
    runtime->revision = revisionNumber;
    runtime->lifecycle = api.lifecycle;
    runtime->isAi = api.isAiApi();
    runtime->isDefaultVersion = api.isDefaultVersion;
    runtime->primaryEndpointIds = api.primaryEndpointIds;
    if (const Provider* provider = workspace.provider(api.providerId))
        runtime->provider = *provider;
    else if (api.isAiApi())
        problems->append(QStringLiteral("%1: unknown provider \"%2\"; model locations default to OpenAI's")
                             .arg(api.name, api.providerId));
    if (!runtime->provider.requestModel.isSet())
        runtime->provider.requestModel = {ValueLocation::Source::Payload, QStringLiteral("$.model")};

    for (const Endpoint& endpoint : api.endpoints) {
        RuntimeEndpoint compiled;
        compiled.id = endpoint.id;
        compiled.name = endpoint.name;
        compiled.stage = endpoint.stage;
        compiled.baseUrl = endpoint.url;
        compiled.connectTimeoutMs = endpoint.connectTimeoutMs;
        compiled.timeoutMs = endpoint.timeoutMs;
        if (compiled.baseUrl.startsWith(QLatin1String("mock://"))) {
            const QString origin = m_mockResolver ? m_mockResolver() : QString();
            if (origin.isEmpty()) {
                problems->append(
                    QStringLiteral("%1: endpoint %2 uses the built-in mock, which is not available here")
                        .arg(api.name, endpoint.id));
            } else {
                const qsizetype pathStart = compiled.baseUrl.indexOf(QLatin1Char('/'), 7);
                compiled.baseUrl = origin + (pathStart < 0 ? QString() : compiled.baseUrl.mid(pathStart));
            }
        }
        while (compiled.baseUrl.endsWith(QLatin1Char('/')))
            compiled.baseUrl.chop(1);
        compiled.authHeader = runtime->provider.authHeader.toUtf8();
        compiled.authInQuery = runtime->provider.authInQuery;
        if (endpoint.hasKey) {
            QString error;
            const QByteArray key =
                readSecret(SecretStore::endpointKeyName(api.id, endpoint.id), QString(), &error);
            if (!error.isEmpty())
                problems->append(QStringLiteral("%1: the key of endpoint %2 cannot be read: %3")
                                     .arg(api.name, endpoint.id, error));
            else if (key.isEmpty())
                problems->append(QStringLiteral("%1: endpoint %2 should have a key, but none is stored")
                                     .arg(api.name, endpoint.id));
            else
                compiled.authValue = runtime->provider.authValue(QString::fromUtf8(key)).toUtf8();
        }
        runtime->endpoints.push_back(std::move(compiled));
    }

    const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
    const auto compileFlow = [&](const std::vector<PolicyAttachment>& attachments, const QString& location,
                                 std::vector<RuntimePolicy>* out) {
        for (std::size_t i = 0; i < attachments.size(); ++i) {
            const PolicyAttachment& attachment = attachments[i];
            const PolicyDefinition* definition = catalogue.find(attachment.policyName);
            if (!definition) {
                problems->append(
                    QStringLiteral("%1: unknown policy %2 skipped").arg(api.name, attachment.policyName));
                continue;
            }
            const QString key = api.id + QLatin1Char('|') + location + QLatin1Char('|') + QString::number(i);
            RuntimePolicy previous = m_built.value(key);
            if (previous && previous->name() != definition->name)
                previous.reset();
            PolicyBuildResult policy =
                m_policies.build({*definition, attachment, std::move(previous), &m_providers, m_prices});
            if (!policy) {
                problems->append(QStringLiteral("%1: %2 skipped: %3")
                                     .arg(api.name, definition->displayName, policy.error()));
                continue;
            }
            m_built.insert(key, policy.value());
            out->push_back(policy.take());
        }
    };
    for (const Operation& operation : api.operations) {
        RuntimeOperation compiled;
        compiled.verb = operation.verb.toUtf8();
        compiled.key = operation.key();
        compiled.segments = RuntimeApi::splitPath(operation.path.toUtf8());
        for (FlowKind flow : allFlowKinds) {
            std::vector<RuntimePolicy>* out = flow == FlowKind::Request    ? &compiled.flows.request
                                              : flow == FlowKind::Response ? &compiled.flows.response
                                                                           : &compiled.flows.fault;
            compileFlow(api.apiPolicies.flow(flow), QStringLiteral("api/") + flowKindName(flow), out);
            compileFlow(operation.policies.flow(flow),
                        operation.key() + QLatin1Char('/') + flowKindName(flow), out);
        }
        runtime->operations.push_back(std::move(compiled));
    }
    return runtime;
}

std::vector<std::shared_ptr<const RuntimeApi>>
GatewayConfigBuilder::defaultVersions(const Workspace& workspace,
                                      const std::vector<std::shared_ptr<const RuntimeApi>>& deployed) {
    // Per context: the deployed version the Publisher marks default now; until that one is deployed,
    // the deployed version whose revision was deployed as the default keeps the route (WSO2: the
    // previous default serves until the new one is published), the highest if several were.
    std::map<QString, std::shared_ptr<const RuntimeApi>> chosen;
    std::map<QString, std::shared_ptr<const RuntimeApi>> previous;
    for (const auto& api : deployed) {
        const Api* design = workspace.api(api->id);
        if (design && design->isDefaultVersion) {
            chosen[api->context] = api;
        } else if (api->isDefaultVersion) {
            std::shared_ptr<const RuntimeApi>& current = previous[api->context];
            if (!current ||
                QVersionNumber::fromString(api->version) > QVersionNumber::fromString(current->version))
                current = api;
        }
    }
    for (auto& [context, api] : previous)
        chosen.emplace(context, std::move(api)); // only where no design-time default is deployed
    std::vector<std::shared_ptr<const RuntimeApi>> result;
    for (auto& [context, api] : chosen)
        result.push_back(std::move(api));
    return result;
}

std::shared_ptr<GatewayConfig> GatewayConfigBuilder::build(const Workspace& workspace, QString* error) {
    auto config = std::make_shared<GatewayConfig>();
    config->signingKey = signingKey(error);
    if (config->signingKey.isEmpty())
        return nullptr;
    for (const BusinessPlan& plan : workspace.businessPlans())
        config->plans.insert(plan.name.toLower(), plan);
    const Result<PriceCatalogue> workspacePrices = PriceCatalogue::readWorkspace(workspace.directory());
    if (!workspacePrices)
        config->problems.append(workspacePrices.error() + QStringLiteral(" (the shipped prices apply)"));
    config->prices = std::make_shared<const PriceCatalogue>(
        PriceCatalogue::shipped().overlaid(workspacePrices ? workspacePrices.value() : PriceCatalogue()));
    m_prices = config->prices;
    m_providers = GuardrailProviders();
    m_providers.azureContentSafetyEndpoint = workspace.settings().azureContentSafetyEndpoint;
    if (!m_providers.azureContentSafetyEndpoint.isEmpty()) {
        QString keyError;
        m_providers.azureContentSafetyKey =
            readSecret(SecretStore::azureContentSafetyKeyName(), QString(), &keyError);
        if (!keyError.isEmpty())
            config->problems.append(
                QStringLiteral("the Azure Content Safety key cannot be read: %1").arg(keyError));
    }
    const EmbeddingSettings& embeddings = workspace.settings().embeddings;
    if (embeddings.isConfigured()) {
        QString url = embeddings.endpoint;
        if (url.startsWith(QLatin1String("mock://"))) {
            const QString origin = m_mockResolver ? m_mockResolver() : QString();
            const qsizetype pathStart = url.indexOf(QLatin1Char('/'), 7);
            url = origin.isEmpty() ? QString() : origin + (pathStart < 0 ? QString() : url.mid(pathStart));
            if (url.isEmpty())
                config->problems.append(QStringLiteral(
                    "the embedding provider is the built-in mock, which is not available here"));
        }
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        m_providers.embeddings.url = url;
        m_providers.embeddings.model = embeddings.model;
        QString keyError;
        m_providers.embeddings.key = readSecret(SecretStore::embeddingKeyName(), QString(), &keyError);
        if (!keyError.isEmpty())
            config->problems.append(
                QStringLiteral("the embedding provider's key cannot be read: %1").arg(keyError));
    }
    for (const Deployment& deployment : workspace.deployments()) {
        if (auto api = compileApi(workspace, deployment.apiId, deployment.revision, &config->problems))
            config->addApi(std::move(api));
    }
    for (std::shared_ptr<const RuntimeApi>& api : defaultVersions(workspace, config->apis()))
        config->addDefaultVersion(std::move(api));
    for (const Application& application : workspace.applications()) {
        GatewayConfig::Application compiled;
        compiled.id = application.id;
        compiled.name = application.name;
        compiled.tokenValiditySeconds = application.tokenValiditySeconds;
        compiled.budgets = application.budgets;
        for (const Subscription& subscription : application.subscriptions)
            compiled.planByApiId.insert(subscription.apiId, subscription.plan);
        config->applications.insert(application.id, compiled);
        for (const KeyPair& keys : application.keys) {
            QString secretError;
            const QByteArray secret =
                readSecret(SecretStore::consumerSecretName(application.id, stageKeyTypeName(keys.keyType)),
                           keys.consumerKey, &secretError);
            if (secret.isEmpty()) {
                config->problems.append(
                    QStringLiteral("%1: the %2 consumer secret is unavailable%3")
                        .arg(application.name, stageName(keys.keyType),
                             secretError.isEmpty() ? QString() : QStringLiteral(": ") + secretError));
                continue;
            }
            GatewayConfig::Credential credential;
            credential.applicationId = application.id;
            credential.keyType = keys.keyType;
            credential.secret = secret;
            credential.tokensValidAfterSeconds =
                keys.tokensValidAfter.isValid() ? keys.tokensValidAfter.toSecsSinceEpoch() : 0;
            config->credentials.insert(keys.consumerKey, credential);
        }
    }
    return config;
}

} // namespace gatehouse
