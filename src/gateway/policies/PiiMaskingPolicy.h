#pragma once

#include "gateway/policies/PolicyRegistry.h"
#include "guardrails/PiiMasker.h"

namespace gatehouse {

// PIIMaskingRegex in the gateway. On the request flow the prompt's values become placeholders kept in
// the call's PiiVault (or "*****" with `redact`); on the response flow the answer gets the originals
// back, a streamed answer too, event by event, with a placeholder cut across two events held back until
// it is whole. A masking rule that cannot run answers 900967 instead of letting the value through.
class PiiMaskingPolicy final : public GatewayPolicy {
public:
    static PolicyBuildResult build(const PolicyBuildInput& input);

    explicit PiiMaskingPolicy(std::shared_ptr<const PiiMasker> masker);

    QString name() const override { return QStringLiteral("PIIMaskingRegex"); }
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;
    bool inspectsWholeResponse() const override { return true; }
    std::optional<PolicyAnswer> onResponseBody(PolicyResponse& response, QByteArray& body) const override;
    std::unique_ptr<StreamObserver> observeStream(const PolicyResponse& response) const override;

private:
    PolicyAnswer failure(const QString& why, const QString& direction) const;

    std::shared_ptr<const PiiMasker> m_masker;
};

} // namespace gatehouse
