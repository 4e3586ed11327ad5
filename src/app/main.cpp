// gatehouse: the desktop app. Wires the workspace to the main window; everything else lives in the
// libraries.
#include "app/FirstPaintProbe.h"
#include "app/WidgetInspector.h"
#include "core/DemoWorkspace.h"
#include "core/SecretStoreFactory.h"
#include "core/Translations.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <memory>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.gatehouse.Gatehouse"));

    // The language chosen in Preferences, else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    gatehouse::Translations::install(app, gatehouse::Translations::preferredLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Gatehouse: design AI APIs, attach model-routing policies, deploy them to a local gateway and try "
        "them out, in one window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), QApplication::translate("main", "Open the workspace in <folder>."),
        QApplication::translate("main", "folder"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main",
                                "Open the demo workspace: the SmartChat tutorial API on the built-in offline "
                                "Demo provider (created on first use)."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save a PNG of the main window to <file> once it is shown, then quit."),
        QApplication::translate("main", "file"));
    const QCommandLineOption secretsOption(
        QStringLiteral("secrets-file"),
        QApplication::translate("main",
                                "Keep secrets in <file> (mode 0600) instead of the desktop keychain."),
        QApplication::translate("main", "file"));
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QApplication::translate("main",
                                "Run the in-app gateway on <host:port> instead of the workspace's setting."),
        QStringLiteral("host:port"));
    const QCommandLineOption reportStartupOption(
        QStringLiteral("report-startup"),
        QApplication::translate("main", "Print when the main window was first painted (for the benchmark), "
                                        "then quit."));
    parser.addOptions(
        {workspaceOption, demoOption, screenshotOption, secretsOption, listenOption, reportStartupOption});
    parser.process(app);

    QSettings settings;
    QString directory = parser.value(workspaceOption);
    if (directory.isEmpty()) {
        directory =
            parser.isSet(demoOption)
                ? gatehouse::DemoWorkspace::defaultDirectory()
                : settings
                      .value(QStringLiteral("workspace/last"),
                             QString(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                     QStringLiteral("/workspace")))
                      .toString();
    }

    gatehouse::Workspace workspace;
    QString error;
    bool opened = workspace.open(directory).ok(&error);
    if (opened && parser.isSet(demoOption))
        opened = gatehouse::DemoWorkspace::populate(workspace, &error);
    if (!opened) {
        const QString message = QApplication::translate("main", "Cannot open the workspace %1: %2")
                                    .arg(QDir::toNativeSeparators(directory), error);
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(message));
        if (QGuiApplication::platformName() != QLatin1String("offscreen"))
            QMessageBox::critical(nullptr, QApplication::translate("main", "Gatehouse"), message);
        return 1;
    }

    settings.setValue(QStringLiteral("workspace/last"), workspace.directory());

    std::unique_ptr<gatehouse::SecretStore> secrets =
        gatehouse::SecretStoreFactory::open(workspace, parser.value(secretsOption), &error);
    if (!secrets) {
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(error));
        return 1;
    }
    gatehouse::GatehouseSession session(&workspace, secrets.get());
    const gatehouse::WorkspaceSettings& gatewaySettings = workspace.settings();
    const QString listen = parser.isSet(listenOption) ? parser.value(listenOption)
                                                      : gatewaySettings.gatewayHost + QLatin1Char(':') +
                                                            QString::number(gatewaySettings.gatewayPort);
    if (!session.startGateway(listen, &error)) {
        // The usual port is taken (another Gatehouse?): serve on a free one rather than not at all.
        QString fallbackError;
        if (!parser.isSet(listenOption) &&
            session.startGateway(gatewaySettings.gatewayHost + QStringLiteral(":0"), &fallbackError))
            //: %1 is why the gateway could not listen on its usual address, %2 the address it uses.
            std::fprintf(stderr, "gatehouse: %s\n",
                         qPrintable(QApplication::translate("main", "%1; the gateway uses %2 instead")
                                        .arg(error, session.gateway()->baseUrl())));
        else
            std::fprintf(
                stderr, "gatehouse: %s\n",
                qPrintable(QApplication::translate("main", "the gateway is not running: %1").arg(error)));
    }

    gatehouse::MainWindow window(&session);
    if (parser.isSet(reportStartupOption))
        new FirstPaintProbe(&window); // owned by the window
    window.show();

    // The hook of the real-pointer test (tests/gui/seed-pointer.py); off unless the variable is set.
    std::unique_ptr<gatehouse::WidgetInspector> inspector;
    if (const QString socket = qEnvironmentVariable("GATEHOUSE_INSPECT_SOCKET"); !socket.isEmpty()) {
        inspector = std::make_unique<gatehouse::WidgetInspector>();
        if (!inspector->listen(socket, &error))
            std::fprintf(stderr, "gatehouse: GATEHOUSE_INSPECT_SOCKET %s: %s\n", qPrintable(socket),
                         qPrintable(error));
    }

    if (parser.isSet(screenshotOption)) {
        const QString target = parser.value(screenshotOption);
        QTimer::singleShot(300, &window, [&window, target] {
            const bool saved = window.grab().save(target, "PNG");
            if (!saved)
                std::fprintf(
                    stderr, "gatehouse: %s\n",
                    qPrintable(
                        QApplication::translate("main", "cannot write the screenshot %1").arg(target)));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
