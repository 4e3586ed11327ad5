#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace gatehouse {

// One blocking HTTP exchange for a command-line tool: QNetworkAccessManager driven by a local event
// loop, with an overall deadline. Loopback URLs never go through a proxy.
class HttpClient {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)

public:
    struct Answer {
        int status = 0; // 0 when no HTTP answer arrived
        QByteArray body;
        QString error; // why no HTTP answer arrived (connection refused, deadline passed, ...)

        bool isHttpAnswer() const { return error.isEmpty() && status > 0; }
        bool isSuccess() const { return isHttpAnswer() && status >= 200 && status < 300; }
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpClient(int timeoutMs);

    Answer get(const QUrl& url, const Headers& headers = {}) const;
    Answer post(const QUrl& url, const Headers& headers, const QByteArray& body) const;

    static bool isLoopbackHost(const QString& host);

private:
    Answer send(const QUrl& url, const Headers& headers, const QByteArray& verb,
                const QByteArray& body) const;

    int m_timeoutMs;
};

} // namespace gatehouse
