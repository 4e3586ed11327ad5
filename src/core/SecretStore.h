#pragma once

#include <QString>

namespace gatehouse {

// Where backend keys, consumer secrets and the token-signing key live. Never a workspace file.
// Calls are synchronous: a secret is read at a few well-defined moments (deploy, key generation,
// "show secret"), never per request.
class SecretStore {
public:
    enum class Status { Found, NotFound, Error };
    struct ReadResult {
        Status status = Status::NotFound;
        QString value;
        QString error; // set when status is Error

        bool found() const { return status == Status::Found; }
    };

    virtual ~SecretStore() = default;

    virtual ReadResult read(const QString& key) = 0;
    virtual bool write(const QString& key, const QString& value, QString* error) = 0;
    // Removing a key that is not there succeeds.
    virtual bool remove(const QString& key, QString* error) = 0;
    // "the desktop keychain (Secret Service)", "file /path (0600)", ...: for status lines and errors.
    virtual QString description() const = 0;

    // Key names, so every layer spells them alike.
    static QString endpointKeyName(const QString& apiId, const QString& endpointId);
    static QString consumerSecretName(const QString& applicationId, const QString& keyType);
    static QString tokenSigningKeyName();
    static QString azureContentSafetyKeyName();
    // The password of the shared-state Redis (workspace sharedState), with its ACL user if any.
    static QString redisPasswordKeyName();
    // The key of the workspace's embedding provider (workspace embeddings).
    static QString embeddingKeyName();

protected:
    SecretStore() = default;
    SecretStore(const SecretStore&) = default;
    SecretStore& operator=(const SecretStore&) = default;
};

} // namespace gatehouse
