#pragma once

#include "core/Json.h"
#include "core/Result.h"
#include "core/Stage.h"
#include "core/ValidationReport.h"

#include <QCoreApplication>
#include <QString>
#include <array>
#include <map>
#include <optional>
#include <vector>

namespace gatehouse {

struct PolicyAttachment;
struct PolicyDefinition;

// The configuration of one model-routing policy (WSO2's modelRoundRobin, modelWeightedRoundRobin and
// modelFailover), read from its JSON in exactly one place. The validator, the gateway's router, the
// policy chip, the router form and the console's configured weights all see the same targets, so a
// model listed twice, a missing weight or an empty sandbox list means the same thing everywhere.
class ModelRouterConfig {
    Q_DECLARE_TR_FUNCTIONS(ModelRouterConfig)

public:
    enum class Strategy { RoundRobin, WeightedRoundRobin, Failover };

    struct Target {
        QString endpointId;
        QString endpointName; // WSO2's Publisher writes it for display; routing goes by id
        QString model;
        double weight = 1;       // weighted round robin; 1 for the other strategies
        bool weightValid = true; // a finite number >= 0 (the parse reports the others)
        QString path;            // where it sits in the configuration: "production[1]"

        // Both named: routing can use it (a half-filled row is kept for the form but never served).
        bool usable() const { return !endpointId.isEmpty() && !model.isEmpty(); }
    };

    ModelRouterConfig() = default;
    explicit ModelRouterConfig(Strategy strategy) : m_strategy(strategy) {}

    // "modelRoundRobin", "modelWeightedRoundRobin", "modelFailover" (a definition's `router`).
    static std::optional<Strategy> strategyNamed(const QString& routerName);

    // A failover target that names nothing: null, {} as WSO2's REST API writes an unused stage's, or
    // its Publisher form's with every field "". Such a stage is off, not wrong.
    static bool namesNoTarget(const Json& target);

    // Reads a decoded configuration object. Never fails: what it cannot use it leaves out of routing
    // and describes in `findings`, with paths relative to the configuration object. These are the
    // configuration's own problems; whether its endpoints and models exist is the validator's to say.
    static ModelRouterConfig parse(Strategy strategy, const Json& config,
                                   ValidationReport* findings = nullptr);
    // The configuration of an attachment of a model-router definition, decoding WSO2's string form.
    static Result<ModelRouterConfig> ofAttachment(const PolicyDefinition& definition,
                                                  const PolicyAttachment& attachment);

    Strategy strategy() const { return m_strategy; }
    bool isFailover() const { return m_strategy == Strategy::Failover; }

    // Round robin / weighted round robin: the stage's list as written, rows in order.
    const std::vector<Target>& balanced(Stage stage) const { return m_balanced[index(stage)]; }
    // Failover: the target model whose failures the stage's fallbacks handle.
    const std::optional<Target>& failoverTarget(Stage stage) const { return m_failoverTarget[index(stage)]; }
    const std::vector<Target>& fallbacks(Stage stage) const { return m_fallbacks[index(stage)]; }

    // What routing uses: the usable targets in order (failover: the target first, then its fallbacks;
    // empty when there is no usable target, which turns failover off for that key type).
    std::vector<Target> routingTargets(Stage stage) const;
    // Configured share per model for a balancing strategy (weights, or 1 each), a model listed on
    // two endpoints counted once with its weights added; empty for failover and for empty stages.
    std::map<QString, double> modelWeights(Stage stage) const;

    qint64 suspendMs() const { return m_suspendMs; }
    qint64 requestTimeoutMs() const { return m_requestTimeoutMs; }
    bool retryOnFailure() const { return m_retryOnFailure; }

    void setBalanced(Stage stage, std::vector<Target> targets) {
        m_balanced[index(stage)] = std::move(targets);
    }
    void setFailover(Stage stage, std::optional<Target> target, std::vector<Target> fallbacks);
    void setSuspendMs(qint64 ms) { m_suspendMs = ms; }
    void setRequestTimeoutMs(qint64 ms) { m_requestTimeoutMs = ms; }
    void setRetryOnFailure(bool retry) { m_retryOnFailure = retry; }

    // WSO2's JSON shape: {"production": [...], "sandbox": [...], "suspendDuration": s, ...}.
    Json toJson() const;

private:
    static std::size_t index(Stage stage) { return std::size_t(stage); }

    Strategy m_strategy = Strategy::RoundRobin;
    std::array<std::vector<Target>, 2> m_balanced;
    std::array<std::optional<Target>, 2> m_failoverTarget;
    std::array<std::vector<Target>, 2> m_fallbacks;
    qint64 m_suspendMs = 0;
    qint64 m_requestTimeoutMs = 60000;
    bool m_retryOnFailure = true;
};

} // namespace gatehouse
