#pragma once

#include "HttpLimits.h"
#include "HttpRequest.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <deque>
#include <http_parser.h>

class QTcpSocket;
class QTimer;

namespace gatehouse {

class HttpExchange;
class HttpHandler;

// One inbound HTTP/1.x connection: parses requests with http_parser (keep-alive, pipelining,
// Content-Length and chunked bodies), hands each to the handler, and writes the answers back in
// request order. Enforces the limits and timeouts; on a disconnect it aborts every pending exchange
// and deletes itself.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket* socket, HttpHandler* handler, const HttpLimits& limits,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    const HttpLimits& limits() const { return m_limits; }

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

    void readInput();
    void feedParser();
    bool countHeaderBytes(size_t length);
    void finishHeaderField();
    void rejectRequest(int status, const QByteArray& message, const QByteArray& description);
    void writeToSocket(const QByteArray& bytes);
    bool isHead(const HttpExchange* exchange) const;
    void exchangeFinished(HttpExchange* exchange);
    void advanceQueue();
    void onBytesWritten();
    void onTimeout();
    void armTimer();
    void shutDown();

    QTcpSocket* m_socket;
    HttpHandler* m_handler;
    HttpLimits m_limits;
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
    bool m_feeding = false;
    HttpExchange* m_toDispatch = nullptr;
    qint64 m_headerBytes = 0;
    int m_rejectStatus = 0;

    QByteArray m_unparsed; // input not yet parsed (held back while the pipeline is full)
    qsizetype m_unparsedOffset = 0;
    bool m_rejected = false; // a protocol error was answered: read nothing more
    bool m_closing = false;
    bool m_shutDown = false;
    std::deque<QPointer<HttpExchange>> m_queue;
};

} // namespace gatehouse
