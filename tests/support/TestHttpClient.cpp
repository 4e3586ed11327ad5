#include "TestHttpClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace gatehouse::test {

namespace {

bool hasHeaderNamed(const HeaderList& headers, const QByteArray& name) {
    for (const auto& field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

TestRequest TestRequest::get(const QUrl& url, HeaderList headers) {
    TestRequest request;
    request.method = "GET";
    request.url = url;
    request.headers = std::move(headers);
    return request;
}

TestRequest TestRequest::post(const QUrl& url, const QByteArray& body, HeaderList headers) {
    TestRequest request;
    request.method = "POST";
    request.url = url;
    request.body = body;
    request.headers = std::move(headers);
    return request;
}

TestRequest TestRequest::postJson(const QUrl& url, const QByteArray& json, const QByteArray& bearerToken,
                                  HeaderList headers) {
    headers.prepend({"Content-Type", "application/json"});
    if (!bearerToken.isEmpty())
        headers.prepend({"Authorization", "Bearer " + bearerToken});
    return post(url, json, std::move(headers));
}

QByteArray TestResponse::header(const QByteArray& name) const {
    for (const auto& field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}

bool TestResponse::hasHeader(const QByteArray& name) const {
    return hasHeaderNamed(headers, name);
}

QJsonObject TestResponse::json() const {
    return QJsonDocument::fromJson(body).object();
}

bool TestResponse::isJsonObject() const {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError && document.isObject();
}

QString TestResponse::describe() const {
    QString text = QStringLiteral("status %1").arg(status);
    if (!error.isEmpty())
        text += QStringLiteral(", error \"%1\"").arg(error);
    text += QStringLiteral(", body: ") + QString::fromUtf8(body.left(600));
    return text;
}

HttpCall::HttpCall(TestRequest request, QObject* parent) : QObject(parent), m_request(std::move(request)) {
}

HttpCall::~HttpCall() = default;

void HttpCall::start() {
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &HttpCall::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpCall::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpCall::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpCall::onError);
    m_clock.start();
    m_socket->connectToHost(m_request.url.host(), quint16(m_request.url.port(80)));
}

void HttpCall::abort() {
    if (m_finished || !m_socket)
        return;
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    complete(QStringLiteral("aborted by the test"));
}

void HttpCall::onConnected() {
    m_response.connectedMs = m_clock.elapsed();
    QByteArray target = m_request.url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (m_request.url.hasQuery())
        target += '?' + m_request.url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\n";
    if (!hasHeaderNamed(m_request.headers, "Host"))
        head += "Host: " + m_request.url.host().toUtf8() + ':' + QByteArray::number(m_request.url.port(80)) +
                "\r\n";
    if (!hasHeaderNamed(m_request.headers, "Connection"))
        head += "Connection: close\r\n";
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    for (const auto& field : m_request.headers)
        head += field.first + ": " + field.second + "\r\n";
    head += "\r\n";
    m_socket->write(head + m_request.body);
}

void HttpCall::onReadyRead() {
    m_buffer += m_socket->readAll();
    while (!m_finished && parse()) {
    }
}

void HttpCall::onDisconnected() {
    if (m_finished)
        return;
    m_buffer += m_socket->readAll();
    while (!m_finished && parse()) {
    }
    if (m_finished)
        return;
    if (m_headersDone && m_mode == BodyMode::UntilClose) {
        complete();
        return;
    }
    complete(m_headersDone ? QStringLiteral("the connection closed mid-body")
                           : QStringLiteral("the connection closed before a complete answer"));
}

void HttpCall::onError() {
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return; // onDisconnected decides whether the answer was complete
    if (!m_finished)
        complete(m_socket->errorString());
}

void HttpCall::appendBody(const QByteArray& data) {
    if (data.isEmpty())
        return;
    if (m_response.firstBodyByteMs < 0)
        m_response.firstBodyByteMs = m_clock.elapsed();
    m_response.body += data;
}

bool HttpCall::parse() {
    if (!m_headersDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1.")) {
            complete(QStringLiteral("not an HTTP response: %1").arg(QString::fromUtf8(lines.first())));
            return false;
        }
        const int status = statusLine.at(1).toInt();
        m_response.headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        if (status >= 100 && status < 200)
            return true; // an interim answer: the real one follows
        m_response.status = status;
        m_headersDone = true;
        if (m_request.method == "HEAD" || status == 204 || status == 304) {
            m_mode = BodyMode::None;
        } else if (m_response.header("Transfer-Encoding").toLower().contains("chunked")) {
            m_mode = BodyMode::Chunked;
            m_remaining = -1;
        } else if (m_response.hasHeader("Content-Length")) {
            m_mode = BodyMode::Length;
            m_remaining = m_response.header("Content-Length").toLongLong();
        } else {
            m_mode = BodyMode::UntilClose;
        }
        if (m_mode == BodyMode::None || (m_mode == BodyMode::Length && m_remaining == 0)) {
            complete();
            return false;
        }
        return true;
    }
    switch (m_mode) {
    case BodyMode::None:
        return false;
    case BodyMode::UntilClose:
        appendBody(m_buffer);
        m_buffer.clear();
        return false;
    case BodyMode::Length: {
        const QByteArray part = m_buffer.left(m_remaining);
        m_buffer.remove(0, part.size());
        m_remaining -= part.size();
        appendBody(part);
        if (m_remaining == 0)
            complete();
        return false;
    }
    case BodyMode::Chunked: {
        if (m_remaining < 0) { // at a chunk-size line
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return false;
            QByteArray sizeText = m_buffer.left(lineEnd);
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon);
            bool numeric = false;
            const qint64 size = sizeText.trimmed().toLongLong(&numeric, 16);
            if (!numeric) {
                complete(QStringLiteral("bad chunk size line"));
                return false;
            }
            if (size == 0) {
                // Trailers, then an empty line.
                const qsizetype trailerEnd = m_buffer.mid(lineEnd + 2).startsWith("\r\n")
                                                 ? lineEnd + 2
                                                 : m_buffer.indexOf("\r\n\r\n", lineEnd);
                if (trailerEnd < 0)
                    return false;
                m_buffer.clear();
                complete();
                return false;
            }
            m_buffer.remove(0, lineEnd + 2);
            m_remaining = size;
        }
        if (m_buffer.size() < m_remaining + 2) {
            // Hand over what there is, so the first byte's time is when it arrived.
            const qint64 take = qMin<qint64>(m_buffer.size(), m_remaining);
            appendBody(m_buffer.left(take));
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0 || m_buffer.size() < 2)
                return false;
        } else {
            appendBody(m_buffer.left(m_remaining));
            m_buffer.remove(0, m_remaining);
            m_remaining = 0;
        }
        if (m_buffer.size() < 2)
            return false;
        m_buffer.remove(0, 2); // the CRLF after the chunk data
        m_remaining = -1;
        return true;
    }
    }
    return false;
}

void HttpCall::complete(const QString& error) {
    if (m_finished)
        return;
    m_finished = true;
    m_response.error = error;
    if (!error.isEmpty() && !m_headersDone)
        m_response.status = 0;
    m_response.finishedMs = m_clock.elapsed();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
    Q_EMIT finished();
}

TestResponse sendRequest(const TestRequest& request, int timeoutMs) {
    HttpCall call(request);
    QEventLoop loop;
    QObject::connect(&call, &HttpCall::finished, &loop, &QEventLoop::quit);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    call.start();
    if (!call.isFinished())
        loop.exec();
    if (!call.isFinished()) {
        call.abort();
        TestResponse response = call.response();
        response.status = 0;
        response.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        return response;
    }
    return call.response();
}

bool waitForAll(const QList<HttpCall*>& calls, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    const auto allDone = [&] {
        return std::all_of(calls.begin(), calls.end(),
                           [](const HttpCall* call) { return call->isFinished(); });
    };
    while (!allDone()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace gatehouse::test
