#include "gateway/policies/PolicyRegistry.h"

#include "gateway/policies/AddHeaderPolicy.h"
#include "gateway/policies/ModelRouterPolicy.h"
#include "gateway/policies/RemoveHeaderPolicy.h"

namespace gatehouse {

PolicyRegistry::PolicyRegistry(std::vector<Kind> kinds) : m_kinds(std::move(kinds)) {
}

const PolicyRegistry& PolicyRegistry::builtin() {
    static const PolicyRegistry registry({
        {QStringLiteral("addHeader"), &AddHeaderPolicy::build},
        {QStringLiteral("removeHeader"), &RemoveHeaderPolicy::build},
        {QStringLiteral("modelRoundRobin"), &ModelRouterPolicy::build},
        {QStringLiteral("modelWeightedRoundRobin"), &ModelRouterPolicy::build},
        {QStringLiteral("modelFailover"), &ModelRouterPolicy::build},
    });
    return registry;
}

const PolicyRegistry::Kind* PolicyRegistry::find(const QString& name) const {
    for (const Kind& kind : m_kinds) {
        if (kind.name == name)
            return &kind;
    }
    return nullptr;
}

PolicyBuildResult PolicyRegistry::build(const PolicyBuildInput& input) const {
    const Kind* kind = find(input.definition.name);
    if (!kind)
        return PolicyBuildResult::failure(
            QStringLiteral("the gateway cannot run %1 yet").arg(input.definition.displayName));
    return kind->build(input);
}

QStringList PolicyRegistry::names() const {
    QStringList names;
    for (const Kind& kind : m_kinds)
        names.append(kind.name);
    return names;
}

} // namespace gatehouse
