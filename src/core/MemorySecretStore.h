#pragma once

#include "core/SecretStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace gatehouse {

// Secrets in process memory only: unit tests, and the demo workspace's throwaway values in tests.
class MemorySecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(MemorySecretStore)

public:
    ReadResult read(const QString& key) override;
    bool write(const QString& key, const QString& value, QString* error) override;
    bool remove(const QString& key, QString* error) override;
    QString description() const override;

    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_values;
};

} // namespace gatehouse
