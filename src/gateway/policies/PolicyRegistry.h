#pragma once

#include "core/PolicyAttachment.h"
#include "core/PolicyDefinition.h"
#include "core/PriceCatalogue.h"
#include "core/Result.h"
#include "gateway/EmbeddingClient.h"
#include "gateway/policies/GatewayPolicy.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace gatehouse {

// What a policy kind is built from: its catalogue definition, the attachment's validated parameters,
// and the policy built at the same place by the previous deployment (same kind), whose state a kind
// may carry over: a model router keeps its balancing sequence when its configuration did not change.
// Where guardrails that ask a vendor find it: the workspace's settings and its secret store (WSO2
// keeps these in its server configuration, [[apim.ai.guardrail_provider]], not in the policy).
struct GuardrailProviders {
    QString azureContentSafetyEndpoint;
    QByteArray azureContentSafetyKey;
    EmbeddingProvider embeddings; // for the semantic policies; none unless the workspace names one
};

struct PolicyBuildInput {
    const PolicyDefinition& definition;
    const PolicyAttachment& attachment;
    std::shared_ptr<const GatewayPolicy> previous;
    const GuardrailProviders* providers = nullptr;
    std::shared_ptr<const PriceCatalogue> prices = nullptr; // for the policies that price answers
};

using PolicyBuildResult = Result<std::shared_ptr<const GatewayPolicy>>;

// The gateway's policy kinds by catalogue name: a table, not a plugin system. Adding a kind is one
// catalogue file (resources/policies/<name>.json), one GatewayPolicy class and one line in
// PolicyRegistry::builtin() (a class may serve several related kinds, as HeaderPolicy does).
class PolicyRegistry {
public:
    using Factory = std::function<PolicyBuildResult(const PolicyBuildInput&)>;
    struct Kind {
        QString name;
        Factory build;
    };

    explicit PolicyRegistry(std::vector<Kind> kinds);

    // Every kind the gateway runs.
    static const PolicyRegistry& builtin();

    const Kind* find(const QString& name) const;
    // The policy of an attachment, or why it cannot run (unknown kind, unusable parameters).
    PolicyBuildResult build(const PolicyBuildInput& input) const;
    const std::vector<Kind>& kinds() const { return m_kinds; }

private:
    std::vector<Kind> m_kinds;
};

} // namespace gatehouse
