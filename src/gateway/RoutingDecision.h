#pragma once

#include "core/Stage.h"
#include "gateway/ModelRouter.h"
#include "gateway/RuntimeApi.h"
#include "gateway/SuspensionTable.h"

#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace gatehouse {

// Where one call goes, and where next when an attempt fails: the operation's model routers (the
// first balancer and the first failover with targets for the key type), the suspension table and a
// clock, and nothing of sockets, so that every rule is unit-tested with a fake clock. ProxyCall asks
// it for targets and tells it the verdicts; the upstream attempts themselves are ProxyCall's.
class RoutingDecision {
public:
    using Clock = std::function<qint64()>; // epoch milliseconds

    struct Target {
        const RuntimeEndpoint* endpoint = nullptr; // nullptr: the key type has no endpoint
        QString model;                             // empty: leave the body's model alone
        std::optional<SuspensionTable::Pair> pair; // set when a router chose it
    };

    RoutingDecision(const RuntimeApi& api, const RuntimeOperation& operation, Stage stage,
                    SuspensionTable& suspensions, Clock clock);

    // Whether a router applies, so the request's model must be read from its body first.
    bool routes() const { return m_balancer || m_failover; }
    // The model the client asked for: failover applies when it is failover's target; otherwise, with
    // no balancer, no router applies after all (routes() turns false and the body goes unchanged).
    void setRequestedModel(const QString& model);

    // Whether a balancer (round robin, weighted round robin) picks the first target.
    bool balances() const { return m_balancer != nullptr; }
    // The strict shared rotation: the first pick takes the target at `position` of the weighted cycle
    // instead of this replica's own next one.
    void setSharedPosition(qint64 position) { m_sharedPosition = position; }

    // The first target; nullopt when every candidate pair is suspended (503 with Retry-After).
    std::optional<Target> first();
    // Whether another attempt may follow a failed one (a balancer retries once when its policy
    // allows; failover walks its chain until the request timeout).
    bool mayRetry() const;
    // The next target after a failure; nullopt when there is none.
    std::optional<Target> next();
    // The deadline of the whole call for failover's request timeout, or 0 when there is none.
    qint64 deadlineMs() const { return m_inChain ? m_chainDeadlineMs : 0; }

    // WSO2's rule: 2xx and the client errors that say nothing of the backend's health are successes.
    static bool isFailure(int status);
    // How long a failing pair is left out: the router's suspend duration, or longer if the upstream
    // asked for it (Retry-After).
    qint64 suspendMs(qint64 retryAfterMs) const;
    // The pairs routing could use now, for "recovers in N s".
    std::vector<SuspensionTable::Pair> candidatePairs() const;
    int attempts() const { return m_attempts; }

private:
    std::optional<Target> pickBalanced();
    std::optional<Target> nextInChain();
    Target chosen(const RuntimeEndpoint* endpoint, const ModelRouter::Target& target);
    bool tried(const SuspensionTable::Pair& pair) const;
    void engageChain(std::size_t nextIndex);
    SuspensionTable::Pair pairOf(const ModelRouter::Target& target) const;

    const RuntimeApi& m_api;
    Stage m_stage;
    SuspensionTable& m_suspensions;
    Clock m_clock;
    ModelRouter* m_balancer = nullptr; // round robin / weighted round robin
    ModelRouter* m_failover = nullptr;
    std::optional<qint64> m_sharedPosition; // for the first pick only
    bool m_inChain = false;
    std::size_t m_chainIndex = 0;
    qint64 m_chainDeadlineMs = 0;
    std::vector<QString> m_triedPairs;
    int m_attempts = 0;
};

} // namespace gatehouse
