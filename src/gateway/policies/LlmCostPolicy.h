#pragma once

#include "gateway/CallCost.h"
#include "gateway/policies/PolicyRegistry.h"

#include <memory>

namespace gatehouse {

// WSO2's LLM Cost policy (LLMCost) on the response flow: prices the answer from its usage and the
// workspace's model prices, and tells the client in x-llm-cost (USD, 10 decimals) and
// x-llm-cost-status. A plain answer is held until its usage is read; a streamed answer's headers leave
// first, so Gatehouse goes further than WSO2 (which reports streams not_calculated) with an SSE
// comment line before the final event, when streamCostComment says so.
class LlmCostPolicy final : public GatewayPolicy {
public:
    LlmCostPolicy(std::shared_ptr<const PriceCatalogue> prices, bool sendHeaders, bool streamComment);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    bool inspectsWholeResponse() const override;
    std::optional<PolicyAnswer> onResponseBody(PolicyResponse& response, QByteArray& body) const override;
    std::unique_ptr<StreamObserver> observeStream(const PolicyResponse& response) const override;

    // What `answer` (a whole answer, or a stream's events) cost. `model`: the one the gateway chose,
    // else the answer's own is read. `textEvents`: a stream's events that added text, for an estimate
    // when it reports no usage (with the prompt estimated from `requestBody`).
    CallCost costOf(const Provider& provider, QString model, const QByteArray& requestBody,
                    const QByteArray& answer, bool streamed, qint64 textEvents = 0) const;
    // ": x-llm-cost=0.0000423100 x-llm-cost-status=calculated\n\n"
    static QByteArray commentLine(const CallCost& cost);

private:
    std::shared_ptr<const PriceCatalogue> m_prices;
    bool m_sendHeaders;
    bool m_streamComment;
};

} // namespace gatehouse
