#pragma once

#include "core/Json.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace gatehouse {

// One model's prices in USD per token, as an entry of LiteLLM's model_prices_and_context_window.json
// (the file WSO2's LLM Cost policy reads), plus Gatehouse's provenance keys `source` (the price page)
// and `source_date` (when it was read there). Only the per-token prices are read; an entry keeps every
// key it was read with, so a file written back holds what LiteLLM and WSO2 need (image, audio, batch
// prices) in its original order.
struct ModelPrice {
    Q_DECLARE_TR_FUNCTIONS(ModelPrice)

public:
    double inputCostPerToken = 0;
    double outputCostPerToken = 0;
    // Prompt tokens served from the provider's cache; the input price when absent.
    std::optional<double> cacheReadInputTokenCost;
    // Prompt tokens written to the cache (Anthropic charges 1.25 times the input price); the input
    // price when absent.
    std::optional<double> cacheCreationInputTokenCost;
    // Hidden reasoning tokens; the output price when absent (OpenAI prices them as output).
    std::optional<double> outputCostPerReasoningToken;
    // Long-context tiers: when the prompt is longer than 128k (200k) tokens the whole request is priced
    // at these, as LiteLLM does.
    std::optional<double> inputCostPerTokenAbove128k;
    std::optional<double> outputCostPerTokenAbove128k;
    std::optional<double> inputCostPerTokenAbove200k;
    std::optional<double> outputCostPerTokenAbove200k;
    std::optional<double> cacheReadInputTokenCostAbove200k;
    std::optional<double> cacheCreationInputTokenCostAbove200k;
    std::optional<qint64> maxInputTokens;
    std::optional<qint64> maxOutputTokens;
    QString litellmProvider; // "openai", "anthropic", ...
    QString mode;            // "chat", "embedding", ...
    QString source;          // the URL of the price page
    QString sourceDate;      // "2026-12-07": when the prices were read there

    // The entry as LiteLLM writes it: the keys it was read with, in their order, the fields above
    // written over them and the ones that are new appended.
    Json toJson() const;
    // Reads one entry (an object). Problems are appended to `errors` as "<path>.<key>: <reason>", with
    // `path` like `$["gpt-4o"]`; the price is only usable when none were added.
    static ModelPrice fromJson(const Json& entry, const QString& path, QStringList* errors);
    // Whether an entry has both per-token prices (image models, for one, are priced per image).
    static bool hasTokenPrices(const Json& entry);

private:
    Json m_read = Json::object(); // the entry as it was read, for its other keys and their order
};

} // namespace gatehouse
