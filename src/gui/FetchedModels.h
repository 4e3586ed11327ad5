#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse {

// What the Endpoints page's "Fetch models" found, per API, for as long as the app runs, so that the
// router form offers those models too. Never saved: the upstream's list changes, and a workspace file
// that held it would say more than anyone checked. GUI thread only.
class FetchedModels {
public:
    // The latest list `endpointId` of the API gave (replacing its earlier one).
    static void remember(const QString& workspaceDirectory, const QString& apiId, const QString& endpointId,
                         const QStringList& models);
    // Every endpoint's latest list, each model once, in the order they were fetched.
    static QStringList of(const QString& workspaceDirectory, const QString& apiId);
};

} // namespace gatehouse
