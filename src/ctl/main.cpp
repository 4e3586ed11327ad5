// gatehouse-ctl: Every Publisher and Developer Portal action from the shell: create APIs, attach policies, deploy, create applications, subscribe, generate keys, get tokens and invoke.
// The engine behind it lands with the gateway issue; until then the executable builds, documents
// itself and says plainly that it does nothing yet.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-ctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Every Publisher and Developer Portal action from the shell: create APIs, attach policies, deploy, create applications, subscribe, generate keys, get tokens and invoke."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    std::fprintf(stderr, "gatehouse-ctl: not yet implemented in this build\n");
    return 2;
}
