#pragma once

#include "gateway/GatewayConfig.h"
#include "gateway/ModelRouter.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>

namespace gatehouse {

class SecretStore;
class Workspace;

// Compiles the workspace's deployments, applications and plans into a GatewayConfig. Runs in the
// control thread. Keeps the model routers of the previous build when their configuration did not
// change, so a redeploy does not reset the balancing sequence; and caches secrets it already read,
// so a rebuild costs keychain reads only for what is new.
class GatewayConfigBuilder {
public:
    // Returns the base URL ("http://127.0.0.1:PORT") of the in-process mock serving mock:// endpoints,
    // starting it if needed; empty when it cannot.
    using MockResolver = std::function<QString()>;

    GatewayConfigBuilder(SecretStore* secrets, MockResolver mockResolver);

    std::shared_ptr<GatewayConfig> build(const Workspace& workspace, QString* error);
    void forgetCachedSecrets();

private:
    std::shared_ptr<RuntimeApi> compileApi(const Workspace& workspace, const QString& apiId,
                                           int revisionNumber, QStringList* problems);
    QByteArray readSecret(const QString& name, const QString& cacheTag, QString* error);
    QByteArray signingKey(QString* error);

    SecretStore* m_secrets;
    MockResolver m_mockResolver;
    QHash<QString, std::shared_ptr<ModelRouter>> m_routers; // by attachment location
    QHash<QString, QByteArray> m_secretCache;
    QByteArray m_signingKey;
};

} // namespace gatehouse
