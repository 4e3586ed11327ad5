#pragma once

#include "core/ModelRouterConfig.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyDefinition.h"
#include "core/Stage.h"
#include "gateway/SmoothWeightedRoundRobin.h"

#include <QString>
#include <array>
#include <memory>
#include <mutex>
#include <vector>

namespace gatehouse {

// The runtime of one model-routing policy attachment: its configuration (core's ModelRouterConfig,
// the one parser of the router JSON) and its balancing state, shared by every worker thread so that
// the sequence of picks is exact across threads (50/50 gives 10/10 over 20 requests, whichever
// threads serve them).
class ModelRouter {
public:
    using Strategy = ModelRouterConfig::Strategy;
    using Target = ModelRouterConfig::Target;

    ModelRouter(ModelRouterConfig config, QString signature);

    // nullptr with `error` set when the attachment is not a model router or its config is unusable.
    static std::shared_ptr<ModelRouter> create(const PolicyDefinition& definition,
                                               const PolicyAttachment& attachment, QString* error);

    const ModelRouterConfig& config() const { return m_config; }
    Strategy strategy() const { return m_config.strategy(); }
    // RR/WRR: the models to balance over; failover: the target first, then the fallbacks in order.
    const std::vector<Target>& targets(Stage stage) const { return m_targets[std::size_t(stage)]; }
    qint64 suspendMs() const { return m_config.suspendMs(); }
    qint64 requestTimeoutMs() const { return m_config.requestTimeoutMs(); }
    bool retryOnFailure() const { return m_config.retryOnFailure(); }
    // A fingerprint of the configuration: a redeploy with the same one keeps the balancing state.
    const QString& signature() const { return m_signature; }

    // Round robin / weighted round robin: the index of the next target among those `eligible`
    // accepts, -1 when none.
    template <typename Eligible> int pick(Stage stage, Eligible&& eligible) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_balancers[std::size_t(stage)].pick(std::forward<Eligible>(eligible));
    }
    // The strict shared rotation's pick: the target at `position` of the weighted cycle, or the first
    // eligible one after it (a suspended model's turn goes to the next in the cycle). -1 when none.
    template <typename Eligible> int pickAt(Stage stage, qint64 position, Eligible&& eligible) const {
        const std::vector<int>& cycle = m_cycles[std::size_t(stage)];
        const std::size_t size = cycle.size();
        for (std::size_t step = 0; step < size; ++step) {
            const int index = cycle[(std::size_t(position) + step) % size];
            if (eligible(std::size_t(index)))
                return index;
        }
        return -1;
    }

private:
    ModelRouterConfig m_config;
    QString m_signature;
    std::array<std::vector<Target>, 2> m_targets;
    std::array<SmoothWeightedRoundRobin, 2> m_balancers;
    std::array<std::vector<int>, 2> m_cycles; // one weighted cycle per key type, read-only
    std::mutex m_mutex;                       // a pthread mutex, which ThreadSanitizer follows (see README)
};

} // namespace gatehouse
