#include "DemoSession.h"

#include "DemoWorkspaceFolder.h"

namespace gatehouse::test {

bool DemoSession::start(QString* error, bool withGateway) {
    if (!m_folder.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_folder.errorString());
        return false;
    }
    if (!openDemoWorkspace(m_workspace, m_folder.path(), error))
        return false;
    m_session = std::make_unique<GatehouseSession>(&m_workspace, &m_secrets);
    return !withGateway || m_session->startGateway(QStringLiteral("127.0.0.1:0"), error);
}

} // namespace gatehouse::test
