#pragma once

#include "core/Api.h"
#include "core/Json.h"
#include "interop/ProjectFiles.h"

#include <QCoreApplication>
#include <QStringList>

namespace gatehouse {

class Workspace;
struct PolicyAttribute;
struct Provider;

// Turns one API into the documents of an apictl API project (api.yaml, api_meta.yaml,
// deployment_environments.yaml, Definitions/swagger.yaml, endpoints.yaml), as WSO2 API Manager 4.5
// exports them. Secrets never enter: the Api value holds none, and endpoint security is written
// without a key value. Settings WSO2 has no place for are left out and named in warnings().
class Wso2ProjectWriter {
    Q_DECLARE_TR_FUNCTIONS(Wso2ProjectWriter)

public:
    Wso2ProjectWriter(const Workspace& workspace, const Api& api);

    ProjectFiles write();
    const QStringList& warnings() const { return m_warnings; }

private:
    Json apiDocument();
    Json endpointConfig(const Endpoint* production, const Endpoint* sandbox) const;
    Json endpointUrlEntry(const Endpoint& endpoint) const;
    Json endpointSecurity() const;
    Json endpointsDocument() const;
    Json operationsList();
    Json flowsJson(const PolicyFlows& flows, const QString& scopePath);
    Json parametersJson(const PolicyAttachment& attachment, const QString& path);
    void leaveOutGatehouseOnly(const PolicyAttribute& attribute, Json& value, const QString& path);
    Json swaggerDocument() const;
    Json metaDocument() const;
    Json environmentsDocument() const;
    void checkEndpointSettings();

    const Workspace& m_workspace;
    const Api& m_api;
    const Provider* m_provider;
    QStringList m_warnings;
};

} // namespace gatehouse
