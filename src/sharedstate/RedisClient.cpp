#include "sharedstate/RedisClient.h"

#include <QMetaObject>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>
#include <climits>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <limits>
#include <vector>

namespace gatehouse {

namespace {

RedisClient* clientOf(const redisAsyncContext* context) {
    return context ? static_cast<RedisClient*>(context->data) : nullptr;
}

void* idToPointer(quint64 id) {
    return reinterpret_cast<void*>(static_cast<quintptr>(id));
}

quint64 pointerToId(void* pointer) {
    return static_cast<quint64>(reinterpret_cast<quintptr>(pointer));
}

// Ids of the connection's own commands (AUTH, SELECT, PING): their answers decide whether the
// connection is usable.
constexpr quint64 handshakeId = 0;
// The id of every SUBSCRIBE: hiredis calls its callback for each message on the channel.
constexpr quint64 subscriptionId = std::numeric_limits<quint64>::max();

} // namespace

RedisClient::RedisClient(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_deadlineTimer(new QTimer(this)),
      m_connectTimer(new QTimer(this)), m_reconnectTimer(new QTimer(this)) {
    m_clock.start();
    m_deadlineTimer->setSingleShot(true);
    m_connectTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    connect(m_deadlineTimer, &QTimer::timeout, this, &RedisClient::expireDeadlines);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        dropContext(tr("no answer from %1 within %2 ms")
                        .arg(m_options.address.toString())
                        .arg(m_options.connectTimeoutMs));
    });
    connect(m_reconnectTimer, &QTimer::timeout, this, &RedisClient::connectNow);
}

RedisClient::~RedisClient() {
    m_running = false;
    // Nobody is told: the callers' objects may be half destroyed by now.
    m_pending.clear();
    dropContext(QString());
}

void RedisClient::start() {
    if (m_running)
        return;
    m_running = true;
    m_backoffMs = 0;
    connectNow();
}

void RedisClient::stop() {
    m_running = false;
    m_reconnectTimer->stop();
    dropContext(tr("stopped"));
}

void RedisClient::connectNow() {
    if (!m_running || m_context)
        return;
    m_scriptsRun.clear();
    const RedisAddress& address = m_options.address;
    // A host name is looked up by getaddrinfo() here, on this thread: give an address (or localhost,
    // which /etc/hosts answers) where a worker must never wait on DNS.
    redisAsyncContext* context = address.socketPath.isEmpty()
                                     ? redisAsyncConnect(address.host.toUtf8().constData(), address.port)
                                     : redisAsyncConnectUnix(address.socketPath.toUtf8().constData());
    if (!context) {
        scheduleReconnect(tr("cannot connect to %1: out of memory").arg(address.toString()));
        return;
    }
    if (context->err) {
        const QString reason = QString::fromUtf8(context->errstr);
        redisAsyncFree(context);
        scheduleReconnect(tr("cannot connect to %1: %2").arg(address.toString(), reason));
        return;
    }
    m_context = context;
    context->data = this;
    context->ev.data = this;
    context->ev.addRead = &RedisClient::addRead;
    context->ev.delRead = &RedisClient::delRead;
    context->ev.addWrite = &RedisClient::addWrite;
    context->ev.delWrite = &RedisClient::delWrite;
    context->ev.cleanup = &RedisClient::cleanup;
    redisAsyncSetConnectCallback(context, &RedisClient::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisClient::onDisconnect);
    m_connectTimer->start(m_options.connectTimeoutMs);
    handshake();
}

void RedisClient::handshake() {
    // Queued before the connection is made, so they are the first bytes it carries.
    if (!m_options.password.isEmpty()) {
        if (m_options.address.username.isEmpty())
            send({QByteArrayLiteral("AUTH"), m_options.password.toUtf8()}, handshakeId);
        else
            send(
                {QByteArrayLiteral("AUTH"), m_options.address.username.toUtf8(), m_options.password.toUtf8()},
                handshakeId);
    }
    if (m_options.address.database != 0)
        send({QByteArrayLiteral("SELECT"), QByteArray::number(m_options.address.database)}, handshakeId);
    // The PING's answer says the connection is usable: every command before it was answered in order.
    send({QByteArrayLiteral("PING")}, handshakeId);
}

void RedisClient::send(const QList<QByteArray>& arguments, quint64 id) {
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    argv.reserve(std::size_t(arguments.size()));
    lengths.reserve(std::size_t(arguments.size()));
    for (const QByteArray& argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(std::size_t(argument.size()));
    }
    if (redisAsyncCommandArgv(m_context, &RedisClient::onReply, idToPointer(id), int(argv.size()),
                              argv.data(), lengths.data()) != REDIS_OK)
        finish(id,
               RedisReply::failure(tr("the connection to %1 is closing").arg(m_options.address.toString())));
}

void RedisClient::command(const QList<QByteArray>& arguments, Callback callback, int timeoutMs) {
    if (!m_connected || !m_context) {
        const RedisReply reply = RedisReply::failure(
            m_lastError.isEmpty() ? tr("not connected to %1").arg(m_options.address.toString())
                                  : m_lastError);
        QMetaObject::invokeMethod(
            this, [callback = std::move(callback), reply] { callback(reply); }, Qt::QueuedConnection);
        return;
    }
    const quint64 id = m_nextId++;
    const int timeout = timeoutMs > 0 ? timeoutMs : m_options.commandTimeoutMs;
    m_pending.emplace(id, Pending{std::move(callback), m_clock.elapsed() + timeout});
    armDeadlineTimer();
    send(arguments, id);
    // Onto the wire now, not when the socket's write notifier comes round: a caller that answers its
    // client in this pass (the shared response cache storing an answer) has its command out before the
    // answer, whichever socket the next pass finds writable first. Only bytes move here (no callback
    // runs); an error shows on the next read or write event, as before.
    if (m_context) {
        int done = 0;
        redisBufferWrite(&m_context->c, &done);
    }
}

void RedisClient::subscribe(const QByteArray& channel, std::function<void(const QByteArray&)> onMessage) {
    const bool isNew = m_subscriptions.find(channel) == m_subscriptions.end();
    m_subscriptions[channel] = std::move(onMessage);
    if (isNew && m_connected && m_context)
        send({QByteArrayLiteral("SUBSCRIBE"), channel}, subscriptionId);
}

void RedisClient::sendSubscriptions() {
    for (const auto& [channel, onMessage] : m_subscriptions)
        send({QByteArrayLiteral("SUBSCRIBE"), channel}, subscriptionId);
}

void RedisClient::deliver(const RedisReply& reply) {
    // ["subscribe", channel, count] once, then ["message", channel, payload] for each PUBLISH.
    if (reply.failed || reply.type != RedisReply::Type::Array || reply.elements.size() != 3)
        return;
    const QByteArray& kind = reply.elements[0].text;
    const QByteArray& channel = reply.elements[1].text;
    if (kind == "subscribe") {
        Q_EMIT subscribed(channel);
        return;
    }
    if (kind != "message")
        return;
    const auto found = m_subscriptions.find(channel);
    if (found != m_subscriptions.end())
        found->second(reply.elements[2].text);
}

void RedisClient::finish(quint64 id, const RedisReply& reply) {
    if (id == subscriptionId)
        return deliver(reply);
    if (id == handshakeId) {
        if (reply.isError()) {
            dropContext(tr("%1 refused the connection: %2")
                            .arg(m_options.address.toString(), QString::fromUtf8(reply.text)));
        } else if (reply.type == RedisReply::Type::Status && reply.text == "PONG" && !m_connected) {
            m_connected = true;
            m_backoffMs = 0;
            m_lastError.clear();
            m_connectTimer->stop();
            sendSubscriptions();
            Q_EMIT connected();
        }
        return;
    }
    const auto found = m_pending.find(id);
    if (found == m_pending.end())
        return; // its deadline passed: the caller has had its answer
    Callback callback = std::move(found->second.callback);
    m_pending.erase(found);
    armDeadlineTimer();
    callback(reply);
}

void RedisClient::armDeadlineTimer() {
    if (m_pending.empty()) {
        m_deadlineTimer->stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto& [id, pending] : m_pending)
        earliest = std::min(earliest, pending.deadlineMs);
    m_deadlineTimer->start(int(std::clamp<qint64>(earliest - m_clock.elapsed(), 0, INT_MAX)));
}

void RedisClient::expireDeadlines() {
    const qint64 now = m_clock.elapsed();
    std::vector<Callback> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.deadlineMs <= now) {
            expired.push_back(std::move(it->second.callback));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    armDeadlineTimer();
    const RedisReply reply =
        RedisReply::failure(tr("%1 did not answer in time").arg(m_options.address.toString()));
    for (const Callback& callback : expired)
        callback(reply);
}

void RedisClient::failAll(const QString& reason) {
    std::map<quint64, Pending> pending;
    pending.swap(m_pending);
    m_deadlineTimer->stop();
    const RedisReply reply = RedisReply::failure(reason);
    for (auto& [id, each] : pending)
        each.callback(reply);
}

void RedisClient::dropContext(const QString& reason) {
    m_connectTimer->stop();
    if (m_context) {
        redisAsyncContext* context = m_context;
        m_context = nullptr;
        // hiredis answers what is pending with no reply and calls the hooks while it frees the context
        // (later, when called from one of its callbacks): none of that reaches this object any more.
        context->data = nullptr;
        context->ev.data = nullptr;
        cleanup(this);
        redisAsyncFree(context);
    }
    const bool wasConnected = m_connected;
    m_connected = false;
    if (reason.isEmpty())
        return;
    failAll(reason);
    if (m_running)
        scheduleReconnect(reason);
    else if (wasConnected)
        Q_EMIT disconnected(reason);
}

void RedisClient::scheduleReconnect(const QString& reason) {
    const bool announce = m_connected || m_lastError != reason;
    m_connected = false;
    m_lastError = reason;
    m_backoffMs =
        m_backoffMs == 0 ? m_options.initialBackoffMs : std::min(m_backoffMs * 2, m_options.maxBackoffMs);
    if (m_running)
        m_reconnectTimer->start(m_backoffMs);
    if (announce)
        Q_EMIT disconnected(reason);
}

void RedisClient::setReading(bool on) {
    if (!m_context)
        return;
    if (!m_readNotifier) {
        if (!on)
            return;
        m_readNotifier = new QSocketNotifier(m_context->c.fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, [this] {
            if (m_context)
                redisAsyncHandleRead(m_context);
        });
    }
    m_readNotifier->setEnabled(on);
}

void RedisClient::setWriting(bool on) {
    if (!m_context)
        return;
    if (!m_writeNotifier) {
        if (!on)
            return;
        m_writeNotifier = new QSocketNotifier(m_context->c.fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, [this] {
            if (m_context)
                redisAsyncHandleWrite(m_context);
        });
    }
    m_writeNotifier->setEnabled(on);
}

void RedisClient::onConnect(const redisAsyncContext* context, int status) {
    RedisClient* self = clientOf(context);
    if (!self || status == REDIS_OK)
        return; // connected: the handshake's PING answer says when it is usable
    // hiredis frees the context right after this callback, answering the handshake's commands with no
    // reply on the way: this object has heard enough from it.
    const QString reason = QString::fromUtf8(context->errstr);
    const_cast<redisAsyncContext*>(context)->data = nullptr;
    const_cast<redisAsyncContext*>(context)->ev.data = nullptr;
    self->m_context = nullptr;
    cleanup(self);
    self->m_connectTimer->stop();
    self->failAll(reason);
    self->scheduleReconnect(tr("cannot connect to %1: %2").arg(self->m_options.address.toString(), reason));
}

void RedisClient::onDisconnect(const redisAsyncContext* context, int status) {
    RedisClient* self = clientOf(context);
    if (!self)
        return;
    // hiredis frees the context after this callback; what was pending has been answered with no reply.
    self->m_context = nullptr;
    cleanup(self);
    const QString reason =
        status == REDIS_OK ? tr("%1 closed the connection").arg(self->m_options.address.toString())
                           : tr("lost the connection to %1: %2")
                                 .arg(self->m_options.address.toString(), QString::fromUtf8(context->errstr));
    self->m_connectTimer->stop();
    self->failAll(reason);
    self->scheduleReconnect(reason);
}

void RedisClient::onReply(redisAsyncContext* context, void* reply, void* privdata) {
    RedisClient* self = clientOf(context);
    if (!self)
        return;
    const quint64 id = pointerToId(privdata);
    if (reply)
        self->finish(id, RedisReply::fromHiredis(static_cast<redisReply*>(reply)));
    else
        self->finish(
            id, RedisReply::failure(tr("lost the connection to %1").arg(self->m_options.address.toString())));
}

void RedisClient::addRead(void* data) {
    if (data)
        static_cast<RedisClient*>(data)->setReading(true);
}

void RedisClient::delRead(void* data) {
    if (data)
        static_cast<RedisClient*>(data)->setReading(false);
}

void RedisClient::addWrite(void* data) {
    if (data)
        static_cast<RedisClient*>(data)->setWriting(true);
}

void RedisClient::delWrite(void* data) {
    if (data)
        static_cast<RedisClient*>(data)->setWriting(false);
}

void RedisClient::cleanup(void* data) {
    auto* self = static_cast<RedisClient*>(data);
    if (!self)
        return;
    // Possibly from inside a notifier's activation: disable now, delete when control is back.
    for (QSocketNotifier** notifier : {&self->m_readNotifier, &self->m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
}

} // namespace gatehouse
