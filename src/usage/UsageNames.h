#pragma once

#include <QHash>
#include <QString>

namespace gatehouse {

class Workspace;

// The names people know for the ids the access log records: applications by their name in the
// workspace, APIs by theirs (with the version when several versions share the name). An id the
// workspace no longer knows (a deleted application) is shown as it is.
class UsageNames {
public:
    UsageNames() = default;
    explicit UsageNames(const Workspace& workspace);

    // The application's name; its id when the workspace does not know it; empty for no application
    // (a call refused before it was authenticated).
    QString application(const QString& applicationId) const;
    // The API's name ("Name:version" when several versions share it); else the name the log gave it;
    // else its id.
    QString api(const QString& apiId, const QString& loggedName) const;

private:
    QHash<QString, QString> m_applications;
    QHash<QString, QString> m_apis;
};

} // namespace gatehouse
