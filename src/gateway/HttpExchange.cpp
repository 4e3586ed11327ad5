#include "gateway/HttpExchange.h"

#include "gateway/HttpConnection.h"
#include "gateway/HttpStatus.h"

#include <QTcpSocket>
#include <utility>

namespace gatehouse {

HttpExchange::HttpExchange(HttpRequest request, HttpConnection* connection)
    : QObject(connection), m_request(std::move(request)), m_connection(connection) {
}

HttpExchange::~HttpExchange() = default;

void HttpExchange::respond(int status, HttpHeaders headers, const QByteArray& body) {
    beginResponse(status, std::move(headers), body.size());
    writeBody(body);
    endResponse();
}

void HttpExchange::beginResponse(int status, HttpHeaders headers, qint64 contentLength) {
    if (m_state != State::Idle)
        return;
    m_state = State::Streaming;
    m_status = status;
    m_suppressBody = m_request.isHead() || status == 204 || status == 304 || status < 200;
    headers.remove("Content-Length");
    headers.remove("Transfer-Encoding");
    headers.remove("Connection");
    headers.remove("Keep-Alive");

    bool keepAlive = m_request.keepAlive && !m_closeAfter;
    // A 1xx or 204 answer has no body and must not declare one (RFC 9110 8.6), whatever length the
    // handler or an upstream gave: a client that trusted it would read the next answer as this body.
    const bool mayDeclareLength = status >= 200 && status != 204;
    if (contentLength >= 0) {
        if (mayDeclareLength) {
            headers.add("Content-Length", QByteArray::number(contentLength));
            m_declaredLength = contentLength;
        }
    } else if (!m_suppressBody) {
        if (m_request.isHttp10())
            keepAlive = false; // HTTP/1.0 has no chunked encoding: the end of the body is the close
        else
            m_chunked = true;
    }
    if (m_chunked)
        headers.add("Transfer-Encoding", "chunked");
    if (!keepAlive) {
        m_closeAfter = true;
        headers.add("Connection", "close");
    } else if (m_request.isHttp10()) {
        headers.add("Connection", "keep-alive");
    }

    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 ";
    head += QByteArray::number(status);
    head += ' ';
    head += httpReasonPhrase(status);
    head += "\r\n";
    for (const auto& [name, value] : headers.fields()) {
        head += name;
        head += ": ";
        head += value;
        head += "\r\n";
    }
    head += "\r\n";
    emitBytes(head);
}

void HttpExchange::writeBody(const QByteArray& data) {
    if (m_state != State::Streaming || data.isEmpty())
        return;
    m_bodyBytes += data.size();
    if (m_suppressBody)
        return;
    if (!m_chunked) {
        if (m_declaredLength >= 0 && m_bodyBytes >= m_declaredLength)
            m_lastBodyBytes += data; // shares data's buffer when it is the first
        else
            emitBytes(data);
        return;
    }
    QByteArray chunk;
    chunk.reserve(data.size() + 16);
    chunk += QByteArray::number(data.size(), 16);
    chunk += "\r\n";
    chunk += data;
    chunk += "\r\n";
    emitBytes(chunk);
}

void HttpExchange::endResponse() {
    if (m_state != State::Streaming)
        return;
    if (!m_lastBodyBytes.isEmpty())
        emitBytes(std::exchange(m_lastBodyBytes, QByteArray()));
    if (m_chunked && !m_suppressBody)
        emitBytes(QByteArrayLiteral("0\r\n\r\n"));
    m_state = State::Finished;
    if (m_connection)
        m_connection->exchangeFinished(this);
}

void HttpExchange::abortConnection() {
    if (!m_connection)
        return;
    m_connection->flushOutput();
    m_connection->m_socket->flush(); // what was written so far still reaches the peer
    m_connection->m_socket->abort();
}

qint64 HttpExchange::pendingOutputBytes() const {
    if (m_connection && m_connection->isHead(this))
        return m_connection->outputBacklog();
    return m_buffered.size();
}

void HttpExchange::emitBytes(const QByteArray& bytes) {
    if (!m_connection)
        return;
    if (m_connection->isHead(this))
        m_connection->writeToSocket(bytes);
    else
        m_buffered += bytes;
}

QByteArray HttpExchange::takeBuffered() {
    QByteArray bytes;
    bytes.swap(m_buffered);
    return bytes;
}

void HttpExchange::markAborted() {
    if (m_state == State::Finished || m_state == State::Aborted)
        return;
    m_state = State::Aborted;
    Q_EMIT aborted();
}

} // namespace gatehouse
