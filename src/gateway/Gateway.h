#pragma once

#include "core/Result.h"
#include "core/SharedStateSettings.h"
#include "gateway/GatewayConfigBuilder.h"
#include "gateway/HttpLimits.h"
#include "gateway/ListenAddress.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace gatehouse {

class GatewayRuntime;
class HttpServer;
class SecretStore;
class SharedStateMonitor;
class Workspace;

// The local gateway as one object: serves the deployed revisions of a workspace folder on worker
// threads, with an admin listener on loopback. It reads the workspace through its own Workspace
// instance and notices new deployments, applications and keys by itself (within half a second),
// whoever made them: the GUI, gatehouse-ctl or another machine's sync.
class Gateway : public QObject {
    Q_OBJECT
public:
    struct Options {
        ListenAddress listen; // 127.0.0.1 unless set
        ListenAddress admin;  // port 0: any free port; always loopback
        bool enableAdmin = true;
        int workerThreads = 0; // 0: one per core
        int watchIntervalMs = 300;
        HttpLimits limits; // of the API listener
        // Both set: the API listener speaks HTTPS with this PEM certificate (chain) and private key.
        QString tlsCertificateFile;
        QString tlsKeyFile;
        // Set: share state through the Redis at this URL, whatever the workspace's sharedState says
        // (`gatehouse-gateway --redis`).
        QString redisUrl;
    };

    Gateway(QString workspaceDirectory, SecretStore* secrets, QObject* parent = nullptr);
    ~Gateway() override;

    void setMockResolver(GatewayConfigBuilder::MockResolver resolver);

    bool start(const Options& options, QString* error);
    void stop();
    bool isRunning() const;
    // Rebuilds the configuration from the workspace now (a deployment from this process).
    bool reload(QString* error);

    quint16 port() const;
    quint16 adminPort() const;
    QHostAddress address() const;
    QHostAddress adminAddress() const;
    bool isEncrypted() const;
    // Open connections on the API listener.
    int connectionCount() const;
    QString baseUrl() const; // "http://127.0.0.1:8280", "https://..." with TLS
    std::shared_ptr<GatewayRuntime> runtime() const { return m_runtime; }
    // The workspace's sharedState with the --redis override applied; an error for a bad override.
    static Result<SharedStateSettings> effectiveSharedState(const SharedStateSettings& workspace,
                                                            const QString& redisUrl);
    // Deployments that could not be served and other configuration problems of the last build.
    QStringList problems() const;

Q_SIGNALS:
    void reloaded();
    void reloadFailed(const QString& error);

private:
    QByteArray workspaceSignature() const;
    void checkForChanges();
    void writeRuntimeFile();
    void removeRuntimeFile();

    QString m_directory;
    SecretStore* m_secrets;
    std::unique_ptr<Workspace> m_workspace;
    GatewayConfigBuilder::MockResolver m_mockResolver;
    std::unique_ptr<GatewayConfigBuilder> m_builder;
    std::shared_ptr<GatewayRuntime> m_runtime;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<HttpServer> m_adminServer;
    std::unique_ptr<SharedStateMonitor> m_sharedStateMonitor;
    QTimer* m_watchTimer;
    QTimer* m_flushTimer;
    QByteArray m_signature;
    Options m_options;
};

} // namespace gatehouse
