#pragma once

#include "core/Result.h"
#include "core/Revision.h"

#include <QObject>
#include <QString>
#include <memory>

namespace gatehouse {

class Gateway;
class MockLlmServer;
class SecretStore;
class Workspace;

// What one window works on: the workspace, the secret store, and the local gateway running inside
// the app on its own threads (with the Demo provider's mock, started the first time an API needs it).
class GatehouseSession : public QObject {
    Q_OBJECT
public:
    GatehouseSession(Workspace* workspace, SecretStore* secrets, QObject* parent = nullptr);
    ~GatehouseSession() override;

    Workspace* workspace() const { return m_workspace; }
    SecretStore* secrets() const { return m_secrets; }
    Gateway* gateway() const { return m_gateway.get(); }

    // Starts (or restarts on another address) the in-app gateway; "host:port", port 0 for any.
    bool startGateway(const QString& listen, QString* error);
    QString gatewayError() const { return m_gatewayError; }
    // Snapshots the saved API as a new revision and makes it live on the in-app gateway at once.
    Result<Revision> deploy(const QString& apiId, const QString& description);
    // Makes an existing revision live again (a rollback).
    bool deployRevision(const QString& apiId, int revision, QString* error);
    bool undeploy(const QString& apiId, QString* error);
    QString mockBaseUrl() const;
    // Starts the Demo provider's mock when it does not run yet; its base URL, or empty when it cannot
    // listen. The gateway asks for it the first time an API needs it, Fetch models too.
    QString ensureMock();

Q_SIGNALS:
    void gatewayStateChanged();
    void deployed(const QString& apiId, int revision);

private:
    Workspace* m_workspace;
    SecretStore* m_secrets;
    std::unique_ptr<MockLlmServer> m_mock;
    std::unique_ptr<Gateway> m_gateway;
    QString m_gatewayError;
};

} // namespace gatehouse
