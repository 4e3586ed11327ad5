// gatehouse-gateway: the local AI gateway, headless. Serves the deployed revisions of a workspace;
// picks up new deployments, applications and keys without a restart.
#include "core/SecretStoreFactory.h"
#include "core/Translations.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/ListenAddress.h"
#include "mock-llm/MockLlmServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM end the event loop, so the gateway stops cleanly: in-flight requests are cut,
// the access log is flushed and run/gateway.json removed.
void installTerminationHandlers() {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                     &QCoreApplication::quit);
    struct sigaction action {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// Every connection costs a file descriptor, and the usual soft limit (1024) is far below what the
// server is made to hold (HttpLimits::maxConnections); the hard limit is what the system allows.
void raiseDescriptorLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
        return;
    limit.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
        std::fprintf(stderr, "gatehouse-gateway: %s\n",
                     qPrintable(QCoreApplication::translate("gatehouse-gateway",
                                                            "warning: cannot raise the open-file limit to %1")
                                    .arg(qulonglong(limit.rlim_max))));
}

int fail(const QString& message, int code = 1) {
    std::fprintf(stderr, "gatehouse-gateway: %s\n", qPrintable(message));
    return code;
}

void warn(const QString& message) {
    //: Printed before a warning on standard error, after "gatehouse-gateway: ".
    std::fprintf(stderr, "gatehouse-gateway: %s\n",
                 qPrintable(QCoreApplication::translate("gatehouse-gateway", "warning: %1").arg(message)));
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    // --help and messages in the user's language; what goes over the wire stays English.
    gatehouse::Translations::install(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "gatehouse-gateway",
        "The Gatehouse AI gateway, headless: serves the APIs deployed in a workspace (tokens at POST "
        "/oauth2/token, APIs at /<context>/<version>/...), applies their policies and routes requests over "
        "models. New deployments go live without a restart. Status and Prometheus metrics are on a separate "
        "loopback-only admin listener."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QCoreApplication::translate("gatehouse-gateway", "The workspace folder to serve."),
        //: The value of --workspace in --help: "--workspace <folder>".
        QCoreApplication::translate("gatehouse-gateway", "folder"));
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Listen on <host:port> (port 0: any free port). Default: the workspace "
                                    "setting, 127.0.0.1:8280."),
        QStringLiteral("host:port"));
    const QCommandLineOption adminOption(
        QStringLiteral("admin"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Admin listener port on 127.0.0.1 (0: any free port). Default: the "
                                    "workspace setting, 9280."),
        //: The value of --admin in --help: "--admin <port>".
        QCoreApplication::translate("gatehouse-gateway", "port"));
    const QCommandLineOption printPortOption(
        QStringLiteral("print-port"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Print the gateway's port as the first line of standard output."));
    const QCommandLineOption secretsOption(
        QStringLiteral("secrets-file"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Read secrets from <file> (mode 0600) instead of the desktop keychain, "
                                    "for machines without a Secret Service."),
        //: The value of --secrets-file, --tls-cert and --tls-key in --help: "--tls-key <file>".
        QCoreApplication::translate("gatehouse-gateway", "file"));
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"),
        QCoreApplication::translate("gatehouse-gateway", "Worker threads (default: one per core)."),
        //: The value of --threads and --max-connections in --help: "--threads <count>".
        QCoreApplication::translate("gatehouse-gateway", "count"));
    const QCommandLineOption maxConnectionsOption(
        QStringLiteral("max-connections"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Connections served at once (default: 10000); beyond, requests are "
                                    "answered 503."),
        QCoreApplication::translate("gatehouse-gateway", "count"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
        QCoreApplication::translate("gatehouse-gateway", "file"));
    const QCommandLineOption tlsKeyOption(
        QStringLiteral("tls-key"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "The PEM private key of --tls-cert (not encrypted)."),
        QCoreApplication::translate("gatehouse-gateway", "file"));
    const QCommandLineOption upstreamCaOption(
        QStringLiteral("upstream-ca"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Also trust the CA certificates in this PEM file for HTTPS upstreams "
                                    "(a self-hosted model behind a private CA), besides the system's."),
        QCoreApplication::translate("gatehouse-gateway", "file"));
    const QCommandLineOption redisOption(
        QStringLiteral("redis"),
        QCoreApplication::translate("gatehouse-gateway",
                                    "Share suspensions, quotas and budgets with the other replicas through "
                                    "the Redis (or Valkey) at <url> (redis://host:port/db or unix:///path), "
                                    "whatever the workspace's sharedState says. Its password is the one in "
                                    "the secret store."),
        QStringLiteral("url"));
    parser.addOptions({workspaceOption, listenOption, adminOption, printPortOption, secretsOption,
                       threadsOption, maxConnectionsOption, tlsCertOption, tlsKeyOption, upstreamCaOption,
                       redisOption});
    parser.process(app);
    raiseDescriptorLimit();

    QString directory = parser.value(workspaceOption);
    if (directory.isEmpty())
        directory = qEnvironmentVariable("GATEHOUSE_WORKSPACE");
    if (directory.isEmpty())
        return fail(QCoreApplication::translate("gatehouse-gateway",
                                                "--workspace is required (or set GATEHOUSE_WORKSPACE)"),
                    2);

    gatehouse::Workspace workspace;
    QString error;
    if (!workspace.open(directory).ok(&error))
        return fail(error);
    const gatehouse::WorkspaceSettings settings = workspace.settings();

    gatehouse::Gateway::Options options;
    const QString listenText = parser.isSet(listenOption) ? parser.value(listenOption)
                                                          : settings.gatewayHost + QLatin1Char(':') +
                                                                QString::number(settings.gatewayPort);
    const auto listen = gatehouse::ListenAddress::parse(listenText, &error);
    if (!listen)
        return fail(QStringLiteral("--listen: %1").arg(error), 2);
    options.listen = *listen;
    options.admin.host = QHostAddress(QHostAddress::LocalHost);
    bool portOk = true;
    const uint adminPort =
        parser.isSet(adminOption) ? parser.value(adminOption).toUInt(&portOk) : uint(settings.adminPort);
    if (!portOk || adminPort > 65535)
        return fail(
            QCoreApplication::translate("gatehouse-gateway", "--admin must be a port number from 0 to 65535"),
            2);
    options.admin.port = quint16(adminPort);
    if (parser.isSet(threadsOption)) {
        bool threadsOk = false;
        options.workerThreads = parser.value(threadsOption).toInt(&threadsOk);
        if (!threadsOk || options.workerThreads < 1 || options.workerThreads > 64)
            return fail(
                QCoreApplication::translate("gatehouse-gateway", "--threads must be a number from 1 to 64"),
                2);
    }
    if (parser.isSet(maxConnectionsOption)) {
        bool countOk = false;
        options.limits.maxConnections = parser.value(maxConnectionsOption).toInt(&countOk);
        if (!countOk || options.limits.maxConnections < 1)
            return fail(QCoreApplication::translate("gatehouse-gateway",
                                                    "--max-connections must be a positive number"),
                        2);
    }
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        return fail(QCoreApplication::translate("gatehouse-gateway", "--tls-cert and --tls-key go together"),
                    2);
    if (parser.isSet(upstreamCaOption)) {
        const QString caFile = parser.value(upstreamCaOption);
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (authorities.isEmpty())
            return fail(
                QCoreApplication::translate("gatehouse-gateway", "--upstream-ca: no PEM certificate in %1")
                    .arg(caFile),
                2);
        // The system's as well, read now: adding any certificate turns off Qt's loading of them on demand.
        QSslConfiguration upstreamTls = QSslConfiguration::defaultConfiguration();
        upstreamTls.addCaCertificates(QSslConfiguration::systemCaCertificates());
        upstreamTls.addCaCertificates(authorities);
        QSslConfiguration::setDefaultConfiguration(upstreamTls);
    }
    options.tlsCertificateFile = parser.value(tlsCertOption);
    options.tlsKeyFile = parser.value(tlsKeyOption);
    options.redisUrl = parser.value(redisOption).trimmed();
    if (parser.isSet(redisOption) && options.redisUrl.isEmpty())
        return fail(QCoreApplication::translate("gatehouse-gateway", "--redis needs a URL"), 2);
    if (!options.listen.isLoopback())
        warn((options.tlsCertificateFile.isEmpty()
                  ? QCoreApplication::translate(
                        "gatehouse-gateway",
                        "listening on %1: reachable from other machines, over plain HTTP (see --tls-cert)")
                  : QCoreApplication::translate("gatehouse-gateway",
                                                "listening on %1: reachable from other machines"))
                 .arg(options.listen.toString()));

    std::unique_ptr<gatehouse::SecretStore> secrets =
        gatehouse::SecretStoreFactory::open(workspace, parser.value(secretsOption), &error);
    if (!secrets)
        return fail(error);

    // The Demo provider's endpoints (mock://) are served by a mock started on first use.
    std::unique_ptr<gatehouse::MockLlmServer> mock;
    gatehouse::Gateway gateway(workspace.directory(), secrets.get());
    gateway.setMockResolver([&mock]() -> QString {
        if (!mock) {
            mock = std::make_unique<gatehouse::MockLlmServer>(1);
            QString mockError;
            if (!mock->listen(QHostAddress(QHostAddress::LocalHost), 0, &mockError)) {
                std::fprintf(stderr, "gatehouse-gateway: %s\n",
                             qPrintable(QCoreApplication::translate("gatehouse-gateway",
                                                                    "the built-in mock cannot start: %1")
                                            .arg(mockError)));
                mock.reset();
                return {};
            }
        }
        return QStringLiteral("http://127.0.0.1:%1").arg(mock->port());
    });
    // Before the port is printed: whoever reads it may stop the gateway at once, and must get a
    // clean stop (the runtime file removed), not the default action of SIGTERM.
    installTerminationHandlers();
    if (!gateway.start(options, &error))
        return fail(error);
    for (const QString& problem : gateway.problems())
        warn(problem);
    const gatehouse::SharedStateStatus& shared = gateway.runtime()->sharedState();
    if (shared.isShared())
        //: On standard error at start; %1 the Redis URL, %2 "open" or "closed".
        std::fprintf(
            stderr, "gatehouse-gateway: %s\n",
            qPrintable(QCoreApplication::translate("gatehouse-gateway",
                                                   "sharing state with other replicas through %1 "
                                                   "(failure mode %2)")
                           .arg(shared.settings().url, gatehouse::SharedStateSettings::failureModeName(
                                                           shared.settings().failureMode))));
    if (parser.isSet(printPortOption))
        std::printf("%u\n", unsigned(gateway.port()));
    else
        //: The first line of standard output; %1 is the workspace folder, %2 the gateway's URL.
        std::printf("%s\n", qPrintable(QCoreApplication::translate(
                                           "gatehouse-gateway",
                                           "gatehouse-gateway serving %1 on %2 (admin on 127.0.0.1:%3)")
                                           .arg(workspace.directory(), gateway.baseUrl(),
                                                QString::number(gateway.adminPort()))));
    std::fflush(stdout);
    QObject::connect(&gateway, &gatehouse::Gateway::reloaded, &gateway, [&gateway] {
        for (const QString& problem : gateway.problems())
            warn(problem);
    });
    const int status = QCoreApplication::exec();
    gateway.stop();
    return status;
}
