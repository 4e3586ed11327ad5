#pragma once

#include "gateway/policies/PolicyRegistry.h"
#include "gateway/policies/RemoteGuardrailPolicy.h"
#include "guardrails/UrlGuardrail.h"

namespace gatehouse {

// URLGuardrail in the gateway: the URLs of the prompt (or the answer) are checked by a UrlCheck while
// the call waits.
class UrlGuardrailPolicy final : public RemoteGuardrailPolicy {
public:
    static PolicyBuildResult build(const PolicyBuildInput& input);

    explicit UrlGuardrailPolicy(std::shared_ptr<const UrlGuardrail> guardrail);

protected:
    void check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
               PolicyDecision done) const override;

private:
    std::shared_ptr<const UrlGuardrail> m_urlGuardrail;
};

} // namespace gatehouse
