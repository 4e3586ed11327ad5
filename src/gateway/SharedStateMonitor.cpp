#include "gateway/SharedStateMonitor.h"

#include "gateway/GatewayRuntime.h"
#include "gateway/SharedStateSession.h"

#include <QDateTime>
#include <QTimer>

namespace gatehouse {

namespace {

QByteArray prefixOf(GatewayRuntime& runtime) {
    return runtime.sharedState().settings().keyPrefix.toUtf8();
}

int timeoutOf(GatewayRuntime& runtime) {
    return runtime.sharedState().settings().commandTimeoutMs;
}

// The monitor's reads may take longer than a request's deadline: nobody waits on them.
constexpr int monitorTimeoutMs = 1000;

} // namespace

SharedStateMonitor::SharedStateMonitor(std::shared_ptr<GatewayRuntime> runtime, QObject* parent)
    : QObject(parent), m_runtime(std::move(runtime)),
      m_commands(std::make_unique<RedisClient>(SharedStateSession::clientOptions(*m_runtime))),
      m_subscriber(std::make_unique<RedisClient>(SharedStateSession::clientOptions(*m_runtime))),
      m_quotas(*m_commands, prefixOf(*m_runtime), qMax(timeoutOf(*m_runtime), monitorTimeoutMs)),
      m_suspensions(*m_commands, prefixOf(*m_runtime), qMax(timeoutOf(*m_runtime), monitorTimeoutMs)),
      m_replicas(*m_commands, prefixOf(*m_runtime), qMax(timeoutOf(*m_runtime), monitorTimeoutMs)),
      m_heartbeatTimer(new QTimer(this)), m_resyncTimer(new QTimer(this)) {
    connect(m_commands.get(), &RedisClient::connected, this, &SharedStateMonitor::onConnected);
    connect(m_commands.get(), &RedisClient::disconnected, this, &SharedStateMonitor::onDisconnected);
    // Subscribed again after every reconnect; what was published in between is read at once.
    connect(m_subscriber.get(), &RedisClient::subscribed, this, &SharedStateMonitor::resync);
    m_subscriber->subscribe(m_suspensions.channel(),
                            [this](const QByteArray& message) { onMessage(message); });
    connect(m_heartbeatTimer, &QTimer::timeout, this, &SharedStateMonitor::heartbeat);
    connect(m_resyncTimer, &QTimer::timeout, this, &SharedStateMonitor::resync);
}

SharedStateMonitor::~SharedStateMonitor() = default;

void SharedStateMonitor::start() {
    m_commands->start();
    m_subscriber->start();
    m_heartbeatTimer->start(ReplicaRegistry::heartbeatMs);
    m_resyncTimer->start(resyncIntervalMs);
}

void SharedStateMonitor::onConnected() {
    SharedStateStatus& status = m_runtime->sharedState();
    if (status.setConnected(true, QString()))
        qInfo("gatehouse-gateway: shared state: connected to %s",
              qPrintable(m_commands->options().address.toString()));
    heartbeat();
    pushLocalSuspensions();
    mergeLocalCounts();
}

void SharedStateMonitor::onDisconnected(const QString& reason) {
    SharedStateStatus& status = m_runtime->sharedState();
    if (!status.setConnected(false, reason))
        return;
    if (status.settings().failureMode == SharedStateSettings::FailureMode::Closed)
        qWarning("gatehouse-gateway: shared state: %s; failureMode closed: requests with quotas get 503 "
                 "until it is back",
                 qPrintable(reason));
    else
        qWarning("gatehouse-gateway: shared state: %s; failureMode open: counting locally at 1/%d of each "
                 "limit, suspensions stay local until it is back",
                 qPrintable(reason), status.liveReplicas());
}

void SharedStateMonitor::onMessage(const QByteArray& message) {
    const std::optional<SharedSuspensionStore::Change> change = SharedSuspensionStore::parseMessage(message);
    if (!change)
        return;
    if (change->target == "*") {
        m_runtime->suspensions().clear();
        return;
    }
    if (const std::optional<SuspensionTable::Pair> pair = SuspensionTable::Pair::fromSharedId(change->target))
        m_runtime->suspensions().applyShared(*pair, change->untilMs);
}

void SharedStateMonitor::heartbeat() {
    m_replicas.heartbeat(m_runtime->sharedState().replicaId().toUtf8(), [this](std::optional<int> live) {
        if (!live)
            return;
        m_runtime->sharedState().setLiveReplicas(*live);
        mergeLocalCounts(); // requests a worker counted alone when its own command failed
    });
}

void SharedStateMonitor::resync() {
    m_suspensions.read([this](std::optional<SharedSuspensionStore::Snapshot> snapshot) {
        if (!snapshot)
            return;
        for (const SharedSuspensionStore::Change& change : snapshot->running) {
            if (const std::optional<SuspensionTable::Pair> pair =
                    SuspensionTable::Pair::fromSharedId(change.target))
                m_runtime->suspensions().applyShared(*pair, change.untilMs);
        }
    });
}

void SharedStateMonitor::mergeLocalCounts() {
    if (!m_commands->isConnected())
        return;
    for (const QuotaTracker::WindowCounts& window :
         m_runtime->quotas().takeAll(QDateTime::currentMSecsSinceEpoch())) {
        // Not taken (Redis went away again): back into this replica's counts, for the next merge.
        m_quotas.addToWindow(window.key, window.period, window.startMs, window.counts,
                             [runtime = m_runtime, window](bool taken) {
                                 if (!taken)
                                     runtime->quotas().restore(window);
                             });
    }
}

void SharedStateMonitor::pushLocalSuspensions() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const SuspensionTable::Entry& entry : m_runtime->suspensions().entries(now)) {
        if (entry.untilMs > now)
            m_suspensions.suspend(entry.pair.sharedId(), entry.untilMs - now);
    }
}

} // namespace gatehouse
