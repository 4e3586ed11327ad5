#pragma once

#include "core/BusinessPlan.h"
#include "core/PriceCatalogue.h"
#include "core/Stage.h"
#include "gateway/RuntimeApi.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

namespace gatehouse {

// Everything a worker needs to serve a request, as one immutable snapshot: swapped whole on a
// deployment, so a request in flight keeps the configuration it started with.
class GatewayConfig {
public:
    struct Credential {
        QString applicationId;
        Stage keyType = Stage::Production;
        QByteArray secret;
        qint64 tokensValidAfterSeconds = 0; // tokens issued before are revoked
    };
    struct Application {
        QString id;
        QString name;
        int tokenValiditySeconds = 3600;
        QHash<QString, QString> planByApiId; // subscriptions
        std::vector<PlanLimit> budgets;      // the application's own, in USD, across its APIs
    };
    struct Route {
        const RuntimeApi* api = nullptr;
        QByteArray resourcePath; // what follows /<context>/<version>, starting with '/'
    };

    void addApi(std::shared_ptr<const RuntimeApi> api);
    // Also serves `api` at "/<context>/..." without a version (WSO2's default version); added APIs only.
    void addDefaultVersion(std::shared_ptr<const RuntimeApi> api);
    // A versioned base path wins over a default version's: "/org/chat/..." is context "org" at version
    // "chat" if that is deployed, before it is the default version of context "org/chat".
    Route route(const QByteArray& path) const;
    const std::vector<std::shared_ptr<const RuntimeApi>>& apis() const { return m_apiList; }

    QHash<QString, Credential> credentials;   // by consumer key
    QHash<QString, Application> applications; // by id
    QHash<QString, BusinessPlan> plans;       // by lower-case name
    QByteArray signingKey;
    // Model prices: the shipped ones with the workspace's prices.json over them.
    std::shared_ptr<const PriceCatalogue> prices = std::make_shared<PriceCatalogue>();
    QStringList problems; // deployments that could not be served, and why

    const BusinessPlan* plan(const QString& name) const;

private:
    QHash<QByteArray, std::shared_ptr<const RuntimeApi>> m_byBasePath; // "/smartchat/1.0.0"
    QHash<QByteArray, std::shared_ptr<const RuntimeApi>> m_byContext;  // "/smartchat": default versions
    int m_maxContextSegments = 0;
    std::vector<std::shared_ptr<const RuntimeApi>> m_apiList;
    int m_maxBaseSegments = 2;
};

} // namespace gatehouse
