#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <vector>

namespace gatehouse {

class UpstreamNetworkManager;

// The upstream clients of one worker thread. Plain-HTTP upstreams all go through one
// UpstreamNetworkManager, whose pooled replies open as many keep-alive connections as there are
// requests in flight. Other schemes use Qt's own backend, where one manager opens at most six HTTP/1.1
// connections per host (and Qt 6.4 cannot raise that): those requests spread over as many managers
// as they need, a manager being reused while it has fewer than six in flight to that host, up to a cap.
class UpstreamPool : public QObject {
    Q_OBJECT
public:
    explicit UpstreamPool(int maxManagers = 128, QObject* parent = nullptr);
    ~UpstreamPool() override;

    UpstreamNetworkManager* acquire(const QString& hostKey);
    void release(UpstreamNetworkManager* manager, const QString& hostKey);
    int managerCount() const { return int(m_managers.size()); }

    static constexpr int connectionsPerHost = 6;

private:
    UpstreamNetworkManager* m_plainHttp = nullptr;
    struct Slot {
        UpstreamNetworkManager* manager = nullptr;
        QHash<QString, int> inFlight;
    };
    int m_maxManagers;
    std::vector<Slot> m_managers;
};

} // namespace gatehouse
