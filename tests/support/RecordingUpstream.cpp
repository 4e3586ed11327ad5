#include "RecordingUpstream.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse::test {

QByteArray RecordingUpstream::Request::header(const QByteArray& name) const {
    for (const auto& field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}

int RecordingUpstream::Request::count(const QByteArray& name) const {
    int found = 0;
    for (const auto& field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            ++found;
    }
    return found;
}

QByteArray RecordingUpstream::Request::rawHead() const {
    QByteArray text = method + ' ' + target + '\n';
    for (const auto& field : headers)
        text += field.first + ": " + field.second + '\n';
    return text;
}

RecordingUpstream::RecordingUpstream() {
    connect(&m_server, &QTcpServer::newConnection, this, &RecordingUpstream::accept);
}

RecordingUpstream::~RecordingUpstream() = default;

bool RecordingUpstream::listen(QString* error) {
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = m_server.errorString();
    return false;
}

QString RecordingUpstream::origin() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void RecordingUpstream::setResponse(int status, const QByteArray& body, const HeaderList& headers) {
    m_status = status;
    m_body = body;
    m_headers = headers;
}

void RecordingUpstream::accept() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { consume(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void RecordingUpstream::consume(QTcpSocket* socket) {
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const qint64 length = request.header("Content-Length").toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return; // the body is still coming
    request.body = buffer.mid(headEnd + 4, length);
    buffer.clear();
    m_requests.append(request);

    QByteArray answer = "HTTP/1.1 " + QByteArray::number(m_status) + " Answer\r\n";
    bool hasConnection = false;
    for (const auto& field : m_headers) {
        answer += field.first + ": " + field.second + "\r\n";
        hasConnection = hasConnection || field.first.compare("Connection", Qt::CaseInsensitive) == 0;
    }
    if (!hasConnection)
        answer += "Connection: close\r\n";
    answer += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body;
    const auto send = [socket = QPointer<QTcpSocket>(socket), answer] {
        if (!socket)
            return; // the client went away first
        socket->write(answer);
        socket->disconnectFromHost();
    };
    if (m_delayMs > 0)
        QTimer::singleShot(m_delayMs, socket, send);
    else
        send();
}

} // namespace gatehouse::test
