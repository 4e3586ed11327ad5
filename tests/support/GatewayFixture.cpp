#include "GatewayFixture.h"

#include "core/ApiFactory.h"
#include "core/ApplicationKeys.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "mock-llm/MockLlmServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace gatehouse::test {

namespace {

QString attributeOf(const QString& policyName) {
    if (policyName == QLatin1String("modelWeightedRoundRobin"))
        return QStringLiteral("weightedRoundRobinConfigs");
    if (policyName == QLatin1String("modelRoundRobin"))
        return QStringLiteral("roundRobinConfigs");
    return QStringLiteral("failoverConfigs");
}

Operation* chatOperation(Api& api) {
    return api.operationByKey(QStringLiteral("POST /chat/completions"));
}

} // namespace

QByteArray chatBody(const QString& model, bool stream) {
    QByteArray body = "{";
    if (!model.isEmpty())
        body += "\"model\":\"" + model.toUtf8() + "\",";
    if (stream)
        body += "\"stream\":true,";
    body += R"("messages":[{"role":"user","content":"Say this is a test!"}]})";
    return body;
}

bool Scenario::setUp(const GatewayFixture::ApiSpec& spec, QString* error, Stage keyType) {
    if (!fixture.init(error, mockWorkerThreads))
        return false;
    apiId = fixture.addApi(spec, error);
    if (apiId.isEmpty())
        return false;
    const auto keys = fixture.addApplication(QStringLiteral("SmartChatApp"), {apiId},
                                             QStringLiteral("Unlimited"), keyType, error);
    if (!keys)
        return false;
    credentials = *keys;
    if (!fixture.startGateway(error))
        return false;
    token = fixture.token(credentials, error);
    return !token.isEmpty();
}

GatewayFixture::ApiSpec specWith(const PolicyAttachment& policy) {
    GatewayFixture::ApiSpec spec;
    spec.chatPolicies = {policy};
    return spec;
}

GatewayFixture::GatewayFixture() = default;

GatewayFixture::~GatewayFixture() {
    if (m_gateway)
        m_gateway->stop();
    m_gateway.reset();
    m_mock.reset();
}

bool GatewayFixture::init(QString* error, int mockWorkerThreads) {
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    m_workspace = std::make_unique<Workspace>();
    if (!m_workspace->open(m_dir.path()).ok(error))
        return false;
    m_mock = std::make_unique<MockLlmServer>(mockWorkerThreads);
    if (!m_mock->listen(QHostAddress(QHostAddress::LocalHost), 0, error))
        return false;
    m_gateway = std::make_unique<Gateway>(m_dir.path(), &m_secrets);
    return true;
}

QString GatewayFixture::addApi(const ApiSpec& spec, QString* error) {
    const Provider* provider = m_workspace->provider(spec.provider);
    if (!provider) {
        *error = QStringLiteral("no provider %1").arg(spec.provider);
        return {};
    }
    ApiFactory::Request request;
    request.id = m_workspace->newApiId(spec.name, spec.version);
    request.name = spec.name;
    request.context = spec.context;
    request.version = spec.version;
    request.productionUrl = spec.productionUrl.isEmpty() ? m_mock->baseUrl() : spec.productionUrl;
    request.sandboxUrl = spec.sandboxUrl;
    Api api = ApiFactory::createAiApi(*provider, request);
    for (Endpoint& endpoint : api.endpoints) {
        if (spec.timeoutMs > 0)
            endpoint.timeoutMs = spec.timeoutMs;
        if (spec.endpointKey.isEmpty())
            continue;
        if (!m_secrets.write(SecretStore::endpointKeyName(api.id, endpoint.id), spec.endpointKey, error))
            return {};
        endpoint.hasKey = true;
    }
    Operation* chat = chatOperation(api);
    if (!chat) {
        *error = QStringLiteral("the provider has no POST /chat/completions");
        return {};
    }
    chat->policies.request = spec.chatPolicies;
    chat->policies.response = spec.chatResponsePolicies;
    chat->policies.fault = spec.chatFaultPolicies;
    api.apiPolicies.request = spec.apiRequestPolicies;
    for (Endpoint endpoint : spec.extraEndpoints) {
        if (spec.timeoutMs > 0)
            endpoint.timeoutMs = spec.timeoutMs;
        api.endpoints.push_back(endpoint);
    }
    const QString apiId = api.id;
    if (!m_workspace->saveApi(std::move(api)).ok(error))
        return {};
    const Result<Revision> revision = m_workspace->createRevision(apiId, QStringLiteral("test"));
    if (!revision) {
        *error = revision.error();
        return {};
    }
    if (!m_workspace->deploy(apiId, revision->number).ok(error))
        return {};
    return apiId;
}

bool GatewayFixture::redeploy(const QString& apiId, const std::vector<PolicyAttachment>& chatPolicies,
                              QString* error) {
    const Api* existing = m_workspace->api(apiId);
    if (!existing) {
        *error = QStringLiteral("no API %1").arg(apiId);
        return false;
    }
    Api api = *existing;
    chatOperation(api)->policies.request = chatPolicies;
    if (!m_workspace->saveApi(std::move(api)).ok(error))
        return false;
    const Result<Revision> revision = m_workspace->createRevision(apiId, QStringLiteral("test redeploy"));
    if (!revision) {
        *error = revision.error();
        return false;
    }
    return m_workspace->deploy(apiId, revision->number).ok(error);
}

bool GatewayFixture::addPlan(const BusinessPlan& plan, QString* error) {
    std::vector<BusinessPlan> plans = m_workspace->businessPlans();
    plans.push_back(plan);
    return m_workspace->saveBusinessPlans(plans).ok(error);
}

std::optional<GatewayFixture::Credentials> GatewayFixture::addApplication(const QString& name,
                                                                          const QStringList& apiIds,
                                                                          const QString& plan, Stage keyType,
                                                                          QString* error) {
    Application application;
    application.id = m_workspace->newApplicationId(name);
    application.name = name;
    for (const QString& apiId : apiIds)
        application.subscriptions.push_back({apiId, plan, QDateTime::currentDateTimeUtc()});
    if (!m_workspace->saveApplication(application).ok(error))
        return std::nullopt;
    return generateKeys(application.id, keyType, error);
}

std::optional<GatewayFixture::Credentials> GatewayFixture::generateKeys(const QString& applicationId,
                                                                        Stage keyType, QString* error) {
    const Result<KeyPair> pair = ApplicationKeys::generate(*m_workspace, m_secrets, applicationId, keyType);
    if (!pair) {
        *error = pair.error();
        return std::nullopt;
    }
    const Result<QString> secret = ApplicationKeys::consumerSecret(m_secrets, applicationId, keyType);
    if (!secret) {
        *error = secret.error();
        return std::nullopt;
    }
    return Credentials{applicationId, keyType, pair->consumerKey, secret.value()};
}

namespace {
// Every replica of a test alike: loopback, any free ports, two workers.
Gateway::Options replicaOptions(const HttpLimits& limits, const QString& certificate, const QString& key,
                                const QString& redisUrl) {
    Gateway::Options options;
    options.listen = ListenAddress{QHostAddress(QHostAddress::LocalHost), 0};
    options.admin = ListenAddress{QHostAddress(QHostAddress::LocalHost), 0};
    options.workerThreads = 2;
    options.limits = limits;
    options.tlsCertificateFile = certificate;
    options.tlsKeyFile = key;
    options.redisUrl = redisUrl;
    return options;
}
} // namespace

std::unique_ptr<Gateway> GatewayFixture::startReplica(QString* error) {
    auto replica = std::make_unique<Gateway>(m_dir.path(), &m_secrets);
    if (!replica->start(replicaOptions(m_limits, m_tlsCertificate, m_tlsKey, m_redisUrl), error))
        return nullptr;
    return replica;
}

bool GatewayFixture::startGateway(QString* error) {
    if (!m_gateway->start(replicaOptions(m_limits, m_tlsCertificate, m_tlsKey, m_redisUrl), error))
        return false;
    if (!m_gateway->problems().isEmpty()) {
        *error = QStringLiteral("the gateway reports problems: ") +
                 m_gateway->problems().join(QStringLiteral("; "));
        return false;
    }
    return true;
}

bool GatewayFixture::reloadGateway(QString* error) {
    return m_gateway->reload(error);
}

QUrl GatewayFixture::gatewayUrl(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_gateway->port()).arg(path));
}

QUrl GatewayFixture::adminUrl(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_gateway->adminPort()).arg(path));
}

QUrl GatewayFixture::mockUrl(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_mock->port()).arg(path));
}

QString GatewayFixture::chatPath(const QString& basePath) {
    return basePath + QStringLiteral("/chat/completions");
}

QByteArray GatewayFixture::token(const Credentials& credentials, QString* error) {
    const QByteArray basic =
        (credentials.consumerKey + QLatin1Char(':') + credentials.consumerSecret).toUtf8().toBase64();
    const TestResponse response = sendRequest(TestRequest::post(
        gatewayUrl(QStringLiteral("/oauth2/token")), "grant_type=client_credentials",
        {{"Authorization", "Basic " + basic}, {"Content-Type", "application/x-www-form-urlencoded"}}));
    const QByteArray token = response.json().value(QLatin1String("access_token")).toString().toUtf8();
    if (response.status != 200 || token.isEmpty()) {
        *error = QStringLiteral("no token: ") + response.describe();
        return {};
    }
    return token;
}

TestResponse GatewayFixture::chat(const QByteArray& token, const QByteArray& body, const QString& basePath,
                                  HeaderList headers, int timeoutMs) {
    return sendRequest(TestRequest::postJson(gatewayUrl(chatPath(basePath)), body, token, std::move(headers)),
                       timeoutMs);
}

HttpCall* GatewayFixture::startChat(const QByteArray& token, const QByteArray& body, QObject* parent,
                                    const QString& basePath) {
    auto* call = new HttpCall(TestRequest::postJson(gatewayUrl(chatPath(basePath)), body, token), parent);
    call->start();
    return call;
}

bool GatewayFixture::setFault(const QByteArray& faultJson, QString* error) {
    const TestResponse response =
        sendRequest(TestRequest::postJson(mockUrl(QStringLiteral("/_mock/faults")), faultJson));
    if (response.status == 200)
        return true;
    *error = QStringLiteral("the mock refused the fault: ") + response.describe();
    return false;
}

bool GatewayFixture::clearFaults(QString* error) {
    TestRequest request;
    request.method = "DELETE";
    request.url = mockUrl(QStringLiteral("/_mock/faults"));
    const TestResponse response = sendRequest(request);
    if (response.status == 200)
        return true;
    *error = QStringLiteral("the mock did not clear its faults: ") + response.describe();
    return false;
}

QMap<QString, qint64> GatewayFixture::mockStats(QString* error) {
    const TestResponse response = sendRequest(TestRequest::get(mockUrl(QStringLiteral("/_mock/stats"))));
    QMap<QString, qint64> counts;
    if (response.status != 200) {
        if (error)
            *error = response.describe();
        return counts;
    }
    const QJsonObject requests = response.json().value(QLatin1String("requests")).toObject();
    for (auto it = requests.begin(); it != requests.end(); ++it)
        counts.insert(it.key(), it.value().toInteger());
    return counts;
}

PolicyAttachment GatewayFixture::router(const QString& policyName, const QByteArray& configJson) {
    PolicyAttachment attachment;
    attachment.policyName = policyName;
    attachment.policyVersion = QStringLiteral("v1");
    attachment.parameters = Json::object();
    attachment.parameters[attributeOf(policyName).toStdString()] =
        Json::parse(configJson.cbegin(), configJson.cend(), nullptr, false);
    return attachment;
}

PolicyAttachment GatewayFixture::header(const QString& policyName, const QString& name,
                                        const QString& value) {
    PolicyAttachment attachment;
    attachment.policyName = policyName;
    attachment.policyVersion = QStringLiteral("v1");
    attachment.parameters = Json::object();
    attachment.parameters["headerName"] = name.toStdString();
    if (policyName == QLatin1String("addHeader"))
        attachment.parameters["headerValue"] = value.toStdString();
    return attachment;
}

} // namespace gatehouse::test
