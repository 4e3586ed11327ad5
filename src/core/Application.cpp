#include "core/Application.h"

#include "core/JsonFieldReader.h"

#include <QCoreApplication>

namespace gatehouse {

const KeyPair* Application::keyPair(Stage keyType) const {
    for (const KeyPair& candidate : keys) {
        if (candidate.keyType == keyType)
            return &candidate;
    }
    return nullptr;
}

const Subscription* Application::subscription(const QString& apiId) const {
    for (const Subscription& candidate : subscriptions) {
        if (candidate.apiId == apiId)
            return &candidate;
    }
    return nullptr;
}

bool Application::operator==(const Application& other) const {
    return id == other.id && name == other.name && description == other.description &&
           tokenValiditySeconds == other.tokenValiditySeconds && subscriptions == other.subscriptions &&
           keys == other.keys && budgets == other.budgets;
}

Json Application::toJson() const {
    Json json = Json::object();
    json["id"] = toStdString(id);
    json["name"] = toStdString(name);
    json["description"] = toStdString(description);
    json["tokenValiditySeconds"] = tokenValiditySeconds;
    Json subscriptionList = Json::array();
    for (const Subscription& subscription : subscriptions)
        subscriptionList.push_back(subscription.toJson());
    json["subscriptions"] = std::move(subscriptionList);
    Json keyList = Json::array();
    for (const KeyPair& pair : keys)
        keyList.push_back(pair.toJson());
    json["keys"] = std::move(keyList);
    if (!budgets.empty()) {
        Json budgetList = Json::array();
        for (const PlanLimit& budget : budgets)
            budgetList.push_back(budget.toJson());
        json["budgets"] = std::move(budgetList);
    }
    return json;
}

Application Application::fromJson(const Json& json, QStringList* errors) {
    JsonFieldReader reader(json, QStringLiteral("$"), errors);
    Application application;
    application.id = reader.requiredString("id");
    application.name = reader.requiredString("name");
    application.description = reader.optionalString("description");
    application.tokenValiditySeconds = reader.optionalInt("tokenValiditySeconds", 3600, 1);
    if (const Json* list = reader.optionalArray("subscriptions")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            application.subscriptions.push_back(Subscription::fromJson(
                (*list)[i], jsonIndexPath(reader.childPath("subscriptions"), i), errors));
    }
    if (const Json* list = reader.optionalArray("keys")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            application.keys.push_back(
                KeyPair::fromJson((*list)[i], jsonIndexPath(reader.childPath("keys"), i), errors));
    }
    if (const Json* list = reader.optionalArray("budgets")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const QString path = jsonIndexPath(reader.childPath("budgets"), i);
            PlanLimit budget = PlanLimit::fromJson((*list)[i], path, errors);
            if (budget.metric != PlanLimit::Metric::Usd)
                reader.addError(path + QStringLiteral(".metric"),
                                QCoreApplication::translate("Application", "a budget is in usd"));
            application.budgets.push_back(budget);
        }
    }
    return application;
}

} // namespace gatehouse
