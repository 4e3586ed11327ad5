#include "gateway/UpstreamPool.h"

#include "gateway/UpstreamNetworkManager.h"

namespace gatehouse {

UpstreamPool::UpstreamPool(int maxManagers, QObject* parent)
    : QObject(parent), m_maxManagers(qMax(1, maxManagers)) {
}

UpstreamPool::~UpstreamPool() = default;

UpstreamNetworkManager* UpstreamPool::acquire(const QString& hostKey) {
    if (hostKey.startsWith(QLatin1String("http:"))) {
        if (!m_plainHttp)
            m_plainHttp = new UpstreamNetworkManager(this);
        return m_plainHttp;
    }
    Slot* leastBusy = nullptr;
    for (Slot& slot : m_managers) {
        const int busy = slot.inFlight.value(hostKey);
        if (busy < connectionsPerHost) {
            ++slot.inFlight[hostKey];
            return slot.manager;
        }
        if (!leastBusy || busy < leastBusy->inFlight.value(hostKey))
            leastBusy = &slot;
    }
    if (int(m_managers.size()) < m_maxManagers) {
        Slot slot;
        slot.manager = new UpstreamNetworkManager(this);
        slot.inFlight.insert(hostKey, 1);
        m_managers.push_back(slot);
        return slot.manager;
    }
    ++leastBusy->inFlight[hostKey]; // at the cap: queue behind the least busy manager
    return leastBusy->manager;
}

void UpstreamPool::release(UpstreamNetworkManager* manager, const QString& hostKey) {
    if (manager == m_plainHttp)
        return;
    for (Slot& slot : m_managers) {
        if (slot.manager != manager)
            continue;
        auto it = slot.inFlight.find(hostKey);
        if (it != slot.inFlight.end() && --it.value() <= 0)
            slot.inFlight.erase(it);
        return;
    }
}

} // namespace gatehouse
