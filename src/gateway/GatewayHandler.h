#pragma once

#include "gateway/HttpHandler.h"
#include "gateway/ProxyCall.h"
#include "gateway/QuotaTracker.h"
#include "gateway/VerifiedTokenCache.h"

#include <memory>

namespace gatehouse {

class GatewayRuntime;
class HttpExchange;
class SharedStateSession;
class UpstreamPool;

// The gateway's request pipeline, one instance per worker thread: the token endpoint, or the stages
// route, authenticate, authorise and admit (quota), each of which continues or answers, then a
// ProxyCall for the upstream part. With shared state in Redis, admit asks Redis on the worker's own
// connection and the request continues when it answers (or its deadline passes).
class GatewayHandler final : public HttpHandler {
public:
    explicit GatewayHandler(std::shared_ptr<GatewayRuntime> runtime);
    ~GatewayHandler() override;

    void handle(HttpExchange* exchange) override;

private:
    struct Call; // one request on its way through the stages

    // Each stage returns false when it answered the request (an error in WSO2's shape).
    bool route(Call& call);
    bool authenticate(Call& call);
    bool authorise(Call& call);
    // The application's budgets (refused with 900803) or the subscription plan's limits (900804).
    struct QuotaCheck {
        QString key;
        std::vector<PlanLimit> limits;
        QString subject; // the application's or the plan's name, for the message
        bool applicationBudget = false;
    };
    std::vector<QuotaCheck> quotaChecks(const Call& call) const;
    void admit(std::unique_ptr<Call> call);
    void admitShared(std::unique_ptr<Call> call, std::vector<QuotaCheck> checks);
    // Applies the decisions in order: false (and answered) when one refuses.
    bool applyDecisions(Call& call, const std::vector<QuotaCheck>& checks,
                        const std::vector<QuotaTracker::Decision>& decisions);
    std::vector<QuotaTracker::Decision> admitLocally(const std::vector<QuotaCheck>& checks, int replicas);
    void proxy(Call& call);
    void reject(Call& call, int status, const char* code, const QString& message, const QString& description,
                HttpHeaders headers = {}, const Json& extra = Json());
    // 429 with WSO2's throttling code, Retry-After and the dollar headers.
    void refuse(Call& call, const QuotaTracker::Decision& decision, const char* code,
                const QString& description);
    static void addBudgetHeaders(HttpHeaders& headers, const QuotaTracker::Decision& decision);

    std::shared_ptr<GatewayRuntime> m_runtime;
    std::unique_ptr<UpstreamPool> m_pool;
    std::unique_ptr<SharedStateSession> m_shared; // with a Redis backend
    VerifiedTokenCache m_tokens;
};

} // namespace gatehouse
