#include "core/ApplicationKeys.h"

#include "core/SecretStore.h"
#include "core/Workspace.h"

#include <QRandomGenerator>
#include <algorithm>

namespace gatehouse {

QString ApplicationKeys::randomToken(int length) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString token;
    token.reserve(length);
    QRandomGenerator* random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        token.append(QLatin1Char(alphabet[random->bounded(int(sizeof alphabet - 1))]));
    return token;
}

Result<KeyPair> ApplicationKeys::generate(Workspace& workspace, SecretStore& secrets,
                                          const QString& applicationId, Stage keyType) {
    const Application* existing = workspace.application(applicationId);
    if (!existing)
        return Result<KeyPair>::failure(tr("no application with id \"%1\"").arg(applicationId));
    Application application = *existing;
    KeyPair pair;
    pair.keyType = keyType;
    pair.consumerKey = randomToken(28);
    pair.createdAt = QDateTime::currentDateTimeUtc();
    pair.tokensValidAfter = pair.createdAt;
    const QString secret = randomToken(40);
    QString error;
    // The secret goes first: a key pair in the workspace without its secret would be unusable.
    if (!secrets.write(SecretStore::consumerSecretName(applicationId, stageKeyTypeName(keyType)), secret,
                       &error))
        return Result<KeyPair>::failure(error);
    application.keys.erase(std::remove_if(application.keys.begin(), application.keys.end(),
                                          [&](const KeyPair& each) { return each.keyType == keyType; }),
                           application.keys.end());
    application.keys.push_back(pair);
    if (!workspace.saveApplication(application).ok(&error))
        return Result<KeyPair>::failure(error);
    return Result<KeyPair>::success(pair);
}

Result<QString> ApplicationKeys::consumerSecret(SecretStore& secrets, const QString& applicationId,
                                                Stage keyType) {
    const SecretStore::ReadResult read =
        secrets.read(SecretStore::consumerSecretName(applicationId, stageKeyTypeName(keyType)));
    if (read.status == SecretStore::Status::Error)
        return Result<QString>::failure(read.error);
    if (!read.found())
        return Result<QString>::failure(
            //: %1 is "production" or "sandbox", %2 an application id, %3 where secrets are kept.
            tr("the %1 consumer secret of %2 is not in %3; generate the keys again")
                .arg(stageName(keyType), applicationId, secrets.description()));
    return Result<QString>::success(read.value);
}

} // namespace gatehouse
