#pragma once

#include "core/JsonPath.h"
#include "core/PromptDecoration.h"
#include "gateway/policies/PolicyRegistry.h"

namespace gatehouse {

// WSO2's PromptDecorator on the request flow: text put before or after the string at `jsonPath`, or
// messages put at the start or end of the list there. A request where the path finds neither is
// answered as WSO2's fault sequence does: 500, code 900967, "Error occurred during PromptDecorator
// mediation", with what the path found in the description.
class PromptDecoratorPolicy final : public GatewayPolicy {
public:
    PromptDecoratorPolicy(PromptDecoration decoration, JsonPath path, bool append);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;

private:
    PromptDecoration m_decoration;
    JsonPath m_path;
    bool m_append;
};

} // namespace gatehouse
