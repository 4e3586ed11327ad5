#pragma once

#include "core/PriceCatalogue.h"
#include "core/Provider.h"

#include <QString>

namespace gatehouse {

// What one answer cost, as WSO2's LLM Cost policy reports it (x-llm-cost, x-llm-cost-status), and
// why when it could not be calculated exactly.
struct CallCost {
    double usd = -1;  // -1: not calculated
    QString status;   // "calculated" | "estimated" (the token counts were) | "not_calculated"
    QString reason;   // for "estimated" and "not_calculated": why, in a few words
    QString pricedAs; // the catalogue key the model was priced under ("gpt-4o" for "gpt-4o-2024-11-20")

    // The Demo provider's models are free: the mock LLM costs nothing, whatever its models are named.
    // No counts, or no price for the model, is "not_calculated".
    static CallCost of(const Provider& provider, const PriceCatalogue& prices, const QString& model,
                       const TokenUsage& usage, bool countsReported, bool countsEstimated);
};

} // namespace gatehouse
