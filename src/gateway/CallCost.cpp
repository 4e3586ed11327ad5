#include "gateway/CallCost.h"

namespace gatehouse {

CallCost CallCost::of(const Provider& provider, const PriceCatalogue& prices, const QString& model,
                      const TokenUsage& usage, bool countsReported, bool countsEstimated) {
    CallCost cost;
    if (!countsReported && !countsEstimated) {
        cost.status = QStringLiteral("not_calculated");
        cost.reason = QStringLiteral("the answer reported no usage");
        return cost;
    }
    const QString estimated = countsEstimated ? QStringLiteral("estimated") : QStringLiteral("calculated");
    if (provider.builtinMock) {
        cost.usd = 0;
        cost.status = estimated;
        cost.reason = QStringLiteral("%1 models are free").arg(provider.displayName);
        return cost;
    }
    const PriceMatch match = prices.lookup(model);
    if (!match) {
        cost.status = QStringLiteral("not_calculated");
        cost.reason = model.isEmpty() ? QStringLiteral("the answer names no model")
                                      : QStringLiteral("no price for model %1").arg(model);
        return cost;
    }
    cost.usd = PriceCatalogue::cost(*match.price, usage);
    cost.status = estimated;
    cost.pricedAs = match.matchedKey;
    if (countsEstimated)
        cost.reason = QStringLiteral("the upstream reported no usage: token counts estimated");
    return cost;
}

} // namespace gatehouse
