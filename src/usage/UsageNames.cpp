#include "usage/UsageNames.h"

#include "core/Workspace.h"

namespace gatehouse {

UsageNames::UsageNames(const Workspace& workspace) {
    for (const Application& application : workspace.applications())
        m_applications.insert(application.id, application.name);
    QHash<QString, int> versionsOf;
    for (const Api& api : workspace.apis())
        ++versionsOf[api.name.toLower()];
    for (const Api& api : workspace.apis())
        m_apis.insert(api.id, versionsOf.value(api.name.toLower()) > 1
                                  ? api.name + QLatin1Char(':') + api.version
                                  : api.name);
}

QString UsageNames::application(const QString& applicationId) const {
    return m_applications.value(applicationId, applicationId);
}

QString UsageNames::api(const QString& apiId, const QString& loggedName) const {
    if (const auto found = m_apis.constFind(apiId); found != m_apis.constEnd())
        return *found;
    return loggedName.isEmpty() ? apiId : loggedName;
}

} // namespace gatehouse
