// gatehouse-mock-llm: An OpenAI-compatible mock LLM server with fault injection: the offline Demo provider and the upstream of tests and benchmarks.
// The engine behind it lands with the gateway issue; until then the executable builds, documents
// itself and says plainly that it does nothing yet.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-mock-llm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "An OpenAI-compatible mock LLM server with fault injection: the offline Demo provider and the upstream of tests and benchmarks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    std::fprintf(stderr, "gatehouse-mock-llm: not yet implemented in this build\n");
    return 2;
}
