#pragma once

#include "gateway/HttpHeaders.h"
#include "gateway/HttpRequest.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace gatehouse {

class HttpConnection;

// One request and its response on an inbound connection. A handler answers it at once or later,
// whole (respond) or piece by piece (beginResponse / writeBody / endResponse) for streaming. Objects a
// handler creates for the exchange should be its children: when the client goes away the exchange
// emits aborted() and is deleted, taking them (and any upstream call) with it.
class HttpExchange : public QObject {
    Q_OBJECT
public:
    HttpExchange(HttpRequest request, HttpConnection* connection);
    ~HttpExchange() override;

    const HttpRequest& request() const { return m_request; }
    HttpRequest& request() { return m_request; }

    void respond(int status, HttpHeaders headers, const QByteArray& body);
    // contentLength < 0: the length is unknown; the body is sent chunked (close-delimited to HTTP/1.0).
    void beginResponse(int status, HttpHeaders headers, qint64 contentLength = -1);
    // With a declared length, the bytes that complete the body are held until endResponse(): a client
    // sees the whole answer only after the handler's bookkeeping before that call (access log, usage,
    // cache) is done, whatever the event order.
    void writeBody(const QByteArray& data);
    void endResponse();
    // Answers and then closes the connection (protocol errors after which the stream is unusable).
    void setCloseAfterResponse() { m_closeAfter = true; }
    // Resets the TCP connection at once, without finishing the response (fault injection, and
    // giving up on a client that broke the protocol mid-stream).
    void abortConnection();

    bool hasStarted() const { return m_state != State::Idle; }
    bool isFinished() const { return m_state == State::Finished; }
    bool isAborted() const { return m_state == State::Aborted; }
    bool closeAfterResponse() const { return m_closeAfter; }
    int status() const { return m_status; }
    qint64 bodyBytesSent() const { return m_bodyBytes; }
    // Bytes accepted but not yet handed to the kernel: the basis of back-pressure.
    qint64 pendingOutputBytes() const;

Q_SIGNALS:
    // The client took what was pending: a streaming handler may read more from its upstream.
    void outputDrained();
    // The client disconnected before the response was complete; the exchange is deleted soon after.
    void aborted();

private:
    friend class HttpConnection;
    enum class State { Idle, Streaming, Finished, Aborted };

    void emitBytes(const QByteArray& bytes);
    QByteArray takeBuffered();
    void markAborted();

    HttpRequest m_request;
    QPointer<HttpConnection> m_connection;
    State m_state = State::Idle;
    int m_status = 0;
    bool m_chunked = false;
    bool m_closeAfter = false;
    bool m_suppressBody = false; // HEAD, 204, 304
    qint64 m_bodyBytes = 0;
    qint64 m_declaredLength = -1;
    QByteArray m_lastBodyBytes; // the bytes that complete a declared length, until endResponse()
    QByteArray m_buffered;      // output written while an earlier pipelined response is still going
};

} // namespace gatehouse
