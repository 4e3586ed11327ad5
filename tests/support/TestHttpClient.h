#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

class QTcpSocket;

namespace gatehouse::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request as a test sends it: exactly these bytes go on the wire (plus Host, Content-Length
// and, unless the headers say otherwise, "Connection: close").
struct TestRequest {
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body;

    static TestRequest get(const QUrl& url, HeaderList headers = {});
    static TestRequest post(const QUrl& url, const QByteArray& body, HeaderList headers = {});
    static TestRequest postJson(const QUrl& url, const QByteArray& json, const QByteArray& bearerToken = {},
                                HeaderList headers = {});
};

// What came back. status 0: no complete answer (see error).
struct TestResponse {
    int status = 0;
    HeaderList headers;
    QByteArray body; // de-chunked
    QString error;
    qint64 connectedMs = -1;     // milliseconds from start() to the TCP connection
    qint64 firstBodyByteMs = -1; // milliseconds from start() to the first body byte
    qint64 finishedMs = -1;      // milliseconds from start() to the end of the response

    bool ok() const { return status != 0 && error.isEmpty(); }
    QByteArray header(const QByteArray& name) const; // first value, empty when absent
    bool hasHeader(const QByteArray& name) const;
    QJsonObject json() const; // empty when the body is not a JSON object
    bool isJsonObject() const;
    // "status 401, body {...}": for test failure messages.
    QString describe() const;
};

// A raw HTTP/1.1 client over its own QTcpSocket, running on the calling thread's event loop. Unlike
// QNetworkAccessManager it sends exactly what the test says (hop-by-hop headers included), is not
// limited to six connections per host, records when the first body byte arrived, and can vanish
// mid-request like a real client.
class HttpCall : public QObject {
    Q_OBJECT
public:
    explicit HttpCall(TestRequest request, QObject* parent = nullptr);
    ~HttpCall() override;

    void start();
    // Resets the connection at once, as a client that goes away does.
    void abort();
    bool isFinished() const { return m_finished; }
    const TestResponse& response() const { return m_response; }

Q_SIGNALS:
    void finished();

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError();
    bool parse(); // false: need more bytes
    void complete(const QString& error = {});
    void appendBody(const QByteArray& data);

    enum class BodyMode { None, Length, Chunked, UntilClose };

    TestRequest m_request;
    QTcpSocket* m_socket = nullptr;
    QElapsedTimer m_clock;
    QByteArray m_buffer;
    bool m_headersDone = false;
    BodyMode m_mode = BodyMode::None;
    qint64 m_remaining = 0;
    bool m_finished = false;
    TestResponse m_response;
};

// Sends one request and waits for its answer (at most timeoutMs, spinning the event loop).
TestResponse sendRequest(const TestRequest& request, int timeoutMs = 10000);

// Waits until every call has finished or timeoutMs passed; true when all finished.
bool waitForAll(const QList<HttpCall*>& calls, int timeoutMs);

} // namespace gatehouse::test
