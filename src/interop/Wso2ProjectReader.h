#pragma once

#include "core/Api.h"
#include "core/Json.h"
#include "core/Result.h"
#include "interop/ProjectFiles.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace gatehouse {

class Workspace;
struct PolicyAttribute;
struct PolicyDefinition;
struct Provider;

// Reads an apictl API project (from Gatehouse or from WSO2 API Manager itself) into a new Api:
// the AI provider, the endpoints of api.yaml and endpoints.yaml, the operations with summaries and
// samples from Definitions/swagger.yaml, and the policies at API and operation level, whose router
// configurations may be written with '"' or with WSO2's '\''. What has no Gatehouse counterpart is
// left out and listed in unmapped(), one line each.
class Wso2ProjectReader {
    Q_DECLARE_TR_FUNCTIONS(Wso2ProjectReader)

public:
    // `displaySource` prefixes file names in errors ("/tmp/p/api.yaml:3:5: ...").
    Wso2ProjectReader(const Workspace& workspace, const ProjectFiles& files, QString displaySource);

    Result<Api> read();
    const QStringList& unmapped() const { return m_unmapped; }

private:
    Result<Json> parseFile(const QString& relativePath) const;
    QString displayName(const QString& relativePath) const;
    Result<const Provider*> readProvider(const Json& data);
    void readEndpoints(const Json& data, const Json& endpointsFile, Api& api);
    std::optional<Endpoint> endpointFrom(const Json& config, Stage stage, const QString& id,
                                         const QString& name, const QString& path);
    void readOperations(const Json& data, const Json& swagger, Api& api);
    PolicyFlows readFlows(const Json& json, const QString& scopePath);
    std::optional<PolicyAttachment> readAttachment(const Json& json, FlowKind flow, const QString& path);
    std::optional<Json> readParameter(const PolicyDefinition& definition, const PolicyAttribute& attribute,
                                      const Json& value, const QString& path);
    void readPlans(const Json& data);
    void note(const QString& line) { m_unmapped.append(line); }

    const Workspace& m_workspace;
    const ProjectFiles& m_files;
    QString m_displaySource;
    QString m_root; // "" or "SmartChat-1.0.0/"
    QStringList m_unmapped;
};

} // namespace gatehouse
