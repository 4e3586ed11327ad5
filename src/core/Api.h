#pragma once

#include "core/Endpoint.h"
#include "core/LifecycleState.h"
#include "core/Operation.h"
#include "core/PolicyFlows.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <array>
#include <vector>

namespace gatehouse {

// What the Publisher edits: the design state of one API. Revisions are immutable copies of it.
struct Api {
    Q_DECLARE_TR_FUNCTIONS(Api)

public:
    static constexpr const char* TypeAi = "AIAPI";
    static constexpr const char* TypeHttp = "HTTP";

    QString id; // stable folder name, chosen at creation, never changed by a rename
    QString name;
    QString context; // "smartchat": the first segment of the gateway URL
    QString version; // "1.0.0"
    QString description;
    QString type = QLatin1String(TypeAi);
    QString providerId; // empty for plain HTTP APIs
    // WSO2's isDefaultVersion: the gateway also serves this version at "/<context>/..." without one.
    bool isDefaultVersion = false;
    LifecycleState lifecycle = LifecycleState::Created;
    std::vector<Endpoint> endpoints;
    std::vector<Operation> operations;
    PolicyFlows apiPolicies;
    // WSO2's primaryProductionEndpointId / primarySandboxEndpointId ("Set as Primary"); empty: the
    // stage's default endpoint, else its first.
    std::array<QString, 2> primaryEndpointIds;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isAiApi() const { return type == QLatin1String(TypeAi); }
    // WSO2's field name: "primaryProductionEndpointId", "primarySandboxEndpointId".
    static const char* primaryEndpointKey(Stage stage);
    // "/smartchat/1.0.0": where the gateway serves it.
    QString basePath() const;

    const Endpoint* endpoint(const QString& endpointId) const;
    Endpoint* endpoint(const QString& endpointId);
    std::vector<const Endpoint*> endpointsOf(Stage stage) const;
    // Where a stage's requests go when no model router picks an endpoint: the one set as primary, else
    // the stage's default endpoint, else its first one; nullptr when the stage has none.
    const Endpoint* primaryEndpoint(Stage stage) const;
    QString primaryEndpointId(Stage stage) const { return primaryEndpointIds[std::size_t(stage)]; }
    void setPrimaryEndpointId(Stage stage, const QString& endpointId) {
        primaryEndpointIds[std::size_t(stage)] = endpointId;
    }

    const Operation* operation(const QString& verb, const QString& path) const;
    Operation* operation(const QString& verb, const QString& path);
    const Operation* operationByKey(const QString& key) const; // "POST /chat/completions"
    Operation* operationByKey(const QString& key);

    bool operator==(const Api& other) const;
    bool operator!=(const Api& other) const { return !(*this == other); }

    Json toJson() const;
    static Api fromJson(const Json& json, QStringList* errors);
};

} // namespace gatehouse
