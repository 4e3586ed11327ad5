#pragma once

#include "sharedstate/RedisClient.h"
#include "sharedstate/ReplicaRegistry.h"
#include "sharedstate/SharedQuotaStore.h"
#include "sharedstate/SharedSuspensionStore.h"

#include <QObject>
#include <memory>

class QTimer;

namespace gatehouse {

class GatewayRuntime;

// A replica's link to the shared state beyond single requests, on the gateway's own thread: hears
// suspensions as other replicas publish them (within milliseconds) and reads them all twice a second
// (which heals a message lost with a dropped subscription), says it is alive every second and learns
// how many replicas are, and when Redis comes back merges in what this replica counted and suspended
// alone. It logs each change of Redis's state once and keeps the runtime's status current.
class SharedStateMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int resyncIntervalMs = 500;

    explicit SharedStateMonitor(std::shared_ptr<GatewayRuntime> runtime, QObject* parent = nullptr);
    ~SharedStateMonitor() override;

    void start();

private:
    void onConnected();
    void onDisconnected(const QString& reason);
    void onMessage(const QByteArray& message);
    void heartbeat();
    void resync();
    void mergeLocalCounts();
    void pushLocalSuspensions();

    std::shared_ptr<GatewayRuntime> m_runtime;
    std::unique_ptr<RedisClient> m_commands;
    std::unique_ptr<RedisClient> m_subscriber; // a subscribed connection takes no other command
    SharedQuotaStore m_quotas;
    SharedSuspensionStore m_suspensions;
    ReplicaRegistry m_replicas;
    QTimer* m_heartbeatTimer;
    QTimer* m_resyncTimer;
};

} // namespace gatehouse
