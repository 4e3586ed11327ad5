#pragma once

#include "gateway/GatewayConfig.h"
#include "gateway/policies/PolicyRegistry.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>

namespace gatehouse {

class SecretStore;
class Workspace;

// Compiles the workspace's deployments, applications and plans into a GatewayConfig. Runs in the
// control thread. Policies are built by the registry's kinds, each handed the policy of the previous
// build at the same place (so a model router whose configuration did not change keeps its balancing
// sequence across a redeploy); and caches secrets it already read,
// so a rebuild costs keychain reads only for what is new.
class GatewayConfigBuilder {
public:
    // Returns the base URL ("http://127.0.0.1:PORT") of the in-process mock serving mock:// endpoints,
    // starting it if needed; empty when it cannot.
    using MockResolver = std::function<QString()>;

    GatewayConfigBuilder(SecretStore* secrets, MockResolver mockResolver,
                         const PolicyRegistry& policies = PolicyRegistry::builtin());

    std::shared_ptr<GatewayConfig> build(const Workspace& workspace, QString* error);
    void forgetCachedSecrets();

private:
    std::shared_ptr<RuntimeApi> compileApi(const Workspace& workspace, const QString& apiId,
                                           int revisionNumber, QStringList* problems);
    // The APIs the gateway also serves at "/<context>/..." without a version, one per context.
    static std::vector<std::shared_ptr<const RuntimeApi>>
    defaultVersions(const Workspace& workspace,
                    const std::vector<std::shared_ptr<const RuntimeApi>>& deployed);
    QByteArray readSecret(const QString& name, const QString& cacheTag, QString* error);
    QByteArray signingKey(QString* error);

    SecretStore* m_secrets;
    MockResolver m_mockResolver;
    const PolicyRegistry& m_policies;
    QHash<QString, RuntimePolicy> m_built; // the last build's policies, by attachment location
    QHash<QString, QByteArray> m_secretCache;
    QByteArray m_signingKey;
    GuardrailProviders m_providers;                 // this build's, read once
    std::shared_ptr<const PriceCatalogue> m_prices; // this build's
};

} // namespace gatehouse
