#pragma once

#include "core/PolicyDefinition.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// The policies a user can attach. The shipped ones are JSON resources (":/policies/*.json"), so adding
// a policy's schema needs no code; its runtime behaviour lives in the gateway.
class PolicyCatalogue {
public:
    // The built-in catalogue, loaded once. A broken built-in definition is a build defect: it aborts
    // loudly in debug builds and is skipped (with a warning) in release builds.
    static const PolicyCatalogue& builtin();

    static PolicyCatalogue fromDefinitions(std::vector<PolicyDefinition> definitions);

    const std::vector<PolicyDefinition>& definitions() const { return m_definitions; }
    const PolicyDefinition* find(const QString& name) const;
    QStringList names() const;

private:
    std::vector<PolicyDefinition> m_definitions;
};

} // namespace gatehouse
