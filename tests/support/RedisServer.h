#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace gatehouse::test {

// A real redis-server (Debian's) for one test: on 127.0.0.1 and a port nobody uses, no persistence,
// its files in a temporary folder. Stopped (or killed) by the test, and always when destroyed.
class RedisServer {
public:
    RedisServer() = default;
    ~RedisServer();
    RedisServer(const RedisServer&) = delete;
    RedisServer& operator=(const RedisServer&) = delete;

    // Starts it and waits until it accepts connections; on the same port as before when restarted.
    // `extraArguments` are redis-server options ("--requirepass", "secret").
    bool start(QString* error, const QStringList& extraArguments = {});
    void stop();
    // SIGKILL: what a crash or an OOM kill does.
    void kill();
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace gatehouse::test
