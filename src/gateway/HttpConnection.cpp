#include "HttpConnection.h"

#include "ErrorBody.h"
#include "HttpExchange.h"
#include "HttpHandler.h"

#include <QTcpSocket>
#include <QTimer>
#include <climits>

namespace gatehouse {

namespace {
HttpConnection* connectionOf(http_parser* parser) {
    return static_cast<HttpConnection*>(parser->data);
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpHandler* handler, const HttpLimits& limits,
                               QObject* parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_limits(limits), m_timer(new QTimer(this)) {
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_settings.on_message_begin = &HttpConnection::onMessageBegin;
    m_settings.on_url = &HttpConnection::onUrl;
    m_settings.on_header_field = &HttpConnection::onHeaderField;
    m_settings.on_header_value = &HttpConnection::onHeaderValue;
    m_settings.on_headers_complete = &HttpConnection::onHeadersComplete;
    m_settings.on_body = &HttpConnection::onBody;
    m_settings.on_message_complete = &HttpConnection::onMessageComplete;

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::shutDown);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) { shutDown(); });
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        readInput();
}

HttpConnection::~HttpConnection() = default;

int HttpConnection::onMessageBegin(http_parser* parser) {
    HttpConnection* self = connectionOf(parser);
    self->m_current = HttpRequest();
    self->m_current.peer = self->m_socket->peerAddress();
    self->m_headerField.clear();
    self->m_headerValue.clear();
    self->m_lastWasValue = false;
    self->m_headerBytes = 0;
    self->m_inMessage = true;
    self->m_headersComplete = false;
    self->m_timer->start(self->m_limits.headerTimeoutMs);
    return 0;
}

bool HttpConnection::countHeaderBytes(size_t length) {
    m_headerBytes += qint64(length);
    if (m_headerBytes <= m_limits.maxHeaderBytes)
        return true;
    m_rejectStatus = 431;
    return false;
}

int HttpConnection::onUrl(http_parser* parser, const char* at, size_t length) {
    HttpConnection* self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return -1;
    self->m_current.target.append(at, qsizetype(length));
    return 0;
}

void HttpConnection::finishHeaderField() {
    if (!m_headerField.isEmpty())
        m_current.headers.add(m_headerField, m_headerValue.trimmed());
    m_headerField.clear();
    m_headerValue.clear();
}

int HttpConnection::onHeaderField(http_parser* parser, const char* at, size_t length) {
    HttpConnection* self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return -1;
    if (self->m_lastWasValue)
        self->finishHeaderField();
    self->m_headerField.append(at, qsizetype(length));
    self->m_lastWasValue = false;
    return 0;
}

int HttpConnection::onHeaderValue(http_parser* parser, const char* at, size_t length) {
    HttpConnection* self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return -1;
    self->m_headerValue.append(at, qsizetype(length));
    self->m_lastWasValue = true;
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser* parser) {
    HttpConnection* self = connectionOf(parser);
    self->finishHeaderField();
    HttpRequest& request = self->m_current;
    request.method = http_method_str(http_method(parser->method));
    request.versionMajor = parser->http_major;
    request.versionMinor = parser->http_minor;
    request.keepAlive = http_should_keep_alive(parser) != 0;
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    self->m_headersComplete = true;
    // A declared length over the limit is refused before a byte of it is read.
    if (parser->content_length != ULLONG_MAX &&
        parser->content_length > quint64(self->m_limits.maxBodyBytes)) {
        self->m_rejectStatus = 413;
        return -1;
    }
    if (HttpHeaders::nameEquals(request.headers.value("Expect"), "100-continue") && self->m_queue.empty())
        self->writeToSocket(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    self->m_timer->start(self->m_limits.idleTimeoutMs); // from here on, a stalled body is an idle connection
    return 0;
}

int HttpConnection::onBody(http_parser* parser, const char* at, size_t length) {
    HttpConnection* self = connectionOf(parser);
    if (self->m_current.body.size() + qint64(length) > self->m_limits.maxBodyBytes) {
        self->m_rejectStatus = 413;
        return -1;
    }
    self->m_current.body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser* parser) {
    HttpConnection* self = connectionOf(parser);
    self->m_inMessage = false;
    self->m_servedAny = true;
    auto* exchange = new HttpExchange(std::move(self->m_current), self);
    self->m_current = HttpRequest();
    self->m_queue.emplace_back(exchange);
    self->m_toDispatch = exchange;
    // Dispatch outside the parser: a handler may answer at once, and that must not re-enter it.
    http_parser_pause(parser, 1);
    return 0;
}

void HttpConnection::readInput() {
    const QByteArray incoming = m_socket->readAll();
    if (m_rejected || m_closing)
        return; // after a protocol error nothing more is read from this connection
    if (m_unparsedOffset > 0 && m_unparsedOffset == m_unparsed.size()) {
        m_unparsed.clear();
        m_unparsedOffset = 0;
    }
    if (m_unparsed.isEmpty())
        m_unparsed = incoming;
    else
        m_unparsed += incoming;
    feedParser();
}

void HttpConnection::feedParser() {
    if (m_feeding)
        return;
    m_feeding = true;
    const QPointer<HttpConnection> alive(this);
    while (alive && !m_rejected && !m_closing && m_unparsedOffset < m_unparsed.size() &&
           m_queue.size() < std::size_t(m_limits.maxPipelinedRequests)) {
        http_parser_pause(&m_parser, 0);
        const char* data = m_unparsed.constData() + m_unparsedOffset;
        const size_t available = size_t(m_unparsed.size() - m_unparsedOffset);
        const size_t consumed = http_parser_execute(&m_parser, &m_settings, data, available);
        m_unparsedOffset += qsizetype(consumed);
        const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            HttpExchange* exchange = m_toDispatch;
            m_toDispatch = nullptr;
            if (exchange)
                m_handler->handle(exchange);
            continue;
        }
        if (error != HPE_OK) {
            switch (m_rejectStatus) {
            case 413:
                rejectRequest(413, "Request body too large",
                              QStringLiteral("The request body exceeds the limit of %1 bytes")
                                  .arg(m_limits.maxBodyBytes)
                                  .toUtf8());
                break;
            case 431:
                rejectRequest(431, "Request header fields too large",
                              QStringLiteral("The request line and headers exceed the limit of %1 bytes")
                                  .arg(m_limits.maxHeaderBytes)
                                  .toUtf8());
                break;
            default:
                if (error == HPE_HEADER_OVERFLOW)
                    rejectRequest(431, "Request header fields too large", http_errno_description(error));
                else if (error == HPE_UNEXPECTED_CONTENT_LENGTH)
                    rejectRequest(400, "Malformed request",
                                  "Conflicting message length: both Content-Length and Transfer-Encoding, or "
                                  "Content-Length given twice");
                else
                    rejectRequest(400, "Malformed request", http_errno_description(error));
                break;
            }
            break;
        }
        if (m_parser.upgrade) {
            // Upgrades (h2c, websocket) are not offered: the request was answered over HTTP/1.1, and
            // what follows on the connection is read as HTTP/1.1 again.
            http_parser_init(&m_parser, HTTP_REQUEST);
            m_parser.data = this;
        }
    }
    if (!alive)
        return;
    m_feeding = false;
    if (m_unparsedOffset == m_unparsed.size()) {
        m_unparsed.clear();
        m_unparsedOffset = 0;
    }
    armTimer();
}

void HttpConnection::rejectRequest(int status, const QByteArray& message, const QByteArray& description) {
    m_rejected = true;
    m_inMessage = false;
    HttpRequest request;
    request.method = "GET";
    request.keepAlive = false;
    request.peer = m_socket->peerAddress();
    auto* exchange = new HttpExchange(std::move(request), this);
    m_queue.emplace_back(exchange);
    exchange->setCloseAfterResponse();
    HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    exchange->respond(
        status, headers,
        errorBody(QString::number(status), QString::fromUtf8(message), QString::fromUtf8(description)));
}

void HttpConnection::writeToSocket(const QByteArray& bytes) {
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

bool HttpConnection::isHead(const HttpExchange* exchange) const {
    return !m_queue.empty() && m_queue.front() == exchange;
}

void HttpConnection::exchangeFinished(HttpExchange* exchange) {
    if (isHead(exchange))
        advanceQueue();
}

void HttpConnection::advanceQueue() {
    while (!m_queue.empty()) {
        HttpExchange* front = m_queue.front();
        if (front) {
            const QByteArray buffered = front->takeBuffered();
            if (!buffered.isEmpty())
                writeToSocket(buffered);
            if (!front->isFinished())
                break;
        }
        m_queue.pop_front();
        if (!front)
            continue;
        const bool close = front->closeAfterResponse();
        front->deleteLater();
        if (close) {
            m_closing = true;
            for (const QPointer<HttpExchange>& rest : m_queue) {
                if (rest) {
                    rest->markAborted();
                    rest->deleteLater();
                }
            }
            m_queue.clear();
            m_timer->stop();
            m_socket->disconnectFromHost(); // after the pending bytes are written
            return;
        }
    }
    if (m_feeding)
        return;
    if (m_unparsedOffset < m_unparsed.size())
        feedParser();
    else
        armTimer();
}

void HttpConnection::onBytesWritten() {
    if (m_queue.empty() || !m_queue.front())
        return;
    if (m_socket->bytesToWrite() <= m_limits.outputHighWaterBytes / 2)
        Q_EMIT m_queue.front()->outputDrained();
}

void HttpConnection::armTimer() {
    if (m_closing) {
        m_timer->stop();
        return;
    }
    if (m_inMessage) {
        if (!m_timer->isActive())
            m_timer->start(m_headersComplete ? m_limits.idleTimeoutMs : m_limits.headerTimeoutMs);
        return;
    }
    if (m_queue.empty()) {
        m_timer->start(m_servedAny ? m_limits.idleTimeoutMs : m_limits.headerTimeoutMs);
        return;
    }
    m_timer->stop();
}

void HttpConnection::onTimeout() {
    if (m_closing)
        return;
    if (m_inMessage && !m_headersComplete && m_queue.empty()) {
        rejectRequest(408, "Request timeout",
                      QStringLiteral("The request headers did not arrive within %1 ms")
                          .arg(m_limits.headerTimeoutMs)
                          .toUtf8());
        return;
    }
    if (!m_queue.empty() && !m_inMessage)
        return; // a handler is working: not idle
    m_closing = true;
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        shutDown();
}

void HttpConnection::shutDown() {
    if (m_shutDown)
        return;
    m_shutDown = true;
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    m_closing = true;
    m_timer->stop();
    for (const QPointer<HttpExchange>& exchange : m_queue) {
        if (exchange) {
            exchange->markAborted();
            exchange->deleteLater();
        }
    }
    m_queue.clear();
    Q_EMIT closed();
    deleteLater();
}

} // namespace gatehouse
