#include "console/InvokeTarget.h"

#include "console/ConfiguredWeights.h"
#include "core/Workspace.h"

#include <QStringList>

namespace gatehouse {

Result<InvokeTarget> InvokeTarget::resolve(const Workspace& workspace, const QString& apiId,
                                           const QString& verb, const QString& path, const QString& query,
                                           Stage keyType, const QUrl& gateway) {
    const Api* designed = workspace.api(apiId);
    const QString name = designed ? designed->name : apiId;
    const Deployment* deployment = workspace.deployment(apiId);
    if (!deployment)
        return Result<InvokeTarget>::failure(
            ErrorCode::NotFound, tr("%1 is not deployed, so the gateway does not serve it").arg(name));
    Result<Revision> revision = workspace.revision(apiId, deployment->revision);
    if (!revision)
        return Result<InvokeTarget>::failureOf(revision);

    InvokeTarget target;
    target.m_revision = revision->number;
    target.m_api = std::move(revision.value().api);
    const Operation* operation = target.m_api.operation(verb, path);
    for (auto it = target.m_api.operations.cbegin(); !operation && it != target.m_api.operations.cend();
         ++it) {
        if (it->verb == verb && it->matchesPath(path))
            operation = &*it;
    }
    if (!operation) {
        QStringList known;
        for (const Operation& each : target.m_api.operations)
            known.append(each.key());
        //: %1 is an API, %3 %4 an operation's verb and path, %5 the API's operations.
        return Result<InvokeTarget>::failure(ErrorCode::Invalid,
                                             tr("%1 (revision %2) has no operation \"%3 %4\"; it has: %5")
                                                 .arg(target.m_api.name)
                                                 .arg(target.m_revision)
                                                 .arg(verb, path, known.join(QStringLiteral(", "))));
    }
    target.m_operation = *operation;
    target.m_configuredWeights = ConfiguredWeights::of(target.m_api, *operation, keyType);

    target.m_url = gateway;
    QString basePath = gateway.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    target.m_url.setPath(basePath + target.m_api.basePath() + path);
    if (!query.isEmpty())
        target.m_url.setQuery(query);
    return Result<InvokeTarget>::success(std::move(target));
}

} // namespace gatehouse
