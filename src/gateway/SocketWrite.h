#pragma once

#include <QByteArrayView>
#include <cstddef>

class QTcpSocket;

namespace gatehouse {

// Writes `parts` to a plain TCP socket at once, in one writev, when nothing is queued in the socket
// before them; what the kernel does not take, and everything when bytes are queued or the socket is
// encrypted, goes to the socket's own buffer, in order. QAbstractSocket::write() alone only queues:
// the bytes leave on the next event-loop pass, after a poll for writability, so each answer and each
// upstream request would cost a pass and a syscall more. Returns the bytes written at once. A failed
// write (the peer gone) leaves the bytes to the socket, which then reports the error itself.
qint64 writeToSocketNow(QTcpSocket* socket, const QByteArrayView* parts, std::size_t count);

} // namespace gatehouse
