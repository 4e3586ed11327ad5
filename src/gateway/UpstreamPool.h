#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <vector>

class QNetworkAccessManager;

namespace gatehouse {

// The upstream clients of one worker thread. One QNetworkAccessManager opens at most six HTTP/1.1
// connections per host (and Qt 6.4 cannot raise that), so requests to one upstream spread over as
// many managers as they need: a manager is reused while it has fewer than six requests in flight to
// that host, and a new one is made otherwise, up to a cap.
class UpstreamPool : public QObject {
    Q_OBJECT
public:
    explicit UpstreamPool(int maxManagers = 128, QObject* parent = nullptr);
    ~UpstreamPool() override;

    QNetworkAccessManager* acquire(const QString& hostKey);
    void release(QNetworkAccessManager* manager, const QString& hostKey);
    int managerCount() const { return int(m_managers.size()); }

    static constexpr int connectionsPerHost = 6;

private:
    struct Slot {
        QNetworkAccessManager* manager = nullptr;
        QHash<QString, int> inFlight;
    };
    int m_maxManagers;
    std::vector<Slot> m_managers;
};

} // namespace gatehouse
