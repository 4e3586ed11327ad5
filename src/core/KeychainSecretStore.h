#pragma once

#include "core/SecretStore.h"

#include <QCoreApplication>

namespace gatehouse {

// The desktop keychain through QtKeychain (Secret Service on Linux). Entries are named
// "<scope>/<key>" under the service "Gatehouse", where the scope is the workspace id, so two
// workspaces never share secrets. There is no plaintext fallback: without a reachable Secret
// Service every call fails and says so.
class KeychainSecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QString scope, QString service = QStringLiteral("Gatehouse"));

    ReadResult read(const QString& key) override;
    bool write(const QString& key, const QString& value, QString* error) override;
    bool remove(const QString& key, QString* error) override;
    QString description() const override;

private:
    QString entryName(const QString& key) const;
    QString explain(const QString& backendError) const;

    QString m_scope;
    QString m_service;
};

} // namespace gatehouse
