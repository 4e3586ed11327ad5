#include "gateway/PooledHttpReply.h"

#include "gateway/SocketWrite.h"
#include "gateway/UpstreamConnectionPool.h"

#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTimer>
#include <cstring>

// Its messages stay English, untranslated: they reach API clients in the gateway's JSON error bodies.
namespace gatehouse {

namespace {
PooledHttpReply* replyOf(http_parser* parser) {
    return static_cast<PooledHttpReply*>(parser->data);
}

bool hasLineBreak(const QByteArray& text) {
    return text.contains('\r') || text.contains('\n');
}

bool sameName(const QByteArray& a, const char* b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// How much of the socket is read per pass: large enough that a typical answer takes one read().
constexpr qint64 socketReadBlock = 64 * 1024;
} // namespace

PooledHttpReply::PooledHttpReply(UpstreamConnectionPool* pool, const QNetworkRequest& request,
                                 const QByteArray& method, const QByteArray& body, QObject* parent)
    : QNetworkReply(parent), m_pool(pool), m_method(method) {
    setRequest(request);
    setUrl(request.url());
    setOperation(QNetworkAccessManager::CustomOperation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, method);
    setAttribute(QNetworkRequest::Http2WasUsedAttribute, false);
    setAttribute(QNetworkRequest::ConnectionEncryptedAttribute, false);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    m_settings.on_status = &PooledHttpReply::onStatus;
    m_settings.on_header_field = &PooledHttpReply::onHeaderField;
    m_settings.on_header_value = &PooledHttpReply::onHeaderValue;
    m_settings.on_headers_complete = &PooledHttpReply::onHeadersComplete;
    m_settings.on_body = &PooledHttpReply::onBody;
    m_settings.on_message_complete = &PooledHttpReply::onMessageComplete;

    const QUrl url = request.url();
    m_host = url.host();
    m_port = quint16(url.port(80));
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();

    // One buffer, one write: request line, headers and body.
    QByteArray head;
    head.reserve(512 + body.size());
    head += method + ' ' + target + " HTTP/1.1\r\nHost: ";
    head += url.host(QUrl::FullyEncoded).contains(QLatin1Char(':'))
                ? '[' + url.host(QUrl::FullyEncoded).toLatin1() + ']'
                : url.host(QUrl::FullyEncoded).toLatin1();
    if (m_port != 80)
        head += ':' + QByteArray::number(m_port);
    head += "\r\n";
    bool invalid = hasLineBreak(target);
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray& name : names) {
        if (sameName(name, "Host") || sameName(name, "Content-Length") || sameName(name, "Transfer-Encoding"))
            continue;
        const QByteArray value = request.rawHeader(name);
        invalid = invalid || hasLineBreak(name) || hasLineBreak(value);
        head += name + ": " + value + "\r\n";
    }
    const QVariant contentType = request.header(QNetworkRequest::ContentTypeHeader);
    if (contentType.isValid() && !request.hasRawHeader("Content-Type"))
        head += "Content-Type: " + contentType.toByteArray() + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";
    head += body;
    m_requestBytes = head;

    if (invalid) {
        // A header value with a line break would let whoever supplied it inject headers upstream.
        QMetaObject::invokeMethod(
            this,
            [this] {
                failTransport(
                    ProtocolInvalidOperationError,
                    QStringLiteral("A request header holds a line break; the request was not sent"));
            },
            Qt::QueuedConnection);
        return;
    }
    start();
}

PooledHttpReply::~PooledHttpReply() = default;

void PooledHttpReply::start() {
    m_socket = m_pool ? m_pool->takeIdle(m_host, m_port) : nullptr;
    m_reusedSocket = m_socket != nullptr;
    if (m_socket) {
        m_socket->setParent(this);
        openConnection();
        sendRequest();
        return;
    }
    m_socket = new QTcpSocket(this);
    openConnection();
    connectSocket();
}

void PooledHttpReply::connectSocket() {
    // The manager only hands out this reply when no proxy applies; saying so spares the socket a
    // proxy lookup (a round trip to Qt's resolver thread) per connection.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    m_socket->connectToHost(m_host, m_port);
}

void PooledHttpReply::openConnection() {
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    // Qt's socket buffer is bounded too, so an unread answer pushes back on the upstream through TCP.
    m_socket->setReadBufferSize(socketReadBlock);
    // Handles, not a blanket disconnect() later: the string-based form costs a lookup per call.
    m_socketConnections[0] = connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        sendRequest();
    });
    m_socketConnections[1] = connect(m_socket, &QTcpSocket::readyRead, this, &PooledHttpReply::readSocket);
    m_socketConnections[2] =
        connect(m_socket, &QTcpSocket::disconnected, this, &PooledHttpReply::onSocketClosed);
    m_socketConnections[3] =
        connect(m_socket, &QTcpSocket::errorOccurred, this, &PooledHttpReply::onSocketError);
    // What the kernel did not take at once leaves with the socket's buffer, and ends here.
    m_socketConnections[4] = connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() == 0 && !m_requestBytes.isEmpty())
            requestWritten();
    });
}

void PooledHttpReply::sendRequest() {
    const QByteArrayView parts[] = {m_requestBytes};
    if (writeToSocketNow(m_socket, parts, 1) < m_requestBytes.size())
        return;
    // All of it went at once (no bytesWritten follows). Said on the next pass: a pooled socket sends
    // from the constructor, before the caller has connected to requestSent().
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_requestBytes.isEmpty())
                requestWritten();
        },
        Qt::QueuedConnection);
}

void PooledHttpReply::requestWritten() {
    if (!m_reusedSocket || m_retriedStale)
        m_requestBytes.clear(); // a fresh connection is never retried: the bytes are not needed
    Q_EMIT requestSent();
}

void PooledHttpReply::readSocket() {
    while (!m_done && m_socket && !m_messageComplete && m_socket->bytesAvailable() > 0) {
        if (readBufferSize() > 0 && unreadBytes() >= readBufferSize()) {
            m_readPaused = true; // readData() resumes once the consumer has taken some
            return;
        }
        // Exactly what is there: asking QIODevice for a fixed 64 KiB allocates that much every time.
        const QByteArray block = m_socket->read(qMin(m_socket->bytesAvailable(), socketReadBlock));
        if (block.isEmpty())
            break;
        m_bytesReceived += block.size();
        m_requestBytes.clear(); // the upstream answered: no reason left to resend
        const qint64 unreadBefore = unreadBytes();
        const size_t parsed =
            http_parser_execute(&m_parser, &m_settings, block.constData(), size_t(block.size()));
        const http_errno status = HTTP_PARSER_ERRNO(&m_parser);
        if (status != HPE_OK && status != HPE_PAUSED) {
            failTransport(ProtocolFailure, QStringLiteral("The upstream's answer is not valid HTTP: %1")
                                               .arg(QString::fromLatin1(http_errno_description(status))));
            return;
        }
        if (m_messageComplete && parsed < size_t(block.size()))
            m_bytesBeyondAnswer = true;
        if (m_headersComplete && !m_metaDataAnnounced) {
            m_metaDataAnnounced = true;
            Q_EMIT metaDataChanged();
            if (m_done)
                return;
        }
        if (unreadBytes() > unreadBefore) {
            Q_EMIT readyRead();
            if (m_done)
                return;
        }
    }
    if (m_done)
        return;
    if (m_messageComplete)
        completeMessage();
    else if (m_socketClosed && !m_readPaused && m_socket && m_socket->bytesAvailable() == 0)
        endOfStream();
}

qint64 PooledHttpReply::readData(char* data, qint64 maxSize) {
    const qint64 count = qMin(maxSize, unreadBytes());
    if (count <= 0)
        return m_done ? -1 : 0;
    std::memcpy(data, m_body.constData() + m_bodyOffset, size_t(count));
    m_bodyOffset += count;
    if (m_bodyOffset == m_body.size()) {
        m_body.clear();
        m_bodyOffset = 0;
    } else if (m_bodyOffset > m_body.size() / 2) {
        m_body.remove(0, m_bodyOffset);
        m_bodyOffset = 0;
    }
    if (m_readPaused && unreadBytes() < readBufferSize()) {
        m_readPaused = false;
        QMetaObject::invokeMethod(this, &PooledHttpReply::readSocket, Qt::QueuedConnection);
    }
    return count;
}

qint64 PooledHttpReply::bytesAvailable() const {
    return unreadBytes() + QNetworkReply::bytesAvailable();
}

void PooledHttpReply::setReadBufferSize(qint64 size) {
    QNetworkReply::setReadBufferSize(size);
    if (m_readPaused && (size == 0 || unreadBytes() < size)) {
        m_readPaused = false;
        QMetaObject::invokeMethod(this, &PooledHttpReply::readSocket, Qt::QueuedConnection);
    }
}

void PooledHttpReply::onSocketClosed() {
    if (m_done || !m_socket || m_socketClosed)
        return;
    m_socketClosed = true;
    readSocket(); // what arrived before the close; it ends the answer once all of it is read
}

void PooledHttpReply::endOfStream() {
    if (m_metaDataAnnounced) {
        // An answer without Content-Length or chunking ends with the connection.
        http_parser_execute(&m_parser, &m_settings, nullptr, 0);
        if (m_messageComplete) {
            completeMessage();
            return;
        }
    }
    if (m_reusedSocket && !m_retriedStale && m_bytesReceived == 0 && !m_requestBytes.isEmpty()) {
        // The upstream closed a kept-alive connection as this request went out: one fresh attempt.
        m_retriedStale = true;
        releaseSocket(false);
        m_reusedSocket = false;
        m_socketClosed = false;
        m_socket = new QTcpSocket(this);
        openConnection();
        connectSocket();
        return;
    }
    failTransport(RemoteHostClosedError,
                  m_bytesReceived == 0
                      ? QStringLiteral("The upstream closed the connection without answering")
                      : QStringLiteral("The upstream closed the connection before the end of its answer"));
}

void PooledHttpReply::onSocketError() {
    if (m_done || !m_socket)
        return;
    const QAbstractSocket::SocketError socketError = m_socket->error();
    if (socketError == QAbstractSocket::RemoteHostClosedError) {
        onSocketClosed();
        return;
    }
    NetworkError error = UnknownNetworkError;
    switch (socketError) {
    case QAbstractSocket::ConnectionRefusedError:
        error = ConnectionRefusedError;
        break;
    case QAbstractSocket::HostNotFoundError:
        error = HostNotFoundError;
        break;
    case QAbstractSocket::SocketTimeoutError:
        error = TimeoutError;
        break;
    default:
        break;
    }
    if (m_reusedSocket && !m_retriedStale && m_bytesReceived == 0 && !m_requestBytes.isEmpty()) {
        onSocketClosed(); // a reset on a kept-alive connection: retried like a close
        return;
    }
    failTransport(error, m_socket->errorString());
}

void PooledHttpReply::failTransport(NetworkError error, const QString& reason) {
    if (m_done)
        return;
    m_done = true;
    releaseSocket(false);
    setError(error, reason);
    setFinished(true);
    Q_EMIT errorOccurred(error);
    Q_EMIT readChannelFinished();
    Q_EMIT finished();
}

void PooledHttpReply::completeMessage() {
    // Reusable only when both sides keep the connection alive and nothing beyond the answer arrived.
    const bool reusable = http_should_keep_alive(&m_parser) && !m_bytesBeyondAnswer && !m_socketClosed &&
                          m_socket && m_socket->bytesAvailable() == 0 &&
                          m_socket->state() == QAbstractSocket::ConnectedState;
    releaseSocket(reusable);
    finishReply();
}

void PooledHttpReply::releaseSocket(bool reusable) {
    if (!m_socket)
        return;
    QTcpSocket* socket = std::exchange(m_socket, nullptr);
    for (QMetaObject::Connection& connection : m_socketConnections)
        disconnect(std::exchange(connection, {}));
    if (reusable && m_pool) {
        m_pool->giveBack(socket, m_host, m_port);
        return;
    }
    socket->abort();
    socket->deleteLater();
}

void PooledHttpReply::finishReply() {
    if (m_done)
        return;
    m_done = true;
    setFinished(true);
    Q_EMIT readChannelFinished();
    Q_EMIT finished();
}

void PooledHttpReply::abort() {
    if (m_done)
        return;
    m_done = true;
    releaseSocket(false);
    setError(OperationCanceledError, QStringLiteral("Operation canceled"));
    setFinished(true);
    Q_EMIT errorOccurred(OperationCanceledError);
    Q_EMIT finished();
}

void PooledHttpReply::close() {
    abort();
    QNetworkReply::close();
}

int PooledHttpReply::onStatus(http_parser* parser, const char* at, size_t length) {
    replyOf(parser)->m_reason.append(at, qsizetype(length));
    return 0;
}

int PooledHttpReply::onHeaderField(http_parser* parser, const char* at, size_t length) {
    PooledHttpReply* self = replyOf(parser);
    if (self->m_lastWasValue) {
        const QByteArray existing = self->rawHeader(self->m_headerField);
        // Repeated fields are joined as RFC 9110 allows, so none is lost and none carries a line break.
        self->setRawHeader(self->m_headerField,
                           existing.isEmpty() ? self->m_headerValue : existing + ", " + self->m_headerValue);
        self->m_headerField.clear();
        self->m_headerValue.clear();
        self->m_lastWasValue = false;
    }
    self->m_headerField.append(at, qsizetype(length));
    return 0;
}

int PooledHttpReply::onHeaderValue(http_parser* parser, const char* at, size_t length) {
    PooledHttpReply* self = replyOf(parser);
    self->m_headerValue.append(at, qsizetype(length));
    self->m_lastWasValue = true;
    return 0;
}

int PooledHttpReply::onHeadersComplete(http_parser* parser) {
    PooledHttpReply* self = replyOf(parser);
    if (self->m_lastWasValue) {
        const QByteArray existing = self->rawHeader(self->m_headerField);
        self->setRawHeader(self->m_headerField,
                           existing.isEmpty() ? self->m_headerValue : existing + ", " + self->m_headerValue);
    }
    self->m_headerField.clear();
    self->m_headerValue.clear();
    self->m_lastWasValue = false;
    const int status = int(parser->status_code);
    if (status >= 100 && status < 200)
        return 0; // an interim answer (100 Continue): its headers are not the answer's
    self->setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
    self->setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, self->m_reason);
    self->m_headersComplete = true;
    return self->m_method == "HEAD" ? 1 : 0; // 1: a HEAD answer has no body whatever it declares
}

int PooledHttpReply::onBody(http_parser* parser, const char* at, size_t length) {
    replyOf(parser)->m_body.append(at, qsizetype(length));
    return 0;
}

int PooledHttpReply::onMessageComplete(http_parser* parser) {
    PooledHttpReply* self = replyOf(parser);
    const int status = int(parser->status_code);
    if (status >= 100 && status < 200) {
        // After an interim answer the real one follows on the same connection.
        const auto headers = self->rawHeaderPairs();
        for (const auto& header : headers)
            self->setRawHeader(header.first, QByteArray());
        self->m_reason.clear();
        return 0;
    }
    self->m_messageComplete = true;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace gatehouse
