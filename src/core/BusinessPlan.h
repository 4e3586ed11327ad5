#pragma once

#include "core/Json.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// A subscription tier: how many requests and, for AI APIs, how many tokens a subscription may use per
// minute. 0 means no limit.
struct BusinessPlan {
    QString name; // "Gold": the id subscriptions refer to
    QString description;
    qint64 requestsPerMinute = 0;
    qint64 promptTokensPerMinute = 0;
    qint64 completionTokensPerMinute = 0;
    qint64 totalTokensPerMinute = 0;

    bool isUnlimited() const;
    bool operator==(const BusinessPlan& other) const;

    Json toJson() const;
    static BusinessPlan fromJson(const Json& json, const QString& path, QStringList* errors);
    // Bronze, Silver, Gold, Unlimited and two AI plans with token caps.
    static std::vector<BusinessPlan> defaults();
};

} // namespace gatehouse
