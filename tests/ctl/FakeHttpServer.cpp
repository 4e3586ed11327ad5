#include "FakeHttpServer.h"

#include <QHostAddress>
#include <QTcpSocket>

QByteArray FakeHttpServer::Request::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeHttpServer::FakeHttpServer() {
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this]() { accept(); });
    m_server.listen(QHostAddress::LocalHost, 0);
}

FakeHttpServer::~FakeHttpServer() {
    m_server.close();
}

QString FakeHttpServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void FakeHttpServer::setResponse(int status, const QByteArray& body,
                                 const QList<QPair<QByteArray, QByteArray>>& headers) {
    m_status = status;
    m_body = body;
    m_headers = headers;
}

void FakeHttpServer::accept() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        // The socket is the server's child until it is done.
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket]() { consume(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket]() {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::consume(QTcpSocket* socket) {
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();
    m_requests.append(request);

    QByteArray answer = "HTTP/1.1 " + QByteArray::number(m_status) + " Fake\r\n";
    answer += "Content-Type: application/json\r\n";
    for (const auto& [name, value] : m_headers)
        answer += name + ": " + value + "\r\n";
    answer +=
        "Content-Length: " + QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body;
    socket->write(answer);
    socket->disconnectFromHost();
}
