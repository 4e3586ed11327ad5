#pragma once

#include "core/LifecycleState.h"
#include "core/Provider.h"
#include "core/Stage.h"
#include "gateway/policies/GatewayPolicy.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <memory>
#include <vector>

namespace gatehouse {

// A deployed revision compiled for serving: endpoints with their resolved URL and auth header,
// operations with their path templates split once, and policies turned into runtime steps. Built in
// the control thread, then read-only and shared by every worker.
// A policy of a flow: one GatewayPolicy, built once per deployed revision (see PolicyRegistry).
using RuntimePolicy = std::shared_ptr<const GatewayPolicy>;

struct RuntimeFlows {
    std::vector<RuntimePolicy> request;
    std::vector<RuntimePolicy> response;
    std::vector<RuntimePolicy> fault;
};

struct RuntimeEndpoint {
    QString id;
    QString name;
    Stage stage = Stage::Production;
    QString baseUrl; // resolved: the Demo provider's mock:// is replaced by the in-process mock's address
    QByteArray authHeader;
    QByteArray authValue; // empty: no key
    bool authInQuery = false;
    int connectTimeoutMs = 10000;
    int timeoutMs = 300000;
};

struct RuntimeOperation {
    QByteArray verb;
    QString key;                      // "POST /chat/completions"
    std::vector<QByteArray> segments; // "{id}" segments match anything
    RuntimeFlows flows;               // API-level policies first, then the operation's

    bool matchesPath(const std::vector<QByteArray>& resourceSegments) const;
};

struct RuntimeApi {
    QString id;
    QString name;
    QString context;
    QString version;
    int revision = 0;
    LifecycleState lifecycle = LifecycleState::Created;
    bool isAi = true;
    bool isDefaultVersion = false; // as the deployed revision says
    Provider provider;
    std::vector<RuntimeEndpoint> endpoints;
    std::vector<RuntimeOperation> operations;
    std::array<QString, 2> primaryEndpointIds; // by stage; empty: not set

    const RuntimeEndpoint* endpoint(const QString& endpointId) const;
    // The endpoint set as the stage's primary, else the stage's default endpoint, else its first;
    // nullptr when the stage has none.
    const RuntimeEndpoint* primaryEndpoint(Stage stage) const;

    struct Match {
        const RuntimeOperation* operation = nullptr;
        bool pathKnown = false; // some operation has this path, with another verb (405)
    };
    Match match(const QByteArray& verb, const QByteArray& resourcePath) const;

    static std::vector<QByteArray> splitPath(const QByteArray& path);
};

} // namespace gatehouse
