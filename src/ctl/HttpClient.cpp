#include "ctl/HttpClient.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <memory>

namespace gatehouse {

HttpClient::HttpClient(int timeoutMs) : m_timeoutMs(timeoutMs) {
}

bool HttpClient::isLoopbackHost(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

HttpClient::Answer HttpClient::get(const QUrl& url, const Headers& headers) const {
    return send(url, headers, QByteArrayLiteral("GET"), {});
}

HttpClient::Answer HttpClient::post(const QUrl& url, const Headers& headers, const QByteArray& body) const {
    return send(url, headers, QByteArrayLiteral("POST"), body);
}

HttpClient::Answer HttpClient::send(const QUrl& url, const Headers& headers, const QByteArray& verb,
                                    const QByteArray& body) const {
    QNetworkAccessManager manager;
    if (isLoopbackHost(url.host()))
        manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    // The reply is the manager's child; owning it here deletes it before the manager.
    std::unique_ptr<QNetworkReply> reply(verb == "GET" ? manager.get(request)
                                                       : manager.sendCustomRequest(request, verb, body));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&]() {
        timedOut = true;
        reply->abort();
        loop.quit();
    });
    deadline.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    Answer answer;
    if (timedOut) {
        //: %1 is a number of seconds.
        answer.error = tr("no answer within %1 s").arg(m_timeoutMs / 1000.0);
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    if (answer.status == 0)
        answer.error = reply->errorString().isEmpty() ? tr("no HTTP answer") : reply->errorString();
    return answer;
}

} // namespace gatehouse
