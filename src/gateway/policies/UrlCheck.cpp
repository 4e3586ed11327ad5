#include "gateway/policies/UrlCheck.h"

#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace gatehouse {

UrlCheck::UrlCheck(QStringList urls, bool onlyDns, int timeoutMs, Finished finished, QObject* parent)
    : QObject(parent), m_pending(std::move(urls)), m_onlyDns(onlyDns), m_finished(std::move(finished)) {
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(timeoutMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        // What has not answered by now failed.
        m_invalid += m_pending;
        m_pending.clear();
        finish();
    });
}

void UrlCheck::start() {
    if (m_pending.isEmpty()) {
        finish();
        return;
    }
    m_deadline.start();
    if (!m_onlyDns)
        m_network = new QNetworkAccessManager(this);
    for (const QString& url : QStringList(m_pending)) {
        const QUrl parsed(url);
        if (!parsed.isValid() || parsed.host().isEmpty()) {
            settle(url, false);
            continue;
        }
        if (m_onlyDns) {
            QHostInfo::lookupHost(parsed.host(), this, [this, url](const QHostInfo& info) {
                settle(url, info.error() == QHostInfo::NoError && !info.addresses().isEmpty());
            });
            continue;
        }
        QNetworkRequest request(parsed);
        request.setTransferTimeout(m_deadline.interval());
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* reply = m_network->head(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
            // Any HTTP answer, 404 included, means the server accepted the connection.
            const bool answered = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
            reply->deleteLater();
            settle(url, answered);
        });
    }
}

void UrlCheck::settle(const QString& url, bool valid) {
    if (m_done || !m_pending.removeOne(url))
        return;
    if (!valid)
        m_invalid.append(url);
    if (m_pending.isEmpty())
        finish();
}

void UrlCheck::finish() {
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    const Finished finished = std::move(m_finished);
    const QStringList invalid = m_invalid;
    deleteLater();
    finished(invalid);
}

} // namespace gatehouse
