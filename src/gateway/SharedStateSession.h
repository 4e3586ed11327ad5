#pragma once

#include "sharedstate/RedisClient.h"
#include "sharedstate/SharedQuotaStore.h"
#include "sharedstate/SharedResponseCache.h"
#include "sharedstate/SharedRotation.h"
#include "sharedstate/SharedSuspensionStore.h"

#include <memory>

namespace gatehouse {

class GatewayRuntime;
class SharedStateStatus;

// One worker thread's way to the shared state: its own Redis connection (on the worker's event loop,
// so a request's quota check is one round trip with no thread hand-off) and the stores on it.
class SharedStateSession {
public:
    explicit SharedStateSession(GatewayRuntime& runtime);
    ~SharedStateSession();
    SharedStateSession(const SharedStateSession&) = delete;
    SharedStateSession& operator=(const SharedStateSession&) = delete;

    SharedQuotaStore& quotas() { return m_quotas; }
    SharedSuspensionStore& suspensions() { return m_suspensions; }
    SharedRotation& rotation() { return m_rotation; }
    SharedResponseCache& responseCache() { return m_responseCache; }
    RedisClient& client() { return *m_client; }

    static RedisClient::Options clientOptions(GatewayRuntime& runtime);

private:
    std::unique_ptr<RedisClient> m_client;
    SharedQuotaStore m_quotas;
    SharedSuspensionStore m_suspensions;
    SharedRotation m_rotation;
    SharedResponseCache m_responseCache;
    SharedStateStatus* m_status = nullptr;
    bool m_counted = false; // counted among the status's connected sessions
};

} // namespace gatehouse
