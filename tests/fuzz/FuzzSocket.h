#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace gatehouse::fuzz {

// A connected QTcpSocket with no network behind it: the fuzz target is the client. HttpConnection
// reads, writes and closes only through QIODevice's and QAbstractSocket's virtual functions and
// signals, so overriding those feeds it bytes exactly as a kernel socket would, without touching its
// code, and tens of thousands of times faster than a loopback or local-socket pair.
//
// What the server writes, and whether it closed the connection, go to a Transcript the caller owns:
// the socket itself dies with its HttpConnection.
class FuzzSocket : public QTcpSocket {
public:
    struct Transcript {
        QByteArray written;
        bool serverClosed = false;    // HttpConnection disconnected or aborted the socket
        bool writeAfterClose = false; // it wrote once it had closed: a bug
        qint64 highestPending = 0;    // most bytes ever waiting in the simulated write buffer
    };

    explicit FuzzSocket(Transcript* transcript, QObject* parent = nullptr);
    ~FuzzSocket() override;

    // The client sends `bytes`: queued and announced with readyRead(), as a kernel read would be.
    void deliver(const QByteArray& bytes);
    // Written bytes wait in the write buffer (bytesToWrite() reports them) until drain() hands them
    // to the client and emits bytesWritten(), as QAbstractSocket does from the event loop, never
    // from inside write(). Draining rarely simulates a client that reads slowly.
    void drain();
    // The client closed its end: disconnected() is emitted, as for a FIN or a reset.
    void closeFromPeer();

    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    void disconnectFromHost() override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    Transcript* m_transcript;
    QByteArray m_incoming;
    qint64 m_pendingOutput = 0;
    bool m_peerClosing = false;
};

} // namespace gatehouse::fuzz
