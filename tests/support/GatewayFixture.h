#pragma once

#include "TestHttpClient.h"
#include "core/Application.h"
#include "core/BusinessPlan.h"
#include "core/Endpoint.h"
#include "core/MemorySecretStore.h"
#include "core/PolicyAttachment.h"
#include "core/Stage.h"
#include "gateway/HttpLimits.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <optional>
#include <vector>

namespace gatehouse {
class Gateway;
class MockLlmServer;
class Workspace;
} // namespace gatehouse

namespace gatehouse::test {

// Everything an end-to-end gateway test stands on, in-process over real loopback sockets: a
// temporary workspace, an in-memory secret store, the mock LLM on 127.0.0.1:0, APIs created as the
// Publisher creates them (provider template, endpoint key in the secret store, policies, revision,
// deployment), applications with subscriptions and keys, and a Gateway on 127.0.0.1:0 with two
// worker threads. Helpers return false / empty with a reason instead of failing the test themselves,
// so tests can QVERIFY2 them.
class GatewayFixture {
public:
    struct ApiSpec {
        QString name = QStringLiteral("SmartChat");
        QString context = QStringLiteral("smartchat");
        QString version = QStringLiteral("1.0.0");
        QString provider = QStringLiteral("openai");
        QString productionUrl; // empty: the mock
        QString sandboxUrl;    // empty: no sandbox endpoint
        QString endpointKey = QStringLiteral("sk-test");
        int timeoutMs = 0;                          // 0: the endpoint default
        std::vector<PolicyAttachment> chatPolicies; // request flow of POST /chat/completions
        std::vector<PolicyAttachment> chatResponsePolicies;
        std::vector<PolicyAttachment> chatFaultPolicies;
        std::vector<PolicyAttachment> apiRequestPolicies; // API level, request flow
        std::vector<Endpoint> extraEndpoints;             // besides the default ones (no key)
    };
    struct Credentials {
        QString applicationId;
        Stage keyType = Stage::Production;
        QString consumerKey;
        QString consumerSecret;
    };

    GatewayFixture();
    ~GatewayFixture();
    GatewayFixture(const GatewayFixture&) = delete;
    GatewayFixture& operator=(const GatewayFixture&) = delete;

    bool init(QString* error, int mockWorkerThreads = 1);

    Workspace& workspace() { return *m_workspace; }
    MemorySecretStore& secrets() { return m_secrets; }
    MockLlmServer& mock() { return *m_mock; }
    Gateway& gateway() { return *m_gateway; }
    QString workspaceDirectory() const { return m_dir.path(); }

    // Creates, saves, revisions and deploys an API; its id, or empty with `error` set.
    QString addApi(const ApiSpec& spec, QString* error);
    // A new revision of the API with these policies on POST /chat/completions, deployed.
    bool redeploy(const QString& apiId, const std::vector<PolicyAttachment>& chatPolicies, QString* error);
    // Adds `plan` to the workspace's business plans.
    bool addPlan(const BusinessPlan& plan, QString* error);
    // An application subscribed to `apiIds` under `plan`, with keys of `keyType`.
    std::optional<Credentials> addApplication(const QString& name, const QStringList& apiIds,
                                              const QString& plan, Stage keyType, QString* error);
    // (Re)generates keys; regenerating revokes tokens issued before.
    std::optional<Credentials> generateKeys(const QString& applicationId, Stage keyType, QString* error);

    // Limits and TLS files for the gateway's API listener; before startGateway().
    void setHttpLimits(const HttpLimits& limits) { m_limits = limits; }
    void setTls(const QString& certificateFile, const QString& keyFile) {
        m_tlsCertificate = certificateFile;
        m_tlsKey = keyFile;
    }
    // Shared state through the Redis at this URL (`gatehouse-gateway --redis`); before startGateway().
    void setRedisUrl(const QString& url) { m_redisUrl = url; }
    bool startGateway(QString* error);
    // Another replica on the same workspace, secrets and Redis: its own workers and run-time state.
    std::unique_ptr<Gateway> startReplica(QString* error);
    // Makes the gateway take the workspace's current state now, instead of waiting for its watcher.
    bool reloadGateway(QString* error);

    QUrl gatewayUrl(const QString& path) const;
    QUrl adminUrl(const QString& path) const;
    QUrl mockUrl(const QString& path) const;
    static QString chatPath(const QString& basePath = QStringLiteral("/smartchat/1.0.0"));

    // A token from the gateway's token endpoint (client credentials, HTTP Basic); empty on failure.
    QByteArray token(const Credentials& credentials, QString* error);
    TestResponse chat(const QByteArray& token, const QByteArray& body,
                      const QString& basePath = QStringLiteral("/smartchat/1.0.0"), HeaderList headers = {},
                      int timeoutMs = 10000);
    HttpCall* startChat(const QByteArray& token, const QByteArray& body, QObject* parent,
                        const QString& basePath = QStringLiteral("/smartchat/1.0.0"));

    // The mock's control API, over HTTP.
    bool setFault(const QByteArray& faultJson, QString* error);
    bool clearFaults(QString* error);
    QMap<QString, qint64> mockStats(QString* error = nullptr);

    // A model-routing policy attachment ("modelWeightedRoundRobin", "modelRoundRobin",
    // "modelFailover") with its configuration as JSON text.
    static PolicyAttachment router(const QString& policyName, const QByteArray& configJson);
    static PolicyAttachment header(const QString& policyName, const QString& name, const QString& value = {});

private:
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MockLlmServer> m_mock;
    std::unique_ptr<Gateway> m_gateway;
    HttpLimits m_limits;
    QString m_tlsCertificate;
    QString m_tlsKey;
    QString m_redisUrl;
};

// The common case: one API built from `spec`, one application subscribed to it under Unlimited with
// keys of `keyType`, a running gateway and a token.
struct Scenario {
    GatewayFixture fixture;
    QString apiId;
    GatewayFixture::Credentials credentials;
    QByteArray token;
    int mockWorkerThreads = 1;

    bool setUp(const GatewayFixture::ApiSpec& spec, QString* error, Stage keyType = Stage::Production);
};

// An API spec with one policy on POST /chat/completions.
GatewayFixture::ApiSpec specWith(const PolicyAttachment& policy);

// The body of a chat completion asking for `model` (no "model" field when empty).
QByteArray chatBody(const QString& model, bool stream = false);

} // namespace gatehouse::test
