#pragma once

#include "core/RedisAddress.h"
#include "sharedstate/RedisReply.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>
#include <map>

class QSocketNotifier;
class QTimer;
struct redisAsyncContext;

namespace gatehouse {

// A Redis connection driven by the event loop of the thread it lives in: hiredis's asynchronous API
// (libhiredis 0.14, Debian 12's) with QSocketNotifiers as its event adapter, so a gateway worker never
// blocks on Redis. Every command has a deadline: when Redis has not answered by then the callback gets
// a failed reply at once and the late answer is dropped, so a slow Redis costs a request its deadline,
// not a stalled worker. Commands sent together are pipelined (hiredis writes what is queued in one go).
// A lost connection fails what is pending and is made again with backoff (100 ms doubling to 5 s);
// AUTH and SELECT go first on every connection. Only Redis 7.0 commands are used, so Valkey works too.
//
// Callbacks run on this object's thread, never inside command(): a call while disconnected answers
// on the next turn of the event loop.
class RedisClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const RedisReply&)>;

    struct Options {
        RedisAddress address;
        QString password;            // from the secret store; empty: no AUTH
        int commandTimeoutMs = 250;  // the default deadline of a command
        int connectTimeoutMs = 1000; // a connection not made by then is retried
        int initialBackoffMs = 100;
        int maxBackoffMs = 5000;
    };

    explicit RedisClient(Options options, QObject* parent = nullptr);
    ~RedisClient() override;

    // Connects (and keeps reconnecting until stopped or destroyed).
    void start();
    void stop();
    bool isConnected() const { return m_connected; }
    // Why the last connection failed or was lost; empty while connected.
    QString lastError() const { return m_lastError; }
    const Options& options() const { return m_options; }

    // Sends one command (its arguments as Redis takes them, binary-safe). The callback gets Redis's
    // reply, or a failed reply when there is none by the deadline (`timeoutMs`, 0: the default).
    void command(const QList<QByteArray>& arguments, Callback callback, int timeoutMs = 0);

    // Receives what is PUBLISHed on `channel`, on this and every later connection (subscribed again
    // after a reconnect; what was published in between is lost, so subscribers resync). A client
    // that subscribes carries nothing else: Redis takes no other command on a subscribed connection.
    void subscribe(const QByteArray& channel, std::function<void(const QByteArray& message)> onMessage);

    // Lua scripts (by SHA1) this client ran since it last connected: RedisScript sends EVALSHA for
    // those and EVAL for the others, so that a script's first run costs no NOSCRIPT round trip.
    bool hasRunScript(const QByteArray& sha1) const { return m_scriptsRun.contains(sha1); }
    void noteScriptRun(const QByteArray& sha1) { m_scriptsRun.insert(sha1); }

Q_SIGNALS:
    void connected();
    // Redis confirmed a subscription (on every connection): what was published before is not heard.
    void subscribed(const QByteArray& channel);
    // The connection was lost or could not be made; reconnecting follows.
    void disconnected(const QString& reason);

private:
    struct Pending {
        Callback callback;
        qint64 deadlineMs = 0; // QDeadlineTimer-free: steady milliseconds of m_clock
    };

    void connectNow();
    void scheduleReconnect(const QString& reason);
    void dropContext(const QString& reason);
    void failAll(const QString& reason);
    void finish(quint64 id, const RedisReply& reply);
    void expireDeadlines();
    void armDeadlineTimer();
    void handshake();
    void sendSubscriptions();
    void deliver(const RedisReply& reply);
    void send(const QList<QByteArray>& arguments, quint64 id);
    void setReading(bool on);
    void setWriting(bool on);

    // hiredis's hooks (C callbacks): `data` is the RedisClient.
    static void onConnect(const redisAsyncContext* context, int status);
    static void onDisconnect(const redisAsyncContext* context, int status);
    static void onReply(redisAsyncContext* context, void* reply, void* privdata);
    static void addRead(void* data);
    static void delRead(void* data);
    static void addWrite(void* data);
    static void delWrite(void* data);
    static void cleanup(void* data);

    Options m_options;
    // Owned by hiredis once connected: it frees the context itself after the disconnect callback, so
    // this is a plain pointer, cleared there; redisAsyncFree() is called only while we own it.
    redisAsyncContext* m_context = nullptr;
    // Children of this object; replaced (deleteLater) with every connection, since hiredis may drop a
    // connection from inside a notifier's own activation.
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QElapsedTimer m_clock;
    QSet<QByteArray> m_scriptsRun; // cleared with every connection: the server may have restarted
    QTimer* m_deadlineTimer;
    QTimer* m_connectTimer;
    QTimer* m_reconnectTimer;
    std::map<quint64, Pending> m_pending;
    std::map<QByteArray, std::function<void(const QByteArray&)>> m_subscriptions;
    quint64 m_nextId = 1;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_connected = false;
    QString m_lastError;
};

} // namespace gatehouse
