#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>

class QNetworkAccessManager;

namespace gatehouse {

// Checks a few URLs at once for URLGuardrail, without blocking the worker: each must resolve (DNS) or
// answer a HEAD request (any HTTP status: the connection was accepted) before the deadline. Reports
// the URLs that failed once, then deletes itself; a child of the call, so it dies with it.
class UrlCheck : public QObject {
    Q_OBJECT
public:
    using Finished = std::function<void(const QStringList& invalid)>;

    UrlCheck(QStringList urls, bool onlyDns, int timeoutMs, Finished finished, QObject* parent);
    void start();

private:
    void settle(const QString& url, bool valid);
    void finish();

    QStringList m_pending;
    QStringList m_invalid;
    bool m_onlyDns;
    Finished m_finished;
    QTimer m_deadline;
    QNetworkAccessManager* m_network = nullptr;
    bool m_done = false;
};

} // namespace gatehouse
