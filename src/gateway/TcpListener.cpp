#include "gateway/TcpListener.h"

#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse {

namespace {

// At most this many accepts per wake-up: the listener shares its thread with connections.
constexpr int acceptsPerWakeUp = 256;

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

TcpListener::TcpListener(std::function<void(qintptr)> onAccept, QObject* parent)
    : QObject(parent), m_onAccept(std::move(onAccept)), m_retry(new QTimer(this)) {
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        if (m_notifier)
            m_notifier->setEnabled(true);
        acceptPending();
    });
}

TcpListener::~TcpListener() {
    delete m_notifier;
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

bool TcpListener::listen(const QHostAddress& address, quint16 port, int backlog, QString* error) {
    const auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        if (m_descriptor >= 0)
            ::close(m_descriptor);
        m_descriptor = -1;
        return false;
    };
    if (m_descriptor >= 0)
        return fail(QStringLiteral("already listening"));
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_INET;
    bool dualStack = false;
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol: {
        auto* ipv4 = reinterpret_cast<sockaddr_in*>(&storage);
        ipv4->sin_family = AF_INET;
        ipv4->sin_port = htons(port);
        ipv4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
        break;
    }
    case QAbstractSocket::IPv6Protocol:
    case QAbstractSocket::AnyIPProtocol: {
        // QHostAddress::Any is both IPv4 and IPv6: an IPv6 socket that also takes IPv4.
        dualStack = address.protocol() == QAbstractSocket::AnyIPProtocol;
        auto* ipv6 = reinterpret_cast<sockaddr_in6*>(&storage);
        ipv6->sin6_family = AF_INET6;
        ipv6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = dualStack ? Q_IPV6ADDR{} : address.toIPv6Address();
        std::memcpy(&ipv6->sin6_addr, &bytes, sizeof bytes);
        ipv6->sin6_scope_id = dualStack ? 0 : address.scopeId().toUInt();
        family = AF_INET6;
        length = sizeof(sockaddr_in6);
        break;
    }
    case QAbstractSocket::UnknownNetworkLayerProtocol:
        return fail(QStringLiteral("not an IP address"));
    }
    m_descriptor = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_descriptor < 0)
        return fail(errnoText(errno));
    const int yes = 1;
    // A restarted server may bind while connections of the last one are in TIME_WAIT.
    ::setsockopt(m_descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (family == AF_INET6) {
        const int v6Only = dualStack ? 0 : 1;
        ::setsockopt(m_descriptor, IPPROTO_IPV6, IPV6_V6ONLY, &v6Only, sizeof v6Only);
    }
    if (::bind(m_descriptor, reinterpret_cast<const sockaddr*>(&storage), length) != 0)
        return fail(errnoText(errno));
    if (::listen(m_descriptor, backlog) != 0)
        return fail(errnoText(errno));
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof bound;
    if (::getsockname(m_descriptor, reinterpret_cast<sockaddr*>(&bound), &boundLength) != 0)
        return fail(errnoText(errno));
    m_address.setAddress(reinterpret_cast<const sockaddr*>(&bound));
    m_port = m_address.protocol() == QAbstractSocket::IPv4Protocol
                 ? ntohs(reinterpret_cast<const sockaddr_in*>(&bound)->sin_port)
                 : ntohs(reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port);
    if (dualStack)
        m_address = QHostAddress(QHostAddress::Any);
    m_notifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TcpListener::acceptPending);
    return true;
}

void TcpListener::acceptPending() {
    for (int accepted = 0; accepted < acceptsPerWakeUp && m_descriptor >= 0; ++accepted) {
        const int descriptor = ::accept4(m_descriptor, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor >= 0) {
            m_failing = false;
            m_onAccept(descriptor);
            continue;
        }
        switch (errno) {
        case EINTR:
        case ECONNABORTED: // a client that gave up while queued
        case EPROTO:
            continue;
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
            return;
        default:
            backOff(errno);
            return;
        }
    }
}

void TcpListener::backOff(int error) {
    if (!m_failing)
        qWarning("gatehouse: cannot accept connections on port %u: %s; trying again every %d ms",
                 unsigned(m_port), qPrintable(errnoText(error)), retryAfterResourceErrorMs);
    m_failing = true;
    // The connection stays in the kernel's queue; the notifier would fire again at once.
    m_notifier->setEnabled(false);
    m_retry->start(retryAfterResourceErrorMs);
}

} // namespace gatehouse
