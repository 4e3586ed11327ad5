// gatehouse-gateway: Serve the workspace's deployed AI APIs on a local HTTP gateway, headless.
// The engine behind it lands with the gateway issue; until then the executable builds, documents
// itself and says plainly that it does nothing yet.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Serve the workspace's deployed AI APIs on a local HTTP gateway, headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    std::fprintf(stderr, "gatehouse-gateway: not yet implemented in this build\n");
    return 2;
}
