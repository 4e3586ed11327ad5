#pragma once

#include "core/Application.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse {

class SecretStore;
class Workspace;

// Generating and reading an application's credentials. The consumer key is stored in the
// workspace; the consumer secret only in the secret store.
class ApplicationKeys {
    Q_DECLARE_TR_FUNCTIONS(ApplicationKeys)

public:
    // Creates (or regenerates, revoking tokens issued before now) the key pair of `keyType` and
    // saves the application. Returns the new pair; the secret is readable with consumerSecret().
    static Result<KeyPair> generate(Workspace& workspace, SecretStore& secrets, const QString& applicationId,
                                    Stage keyType);
    static Result<QString> consumerSecret(SecretStore& secrets, const QString& applicationId, Stage keyType);

    // Cryptographically random text of `length` characters from [A-Za-z0-9].
    static QString randomToken(int length);
};

} // namespace gatehouse
