#include "core/SecretStore.h"

namespace gatehouse {

QString SecretStore::endpointKeyName(const QString& apiId, const QString& endpointId) {
    return QStringLiteral("apis/%1/endpoints/%2/api-key").arg(apiId, endpointId);
}

QString SecretStore::consumerSecretName(const QString& applicationId, const QString& keyType) {
    return QStringLiteral("applications/%1/%2/consumer-secret").arg(applicationId, keyType.toLower());
}

QString SecretStore::tokenSigningKeyName() {
    return QStringLiteral("gateway/token-signing-key");
}

QString SecretStore::azureContentSafetyKeyName() {
    return QStringLiteral("guardrail-providers/azure-content-safety");
}

QString SecretStore::embeddingKeyName() {
    return QStringLiteral("embedding-provider/key");
}

QString SecretStore::redisPasswordKeyName() {
    return QStringLiteral("shared-state/redis-password");
}

} // namespace gatehouse
