#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <vector>

class QTcpSocket;
class QTimer;

namespace gatehouse {

// Idle keep-alive connections to plain-HTTP upstreams, kept per host:port for one worker thread. A
// reply takes a connection for one request and gives it back when the answer ended cleanly, so a
// steady load reuses a handful of sockets instead of opening one per request. An idle connection the
// upstream closes (or writes to unasked) is dropped, and none stays idle longer than idleTimeoutMs.
class UpstreamConnectionPool : public QObject {
    Q_OBJECT
public:
    explicit UpstreamConnectionPool(QObject* parent = nullptr);
    ~UpstreamConnectionPool() override;

    // A connected idle socket to host:port, now owned by the caller (re-parented), or nullptr.
    QTcpSocket* takeIdle(const QString& host, quint16 port);
    // Takes back a socket whose last answer ended cleanly; closes it when the host has enough idle.
    void giveBack(QTcpSocket* socket, const QString& host, quint16 port);
    int idleCount() const;

    static constexpr int maxIdlePerHost = 256;
    static constexpr int idleTimeoutMs = 30000;

private:
    struct Idle {
        QTcpSocket* socket = nullptr;
        qint64 since = 0;
        QMetaObject::Connection onData;
        QMetaObject::Connection onClose;
    };
    static QString keyOf(const QString& host, quint16 port);
    void drop(QTcpSocket* socket);
    static void forget(Idle& entry);
    void sweep();

    QHash<QString, std::vector<Idle>> m_idle;
    QElapsedTimer m_clock;
    QTimer* m_sweepTimer;
};

} // namespace gatehouse
