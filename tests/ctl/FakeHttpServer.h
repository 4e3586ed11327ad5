#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

// A tiny HTTP/1.1 server on 127.0.0.1 for tests: records every request and answers each with the same
// configured response, then closes the connection. Runs on the test's event loop.
class FakeHttpServer {
public:
    struct Request {
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(const QByteArray& name) const;
    };

    FakeHttpServer();
    ~FakeHttpServer();

    bool isListening() const { return m_server.isListening(); }
    QString baseUrl() const;
    void setResponse(int status, const QByteArray& body,
                     const QList<QPair<QByteArray, QByteArray>>& headers = {});
    const QList<Request>& requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void accept();
    void consume(QTcpSocket* socket);

    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_status = 200;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    // Last: destroyed first, with its sockets, while the state their handlers touch still exists.
    QTcpServer m_server;
};
