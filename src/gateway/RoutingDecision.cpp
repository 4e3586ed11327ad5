#include "gateway/RoutingDecision.h"

#include <algorithm>

namespace gatehouse {

RoutingDecision::RoutingDecision(const RuntimeApi& api, const RuntimeOperation& operation, Stage stage,
                                 SuspensionTable& suspensions, Clock clock)
    : m_api(api), m_stage(stage), m_suspensions(suspensions), m_clock(std::move(clock)) {
    for (const RuntimePolicy& policy : operation.flows.request) {
        ModelRouter* router = policy->modelRouter();
        if (!router || router->targets(stage).empty())
            continue; // an empty list for this key type bypasses routing, as in WSO2
        if (router->strategy() == ModelRouter::Strategy::Failover) {
            if (!m_failover)
                m_failover = router;
        } else if (!m_balancer) {
            m_balancer = router;
        }
    }
}

void RoutingDecision::engageChain(std::size_t nextIndex) {
    m_inChain = true;
    m_chainIndex = nextIndex;
    m_chainDeadlineMs = m_clock() + m_failover->requestTimeoutMs();
}

void RoutingDecision::setRequestedModel(const QString& model) {
    if (!m_failover || m_balancer)
        return;
    if (model == m_failover->targets(m_stage).front().model)
        engageChain(0);
    else
        m_failover = nullptr; // failover applies to its target model only; the call goes as it is
}

SuspensionTable::Pair RoutingDecision::pairOf(const ModelRouter::Target& target) const {
    return {m_api.id, target.endpointId, target.model};
}

bool RoutingDecision::tried(const SuspensionTable::Pair& pair) const {
    return std::find(m_triedPairs.begin(), m_triedPairs.end(), pair.key()) != m_triedPairs.end();
}

RoutingDecision::Target RoutingDecision::chosen(const RuntimeEndpoint* endpoint,
                                                const ModelRouter::Target& target) {
    Target result;
    result.endpoint = endpoint;
    result.model = target.model;
    result.pair = pairOf(target);
    m_triedPairs.push_back(result.pair->key());
    ++m_attempts;
    return result;
}

std::optional<RoutingDecision::Target> RoutingDecision::first() {
    if (m_inChain)
        return nextInChain();
    if (!m_balancer) {
        Target direct;
        direct.endpoint = m_api.primaryEndpoint(m_stage);
        ++m_attempts;
        return direct;
    }
    std::optional<Target> target = pickBalanced();
    if (target && m_failover && target->model == m_failover->targets(m_stage).front().model)
        engageChain(1); // the balancer chose failover's target: its fallbacks back it up
    return target;
}

bool RoutingDecision::mayRetry() const {
    if (m_inChain)
        return m_clock() < m_chainDeadlineMs;
    return m_balancer && m_balancer->retryOnFailure() && m_attempts < 2;
}

std::optional<RoutingDecision::Target> RoutingDecision::next() {
    if (!mayRetry())
        return std::nullopt;
    std::optional<Target> target = m_inChain ? nextInChain() : pickBalanced();
    if (target && !target->endpoint)
        return std::nullopt;
    return target;
}

std::optional<RoutingDecision::Target> RoutingDecision::pickBalanced() {
    const auto& targets = m_balancer->targets(m_stage);
    std::vector<bool> excluded(targets.size(), false);
    for (std::size_t attempt = 0; attempt <= targets.size(); ++attempt) {
        const qint64 now = m_clock();
        const auto eligible = [&](std::size_t i) {
            if (excluded[i] || !m_api.endpoint(targets[i].endpointId))
                return false;
            const SuspensionTable::Pair pair = pairOf(targets[i]);
            return !tried(pair) &&
                   m_suspensions.availability(pair, now) != SuspensionTable::Availability::Suspended;
        };
        const int index = m_sharedPosition && m_attempts == 0
                              ? m_balancer->pickAt(m_stage, *m_sharedPosition, eligible)
                              : m_balancer->pick(m_stage, eligible);
        if (index < 0)
            return std::nullopt;
        const ModelRouter::Target& candidate = targets[std::size_t(index)];
        if (!m_suspensions.beginAttempt(pairOf(candidate), now)) { // another request took the one trial
            excluded[std::size_t(index)] = true;
            continue;
        }
        return chosen(m_api.endpoint(candidate.endpointId), candidate);
    }
    return std::nullopt;
}

std::optional<RoutingDecision::Target> RoutingDecision::nextInChain() {
    const auto& chain = m_failover->targets(m_stage);
    while (m_chainIndex < chain.size()) {
        const ModelRouter::Target& candidate = chain[m_chainIndex++];
        const RuntimeEndpoint* endpoint = m_api.endpoint(candidate.endpointId);
        const SuspensionTable::Pair pair = pairOf(candidate);
        if (!endpoint || tried(pair) || !m_suspensions.beginAttempt(pair, m_clock()))
            continue;
        return chosen(endpoint, candidate);
    }
    return std::nullopt;
}

bool RoutingDecision::isFailure(int status) {
    return !((status >= 200 && status < 300) || status == 400 || status == 405 || status == 422);
}

qint64 RoutingDecision::suspendMs(qint64 retryAfterMs) const {
    const qint64 configured = m_inChain && m_failover ? m_failover->suspendMs()
                              : m_balancer            ? m_balancer->suspendMs()
                                                      : 0;
    return std::max(configured, retryAfterMs);
}

std::vector<SuspensionTable::Pair> RoutingDecision::candidatePairs() const {
    std::vector<SuspensionTable::Pair> pairs;
    const ModelRouter* router = m_inChain ? m_failover : m_balancer;
    if (!router)
        return pairs;
    for (const ModelRouter::Target& target : router->targets(m_stage))
        pairs.push_back(pairOf(target));
    return pairs;
}

} // namespace gatehouse
