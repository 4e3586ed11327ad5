#pragma once

#include "core/Api.h"
#include "core/Result.h"
#include "core/Stage.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <map>

namespace gatehouse {

class Workspace;

// Where a try-out request goes, resolved once for the GUI's console and gatehouse-ctl invoke alike:
// the operation in the deployed revision (what the gateway serves, which may differ from the design
// being edited), its URL on the gateway, and the weights its model router is configured with there.
class InvokeTarget {
    Q_DECLARE_TR_FUNCTIONS(InvokeTarget)

public:
    // `path` is concrete ("/models/gpt-4o"); an operation's template segments ("{id}") match any
    // segment. Fails with NotFound when the API is not deployed, Invalid when the deployed revision
    // has no such operation, Unreadable when the revision cannot be read.
    static Result<InvokeTarget> resolve(const Workspace& workspace, const QString& apiId, const QString& verb,
                                        const QString& path, const QString& query, Stage keyType,
                                        const QUrl& gateway);

    const Api& api() const { return m_api; } // the deployed revision's design
    int revision() const { return m_revision; }
    const Operation& operation() const { return m_operation; }
    const QUrl& url() const { return m_url; }
    const std::map<QString, double>& configuredWeights() const { return m_configuredWeights; }

private:
    Api m_api;
    int m_revision = 0;
    Operation m_operation;
    QUrl m_url;
    std::map<QString, double> m_configuredWeights;
};

} // namespace gatehouse
