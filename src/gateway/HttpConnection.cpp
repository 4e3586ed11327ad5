#include "gateway/HttpConnection.h"

#include "gateway/ErrorBody.h"
#include "gateway/HttpExchange.h"
#include "gateway/HttpHandler.h"
#include "gateway/SocketWrite.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <climits>
#include <utility>

namespace gatehouse {

namespace {
HttpConnection* connectionOf(http_parser* parser) {
    return static_cast<HttpConnection*>(parser->data);
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpHandler* handler, const HttpLimits& limits,
                               QObject* parent, Admission admission)
    : QObject(parent), m_socket(socket), m_dispatcher(EpollEventDispatcher::ofCurrentThread()),
      m_tlsSocket(qobject_cast<QSslSocket*>(socket)), m_handler(handler), m_limits(limits),
      m_admission(admission), m_timer(new QTimer(this)) {
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Qt stops reading from the kernel when this much waits unread, so input the parser is not ready
    // for stays in TCP's window and slows the client down instead of growing in memory.
    m_socket->setReadBufferSize(m_limits.readBufferBytes);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_settings.on_message_begin = &HttpConnection::onMessageBegin;
    m_settings.on_url = &HttpConnection::onUrl;
    m_settings.on_header_field = &HttpConnection::onHeaderField;
    m_settings.on_header_value = &HttpConnection::onHeaderValue;
    m_settings.on_headers_complete = &HttpConnection::onHeadersComplete;
    m_settings.on_body = &HttpConnection::onBody;
    m_settings.on_message_complete = &HttpConnection::onMessageComplete;
    m_settings.on_chunk_header = &HttpConnection::onChunkHeader;

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    if (m_tlsSocket) // bytesWritten reports encrypted bytes handed on, not bytes sent
        connect(m_tlsSocket, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::shutDown);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) { shutDown(); });
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        readInput();
}

HttpConnection::~HttpConnection() {
    if (m_flushScheduled && m_dispatcher)
        m_dispatcher->cancel(this);
}

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
    self->m_chunkDataLeft = 0;
    self->m_chunkTerminatorLeft = 0;
    // The first request's headers are due headerTimeoutMs after the connection was accepted (the timer
    // runs since then): a client that waits before sending its first byte gets no extra time.
    const bool firstRequest = !self->m_servedAny && self->m_waitingForRequest;
    self->m_waitingForRequest = false;
    if (!firstRequest || !self->m_timer->isActive())
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

bool HttpConnection::finishHeaderField() {
    if (!m_headerField.isEmpty()) {
        // The non-strict parser keeps whitespace before the colon in the name ("Transfer-Encoding :"),
        // which an upstream may read as the real field: RFC 9112 (5.1) wants such a request refused.
        if (m_headerField.contains(' ') || m_headerField.contains('\t')) {
            m_rejectStatus = 400;
            m_rejectReason = "Whitespace in a header field name or between it and the colon";
            return false;
        }
        m_current.headers.add(m_headerField, m_headerValue.trimmed());
    }
    m_headerField.clear();
    m_headerValue.clear();
    return true;
}

int HttpConnection::onHeaderField(http_parser* parser, const char* at, size_t length) {
    HttpConnection* self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return -1;
    if (self->m_headersComplete)
        return 0; // a chunked body's trailer: counted, never merged into the request's headers
    if (self->m_lastWasValue && !self->finishHeaderField())
        return -1;
    self->m_headerField.append(at, qsizetype(length));
    self->m_lastWasValue = false;
    return 0;
}

int HttpConnection::onHeaderValue(http_parser* parser, const char* at, size_t length) {
    HttpConnection* self = connectionOf(parser);
    if (!self->countHeaderBytes(length))
        return -1;
    if (self->m_headersComplete)
        return 0;
    self->m_headerValue.append(at, qsizetype(length));
    self->m_lastWasValue = true;
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser* parser) {
    HttpConnection* self = connectionOf(parser);
    if (!self->finishHeaderField())
        return -1;
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
    if (self->m_chunkDataLeft > 0) {
        self->m_chunkDataLeft -= qMin<quint64>(length, self->m_chunkDataLeft);
        if (self->m_chunkDataLeft == 0) {
            self->m_chunkTerminatorLeft = 2;
            if (!self->checkChunkTerminator(at + length))
                return -1;
        }
    }
    return 0;
}

int HttpConnection::onChunkHeader(http_parser* parser) {
    // The chunk's size (0 for the last chunk): its data must be followed by CRLF.
    connectionOf(parser)->m_chunkDataLeft = parser->content_length;
    return 0;
}

bool HttpConnection::checkChunkTerminator(const char* from) {
    while (m_chunkTerminatorLeft > 0 && from < m_spanEnd) {
        const char expected = m_chunkTerminatorLeft == 2 ? '\r' : '\n';
        if (*from != expected) {
            m_rejectStatus = 400;
            m_rejectReason = "A chunk's data is not followed by CRLF: its size does not match its data";
            return false;
        }
        ++from;
        --m_chunkTerminatorLeft;
    }
    return true;
}

bool HttpConnection::checkFraming(const char* data, size_t size) {
    m_spanEnd = data + size;
    // The rest of a CRLF that the previous piece of input cut after a chunk's data.
    if (m_chunkTerminatorLeft > 0 && !checkChunkTerminator(data))
        return false;
    const bool inHead = !m_inMessage || !m_headersComplete;
    if (!inHead || m_headScanner.headEnded())
        return true;
    switch (m_headScanner.scan(data, qsizetype(size))) {
    case HttpHeadScanner::Verdict::Ok:
        return true;
    case HttpHeadScanner::Verdict::ObsFold:
        m_rejectReason = "Obsolete line folding: a header line starts with whitespace";
        return false;
    case HttpHeadScanner::Verdict::BareCarriageReturn:
        m_rejectReason = "A CR in the request head is not followed by LF";
        return false;
    }
    return true;
}

int HttpConnection::onMessageComplete(http_parser* parser) {
    HttpConnection* self = connectionOf(parser);
    self->m_inMessage = false;
    self->m_servedAny = true;
    self->m_headScanner.reset(); // the next byte starts the next request's head
    auto* exchange = new HttpExchange(std::move(self->m_current), self);
    self->m_current = HttpRequest();
    self->m_queue.emplace_back(exchange);
    self->m_toDispatch = exchange;
    // Dispatch outside the parser: a handler may answer at once, and that must not re-enter it.
    http_parser_pause(parser, 1);
    return 0;
}

void HttpConnection::readInput() {
    if (m_rejected || m_closing || m_lastRequest) {
        // After a protocol error, or a request that closes the connection, nothing more is parsed;
        // drained for a clean close.
        m_socket->readAll();
        return;
    }
    feedParser();
}

bool HttpConnection::canParseMore() const {
    // A full pipeline, or answers the client is not taking: the next request waits (in the socket's
    // bounded read buffer, then in TCP), so memory stays bounded by these two limits.
    return m_queue.size() < std::size_t(m_limits.maxPipelinedRequests) &&
           outputBacklog() <= m_limits.outputHighWaterBytes;
}

void HttpConnection::feedParser() {
    if (m_feeding)
        return;
    m_feeding = true;
    const QPointer<HttpConnection> alive(this);
    while (alive && !m_rejected && !m_closing && !m_lastRequest && canParseMore()) {
        if (m_unparsedOffset >= m_unparsed.size()) {
            m_unparsed = m_socket->readAll(); // at most readBufferBytes
            m_unparsedOffset = 0;
            if (m_unparsed.isEmpty())
                break;
        }
        const char* data = m_unparsed.constData() + m_unparsedOffset;
        const size_t available = size_t(m_unparsed.size() - m_unparsedOffset);
        if (!checkFraming(data, available)) {
            rejectRequest(400, "Malformed request", m_rejectReason);
            break;
        }
        http_parser_pause(&m_parser, 0);
        const size_t consumed = http_parser_execute(&m_parser, &m_settings, data, available);
        m_unparsedOffset += qsizetype(consumed);
        const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            HttpExchange* exchange = m_toDispatch;
            m_toDispatch = nullptr;
            // Debian's http_parser is built non-strict: after "Connection: close" (or HTTP/1.0 without
            // keep-alive) it goes on parsing. Requests pipelined behind such a one must not reach the
            // handler (RFC 9112 9.6), which would proxy them upstream only for them to be dropped
            // when the connection closes after the first answer.
            if (exchange && !exchange->request().keepAlive)
                m_lastRequest = true;
            if (m_parser.upgrade) {
                // Upgrades (h2c, websocket, CONNECT) are not offered: the request is answered over
                // HTTP/1.1, and what follows is read as HTTP/1.1 again, by a fresh parser. Only here,
                // right after the upgrade request: the flag stays set, and a parser reset later, in the
                // middle of a request cut by the network, would read the rest of it as a new request.
                http_parser_init(&m_parser, HTTP_REQUEST);
                m_parser.data = this;
                m_headScanner.reset();
            }
            if (exchange) {
                if (m_admission == Admission::OverCapacity)
                    refuseOverCapacity(exchange);
                else
                    m_handler->handle(exchange);
            }
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
            case 400:
                rejectRequest(400, "Malformed request", m_rejectReason);
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

void HttpConnection::refuseOverCapacity(HttpExchange* exchange) {
    exchange->setCloseAfterResponse();
    HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    headers.add("Retry-After", "1");
    exchange->respond(503, headers,
                      errorBody(QStringLiteral("503"), QStringLiteral("Service unavailable"),
                                QStringLiteral("The server is at its limit of %1 concurrent connections; "
                                               "try again shortly")
                                    .arg(m_limits.maxConnections)));
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

qint64 HttpConnection::outputBacklog() const {
    qint64 pending = m_socket->bytesToWrite() + m_outboxBytes;
    if (m_tlsSocket)
        pending += m_tlsSocket->encryptedBytesToWrite();
    return pending;
}

void HttpConnection::writeToSocket(const QByteArray& bytes) {
    if (m_socket->state() != QAbstractSocket::ConnectedState || bytes.isEmpty())
        return;
    if (m_tlsSocket || !m_dispatcher) {
        m_socket->write(bytes);
        return;
    }
    m_outbox.push_back(bytes);
    m_outboxBytes += bytes.size();
    if (!std::exchange(m_flushScheduled, true))
        m_dispatcher->callAfterPostedEvents(this);
}

void HttpConnection::afterPostedEvents() {
    m_flushScheduled = false;
    flushOutput();
}

void HttpConnection::flushOutput() {
    if (m_outbox.empty())
        return;
    const bool someoneWaits = outputBacklog() > m_limits.outputHighWaterBytes / 2;
    std::vector<QByteArray> outbox;
    outbox.swap(m_outbox);
    m_outboxBytes = 0;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const std::vector<QByteArrayView> parts(outbox.begin(), outbox.end());
    writeToSocketNow(m_socket, parts.data(), parts.size());
    if (someoneWaits)
        onBytesWritten(); // bytes written at once raise no bytesWritten signal
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
            flushOutput();
            m_socket->disconnectFromHost(); // after the pending bytes are written
            return;
        }
    }
    if (m_feeding)
        return;
    feedParser(); // the next pipelined request, if one waits; re-arms the timer
}

void HttpConnection::onBytesWritten() {
    const qint64 backlog = outputBacklog();
    if (!m_queue.empty() && m_queue.front() && backlog <= m_limits.outputHighWaterBytes / 2)
        Q_EMIT m_queue.front()->outputDrained();
    // Requests that waited for the answers to drain may be parsed now.
    if (!m_feeding && !m_rejected && !m_closing && !m_shutDown && backlog <= m_limits.outputHighWaterBytes &&
        (m_unparsedOffset < m_unparsed.size() || m_socket->bytesAvailable() > 0))
        feedParser();
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
        // Waiting for a request: the deadline counts from the connection or from the last answer, not
        // from stray bytes that start no request (empty lines), or they would keep it open forever.
        if (!m_waitingForRequest || !m_timer->isActive()) {
            m_waitingForRequest = true;
            m_timer->start(m_servedAny ? m_limits.idleTimeoutMs : m_limits.headerTimeoutMs);
        }
        return;
    }
    m_waitingForRequest = false;
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
    flushOutput();
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        shutDown();
}

void HttpConnection::shutDown() {
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_outbox.clear();
    m_outboxBytes = 0;
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
