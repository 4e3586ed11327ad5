#include "gateway/UpstreamConnectionPool.h"

#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace gatehouse {

UpstreamConnectionPool::UpstreamConnectionPool(QObject* parent)
    : QObject(parent), m_sweepTimer(new QTimer(this)) {
    m_clock.start();
    m_sweepTimer->setInterval(idleTimeoutMs / 3);
    connect(m_sweepTimer, &QTimer::timeout, this, &UpstreamConnectionPool::sweep);
}

UpstreamConnectionPool::~UpstreamConnectionPool() = default;

QString UpstreamConnectionPool::keyOf(const QString& host, quint16 port) {
    return host + QLatin1Char(':') + QString::number(port);
}

QTcpSocket* UpstreamConnectionPool::takeIdle(const QString& host, quint16 port) {
    auto it = m_idle.find(keyOf(host, port));
    if (it == m_idle.end())
        return nullptr;
    std::vector<Idle>& idle = it.value();
    while (!idle.empty()) {
        // The most recently used first: it is the least likely to have been closed by the upstream.
        QTcpSocket* socket = idle.back().socket;
        forget(idle.back());
        idle.pop_back();
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0) {
            socket->setParent(nullptr);
            return socket;
        }
        socket->deleteLater();
    }
    m_idle.erase(it);
    return nullptr;
}

void UpstreamConnectionPool::giveBack(QTcpSocket* socket, const QString& host, quint16 port) {
    std::vector<Idle>& idle = m_idle[keyOf(host, port)];
    if (int(idle.size()) >= maxIdlePerHost || socket->state() != QAbstractSocket::ConnectedState) {
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    // An idle connection has nothing to say: data or a close from the upstream retires it.
    idle.push_back({socket, m_clock.elapsed(),
                    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); }),
                    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); })});
    if (!m_sweepTimer->isActive())
        m_sweepTimer->start();
}

void UpstreamConnectionPool::drop(QTcpSocket* socket) {
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        std::vector<Idle>& idle = it.value();
        const auto found = std::find_if(idle.begin(), idle.end(),
                                        [socket](const Idle& entry) { return entry.socket == socket; });
        if (found == idle.end())
            continue;
        forget(*found);
        idle.erase(found);
        socket->abort();
        socket->deleteLater();
        if (idle.empty())
            m_idle.erase(it);
        return;
    }
}

void UpstreamConnectionPool::sweep() {
    const qint64 cutoff = m_clock.elapsed() - idleTimeoutMs;
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        std::vector<Idle>& idle = it.value();
        const auto stale = std::partition(idle.begin(), idle.end(),
                                          [cutoff](const Idle& entry) { return entry.since > cutoff; });
        for (auto entry = stale; entry != idle.end(); ++entry) {
            forget(*entry);
            entry->socket->abort();
            entry->socket->deleteLater();
        }
        idle.erase(stale, idle.end());
        it = idle.empty() ? m_idle.erase(it) : std::next(it);
    }
    if (m_idle.isEmpty())
        m_sweepTimer->stop();
}

void UpstreamConnectionPool::forget(Idle& entry) {
    disconnect(entry.onData);
    disconnect(entry.onClose);
}

int UpstreamConnectionPool::idleCount() const {
    int count = 0;
    for (const std::vector<Idle>& idle : m_idle)
        count += int(idle.size());
    return count;
}

} // namespace gatehouse
