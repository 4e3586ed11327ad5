#pragma once

#include "core/PromptTemplates.h"
#include "gateway/policies/PolicyRegistry.h"

namespace gatehouse {

// WSO2's PromptTemplate on the request flow: every template://name?variable=value reference in the
// request's strings becomes the named template's prompt with its [[variables]] filled. A request that
// refers to an unknown template or leaves a variable without a value gets 400 with the reason
// (Gatehouse's choice: WSO2 sends such a prompt on as it is). Bodies without "template://" are not
// even parsed.
class PromptTemplatePolicy final : public GatewayPolicy {
public:
    PromptTemplatePolicy(QString policyName, PromptTemplates templates);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;

private:
    QString m_policyName; // the attachment's "name", for messages
    PromptTemplates m_templates;
};

} // namespace gatehouse
