#include "core/MemorySecretStore.h"

#include <QMutexLocker>

namespace gatehouse {

SecretStore::ReadResult MemorySecretStore::read(const QString& key) {
    QMutexLocker lock(&m_mutex);
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        return {Status::NotFound, {}, {}};
    return {Status::Found, *it, {}};
}

bool MemorySecretStore::write(const QString& key, const QString& value, QString*) {
    QMutexLocker lock(&m_mutex);
    m_values.insert(key, value);
    return true;
}

bool MemorySecretStore::remove(const QString& key, QString*) {
    QMutexLocker lock(&m_mutex);
    m_values.remove(key);
    return true;
}

QString MemorySecretStore::description() const {
    //: Where secrets are kept, completing sentences such as "API key stored in %1" or "cannot remove
    //: the keys from %1".
    return tr("memory (secrets are forgotten when the program exits)");
}

int MemorySecretStore::size() const {
    QMutexLocker lock(&m_mutex);
    return int(m_values.size());
}

} // namespace gatehouse
