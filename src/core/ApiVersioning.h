#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

class SecretStore;
class Workspace;

// WSO2 Publisher's "Create New Version" and "default version". A new version is a copy of an API with
// its operations, endpoints, policies and primary endpoints, under its own id and base path
// ("/<context>/<version>"), in the CREATED state, with no revisions: it is deployed on its own. Endpoint
// keys are copied from secret store entry to secret store entry, never through a file. Business plans
// are the workspace's and apply to every version already. Subscriptions are not copied (WSO2 does not
// either): applications subscribe to the version they use.
//
// The default version of a context is the one the gateway also serves at "/<context>/..." without a
// version; at most one API of a context is marked so.
class ApiVersioning {
    Q_DECLARE_TR_FUNCTIONS(ApiVersioning)

public:
    struct Created {
        QString apiId;
        QStringList keysCopied; // endpoint ids whose key was copied
    };

    // Under the workspace lock: validates, copies the keys, then saves; on a failure nothing is left
    // behind (keys written are removed again).
    static Result<Created> createVersion(Workspace& workspace, SecretStore& secrets, const QString& apiId,
                                         const QString& version, bool makeDefault);
    // Marks `apiId` the default version of its context (and no other API of that context), or unmarks it.
    static Status setDefaultVersion(Workspace& workspace, const QString& apiId, bool isDefault = true);
};

} // namespace gatehouse
