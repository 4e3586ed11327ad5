#include "gateway/Gateway.h"

#include "core/JsonFile.h"
#include "core/PriceCatalogue.h"
#include "core/RedisAddress.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gateway/AdminHandler.h"
#include "gateway/GatewayHandler.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/HttpServer.h"
#include "gateway/SharedStateMonitor.h"
#include "gateway/TlsCredentials.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

namespace gatehouse {

namespace {
const QString runtimeFile = QStringLiteral("run/gateway.json");

void addFileState(QCryptographicHash& hash, const QString& path) {
    const QFileInfo info(path);
    hash.addData(path.toUtf8());
    if (info.exists()) {
        hash.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
        hash.addData(QByteArray::number(info.size()));
    }
}
} // namespace

Gateway::Gateway(QString workspaceDirectory, SecretStore* secrets, QObject* parent)
    : QObject(parent), m_directory(std::move(workspaceDirectory)), m_secrets(secrets),
      m_workspace(std::make_unique<Workspace>()), m_watchTimer(new QTimer(this)),
      m_flushTimer(new QTimer(this)) {
    connect(m_watchTimer, &QTimer::timeout, this, &Gateway::checkForChanges);
    connect(m_flushTimer, &QTimer::timeout, this, [this] {
        if (m_runtime)
            m_runtime->accessLog().flush();
    });
}

Gateway::~Gateway() {
    stop();
}

void Gateway::setMockResolver(GatewayConfigBuilder::MockResolver resolver) {
    m_mockResolver = std::move(resolver);
}

bool Gateway::start(const Options& options, QString* error) {
    stop();
    m_options = options;
    std::optional<QSslConfiguration> tls;
    if (!options.tlsCertificateFile.isEmpty() || !options.tlsKeyFile.isEmpty()) {
        if (options.tlsCertificateFile.isEmpty() || options.tlsKeyFile.isEmpty()) {
            if (error)
                *error = QStringLiteral("TLS needs both a certificate and a private key");
            return false;
        }
        tls = TlsCredentials::load(options.tlsCertificateFile, options.tlsKeyFile, error);
        if (!tls)
            return false;
    }
    if (!m_workspace->open(m_directory).ok(error))
        return false;
    m_builder = std::make_unique<GatewayConfigBuilder>(m_secrets, m_mockResolver);
    const Result<SharedStateSettings> sharedState =
        effectiveSharedState(m_workspace->settings().sharedState, options.redisUrl);
    if (!sharedState) {
        if (error)
            *error = sharedState.error();
        return false;
    }
    QString redisPassword;
    if (sharedState->backend == SharedStateSettings::Backend::Redis && m_secrets) {
        const SecretStore::ReadResult password = m_secrets->read(SecretStore::redisPasswordKeyName());
        if (password.status == SecretStore::Status::Error) {
            if (error)
                *error = QStringLiteral("cannot read the Redis password from the secret store: %1")
                             .arg(password.error);
            return false;
        }
        redisPassword = password.value;
    }
    m_runtime = std::make_shared<GatewayRuntime>(m_workspace->filePath(QStringLiteral("logs")),
                                                 sharedState.value(), redisPassword);
    m_signature = workspaceSignature();
    std::shared_ptr<GatewayConfig> config = m_builder->build(*m_workspace, error);
    if (!config) {
        if (error)
            *error = QStringLiteral("cannot prepare the gateway: %1").arg(*error);
        return false;
    }
    m_runtime->setConfig(std::move(config));

    const int threads =
        options.workerThreads > 0 ? options.workerThreads : qMax(1, QThread::idealThreadCount());
    const std::shared_ptr<GatewayRuntime> runtime = m_runtime;
    m_server = std::make_unique<HttpServer>([runtime] { return std::make_unique<GatewayHandler>(runtime); },
                                            threads, options.limits);
    if (tls)
        m_server->setTlsConfiguration(*tls);
    if (!m_server->listen(options.listen.host, options.listen.port, error)) {
        m_server.reset();
        return false;
    }
    if (options.enableAdmin) {
        m_adminServer =
            std::make_unique<HttpServer>([runtime] { return std::make_unique<AdminHandler>(runtime); }, 1);
        QHostAddress adminHost =
            options.admin.host.isNull() ? QHostAddress(QHostAddress::LocalHost) : options.admin.host;
        if (!adminHost.isLoopback())
            adminHost = QHostAddress(QHostAddress::LocalHost); // metrics and status never leave the machine
        if (!m_adminServer->listen(adminHost, options.admin.port, error)) {
            m_adminServer.reset();
            m_server.reset();
            return false;
        }
    }
    if (m_runtime->sharedState().isShared()) {
        m_runtime->sharedState().setExpectedSessions(threads + (options.enableAdmin ? 1 : 0));
        m_sharedStateMonitor = std::make_unique<SharedStateMonitor>(m_runtime);
        m_sharedStateMonitor->start();
    }
    writeRuntimeFile();
    m_watchTimer->start(options.watchIntervalMs);
    m_flushTimer->start(1000);
    return true;
}

void Gateway::stop() {
    m_watchTimer->stop();
    m_flushTimer->stop();
    const bool wasRunning = m_server != nullptr;
    m_server.reset();
    m_adminServer.reset();
    m_sharedStateMonitor.reset();
    if (m_runtime)
        m_runtime->accessLog().flush();
    if (wasRunning)
        removeRuntimeFile();
}

Result<SharedStateSettings> Gateway::effectiveSharedState(const SharedStateSettings& workspace,
                                                          const QString& redisUrl) {
    SharedStateSettings settings = workspace;
    if (!redisUrl.isEmpty()) {
        settings.backend = SharedStateSettings::Backend::Redis;
        settings.url = redisUrl;
    }
    if (settings.backend == SharedStateSettings::Backend::Redis) {
        if (const Result<RedisAddress> address = RedisAddress::parse(settings.url); !address)
            return Result<SharedStateSettings>::failure(QStringLiteral("--redis: %1").arg(address.error()));
    }
    return Result<SharedStateSettings>::success(settings);
}

bool Gateway::isRunning() const {
    return m_server && m_server->isListening();
}

quint16 Gateway::port() const {
    return m_server ? m_server->port() : 0;
}

quint16 Gateway::adminPort() const {
    return m_adminServer ? m_adminServer->port() : 0;
}

QHostAddress Gateway::address() const {
    return m_server ? m_server->address() : QHostAddress();
}

QHostAddress Gateway::adminAddress() const {
    return m_adminServer ? m_adminServer->address() : QHostAddress();
}

bool Gateway::isEncrypted() const {
    return m_server && m_server->isEncrypted();
}

int Gateway::connectionCount() const {
    return m_server ? m_server->connectionCount() : 0;
}

QString Gateway::baseUrl() const {
    ListenAddress address{m_server ? m_server->address() : QHostAddress(), port()};
    if (address.host == QHostAddress::AnyIPv4 || address.host == QHostAddress::Any)
        address.host = QHostAddress(QHostAddress::LocalHost);
    return (isEncrypted() ? QStringLiteral("https://") : QStringLiteral("http://")) + address.toString();
}

QStringList Gateway::problems() const {
    QStringList list = m_workspace->problems();
    if (m_runtime)
        list += m_runtime->config()->problems;
    return list;
}

bool Gateway::reload(QString* error) {
    if (!m_runtime) {
        if (error)
            *error = QStringLiteral("the gateway is not running");
        return false;
    }
    m_signature = workspaceSignature();
    QString reason;
    bool ok = m_workspace->reload().ok(&reason);
    std::shared_ptr<GatewayConfig> config = ok ? m_builder->build(*m_workspace, &reason) : nullptr;
    if (!config) {
        if (error)
            *error = reason;
        Q_EMIT reloadFailed(reason);
        return false; // the previous configuration keeps serving
    }
    m_runtime->setConfig(std::move(config));
    Q_EMIT reloaded();
    return true;
}

QByteArray Gateway::workspaceSignature() const {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    addFileState(hash, m_workspace->filePath(QStringLiteral("workspace.json")));
    addFileState(hash, m_workspace->filePath(QStringLiteral("deployments.json")));
    addFileState(hash, m_workspace->filePath(PriceCatalogue::workspaceFileName));
    const QDir applications(m_workspace->filePath(QStringLiteral("applications")));
    for (const QString& name : applications.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        addFileState(hash, applications.filePath(name));
    // Deployed APIs' design files: a changed backend key marks its endpoint there.
    for (const Deployment& deployment : m_workspace->deployments())
        addFileState(hash, m_workspace->filePath(QStringLiteral("apis/%1/api.json").arg(deployment.apiId)));
    return hash.result();
}

void Gateway::checkForChanges() {
    if (workspaceSignature() == m_signature)
        return;
    QString error;
    if (!reload(&error))
        qWarning("gatehouse-gateway: the workspace changed but cannot be loaded: %s", qPrintable(error));
}

void Gateway::writeRuntimeFile() {
    Json json = Json::object();
    json["pid"] = QCoreApplication::applicationPid();
    json["listen"] = ListenAddress{m_server->address(), m_server->port()}.toString().toStdString();
    if (m_server->isEncrypted())
        json["tls"] = true;
    if (m_adminServer)
        json["admin"] =
            ListenAddress{m_adminServer->address(), m_adminServer->port()}.toString().toStdString();
    QString error;
    if (!JsonFile::write(m_workspace->filePath(runtimeFile), json, &error))
        qWarning("gatehouse-gateway: %s", qPrintable(error));
}

void Gateway::removeRuntimeFile() {
    const QString path = m_workspace->filePath(runtimeFile);
    const Result<Json> current = JsonFile::read(path);
    // Only our own file: another gateway may have started on the same workspace since.
    if (current && current.value().is_object() &&
        current.value().value("pid", qint64(0)) == QCoreApplication::applicationPid())
        QFile::remove(path);
}

} // namespace gatehouse
