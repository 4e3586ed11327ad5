// EpollEventDispatcher, the event loop of the HTTP worker threads: timers, socket notifiers, posted
// events from the own thread and from others, and quitting, each in a thread that runs on it.
#include "gateway/EpollEventDispatcher.h"

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <functional>
#include <sys/socket.h>
#include <unistd.h>

using gatehouse::EpollEventDispatcher;

namespace {

// A thread running an event loop on EpollEventDispatcher; run() executes a function in it and waits.
class EpollThread {
public:
    EpollThread() {
        m_thread.setEventDispatcher(new EpollEventDispatcher());
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    ~EpollThread() {
        m_thread.quit();
        m_thread.wait();
    }
    void run(const std::function<void()>& work) {
        QMetaObject::invokeMethod(&m_context, work, Qt::BlockingQueuedConnection);
    }
    QObject* context() { return &m_context; }
    QThread& thread() { return m_thread; }

private:
    QThread m_thread;
    QObject m_context;
};

} // namespace

class TestEpollDispatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadRunsOnTheEpollDispatcher();
    void timersFireInDeadlineOrder();
    void repeatingTimerKeepsFiringUntilStopped();
    void remainingTimeCountsDown();
    void readNotifierFiresOnDataAndHangUp();
    void disabledNotifierStaysQuiet();
    void eventsPostedFromAnotherThreadWakeAnIdleLoop();
    void eventsPostedToItselfAreDelivered();
    void passListenerRunsAfterThePassPostedEvents();
    void cancelledPassListenerIsNotCalled();
    void tcpRoundTripInTheThread();
    void quitEndsAnIdleThread();
};

void TestEpollDispatcher::threadRunsOnTheEpollDispatcher() {
    EpollThread worker;
    bool epoll = false;
    worker.run(
        [&] { epoll = qobject_cast<EpollEventDispatcher*>(QThread::currentThread()->eventDispatcher()); });
    QVERIFY(epoll);
}

void TestEpollDispatcher::timersFireInDeadlineOrder() {
    EpollThread worker;
    QList<int> order;
    std::atomic<int> fired{0};
    worker.run([&] {
        QTimer::singleShot(60, worker.context(), [&] {
            order.append(60);
            ++fired;
        });
        QTimer::singleShot(10, worker.context(), [&] {
            order.append(10);
            ++fired;
        });
        QTimer::singleShot(30, worker.context(), [&] {
            order.append(30);
            ++fired;
        });
        QTimer::singleShot(0, worker.context(), [&] {
            order.append(0);
            ++fired;
        });
    });
    QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 4, 5000);
    worker.run([] {}); // `order` was written in the worker: read it after a round trip
    QCOMPARE(order, (QList<int>{0, 10, 30, 60}));
}

void TestEpollDispatcher::repeatingTimerKeepsFiringUntilStopped() {
    EpollThread worker;
    std::atomic<int> ticks{0};
    QTimer* timer = nullptr;
    QElapsedTimer clock;
    worker.run([&] {
        timer = new QTimer(worker.context());
        timer->setInterval(5);
        QObject::connect(timer, &QTimer::timeout, timer, [&] {
            if (++ticks == 5)
                timer->stop(); // stopped from its own handler
        });
        clock.start();
        timer->start();
    });
    QTRY_COMPARE_WITH_TIMEOUT(ticks.load(), 5, 5000);
    QTest::qWait(50);
    QCOMPARE(ticks.load(), 5);      // nothing after the stop
    QVERIFY(clock.elapsed() >= 25); // five periods of 5 ms, never early
    worker.run([&] { delete timer; });
}

void TestEpollDispatcher::remainingTimeCountsDown() {
    EpollThread worker;
    int remaining = -2;
    int unknown = 0;
    worker.run([&] {
        auto* timer = new QTimer(worker.context());
        timer->start(10000);
        remaining = timer->remainingTime();
        unknown = QThread::currentThread()->eventDispatcher()->remainingTime(987654);
        delete timer;
    });
    QVERIFY2(remaining > 9000 && remaining <= 10000, qPrintable(QString::number(remaining)));
    QCOMPARE(unknown, -1);
}

void TestEpollDispatcher::readNotifierFiresOnDataAndHangUp() {
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    EpollThread worker;
    std::atomic<int> activations{0};
    QByteArray received;
    std::atomic<bool> hangUp{false};
    QSocketNotifier* notifier = nullptr;
    worker.run([&] {
        notifier = new QSocketNotifier(pair[0], QSocketNotifier::Read, worker.context());
        QObject::connect(notifier, &QSocketNotifier::activated, notifier, [&] {
            ++activations;
            char buffer[64];
            const ssize_t got = ::read(pair[0], buffer, sizeof buffer);
            if (got > 0)
                received.append(buffer, int(got));
            else if (got == 0) {
                hangUp = true;
                notifier->setEnabled(false); // level-triggered: a closed peer would fire forever
            }
        });
    });
    QCOMPARE(::write(pair[1], "hello", 5), ssize_t(5));
    QTRY_VERIFY_WITH_TIMEOUT(activations.load() >= 1, 5000);
    ::close(pair[1]);
    QTRY_VERIFY_WITH_TIMEOUT(hangUp.load(), 5000);
    worker.run([&] { delete notifier; });
    QCOMPARE(received, QByteArray("hello"));
    ::close(pair[0]);
}

void TestEpollDispatcher::disabledNotifierStaysQuiet() {
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
    EpollThread worker;
    std::atomic<int> reads{0};
    std::atomic<int> writes{0};
    QSocketNotifier* readable = nullptr;
    QSocketNotifier* writable = nullptr;
    worker.run([&] {
        readable = new QSocketNotifier(pair[0], QSocketNotifier::Read, worker.context());
        QObject::connect(readable, &QSocketNotifier::activated, readable, [&] { ++reads; });
        readable->setEnabled(false);
        // The same descriptor's write side: one epoll entry serves both notifiers.
        writable = new QSocketNotifier(pair[0], QSocketNotifier::Write, worker.context());
        QObject::connect(writable, &QSocketNotifier::activated, writable, [&] {
            ++writes;
            writable->setEnabled(false);
        });
    });
    QCOMPARE(::write(pair[1], "x", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(writes.load(), 1, 5000);
    QTest::qWait(50);
    QCOMPARE(reads.load(), 0);
    worker.run([&] { readable->setEnabled(true); });
    QTRY_VERIFY_WITH_TIMEOUT(reads.load() >= 1, 5000);
    worker.run([&] {
        delete readable;
        delete writable;
    });
    ::close(pair[0]);
    ::close(pair[1]);
}

void TestEpollDispatcher::eventsPostedFromAnotherThreadWakeAnIdleLoop() {
    EpollThread worker;
    worker.run([] {}); // the loop is running and idle, with no timer to wake it
    QTest::qWait(20);
    std::atomic<int> delivered{0};
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 100; ++i)
        QMetaObject::invokeMethod(
            worker.context(), [&] { ++delivered; }, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.load(), 100, 5000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestEpollDispatcher::eventsPostedToItselfAreDelivered() {
    EpollThread worker;
    std::atomic<int> chain{0};
    std::atomic<bool> deleted{false};
    worker.run([&] {
        // Posted from the worker itself: a wake-up that writes nothing must still deliver them.
        auto* doomed = new QObject(worker.context());
        QObject::connect(doomed, &QObject::destroyed, [&] { deleted = true; });
        doomed->deleteLater();
        for (int i = 0; i < 10; ++i)
            QMetaObject::invokeMethod(
                worker.context(), [&] { ++chain; }, Qt::QueuedConnection);
    });
    QTRY_COMPARE_WITH_TIMEOUT(chain.load(), 10, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(deleted.load(), 5000);
}

namespace {
class RecordingListener : public EpollEventDispatcher::PassListener {
public:
    void afterPostedEvents() override { log->append(QStringLiteral("listener")); }
    QStringList* log = nullptr;
};
} // namespace

// What a pass posts (a reply's queued finished(), say) is delivered before the listeners of that pass
// run: the HTTP connections rely on it to write an answer only after its call has been accounted for.
void TestEpollDispatcher::passListenerRunsAfterThePassPostedEvents() {
    EpollThread worker;
    QStringList log;
    RecordingListener listener;
    listener.log = &log;
    std::atomic<bool> done{false};
    worker.run([&] {
        QTimer::singleShot(5, worker.context(), [&] {
            EpollEventDispatcher::ofCurrentThread()->callAfterPostedEvents(&listener);
            QMetaObject::invokeMethod(
                worker.context(), [&] { log.append(QStringLiteral("posted")); }, Qt::QueuedConnection);
            log.append(QStringLiteral("timer"));
            QTimer::singleShot(20, worker.context(), [&] { done = true; });
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
    worker.run([] {});
    QCOMPARE(log,
             (QStringList{QStringLiteral("timer"), QStringLiteral("posted"), QStringLiteral("listener")}));
}

void TestEpollDispatcher::cancelledPassListenerIsNotCalled() {
    EpollThread worker;
    QStringList log;
    RecordingListener kept;
    RecordingListener cancelled;
    kept.log = &log;
    cancelled.log = &log;
    worker.run([&] {
        EpollEventDispatcher* dispatcher = EpollEventDispatcher::ofCurrentThread();
        dispatcher->callAfterPostedEvents(&cancelled);
        dispatcher->callAfterPostedEvents(&kept);
        dispatcher->cancel(&cancelled);
    });
    // Two more round trips: each is a pass of its own, so the listeners have had their turn.
    worker.run([] {});
    worker.run([] {});
    QCOMPARE(log, QStringList{QStringLiteral("listener")});
}

void TestEpollDispatcher::tcpRoundTripInTheThread() {
    EpollThread worker;
    QTcpServer* server = nullptr;
    QTcpSocket* client = nullptr;
    QByteArray echoed;
    std::atomic<bool> done{false};
    worker.run([&] {
        server = new QTcpServer(worker.context());
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        QObject::connect(server, &QTcpServer::newConnection, server, [&] {
            QTcpSocket* accepted = server->nextPendingConnection();
            QObject::connect(accepted, &QTcpSocket::readyRead, accepted,
                             [accepted] { accepted->write(accepted->readAll().toUpper()); });
        });
        client = new QTcpSocket(worker.context());
        QObject::connect(client, &QTcpSocket::connected, client, [&] { client->write("ping over epoll"); });
        QObject::connect(client, &QTcpSocket::readyRead, client, [&] {
            echoed += client->readAll();
            if (echoed.size() >= 15)
                done = true;
        });
        client->connectToHost(QHostAddress::LocalHost, server->serverPort());
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
    worker.run([&] {
        delete client;
        delete server;
    });
    QCOMPARE(echoed, QByteArray("PING OVER EPOLL"));
}

void TestEpollDispatcher::quitEndsAnIdleThread() {
    QThread thread;
    thread.setEventDispatcher(new EpollEventDispatcher());
    thread.start();
    QTest::qWait(20); // idle in epoll_wait, no timer
    QElapsedTimer clock;
    clock.start();
    thread.quit();
    QVERIFY(thread.wait(5000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
