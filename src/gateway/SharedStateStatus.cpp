#include "gateway/SharedStateStatus.h"

namespace gatehouse {

SharedStateStatus::SharedStateStatus(SharedStateSettings settings, QString replicaId)
    : m_settings(std::move(settings)), m_replicaId(std::move(replicaId)) {
}

bool SharedStateStatus::setConnected(bool connected, const QString& error) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!connected)
        m_lastError = error;
    else
        m_lastError.clear();
    return m_connected.exchange(connected) != connected;
}

QString SharedStateStatus::lastError() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_lastError;
}

} // namespace gatehouse
