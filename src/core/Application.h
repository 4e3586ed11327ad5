#pragma once

#include "core/KeyPair.h"
#include "core/PlanLimit.h"
#include "core/Subscription.h"

#include <QString>
#include <vector>

namespace gatehouse {

// A Developer Portal application: what subscribes to APIs and holds keys.
struct Application {
    QString id;
    QString name;
    QString description;
    int tokenValiditySeconds = 3600;
    std::vector<Subscription> subscriptions;
    std::vector<KeyPair> keys;
    // The application's own dollar budgets, across every API it calls (USD limits only), on top of
    // its subscriptions' plans: what its owner sees spend against in the Developer Portal.
    std::vector<PlanLimit> budgets;

    const KeyPair* keyPair(Stage keyType) const;
    const Subscription* subscription(const QString& apiId) const;

    bool operator==(const Application& other) const;
    bool operator!=(const Application& other) const { return !(*this == other); }

    Json toJson() const;
    static Application fromJson(const Json& json, QStringList* errors);
};

} // namespace gatehouse
