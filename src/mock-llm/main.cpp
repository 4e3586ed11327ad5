// gatehouse-mock-llm: an OpenAI-compatible mock LLM with fault injection, for offline demos, tests
// and benchmarks.
#include "core/Translations.h"
#include "gateway/ListenAddress.h"
#include "mock-llm/MockLlmServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>
#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-mock-llm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    // --help and messages in the user's language; what goes over the wire stays English.
    gatehouse::Translations::install(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "gatehouse-mock-llm",
        "An OpenAI-compatible mock LLM: POST /v1/chat/completions answers with the model it was asked for "
        "(JSON, or "
        "SSE with \"stream\": true), GET /v1/models lists models. Control API: POST /_mock/faults "
        "{\"model\", \"status\", \"latencyMs\", \"resetAfterBytes\", \"remainingTokens\", \"retryAfter\", "
        "\"chunkDelayMs\"}, DELETE /_mock/faults, GET /_mock/stats."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QCoreApplication::translate("gatehouse-mock-llm", "Listen on <host:port> (port 0: any free "
                                                          "port). Default 127.0.0.1:8089."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8089"));
    const QCommandLineOption printPortOption(
        QStringLiteral("print-port"),
        QCoreApplication::translate("gatehouse-mock-llm",
                                    "Print the port listened on as the first line of standard output."));
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"),
        QCoreApplication::translate("gatehouse-mock-llm", "Worker threads (default: the number of cores)."),
        //: The value of --threads in --help: "--threads <count>".
        QCoreApplication::translate("gatehouse-mock-llm", "count"),
        QString::number(QThread::idealThreadCount()));
    parser.addOptions({listenOption, printPortOption, threadsOption});
    parser.process(app);

    QString error;
    const auto address = gatehouse::ListenAddress::parse(parser.value(listenOption), &error);
    if (!address) {
        std::fprintf(stderr, "gatehouse-mock-llm: %s\n", qPrintable(error));
        return 2;
    }
    bool threadsOk = false;
    const int threads = parser.value(threadsOption).toInt(&threadsOk);
    if (!threadsOk || threads < 1 || threads > 64) {
        std::fprintf(stderr, "gatehouse-mock-llm: %s\n",
                     qPrintable(QCoreApplication::translate("gatehouse-mock-llm",
                                                            "--threads must be a number from 1 to 64")));
        return 2;
    }
    gatehouse::MockLlmServer server(threads);
    if (!server.listen(address->host, address->port, &error)) {
        std::fprintf(stderr, "gatehouse-mock-llm: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(printPortOption))
        std::printf("%u\n", unsigned(server.port()));
    else
        std::printf("%s\n", qPrintable(QCoreApplication::translate("gatehouse-mock-llm",
                                                                   "gatehouse-mock-llm listening on %1")
                                           .arg(server.baseUrl())));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
