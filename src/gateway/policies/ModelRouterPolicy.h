#pragma once

#include "gateway/ModelRouter.h"
#include "gateway/policies/PolicyRegistry.h"

#include <memory>

namespace gatehouse {

// WSO2's modelRoundRobin, modelWeightedRoundRobin and modelFailover: the policy holds the router,
// which the gateway's routing consults before the first upstream attempt. A redeploy with the same
// configuration keeps the router, and with it the balancing sequence.
class ModelRouterPolicy final : public GatewayPolicy {
public:
    ModelRouterPolicy(QString name, std::shared_ptr<ModelRouter> router);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    ModelRouter* modelRouter() const override;

private:
    QString m_name;
    std::shared_ptr<ModelRouter> m_router;
};

} // namespace gatehouse
