#pragma once

#include "core/MemorySecretStore.h"
#include "core/Workspace.h"
#include "gui/GatehouseSession.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace gatehouse::test {

// What GUI tests start from: the demo workspace in a temporary folder, an in-memory secret store and
// a session over them, its gateway on 127.0.0.1:0 unless asked otherwise.
class DemoSession {
public:
    // False with `error` set when the workspace cannot be made or the gateway does not start.
    bool start(QString* error, bool withGateway = true);

    Workspace& workspace() { return m_workspace; }
    MemorySecretStore& secrets() { return m_secrets; }
    GatehouseSession& session() { return *m_session; }
    QString directory() const { return m_folder.path(); }

private:
    QTemporaryDir m_folder;
    Workspace m_workspace;
    MemorySecretStore m_secrets;
    std::unique_ptr<GatehouseSession> m_session;
};

} // namespace gatehouse::test
