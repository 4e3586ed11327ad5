#include "gateway/ModelRouter.h"

#include "core/PolicyValidator.h"

namespace gatehouse {

ModelRouter::ModelRouter(ModelRouterConfig config, QString signature)
    : m_config(std::move(config)), m_signature(std::move(signature)) {
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        std::vector<Target>& targets = m_targets[std::size_t(stage)];
        targets = m_config.routingTargets(stage);
        if (m_config.isFailover())
            continue;
        std::vector<double> weights;
        for (const Target& target : targets)
            weights.push_back(target.weight);
        m_balancers[std::size_t(stage)].setWeights(weights);
        // Weights with a long cycle (0.001 against 999.999) are cut at 100,000 picks: the shares stay
        // within a thousandth of the configured ones.
        m_cycles[std::size_t(stage)] = m_balancers[std::size_t(stage)].cycle(100000);
    }
}

std::shared_ptr<ModelRouter> ModelRouter::create(const PolicyDefinition& definition,
                                                 const PolicyAttachment& attachment, QString* error) {
    Result<ModelRouterConfig> config = ModelRouterConfig::ofAttachment(definition, attachment);
    if (!config) {
        if (error)
            *error = config.error();
        return nullptr;
    }
    // The signature is the configuration as the router reads it: the same routing, the same state.
    const QString signature = definition.name + QLatin1Char(':') + toQString(dumpCompact(config->toJson()));
    return std::make_shared<ModelRouter>(config.take(), signature);
}

} // namespace gatehouse
