#include "FuzzSocket.h"

#include <cstring>

namespace gatehouse::fuzz {

FuzzSocket::FuzzSocket(Transcript* transcript, QObject* parent)
    : QTcpSocket(parent), m_transcript(transcript) {
    // What QAbstractSocket does once a real connection is established: open the device (which sets
    // up its read and write channels) and report the connected state.
    QIODevice::open(QIODevice::ReadWrite);
    setSocketState(QAbstractSocket::ConnectedState);
}

FuzzSocket::~FuzzSocket() = default;

void FuzzSocket::deliver(const QByteArray& bytes) {
    if (state() != QAbstractSocket::ConnectedState)
        return;
    m_incoming += bytes;
    Q_EMIT readyRead();
}

void FuzzSocket::drain() {
    if (m_pendingOutput == 0)
        return;
    const qint64 drained = m_pendingOutput;
    m_pendingOutput = 0;
    Q_EMIT bytesWritten(drained);
}

void FuzzSocket::closeFromPeer() {
    if (state() == QAbstractSocket::UnconnectedState)
        return;
    m_peerClosing = true;
    // Without a socket engine QAbstractSocket goes straight to UnconnectedState and emits
    // disconnected(), as it does for a real socket whose peer closed with nothing left to write.
    QTcpSocket::disconnectFromHost();
}

qint64 FuzzSocket::bytesAvailable() const {
    return QTcpSocket::bytesAvailable() + m_incoming.size();
}

qint64 FuzzSocket::bytesToWrite() const {
    return m_pendingOutput;
}

void FuzzSocket::disconnectFromHost() {
    if (!m_peerClosing && state() != QAbstractSocket::UnconnectedState)
        m_transcript->serverClosed = true;
    QTcpSocket::disconnectFromHost();
}

qint64 FuzzSocket::readData(char* data, qint64 maxSize) {
    const qint64 count = qMin<qint64>(maxSize, m_incoming.size());
    if (count > 0) {
        std::memcpy(data, m_incoming.constData(), std::size_t(count));
        m_incoming.remove(0, qsizetype(count));
    }
    return count;
}

qint64 FuzzSocket::writeData(const char* data, qint64 size) {
    if (state() != QAbstractSocket::ConnectedState) {
        m_transcript->writeAfterClose = true;
        return -1;
    }
    m_transcript->written.append(data, qsizetype(size));
    m_pendingOutput += size;
    m_transcript->highestPending = qMax(m_transcript->highestPending, m_pendingOutput);
    return size;
}

} // namespace gatehouse::fuzz
