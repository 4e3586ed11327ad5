#include "core/KeychainSecretStore.h"

#include <QEventLoop>
#include <QObject>
#include <qt6keychain/keychain.h>

namespace gatehouse {

namespace {

// QtKeychain is asynchronous; the store's contract is synchronous, so run the job to completion in
// a local event loop. Secret Service answers in milliseconds.
void runToCompletion(QKeychain::Job& job) {
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString scope, QString service)
    : m_scope(std::move(scope)), m_service(std::move(service)) {
}

QString KeychainSecretStore::entryName(const QString& key) const {
    return m_scope + QLatin1Char('/') + key;
}

QString KeychainSecretStore::explain(const QString& backendError) const {
    return tr("the desktop keychain is not available (%1). Start a Secret Service such as "
              "gnome-keyring, or pass --secrets-file FILE on a headless machine")
        .arg(backendError);
}

SecretStore::ReadResult KeychainSecretStore::read(const QString& key) {
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(entryName(key));
    runToCompletion(job);
    switch (job.error()) {
    case QKeychain::NoError:
        return {Status::Found, job.textData(), {}};
    case QKeychain::EntryNotFound:
        return {Status::NotFound, {}, {}};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {Status::Error, {}, tr("the desktop keychain refused access: %1").arg(job.errorString())};
    default:
        return {Status::Error, {}, explain(job.errorString())};
    }
}

bool KeychainSecretStore::write(const QString& key, const QString& value, QString* error) {
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(entryName(key));
    job.setTextData(value);
    runToCompletion(job);
    if (job.error() == QKeychain::NoError)
        return true;
    if (error)
        *error = explain(job.errorString());
    return false;
}

bool KeychainSecretStore::remove(const QString& key, QString* error) {
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(entryName(key));
    runToCompletion(job);
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return true;
    if (error)
        *error = explain(job.errorString());
    return false;
}

QString KeychainSecretStore::description() const {
    //: Where secrets are kept, completing sentences such as "API key stored in %1" or "cannot remove
    //: the keys from %1".
    return tr("the desktop keychain (service \"%1\")").arg(m_service);
}

} // namespace gatehouse
