#pragma once

#include <QByteArray>
#include <QNetworkReply>
#include <QPointer>
#include <array>
#include <http_parser.h>

class QTcpSocket;

namespace gatehouse {

class UpstreamConnectionPool;

// A QNetworkReply for one plain-HTTP/1.1 request, served in the calling thread over a pooled
// keep-alive QTcpSocket and parsed with http_parser. Qt 6.4's stock HTTP backend hands every request
// to a separate thread and reads response headers a byte per read(); this reply does one write and
// reads in large blocks, so a small answer costs a few syscalls and no thread hand-off.
//
// It behaves as ProxyCall expects of any QNetworkReply: metaDataChanged() once the status line and
// headers are in (HttpStatusCodeAttribute, raw headers), readyRead() per body block (chunked encoding
// removed), finished() at the end; a transport failure sets a network error and finishes; abort()
// finishes with OperationCanceledError. An answer cut off before its end (Content-Length not reached,
// a chunked body without its last chunk) is reported as RemoteHostClosedError, never as complete.
// Body bytes wait in the reply; when more than readBufferSize() are unread it stops reading the
// socket, so a slow client slows the upstream down instead of filling memory.
class PooledHttpReply : public QNetworkReply {
    Q_OBJECT
public:
    PooledHttpReply(UpstreamConnectionPool* pool, const QNetworkRequest& request, const QByteArray& method,
                    const QByteArray& body, QObject* parent);
    ~PooledHttpReply() override;

    void abort() override;
    void close() override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    void setReadBufferSize(qint64 size) override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    void start();
    void openConnection();
    void connectSocket();
    void sendRequest();
    void requestWritten();
    void readSocket();
    void onSocketError();
    void onSocketClosed();
    void endOfStream();
    void failTransport(NetworkError error, const QString& reason);
    void completeMessage();
    void releaseSocket(bool reusable);
    void finishReply();
    qint64 unreadBytes() const { return m_body.size() - m_bodyOffset; }

    static int onHeaderField(http_parser* parser, const char* at, size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, size_t length);
    static int onStatus(http_parser* parser, const char* at, size_t length);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, size_t length);
    static int onMessageComplete(http_parser* parser);

    QPointer<UpstreamConnectionPool> m_pool;
    QString m_host;
    quint16 m_port = 80;
    QByteArray m_method;
    QByteArray m_requestBytes;
    QTcpSocket* m_socket = nullptr; // owned (a child) while this reply uses it
    std::array<QMetaObject::Connection, 5> m_socketConnections;
    bool m_reusedSocket = false;
    bool m_retriedStale = false;
    qint64 m_bytesReceived = 0;
    bool m_socketClosed = false;      // the upstream closed; what it sent may still be unread
    bool m_bytesBeyondAnswer = false; // unasked-for bytes after the answer: never reuse the connection

    http_parser m_parser{};
    http_parser_settings m_settings{};
    QByteArray m_headerField;
    QByteArray m_headerValue;
    QByteArray m_reason;
    bool m_lastWasValue = false;
    bool m_headersComplete = false; // parsed, not yet announced
    bool m_metaDataAnnounced = false;
    bool m_messageComplete = false;
    bool m_done = false; // finished() emitted or about to be

    QByteArray m_body;
    qint64 m_bodyOffset = 0;
    bool m_readPaused = false;
};

} // namespace gatehouse
