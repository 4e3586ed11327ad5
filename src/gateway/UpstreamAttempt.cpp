#include "gateway/UpstreamAttempt.h"

#include "gateway/UpstreamNetworkManager.h"
#include "gateway/UpstreamPool.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <climits>

namespace gatehouse {

UpstreamAttempt::UpstreamAttempt(UpstreamPool& pool, QObject* owner, const QNetworkRequest& request,
                                 const QByteArray& method, const QByteArray& body, bool headRequest,
                                 int connectTimeoutMs, qint64 totalTimeoutMs)
    : m_pool(pool), m_owner(owner) {
    const QUrl url = request.url();
    m_hostKey = url.scheme() + QLatin1Char(':') + url.host() + QLatin1Char(':') + QString::number(url.port());
    m_manager = m_pool.acquire(m_hostKey);
    m_started.start();
    m_reply = m_manager->send(request, method, body);
    m_reply->setReadBufferSize(headRequest ? 0 : 256 * 1024);
    m_connectTimer.start(connectTimeoutMs, m_owner);
    m_totalTimer.start(int(qMin<qint64>(totalTimeoutMs, INT_MAX)), m_owner);
}

UpstreamAttempt::~UpstreamAttempt() {
    stopTimers();
    QObject::disconnect(m_reply, nullptr, m_owner, nullptr);
    // A reply that already failed (an HTTP error status being retried elsewhere) needs no abort:
    // deleting it closes its connection, and aborting it again only makes Qt complain.
    if (m_reply->isRunning() && m_reply->error() == QNetworkReply::NoError)
        m_reply->abort();
    m_reply->deleteLater();
    m_pool.release(m_manager, m_hostKey);
}

bool UpstreamAttempt::handleTimer(int timerId) {
    if (timerId != m_connectTimer.timerId() && timerId != m_totalTimer.timerId())
        return false;
    // The upstream did not connect, or did not finish, in time: aborting makes the reply finish.
    stopTimers();
    m_timedOut = true;
    m_reply->abort();
    return true;
}

void UpstreamAttempt::stopTimers() {
    m_connectTimer.stop();
    m_totalTimer.stop();
}

} // namespace gatehouse
