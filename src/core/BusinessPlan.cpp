#include "core/BusinessPlan.h"

#include "core/JsonFieldReader.h"

#include <QRegularExpression>

namespace gatehouse {

std::vector<PlanLimit> BusinessPlan::allLimits() const {
    std::vector<PlanLimit> all;
    const std::pair<PlanLimit::Metric, qint64> perMinute[] = {
        {PlanLimit::Metric::Requests, requestsPerMinute},
        {PlanLimit::Metric::PromptTokens, promptTokensPerMinute},
        {PlanLimit::Metric::CompletionTokens, completionTokensPerMinute},
        {PlanLimit::Metric::TotalTokens, totalTokensPerMinute}};
    for (const auto& [metric, amount] : perMinute) {
        if (amount > 0)
            all.push_back(PlanLimit{metric, PlanLimit::Period::Minute, double(amount)});
    }
    all.insert(all.end(), limits.begin(), limits.end());
    return all;
}

bool BusinessPlan::isUnlimited() const {
    return requestsPerMinute == 0 && promptTokensPerMinute == 0 && completionTokensPerMinute == 0 &&
           totalTokensPerMinute == 0 && limits.empty();
}

bool BusinessPlan::operator==(const BusinessPlan& other) const {
    return name == other.name && description == other.description &&
           requestsPerMinute == other.requestsPerMinute &&
           promptTokensPerMinute == other.promptTokensPerMinute &&
           completionTokensPerMinute == other.completionTokensPerMinute &&
           totalTokensPerMinute == other.totalTokensPerMinute && limits == other.limits;
}

Json BusinessPlan::toJson() const {
    Json json = Json::object();
    json["name"] = toStdString(name);
    json["description"] = toStdString(description);
    json["requestsPerMinute"] = requestsPerMinute;
    json["promptTokensPerMinute"] = promptTokensPerMinute;
    json["completionTokensPerMinute"] = completionTokensPerMinute;
    json["totalTokensPerMinute"] = totalTokensPerMinute;
    if (!limits.empty()) {
        Json list = Json::array();
        for (const PlanLimit& limit : limits)
            list.push_back(limit.toJson());
        json["limits"] = std::move(list);
    }
    return json;
}

BusinessPlan BusinessPlan::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    BusinessPlan plan;
    plan.name = reader.requiredString("name");
    plan.description = reader.optionalString("description");
    plan.requestsPerMinute = reader.optionalInteger("requestsPerMinute", 0);
    plan.promptTokensPerMinute = reader.optionalInteger("promptTokensPerMinute", 0);
    plan.completionTokensPerMinute = reader.optionalInteger("completionTokensPerMinute", 0);
    plan.totalTokensPerMinute = reader.optionalInteger("totalTokensPerMinute", 0);
    if (const Json* list = reader.optionalArray("limits")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            plan.limits.push_back(
                PlanLimit::fromJson((*list)[i], jsonIndexPath(reader.childPath("limits"), i), errors));
    }
    return plan;
}

bool BusinessPlan::isValidName(const QString& name) {
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$"));
    return shape.match(name).hasMatch();
}

std::vector<BusinessPlan> BusinessPlan::defaults() {
    const auto plan = [](const char* name, const char* description, qint64 requests, qint64 prompt = 0,
                         qint64 completion = 0, qint64 total = 0) {
        BusinessPlan result;
        result.name = QLatin1String(name);
        result.description = QLatin1String(description);
        result.requestsPerMinute = requests;
        result.promptTokensPerMinute = prompt;
        result.completionTokensPerMinute = completion;
        result.totalTokensPerMinute = total;
        return result;
    };
    return {
        plan("Bronze", "Allows 1000 requests per minute", 1000),
        plan("Silver", "Allows 2000 requests per minute", 2000),
        plan("Gold", "Allows 5000 requests per minute", 5000),
        plan("Unlimited", "Allows an unlimited number of requests", 0),
        plan("AIStarter", "AI plan: 100 requests, 20,000 prompt and 20,000 completion tokens per minute", 100,
             20000, 20000, 40000),
        plan("AIPro", "AI plan: 1000 requests and 400,000 tokens per minute", 1000, 0, 0, 400000),
    };
}

} // namespace gatehouse
