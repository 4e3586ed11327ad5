#pragma once

#include "core/SharedStateSettings.h"

#include <QString>
#include <atomic>
#include <mutex>

namespace gatehouse {

// How a replica's shared state is doing, read by every worker and by /status, /metrics and the GUI:
// whether Redis answers, how many replicas are alive (the share each takes of a limit while counting
// alone), and how often a request went without Redis. Written by the monitor on the gateway's thread
// and by workers whose Redis command failed.
class SharedStateStatus {
public:
    SharedStateStatus(SharedStateSettings settings, QString replicaId);

    const SharedStateSettings& settings() const { return m_settings; }
    bool isShared() const { return m_settings.backend == SharedStateSettings::Backend::Redis; }
    const QString& replicaId() const { return m_replicaId; }

    bool isConnected() const { return m_connected.load(std::memory_order_relaxed); }
    int liveReplicas() const { return m_liveReplicas.load(std::memory_order_relaxed); }
    void setLiveReplicas(int count) { m_liveReplicas.store(qMax(1, count), std::memory_order_relaxed); }
    // Returns true when the state changed (the caller logs it).
    bool setConnected(bool connected, const QString& error);
    QString lastError() const;

    // Connections to Redis that are up: each worker's and the admin listener's.
    int connectedSessions() const { return m_sessions.load(std::memory_order_relaxed); }
    int expectedSessions() const { return m_expectedSessions.load(std::memory_order_relaxed); }
    void setExpectedSessions(int count) { m_expectedSessions.store(count, std::memory_order_relaxed); }
    void sessionConnected() { m_sessions.fetch_add(1, std::memory_order_relaxed); }
    void sessionDisconnected() { m_sessions.fetch_sub(1, std::memory_order_relaxed); }

    // A request counted locally (open) or refused (closed) because Redis did not answer it.
    void countFallback() { m_fallbacks.fetch_add(1, std::memory_order_relaxed); }
    void countRefusal() { m_refusals.fetch_add(1, std::memory_order_relaxed); }
    quint64 fallbacks() const { return m_fallbacks.load(std::memory_order_relaxed); }
    quint64 refusals() const { return m_refusals.load(std::memory_order_relaxed); }

private:
    const SharedStateSettings m_settings;
    const QString m_replicaId;
    std::atomic<bool> m_connected{false};
    std::atomic<int> m_liveReplicas{1};
    std::atomic<int> m_sessions{0};
    std::atomic<int> m_expectedSessions{0};
    std::atomic<quint64> m_fallbacks{0};
    std::atomic<quint64> m_refusals{0};
    mutable std::mutex m_mutex; // guards m_lastError
    QString m_lastError;
};

} // namespace gatehouse
