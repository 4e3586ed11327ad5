#include "gateway/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <vector>

namespace gatehouse {

namespace {
constexpr int maxEventsPerPass = 256;

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr std::int64_t nsPerMs = 1000 * 1000;
} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent), m_epoll(::epoll_create1(EPOLL_CLOEXEC)),
      m_wakeUpDescriptor(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (m_epoll < 0 || m_wakeUpDescriptor < 0)
        qFatal("EpollEventDispatcher: cannot create an epoll or event descriptor (errno %d)", errno);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeUpDescriptor;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeUpDescriptor, &event);
}

EpollEventDispatcher::~EpollEventDispatcher() {
    ::close(m_wakeUpDescriptor);
    ::close(m_epoll);
}

EpollEventDispatcher* EpollEventDispatcher::ofCurrentThread() {
    return qobject_cast<EpollEventDispatcher*>(QAbstractEventDispatcher::instance());
}

void EpollEventDispatcher::callAfterPostedEvents(PassListener* listener) {
    m_passListeners.push_back(listener);
}

void EpollEventDispatcher::cancel(PassListener* listener) {
    m_passListeners.erase(std::remove(m_passListeners.begin(), m_passListeners.end(), listener),
                          m_passListeners.end());
    std::replace(m_runningListeners.begin(), m_runningListeners.end(), listener,
                 static_cast<PassListener*>(nullptr));
}

void EpollEventDispatcher::runPassListeners() {
    if (m_passListeners.empty())
        return;
    // Swapped out first: a listener that schedules again (or schedules another) is called next pass.
    m_runningListeners.swap(m_passListeners);
    for (std::size_t i = 0; i < m_runningListeners.size(); ++i) {
        if (PassListener* listener = m_runningListeners[i]) // null: cancelled by an earlier one
            listener->afterPostedEvents();
    }
    m_runningListeners.clear();
}

void EpollEventDispatcher::startingUp() {
    m_threadId.store(QThread::currentThreadId());
}

bool EpollEventDispatcher::inOwnThread() const {
    return m_threadId.load() == QThread::currentThreadId();
}

// ----- sockets ---------------------------------------------------------------------------------------

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier* notifier) {
    const int descriptor = int(notifier->socket());
    Watch& watch = m_watches[descriptor];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateEpoll(descriptor, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier) {
    const int descriptor = int(notifier->socket());
    const auto found = m_watches.find(descriptor);
    if (found == m_watches.end())
        return;
    Watch& watch = *found;
    if (watch.read == notifier)
        watch.read = nullptr;
    if (watch.write == notifier)
        watch.write = nullptr;
    if (watch.exception == notifier)
        watch.exception = nullptr;
    updateEpoll(descriptor, watch);
    if (!watch.read && !watch.write && !watch.exception)
        m_watches.erase(found);
}

void EpollEventDispatcher::updateEpoll(int descriptor, Watch& watch) {
    epoll_event event{};
    event.data.fd = descriptor;
    if (watch.read)
        event.events |= EPOLLIN | EPOLLRDHUP;
    if (watch.write)
        event.events |= EPOLLOUT;
    if (watch.exception)
        event.events |= EPOLLPRI;
    if (event.events == 0) {
        if (watch.inEpoll)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, descriptor, &event); // ENOENT: closed already, fine
        watch.inEpoll = false;
        return;
    }
    // A descriptor closed while watched left epoll by itself and its number may be back: ADD and MOD
    // each fall back to the other.
    int result = ::epoll_ctl(m_epoll, watch.inEpoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, descriptor, &event);
    if (result < 0 && errno == ENOENT)
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, descriptor, &event);
    else if (result < 0 && errno == EEXIST)
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, descriptor, &event);
    if (result < 0)
        qWarning("EpollEventDispatcher: cannot watch socket %d (errno %d)", descriptor, errno);
    watch.inEpoll = result == 0;
}

int EpollEventDispatcher::activateSockets(const epoll_event* events, int count) {
    // Collected first: delivering one activation may delete or re-register any notifier, so each one is
    // looked up again just before its event is sent.
    struct Activation {
        int descriptor;
        QSocketNotifier* notifier;
    };
    std::vector<Activation> pending;
    pending.reserve(std::size_t(count) * 2);
    for (int i = 0; i < count; ++i) {
        const int descriptor = events[i].data.fd;
        if (descriptor == m_wakeUpDescriptor)
            continue;
        const auto found = m_watches.constFind(descriptor);
        if (found == m_watches.constEnd())
            continue;
        const std::uint32_t ready = events[i].events;
        if (found->read && (ready & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
            pending.push_back({descriptor, found->read});
        if (found->write && (ready & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
            pending.push_back({descriptor, found->write});
        if (found->exception && (ready & EPOLLPRI))
            pending.push_back({descriptor, found->exception});
    }
    int delivered = 0;
    for (const Activation& activation : pending) {
        const auto found = m_watches.constFind(activation.descriptor);
        if (found == m_watches.constEnd())
            continue;
        if (found->read != activation.notifier && found->write != activation.notifier &&
            found->exception != activation.notifier)
            continue; // unregistered by an earlier activation of this pass
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(activation.notifier, &event);
        ++delivered;
    }
    return delivered;
}

// ----- timers ----------------------------------------------------------------------------------------

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject* object) {
    const auto [entry, added] = m_timers.try_emplace(timerId);
    Timer& timer = entry->second;
    if (added)
        timer.due = m_dueTimes.end(); // a registered id keeps its entry: scheduleTimer() replaces it
    timer.intervalMs = std::max<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    scheduleTimer(timerId, timer, nowNs() + timer.intervalMs * nsPerMs);
}

void EpollEventDispatcher::scheduleTimer(int timerId, Timer& timer, std::int64_t dueNs) {
    if (timer.due != m_dueTimes.end())
        m_dueTimes.erase(timer.due);
    timer.due = m_dueTimes.emplace(dueNs, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId) {
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return false;
    m_dueTimes.erase(found->second.due);
    m_timers.erase(found);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject* object) {
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            m_dueTimes.erase(it->second.due);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject* object) const {
    QList<TimerInfo> timers;
    for (const auto& [id, timer] : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(id, int(std::min<qint64>(timer.intervalMs, INT_MAX)), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId) {
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return -1;
    const std::int64_t left = found->second.due->first - nowNs();
    return left <= 0 ? 0 : int(std::min<std::int64_t>((left + nsPerMs - 1) / nsPerMs, INT_MAX));
}

int EpollEventDispatcher::nextTimeoutMs() const {
    if (m_dueTimes.empty())
        return -1;
    const std::int64_t left = m_dueTimes.begin()->first - nowNs();
    if (left <= 0)
        return 0;
    return int(std::min<std::int64_t>((left + nsPerMs - 1) / nsPerMs, INT_MAX)); // never wake up early
}

int EpollEventDispatcher::activateTimers() {
    const std::int64_t now = nowNs();
    // The timers due now, taken before any fires: a timer started by a handler (or a zero-interval one
    // that re-arms) waits for the next pass, so sockets and posted events are never starved.
    std::vector<int> due;
    for (auto it = m_dueTimes.begin(); it != m_dueTimes.end() && it->first <= now; ++it)
        due.push_back(it->second);
    int fired = 0;
    for (const int timerId : due) {
        auto found = m_timers.find(timerId);
        if (found == m_timers.end() || found->second.firing || found->second.due->first > now)
            continue; // stopped, re-registered or still being delivered by an outer pass
        Timer& timer = found->second;
        // The next deadline keeps the period; a timer that fell behind starts again from now.
        std::int64_t next = timer.due->first + timer.intervalMs * nsPerMs;
        if (next <= now)
            next = now + timer.intervalMs * nsPerMs;
        scheduleTimer(timerId, timer, next);
        timer.firing = true;
        QObject* object = timer.object;
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        found = m_timers.find(timerId); // the handler may have stopped it, or others
        if (found != m_timers.end())
            found->second.firing = false;
    }
    return fired;
}

// ----- the loop --------------------------------------------------------------------------------------

void EpollEventDispatcher::wakeUp() {
    if (m_wakeUpPending.exchange(true))
        return; // already woken: the pass that clears the flag delivers what was posted
    if (inOwnThread())
        return; // the thread is running, not waiting: processEvents() sees the flag before it waits
    const std::uint64_t one = 1;
    while (::write(m_wakeUpDescriptor, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollEventDispatcher::interrupt() {
    m_interrupted.store(true);
    m_wakeUpPending.store(true);
    if (inOwnThread())
        return; // the flag stops this pass (or the next one) before it waits
    // Always written from another thread, unlike wakeUp(): the pass under way may already have reset
    // the flags, and then only a readable eventfd ends its wait.
    const std::uint64_t one = 1;
    while (::write(m_wakeUpDescriptor, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollEventDispatcher::drainWakeUps() {
    std::uint64_t count = 0;
    while (::read(m_wakeUpDescriptor, &count, sizeof count) < 0 && errno == EINTR) {
    }
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags) {
    if (!m_threadId.load())
        m_threadId.store(QThread::currentThreadId()); // the main thread's dispatcher gets no startingUp()
    m_interrupted.store(false);
    Q_EMIT awake();

    const bool posted = m_wakeUpPending.exchange(false);
    QCoreApplication::sendPostedEvents();
    runPassListeners();

    const bool mayWait =
        (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.load() && !m_wakeUpPending.load();
    if (mayWait)
        Q_EMIT aboutToBlock();
    if (m_interrupted.load())
        return posted;

    epoll_event events[maxEventsPerPass];
    int ready = ::epoll_wait(m_epoll, events, maxEventsPerPass, mayWait ? nextTimeoutMs() : 0);
    if (ready < 0)
        ready = 0; // EINTR: a signal; the caller's loop comes back
    if (mayWait)
        Q_EMIT awake();
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == m_wakeUpDescriptor)
            drainWakeUps();
    }

    int delivered = 0;
    if (!(flags & QEventLoop::ExcludeSocketNotifiers))
        delivered += activateSockets(events, ready);
    if (!(flags & QEventLoop::X11ExcludeTimers))
        delivered += activateTimers();
    return posted || delivered > 0;
}

} // namespace gatehouse
