#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <atomic>
#include <cstdint>
#include <map>
#include <unordered_map>

struct epoll_event;

namespace gatehouse {

// The event dispatcher of the HTTP worker threads, on Linux's epoll (QThread::setEventDispatcher, before
// the thread starts). Why not Qt's own: glib's signals its wake-up eventfd each time a socket notifier
// is switched on or off, which QAbstractSocket does around every read and buffered write (five extra
// syscalls per proxied request), and both glib's and Qt's Unix dispatcher poll every registered socket
// on every pass. Here a pass costs one epoll_wait and work in proportion to the sockets that are ready;
// a wake-up from the dispatcher's own thread (an event posted to itself) costs no syscall at all.
// Semantics follow Qt's Unix dispatcher: level-triggered notifiers (read on data, hang-up or error,
// write when writable or on error, exception on priority data), timers in milliseconds whatever their
// type, posted events first on each pass.
class EpollEventDispatcher : public QAbstractEventDispatcher {
    Q_OBJECT
public:
    // Something to do once per pass, right after the pass has delivered its posted events and before
    // it waits: the HTTP connections write what the pass produced there, in one writev each.
    class PassListener {
    public:
        virtual void afterPostedEvents() = 0;

    protected:
        ~PassListener() = default;
    };

    explicit EpollEventDispatcher(QObject* parent = nullptr);
    ~EpollEventDispatcher() override;

    // The current thread's dispatcher when it is one of these, else null.
    static EpollEventDispatcher* ofCurrentThread();
    // Once, in the next pass (or in this one, if it has not delivered its posted events yet). In the
    // dispatcher's thread only; a listener that goes away first cancels.
    void callAfterPostedEvents(PassListener* listener);
    void cancel(PassListener* listener);

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;
    void startingUp() override;

private:
    // The notifiers of one file descriptor: epoll knows each descriptor once, with the union of events.
    struct Watch {
        QSocketNotifier* read = nullptr;
        QSocketNotifier* write = nullptr;
        QSocketNotifier* exception = nullptr;
        bool inEpoll = false;
    };
    struct Timer {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject* object = nullptr;
        std::multimap<std::int64_t, int>::iterator due; // into m_dueTimes
        bool firing = false; // its event is being delivered: a nested loop must not fire it again
    };

    void updateEpoll(int descriptor, Watch& watch);
    int activateSockets(const ::epoll_event* events, int count);
    int activateTimers();
    int nextTimeoutMs() const;
    void scheduleTimer(int timerId, Timer& timer, std::int64_t dueNs);
    void drainWakeUps();
    void runPassListeners();
    bool inOwnThread() const;

    int m_epoll = -1;
    int m_wakeUpDescriptor = -1;
    // Set by wakeUp() and cleared when a pass starts to deliver posted events. Only the first wake-up
    // of a pass writes the eventfd, and only when it comes from another thread.
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};
    std::atomic<Qt::HANDLE> m_threadId{nullptr};
    QHash<int, Watch> m_watches;
    std::unordered_map<int, Timer> m_timers;
    std::multimap<std::int64_t, int> m_dueTimes; // steady-clock nanoseconds -> timer id
    std::vector<PassListener*> m_passListeners;
    std::vector<PassListener*> m_runningListeners; // the ones being called now
};

} // namespace gatehouse
