// gatehouse: the desktop app. Wires the workspace to the main window; everything else lives in the
// libraries.
#include "DemoWorkspace.h"
#include "MainWindow.h"
#include "Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.gatehouse.Gatehouse"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("gatehouse"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

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
    parser.addOptions({workspaceOption, demoOption, screenshotOption});
    parser.process(app);

    QString directory = parser.value(workspaceOption);
    if (directory.isEmpty()) {
        directory = parser.isSet(demoOption)
                        ? gatehouse::DemoWorkspace::defaultDirectory()
                        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                              QStringLiteral("/workspace");
    }

    gatehouse::Workspace workspace;
    QString error;
    bool opened = workspace.open(directory, &error);
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

    gatehouse::MainWindow window(&workspace);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString target = parser.value(screenshotOption);
        QTimer::singleShot(300, &window, [&window, target] {
            const bool saved = window.grab().save(target, "PNG");
            if (!saved)
                std::fprintf(stderr, "gatehouse: cannot write the screenshot %s\n", qPrintable(target));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
