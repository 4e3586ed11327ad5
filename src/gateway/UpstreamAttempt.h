#pragma once

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

class QNetworkReply;
class QNetworkRequest;
class QObject;

namespace gatehouse {

class UpstreamNetworkManager;
class UpstreamPool;

// One request to one upstream: the reply, the connection manager it borrows from the worker's pool,
// and its two deadlines (connected within connectMs, finished within totalMs). Destroying it frees
// all of them: an unfinished reply is aborted, the manager goes back to the pool. The timers are
// QBasicTimers delivered to the owner (no objects created per call); the owner hands its timer events
// to handleTimer(). The owner connects to reply()'s signals; they are disconnected on destruction.
class UpstreamAttempt {
public:
    UpstreamAttempt(UpstreamPool& pool, QObject* owner, const QNetworkRequest& request,
                    const QByteArray& method, const QByteArray& body, bool headRequest, int connectTimeoutMs,
                    qint64 totalTimeoutMs);
    ~UpstreamAttempt();
    UpstreamAttempt(const UpstreamAttempt&) = delete;
    UpstreamAttempt& operator=(const UpstreamAttempt&) = delete;

    QNetworkReply* reply() const { return m_reply; }
    // True when `timerId` is one of this attempt's deadlines: the upstream took too long, and the
    // reply is aborted (its finished() then reports the timeout, see timedOut()).
    bool handleTimer(int timerId);
    bool timedOut() const { return m_timedOut; }
    // The request went out (connected): only the total deadline is left.
    void requestSent() { m_connectTimer.stop(); }
    // The answer's headers arrived: only the total deadline is left.
    void answered() { m_connectTimer.stop(); }
    void stopTimers();
    double elapsedMs() const { return double(m_started.nsecsElapsed()) / 1e6; }

private:
    UpstreamPool& m_pool;
    QObject* m_owner;
    QString m_hostKey;
    UpstreamNetworkManager* m_manager = nullptr;
    QNetworkReply* m_reply = nullptr;
    QBasicTimer m_connectTimer;
    QBasicTimer m_totalTimer;
    QElapsedTimer m_started;
    bool m_timedOut = false;
};

} // namespace gatehouse
