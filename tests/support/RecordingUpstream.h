#pragma once

#include "TestHttpClient.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>

class QTcpSocket;

namespace gatehouse::test {

// A minimal upstream on 127.0.0.1 that records every request exactly as it arrived (header names,
// duplicates and order kept) and answers each with the configured response, then closes the
// connection. Runs on the test thread's event loop.
class RecordingUpstream : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray target;
        HeaderList headers;
        QByteArray body;

        QByteArray header(const QByteArray& name) const; // first value
        int count(const QByteArray& name) const;
        // Every header line as "name: value", for "appears nowhere" checks.
        QByteArray rawHead() const;
    };

    RecordingUpstream();
    ~RecordingUpstream() override;

    bool listen(QString* error);
    // "http://127.0.0.1:<port>"
    QString origin() const;
    void setResponse(int status, const QByteArray& body, const HeaderList& headers);
    // Answers each request this long after it arrived (a slow upstream).
    void setResponseDelay(int milliseconds) { m_delayMs = milliseconds; }
    const QList<Request>& requests() const { return m_requests; }

private:
    void accept();
    void consume(QTcpSocket* socket);

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_status = 200;
    QByteArray m_body = "{}";
    HeaderList m_headers;
    int m_delayMs = 0;
};

} // namespace gatehouse::test
