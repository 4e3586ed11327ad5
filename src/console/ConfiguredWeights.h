#pragma once

#include "core/Api.h"
#include "core/Stage.h"

#include <QString>
#include <map>

namespace gatehouse {

// What share of an operation's requests its model router is configured to send to each model: the
// weights a console draws next to the shares it measured.
class ConfiguredWeights {
public:
    // The weights of the balancing router (weighted round robin: its weights; round robin: 1 each)
    // that the gateway applies to `operation` of `api` for `keyType` keys: API-level policies first,
    // then the operation's, the first router with targets for the key type winning, as in the
    // gateway. Weights of a model listed twice (two endpoints) add up. Empty when no router
    // balances, including failover, whose shares depend on failures rather than configuration.
    static std::map<QString, double> of(const Api& api, const Operation& operation, Stage keyType);
};

} // namespace gatehouse
