#include "console/ConfiguredWeights.h"

#include "core/ModelRouterConfig.h"
#include "core/PolicyCatalogue.h"

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
        // Core's one router parser, which the gateway serves from too.
        const Result<ModelRouterConfig> config = ModelRouterConfig::ofAttachment(*definition, *attachment);
        if (!config || config->isFailover() || config->routingTargets(keyType).empty())
            continue;
        return config->modelWeights(keyType);
    }
    return {};
}

} // namespace gatehouse
