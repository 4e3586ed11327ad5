#pragma once

#include "core/Json.h"
#include "core/PlanLimit.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// A subscription tier: how many requests and, for AI APIs, how many tokens and dollars a subscription
// may use per minute, hour, day or month. The four per-minute fields are the original plans' (0: no
// limit); `limits` holds any others, several per plan (as WSO2's Admin Portal rate-limiting policies).
struct BusinessPlan {
    QString name; // "Gold": the id subscriptions refer to
    QString description;
    qint64 requestsPerMinute = 0;
    qint64 promptTokensPerMinute = 0;
    qint64 completionTokensPerMinute = 0;
    qint64 totalTokensPerMinute = 0;
    std::vector<PlanLimit> limits;

    // Every limit of the plan: the per-minute fields that are set, then `limits`.
    std::vector<PlanLimit> allLimits() const;
    bool isUnlimited() const;
    bool operator==(const BusinessPlan& other) const;

    Json toJson() const;
    static BusinessPlan fromJson(const Json& json, const QString& path, QStringList* errors);
    // What a new plan may be called (it names the plan in WSO2 exports and in subscriptions): at most 64
    // letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.
    static bool isValidName(const QString& name);
    // Bronze, Silver, Gold, Unlimited and two AI plans with token caps.
    static std::vector<BusinessPlan> defaults();
};

} // namespace gatehouse
