#include "gateway/policies/ModelRouterPolicy.h"

namespace gatehouse {

ModelRouterPolicy::ModelRouterPolicy(QString name, std::shared_ptr<ModelRouter> router)
    : m_name(std::move(name)), m_router(std::move(router)) {
}

PolicyBuildResult ModelRouterPolicy::build(const PolicyBuildInput& input) {
    QString error;
    std::shared_ptr<ModelRouter> router = ModelRouter::create(input.definition, input.attachment, &error);
    if (!router)
        return PolicyBuildResult::failure(error);
    if (const auto* previous = dynamic_cast<const ModelRouterPolicy*>(input.previous.get());
        previous && previous->m_router->signature() == router->signature())
        router = previous->m_router;
    return PolicyBuildResult::success(std::make_shared<ModelRouterPolicy>(input.definition.name, router));
}

QString ModelRouterPolicy::name() const {
    return m_name;
}

ModelRouter* ModelRouterPolicy::modelRouter() const {
    return m_router.get();
}

} // namespace gatehouse
