#include "RedisServer.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace gatehouse::test {

RedisServer::~RedisServer() {
    stop();
}

bool RedisServer::start(QString* error, const QStringList& extraArguments) {
    if (m_port == 0) {
        // A port the kernel just gave out and took back: free, and not soon handed out again.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("redis-server"),
                    QStringList{QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                                QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                                QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                                m_dir.path(), QStringLiteral("--daemonize"), QStringLiteral("no")} +
                        extraArguments);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("redis-server does not start (./dev installs it): %1")
                     .arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200))
            return true;
        if (m_process.state() != QProcess::Running) {
            *error = QStringLiteral("redis-server exited: %1").arg(QString::fromUtf8(m_process.readAll()));
            return false;
        }
        QThread::msleep(20);
    }
    *error = QStringLiteral("redis-server does not accept connections on port %1").arg(m_port);
    return false;
}

void RedisServer::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        kill();
}

void RedisServer::kill() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace gatehouse::test
