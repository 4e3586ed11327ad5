#include "gateway/SocketWrite.h"

#include <QSslSocket>
#include <algorithm>
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>

namespace gatehouse {

namespace {
constexpr std::size_t maxParts = 8;
} // namespace

qint64 writeToSocketNow(QTcpSocket* socket, const QByteArrayView* parts, std::size_t count) {
    qint64 written = 0;
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor >= 0 && socket->state() == QAbstractSocket::ConnectedState &&
        socket->bytesToWrite() == 0 && !qobject_cast<QSslSocket*>(socket)) {
        iovec vectors[maxParts];
        const std::size_t used = std::min(count, maxParts);
        for (std::size_t i = 0; i < used; ++i) {
            vectors[i].iov_base = const_cast<char*>(parts[i].data()); // sendmsg does not write to it
            vectors[i].iov_len = std::size_t(parts[i].size());
        }
        msghdr message{};
        message.msg_iov = vectors;
        message.msg_iovlen = used;
        ssize_t sent = -1;
        do {
            // MSG_NOSIGNAL: a peer that has gone away is an error to report, not a SIGPIPE.
            sent = ::sendmsg(int(descriptor), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent > 0)
            written = sent;
    }
    qint64 skip = written;
    for (std::size_t i = 0; i < count; ++i) {
        const qint64 size = parts[i].size();
        if (skip >= size) {
            skip -= size;
            continue;
        }
        socket->write(parts[i].data() + skip, size - skip);
        skip = 0;
    }
    return written;
}

} // namespace gatehouse
