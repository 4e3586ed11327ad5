#pragma once

#include "gateway/EpollEventDispatcher.h"
#include "gateway/HttpHeadScanner.h"
#include "gateway/HttpLimits.h"
#include "gateway/HttpRequest.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <deque>
#include <http_parser.h>
#include <vector>

class QSslSocket;
class QTcpSocket;
class QTimer;

namespace gatehouse {

class HttpExchange;
class HttpHandler;

// One inbound HTTP/1.x connection: parses requests with http_parser (keep-alive, pipelining,
// Content-Length and chunked bodies), hands each to the handler, and writes the answers back in
// request order. Enforces the limits and timeouts; on a disconnect it aborts every pending exchange
// and deletes itself. Input is read only as fast as it is parsed, and parsing pauses while the
// pipeline is full or the answers are not being taken: a client cannot make it buffer without bound.
// The socket may be a QSslSocket in server mode.
class HttpConnection : public QObject, private EpollEventDispatcher::PassListener {
    Q_OBJECT
public:
    enum class Admission {
        Admitted,
        // Over the server's connection limit: each request is answered 503 and the connection closed.
        OverCapacity,
    };

    HttpConnection(QTcpSocket* socket, HttpHandler* handler, const HttpLimits& limits,
                   QObject* parent = nullptr, Admission admission = Admission::Admitted);
    ~HttpConnection() override;

    const HttpLimits& limits() const { return m_limits; }
    // Bytes accepted for the client and not yet handed to the kernel (encrypted or not).
    qint64 outputBacklog() const;

Q_SIGNALS:
    void closed();

private:
    friend class HttpExchange;
    // http_parser callbacks
    static int onMessageBegin(http_parser* parser);
    static int onUrl(http_parser* parser, const char* at, size_t length);
    static int onHeaderField(http_parser* parser, const char* at, size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, size_t length);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, size_t length);
    static int onMessageComplete(http_parser* parser);
    static int onChunkHeader(http_parser* parser);

    void readInput();
    void feedParser();
    bool canParseMore() const;
    bool checkFraming(const char* data, size_t size);
    bool checkChunkTerminator(const char* from);
    bool countHeaderBytes(size_t length);
    bool finishHeaderField();
    void refuseOverCapacity(HttpExchange* exchange);
    void rejectRequest(int status, const QByteArray& message, const QByteArray& description);
    // On a plain socket in a thread on EpollEventDispatcher: collected, and written in one writev once
    // the next pass has delivered its posted events (afterPostedEvents()), so that what one pass produced
    // for a connection (an answer's head and body, pipelined answers) leaves in one syscall. Otherwise
    // (TLS, another dispatcher) into the socket's own buffer. That an answer leaves only after its
    // bookkeeping does not rest on this timing: HttpExchange holds its last bytes until endResponse().
    void writeToSocket(const QByteArray& bytes);
    void flushOutput();
    void afterPostedEvents() override;
    bool isHead(const HttpExchange* exchange) const;
    void exchangeFinished(HttpExchange* exchange);
    void advanceQueue();
    void onBytesWritten();
    void onTimeout();
    void armTimer();
    void shutDown();

    QTcpSocket* m_socket;
    EpollEventDispatcher* m_dispatcher; // this thread's, when it is one
    std::vector<QByteArray> m_outbox;
    qint64 m_outboxBytes = 0;
    bool m_flushScheduled = false;
    QSslSocket* m_tlsSocket; // m_socket when it is encrypted, else null
    HttpHandler* m_handler;
    HttpLimits m_limits;
    Admission m_admission;
    http_parser m_parser{};
    http_parser_settings m_settings{};
    QTimer* m_timer;

    // The request being parsed.
    HttpRequest m_current;
    QByteArray m_headerField;
    QByteArray m_headerValue;
    bool m_lastWasValue = false;
    bool m_inMessage = false;
    bool m_headersComplete = false;
    bool m_servedAny = false;
    bool m_waitingForRequest = false; // the timer runs for the next request (header or idle timeout)
    bool m_feeding = false;
    HttpExchange* m_toDispatch = nullptr;
    qint64 m_headerBytes = 0;
    int m_rejectStatus = 0;
    QByteArray m_rejectReason; // a 400's description when a callback refused the request

    // Strictness http_parser (built with HTTP_PARSER_STRICT=0) leaves out: the head's line structure,
    // and the CRLF after each chunk's data, which it would take as any two bytes.
    HttpHeadScanner m_headScanner;
    quint64 m_chunkDataLeft = 0;
    int m_chunkTerminatorLeft = 0;   // bytes of the current chunk's CRLF still to check
    const char* m_spanEnd = nullptr; // the end of the bytes the parser is executing

    QByteArray m_unparsed; // input not yet parsed (held back while the pipeline is full)
    qsizetype m_unparsedOffset = 0;
    bool m_rejected = false; // a protocol error was answered: read nothing more
    // A request that closes the connection was dispatched: nothing after it is parsed or served.
    bool m_lastRequest = false;
    bool m_closing = false;
    bool m_shutDown = false;
    std::deque<QPointer<HttpExchange>> m_queue;
};

} // namespace gatehouse
