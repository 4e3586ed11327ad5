#pragma once

#include "gateway/policies/PolicyRegistry.h"
#include "guardrails/UrlGuardrail.h"

namespace gatehouse {

// URLGuardrail in the gateway: the URLs of the prompt (or the answer) are checked asynchronously by
// a UrlCheck while the call waits; the worker serves other calls meanwhile. Streamed answers are held
// whole until judged, since a URL is only checkable once complete.
class UrlGuardrailPolicy final : public GatewayPolicy {
public:
    static PolicyBuildResult build(const PolicyBuildInput& input);

    explicit UrlGuardrailPolicy(std::shared_ptr<const UrlGuardrail> guardrail);

    QString name() const override { return QStringLiteral("URLGuardrail"); }
    bool decidesAsynchronously() const override { return true; }
    bool inspectsWholeResponse() const override { return true; }
    bool holdsStream() const override { return true; }
    void decideRequest(PolicyRequest& request, PolicyDecision done) const override;
    void decideResponse(PolicyResponse& response, const QByteArray& body, PolicyDecision done) const override;

private:
    void check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
               PolicyDecision done) const;

    std::shared_ptr<const UrlGuardrail> m_guardrail;
};

} // namespace gatehouse
