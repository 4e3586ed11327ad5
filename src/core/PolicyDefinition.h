#pragma once

#include "core/FlowKind.h"
#include "core/PolicyAttribute.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// A catalogue entry: what a policy is called, where it may sit and the schema of its parameters.
struct PolicyDefinition {
    Q_DECLARE_TR_FUNCTIONS(PolicyDefinition)

public:
    QString name; // "modelWeightedRoundRobin": the id WSO2 uses too
    QString displayName;
    QString description;
    QString category;
    QString group = QStringLiteral("common"); // "common" or "api" (API-specific), as WSO2 groups them
    QString version = QStringLiteral("v1");
    QString policyType = QStringLiteral("common");
    std::vector<FlowKind> flows;
    QStringList apiTypes;
    // Policies sharing a group are mutually exclusive on one operation (API level included):
    // two load-balancing strategies would fight over the same request.
    QString exclusiveGroup;
    // Non-empty for the model routers: "modelRoundRobin", "modelWeightedRoundRobin", "modelFailover".
    QString router;
    // Gatehouse's own policy, unknown to WSO2: left out of WSO2 exports, with a warning.
    bool gatehouseOnly = false;
    std::vector<PolicyAttribute> attributes;

    bool isModelRouter() const { return !router.isEmpty(); }
    bool allowsFlow(FlowKind flow) const;
    bool appliesToApiType(const QString& apiType) const;
    const PolicyAttribute* attribute(const QString& attributeName) const;
    // Parameters filled with each attribute's default (routers get an empty configuration).
    Json defaultParameters() const;

    static Result<PolicyDefinition> fromJson(const Json& json);
};

} // namespace gatehouse
