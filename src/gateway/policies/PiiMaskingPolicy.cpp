#include "gateway/policies/PiiMaskingPolicy.h"

#include "gateway/policies/PiiStreamRestorer.h"
#include "gateway/policies/SseEventBuffer.h"
#include "guardrails/GuardrailFault.h"

namespace gatehouse {

PolicyBuildResult PiiMaskingPolicy::build(const PolicyBuildInput& input) {
    Result<std::shared_ptr<const PiiMasker>> masker = PiiMasker::build(input.attachment.parameters);
    if (!masker)
        return PolicyBuildResult::failureOf(masker);
    return PolicyBuildResult::success(std::make_shared<PiiMaskingPolicy>(std::move(masker.value())));
}

PiiMaskingPolicy::PiiMaskingPolicy(std::shared_ptr<const PiiMasker> masker) : m_masker(std::move(masker)) {
}

PolicyAnswer PiiMaskingPolicy::failure(const QString& why, const QString& direction) const {
    PolicyAnswer answer =
        PolicyAnswer::error(GuardrailFault::internalErrorStatus, GuardrailFault::internalErrorCode,
                            GuardrailFault::internalErrorMessage(name()), why);
    answer.intervention = {m_masker->name(), name(), direction};
    return answer;
}

std::optional<PolicyAnswer> PiiMaskingPolicy::onRequest(PolicyRequest& request) const {
    Result<QByteArray> masked = m_masker->maskBody(request.body, request.call.piiVault());
    if (!masked)
        return failure(masked.error(), QStringLiteral("REQUEST"));
    request.body = std::move(masked.value());
    return std::nullopt;
}

std::optional<PolicyAnswer> PiiMaskingPolicy::onResponseBody(PolicyResponse& response,
                                                             QByteArray& body) const {
    if (response.streamed) {
        // Held whole because another policy asked: restore event by event, as a flowing stream would.
        PiiStreamRestorer restorer(m_masker, response.call.piiVault());
        QByteArray tail;
        restorer.onChunk(body);
        restorer.onEnd(tail);
        body += tail;
        return std::nullopt;
    }
    Result<QByteArray> restored = m_masker->restoreBody(body, response.call.piiVault());
    if (!restored)
        return failure(restored.error(), QStringLiteral("RESPONSE"));
    body = std::move(restored.value());
    return std::nullopt;
}

std::unique_ptr<StreamObserver> PiiMaskingPolicy::observeStream(const PolicyResponse& response) const {
    if (!m_masker->redacts() && response.call.piiVault().isEmpty())
        return nullptr; // nothing was masked on the way in, so nothing to put back
    return std::make_unique<PiiStreamRestorer>(m_masker, response.call.piiVault());
}

} // namespace gatehouse
