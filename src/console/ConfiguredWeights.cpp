#include "console/ConfiguredWeights.h"

#include "core/PolicyCatalogue.h"
#include "gateway/ModelRouter.h"

#include <vector>

namespace gatehouse {

std::map<QString, double> ConfiguredWeights::of(const Api& api, const Operation& operation, Stage keyType) {
    std::vector<const PolicyAttachment*> flow;
    for (const PolicyAttachment& attachment : api.apiPolicies.request)
        flow.push_back(&attachment);
    for (const PolicyAttachment& attachment : operation.policies.request)
        flow.push_back(&attachment);
    for (const PolicyAttachment* attachment : flow) {
        const PolicyDefinition* definition = PolicyCatalogue::builtin().find(attachment->policyName);
        if (!definition || !definition->isModelRouter())
            continue;
        // The gateway's own parser, so that the console reads a configuration exactly as it is served.
        const std::shared_ptr<ModelRouter> router = ModelRouter::create(*definition, *attachment, nullptr);
        if (!router || router->targets(keyType).empty() ||
            router->strategy() == ModelRouter::Strategy::Failover)
            continue;
        std::map<QString, double> weights;
        const bool weighted = router->strategy() == ModelRouter::Strategy::WeightedRoundRobin;
        for (const ModelRouter::Target& target : router->targets(keyType))
            weights[target.model] += weighted ? target.weight : 1.0;
        return weights;
    }
    return {};
}

} // namespace gatehouse
