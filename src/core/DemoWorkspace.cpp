#include "core/DemoWorkspace.h"

#include "core/ApiFactory.h"
#include "core/Workspace.h"

#include <QStandardPaths>

namespace gatehouse {

bool DemoWorkspace::populate(Workspace& workspace, QString* error) {
    if (workspace.findApi(QLatin1String(ApiName)))
        return true;
    const Provider* demo = workspace.provider(QStringLiteral("demo"));
    if (!demo) {
        if (error)
            *error = tr("the built-in Demo provider is missing");
        return false;
    }
    ApiFactory::Request request;
    request.id = workspace.newApiId(QLatin1String(ApiName), QStringLiteral("1.0.0"));
    request.name = QLatin1String(ApiName);
    request.context = QStringLiteral("smartchat");
    request.version = QStringLiteral("1.0.0");
    request.description =
        QStringLiteral("The Gatehouse tutorial API: chat completions on the offline Demo "
                       "provider. Attach Model Weighted Round Robin to POST /chat/completions.");
    request.sandboxUrl = demo->defaultBaseUrl;
    if (!workspace.saveApi(ApiFactory::createAiApi(*demo, request)).ok(error))
        return false;
    // The semantic policies work offline here: the mock embeds text too.
    if (!workspace.settings().embeddings.isConfigured()) {
        WorkspaceSettings settings = workspace.settings();
        settings.embeddings.endpoint = QLatin1String(EmbeddingSettings::demoEndpoint);
        return workspace.saveSettings(settings).ok(error);
    }
    return true;
}

QString DemoWorkspace::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/demo-workspace");
}

} // namespace gatehouse
