#include "gateway/policies/LlmCostPolicy.h"

#include "gateway/AccessRecord.h"
#include "gateway/RuntimeApi.h"
#include "gateway/UsageEstimate.h"
#include "gateway/UsageReader.h"
#include "gateway/policies/SseEventBuffer.h"

namespace gatehouse {

namespace {

bool flag(const PolicyAttachment& attachment, const char* name, bool fallback) {
    if (!attachment.parameters.is_object() || !attachment.parameters.contains(name))
        return fallback;
    const Json& value = attachment.parameters[name];
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_string()) // as WSO2 writes it
        return value.get_ref<const std::string&>() == "true";
    return fallback;
}

constexpr qsizetype usageTailBytes = 16 * 1024; // a stream's usage is in its last events

// Puts the cost comment in front of a stream's final event. Events pass through whole (a chunk that
// ends inside one holds that part until it is complete); the tail is kept to read the usage from.
class CostCommentObserver final : public StreamObserver {
public:
    // The observer lives as long as the call, which keeps its API (and so its provider) and its
    // policy state alive; the response's headers are gone once they are sent.
    CostCommentObserver(const LlmCostPolicy& policy, const PolicyResponse& response)
        : m_policy(policy), m_provider(response.api.provider), m_call(response.call),
          m_model(QString::fromUtf8(response.headers.value("X-Gatehouse-Model"))) {}

    std::optional<PolicyIntervention> onChunk(QByteArray& chunk) override {
        QByteArray out;
        for (const QByteArray& event : m_events.take(chunk))
            out += pass(event);
        chunk = out;
        return std::nullopt;
    }
    std::optional<PolicyIntervention> onEnd(QByteArray& tail) override {
        const QByteArray rest = m_events.takeRemainder();
        if (!rest.isEmpty())
            tail += pass(rest);
        return std::nullopt;
    }

private:
    QByteArray pass(const QByteArray& event) {
        if (SseEventBuffer::isDone(event)) {
            const CallCost cost =
                m_policy.costOf(m_provider, m_model, m_call.requestBody(), m_tail, true, m_textEvents);
            return LlmCostPolicy::commentLine(cost) + event;
        }
        m_textEvents += UsageEstimate::textEvents(event);
        m_tail += event;
        if (m_tail.size() > 2 * usageTailBytes)
            m_tail = m_tail.right(usageTailBytes);
        return event;
    }

    const LlmCostPolicy& m_policy;
    const Provider& m_provider;
    const PolicyCallState& m_call;
    QString m_model;
    SseEventBuffer m_events;
    QByteArray m_tail;
    qint64 m_textEvents = 0;
};

} // namespace

LlmCostPolicy::LlmCostPolicy(std::shared_ptr<const PriceCatalogue> prices, bool sendHeaders,
                             bool streamComment)
    : m_prices(std::move(prices)), m_sendHeaders(sendHeaders), m_streamComment(streamComment) {
}

PolicyBuildResult LlmCostPolicy::build(const PolicyBuildInput& input) {
    std::shared_ptr<const PriceCatalogue> prices =
        input.prices ? input.prices : std::make_shared<const PriceCatalogue>(PriceCatalogue::shipped());
    return PolicyBuildResult::success(
        std::make_shared<LlmCostPolicy>(std::move(prices), flag(input.attachment, "sendCostHeaders", true),
                                        flag(input.attachment, "streamCostComment", false)));
}

QString LlmCostPolicy::name() const {
    return QStringLiteral("LLMCost");
}

bool LlmCostPolicy::inspectsWholeResponse() const {
    return m_sendHeaders;
}

std::optional<PolicyAnswer> LlmCostPolicy::onResponseBody(PolicyResponse& response, QByteArray& body) const {
    if (!m_sendHeaders || response.streamed || response.status < 200 || response.status >= 300)
        return std::nullopt;
    const CallCost cost =
        costOf(response.api.provider, QString::fromUtf8(response.headers.value("X-Gatehouse-Model")),
               response.call.requestBody(), body, false);
    response.headers.set("x-llm-cost", cost.usd >= 0 ? QByteArray::fromStdString(formatCostUsd(cost.usd))
                                                     : QByteArray("0.0000000000"));
    response.headers.set("x-llm-cost-status", cost.status.toUtf8());
    return std::nullopt;
}

std::unique_ptr<StreamObserver> LlmCostPolicy::observeStream(const PolicyResponse& response) const {
    if (!m_streamComment || response.status < 200 || response.status >= 300)
        return nullptr;
    return std::make_unique<CostCommentObserver>(*this, response);
}

CallCost LlmCostPolicy::costOf(const Provider& provider, QString model, const QByteArray& requestBody,
                               const QByteArray& answer, bool streamed, qint64 textEvents) const {
    const ReportedUsage reported = UsageReader(provider).read(answer, streamed, model.isEmpty());
    if (model.isEmpty())
        model = reported.model;
    TokenUsage usage;
    bool estimated = false;
    if (reported.reported()) {
        usage.promptTokens = qMax<qint64>(0, reported.promptTokens);
        usage.completionTokens = qMax<qint64>(0, reported.completionTokens);
        usage.cachedPromptTokens = qMax<qint64>(0, reported.cachedTokens);
        usage.reasoningTokens = qMax<qint64>(0, reported.reasoningTokens);
    } else if (const qint64 prompt = UsageEstimate::promptTokens(requestBody); prompt >= 0) {
        estimated = true;
        usage.promptTokens = prompt;
        usage.completionTokens = streamed ? textEvents : UsageEstimate::completionTokens(answer);
    }
    return CallCost::of(provider, *m_prices, model, usage, reported.reported(), estimated);
}

QByteArray LlmCostPolicy::commentLine(const CallCost& cost) {
    const QByteArray usd = cost.usd >= 0 ? QByteArray::fromStdString(formatCostUsd(cost.usd)) : QByteArray();
    return ": x-llm-cost=" + usd + " x-llm-cost-status=" + cost.status.toUtf8() + "\n\n";
}

} // namespace gatehouse
