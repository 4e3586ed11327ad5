#include "gui/GatehouseSession.h"

#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/ListenAddress.h"
#include "mock-llm/MockLlmServer.h"

namespace gatehouse {

GatehouseSession::GatehouseSession(Workspace* workspace, SecretStore* secrets, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_secrets(secrets) {
}

GatehouseSession::~GatehouseSession() {
    m_gateway.reset(); // before the mock it may be calling
    m_mock.reset();
}

QString GatehouseSession::mockBaseUrl() const {
    return m_mock ? QStringLiteral("http://127.0.0.1:%1").arg(m_mock->port()) : QString();
}

QString GatehouseSession::ensureMock() {
    if (!m_mock) {
        m_mock = std::make_unique<MockLlmServer>(1);
        QString mockError;
        if (!m_mock->listen(QHostAddress(QHostAddress::LocalHost), 0, &mockError)) {
            m_mock.reset();
            return {};
        }
    }
    return mockBaseUrl();
}

bool GatehouseSession::startGateway(const QString& listen, QString* error) {
    const auto address = ListenAddress::parse(listen, error);
    if (!address)
        return false;
    m_gateway = std::make_unique<Gateway>(m_workspace->directory(), m_secrets);
    m_gateway->setMockResolver([this] { return ensureMock(); });
    Gateway::Options options;
    options.listen = *address;
    options.admin = {QHostAddress(QHostAddress::LocalHost), 0};
    options.workerThreads = 2;
    const bool started = m_gateway->start(options, error);
    m_gatewayError = started ? QString() : (error ? *error : QString());
    if (!started)
        m_gateway.reset();
    Q_EMIT gatewayStateChanged();
    return started;
}

Result<Revision> GatehouseSession::deploy(const QString& apiId, const QString& description) {
    Result<Revision> revision = m_workspace->createRevision(apiId, description);
    if (!revision)
        return revision;
    QString error;
    if (!m_workspace->deploy(apiId, revision->number).ok(&error))
        return Result<Revision>::failure(error);
    if (m_gateway && !m_gateway->reload(&error))
        return Result<Revision>::failure(tr("revision %1 is deployed, but the gateway cannot load it: %2")
                                             .arg(revision->number)
                                             .arg(error));
    Q_EMIT deployed(apiId, revision->number);
    return revision;
}

bool GatehouseSession::deployRevision(const QString& apiId, int revision, QString* error) {
    if (!m_workspace->deploy(apiId, revision).ok(error))
        return false;
    if (m_gateway && !m_gateway->reload(error))
        return false;
    Q_EMIT deployed(apiId, revision);
    return true;
}

bool GatehouseSession::undeploy(const QString& apiId, QString* error) {
    if (!m_workspace->undeploy(apiId).ok(error))
        return false;
    return !m_gateway || m_gateway->reload(error);
}

} // namespace gatehouse
