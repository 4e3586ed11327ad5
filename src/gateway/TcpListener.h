#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <functional>

class QSocketNotifier;
class QTimer;

namespace gatehouse {

// A listening TCP socket that hands each accepted descriptor to a callback, in the thread it lives
// in. It replaces QTcpServer for one reason: when accept() fails for want of file descriptors
// (EMFILE, ENFILE), Qt 6.4 takes it for a temporary error and its level-triggered notifier fires
// again at once, so the thread spins on accept() at full speed while the workers need that core to
// finish the requests that would free descriptors. This listener stops listening for a moment
// instead, says so once, and accepts again when descriptors are back.
class TcpListener : public QObject {
    Q_OBJECT
public:
    static constexpr int retryAfterResourceErrorMs = 100;

    TcpListener(std::function<void(qintptr)> onAccept, QObject* parent = nullptr);
    ~TcpListener() override;

    bool listen(const QHostAddress& address, quint16 port, int backlog, QString* error);
    bool isListening() const { return m_descriptor >= 0; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }

private:
    void acceptPending();
    void backOff(int error);

    std::function<void(qintptr)> m_onAccept;
    int m_descriptor = -1;
    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_retry;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_failing = false; // the last accept failed for want of resources: reported once
};

} // namespace gatehouse
