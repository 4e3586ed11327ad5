#include "ctl/InvokeCommand.h"

#include "console/InvokeTarget.h"
#include "console/RequestRunner.h"
#include "console/RunStatistics.h"
#include "console/TokenManager.h"
#include "core/ApplicationKeys.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/CtlOutput.h"
#include "ctl/TextTable.h"

#include <QEventLoop>
#include <QFile>
#include <QUrl>
#include <cmath>
#include <cstdio>
#include <map>

namespace gatehouse {

namespace {

const QString operationOption = QStringLiteral("operation");
const QString bodyOption = QStringLiteral("body");
const QString repeatOption = QStringLiteral("repeat");
const QString concurrencyOption = QStringLiteral("concurrency");
const QString delayOption = QStringLiteral("delay-ms");
const QString streamOption = QStringLiteral("stream");

constexpr int maximumRepeat = 1000000;
constexpr int maximumDelayMs = 3600 * 1000;
constexpr int barWidth = 40;

QUrl gatewayUrl(const QString& text) {
    const QString trimmed = text.trimmed();
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        throw CtlError::usage(
            QCoreApplication::translate(
                "gatehouse-ctl",
                "--gateway must be an http:// or https:// URL such as http://127.0.0.1:8280 (got \"%1\")")
                .arg(trimmed));
    return url;
}

QString ms(double milliseconds) {
    return QString::number(milliseconds, 'f', 1);
}

QString percent(double fraction) {
    return QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

Json orNull(qint64 value) {
    return value >= 0 ? Json(value) : Json(nullptr);
}

void writeOut(const QString& text) {
    CtlOutput::out(text.toUtf8());
    CtlOutput::flush(); // a run's progress shows as it goes
}

QString runReport(const RunStatistics& statistics, const std::vector<InvokeResult>& results, bool stopped) {
    QStringList lines;
    // "1 error" is a message of its own so that "%n errors" (English for 0, 2, 3, ...) keeps its
    // English text while translations get their plural forms. "%n requests" is English for 1 too.
    const int errorCount = statistics.errors();
    const QString errors =
        errorCount == 1 ? QCoreApplication::translate("gatehouse-ctl", "1 error")
                        : QCoreApplication::translate("gatehouse-ctl", "%n errors", nullptr, errorCount);
    const QString span = QString::number(statistics.spanMs() / 1000.0, 'f', 2);
    const QString rate = QString::number(statistics.requestsPerSecond(), 'f', 1);
    if (stopped)
        //: The summary of a run that was stopped early: %n requests, %1 seconds, %2 requests per second,
        //: %3 "1 error" or "N errors".
        lines.append(QCoreApplication::translate("gatehouse-ctl",
                                                 "%n requests in %1 s: %2 requests/s, %3 (stopped early)",
                                                 nullptr, statistics.count())
                         .arg(span, rate, errors));
    else
        //: The summary of a run: %n requests, %1 seconds, %2 requests per second, %3 "1 error" or
        //: "N errors".
        lines.append(QCoreApplication::translate("gatehouse-ctl", "%n requests in %1 s: %2 requests/s, %3",
                                                 nullptr, statistics.count())
                         .arg(span, rate, errors));
    lines.append(QString());

    //: Column headers of a run's HTTP status counts, in capitals.
    TextTable statuses({QCoreApplication::translate("gatehouse-ctl", "STATUS"),
                        QCoreApplication::translate("gatehouse-ctl", "REQUESTS")});
    for (const auto& [status, count] : statistics.statusCounts())
        statuses.addRow({status == 0 ? QCoreApplication::translate("gatehouse-ctl", "no answer")
                                     : QString::number(status),
                         QString::number(count)});
    lines.append(statuses.toString());
    lines.append(QString());

    const LatencyStatistics& latency = statistics.latency();
    // P50, P90 and P99 are percentile notation, the same in every language.
    //: Column header of the latency table, in capitals.
    TextTable percentiles({QCoreApplication::translate("gatehouse-ctl", "LATENCY (ms)"),
                           //: Column header of the latency table: the minimum.
                           QCoreApplication::translate("gatehouse-ctl", "MIN"),
                           //: Column header of the latency table: the mean.
                           QCoreApplication::translate("gatehouse-ctl", "AVG"), QStringLiteral("P50"),
                           QStringLiteral("P90"), QStringLiteral("P99"),
                           //: Column header of the latency table: the maximum.
                           QCoreApplication::translate("gatehouse-ctl", "MAX")});
    percentiles.addRow({QString(), ms(latency.min()), ms(latency.mean()), ms(latency.percentile(50)),
                        ms(latency.percentile(90)), ms(latency.percentile(99)), ms(latency.max())});
    lines.append(percentiles.toString());

    const std::vector<QString> models = statistics.models();
    if (!models.empty()) {
        lines.append(QString());
        const bool configured = !statistics.configuredWeights().empty();
        //: Column headers of the split between models, in capitals.
        QStringList headers{QCoreApplication::translate("gatehouse-ctl", "MODEL"),
                            QCoreApplication::translate("gatehouse-ctl", "REQUESTS"),
                            QCoreApplication::translate("gatehouse-ctl", "SHARE")};
        if (configured)
            //: Column header: the share of the requests the model router is configured with.
            headers.append(QCoreApplication::translate("gatehouse-ctl", "CONFIGURED"));
        headers.append(QString());
        TextTable chart(headers);
        const std::map<QString, int> counts = statistics.byModel();
        for (const QString& model : models) {
            const auto count = counts.find(model);
            const double share = statistics.share(model);
            QStringList row{model, QString::number(count == counts.end() ? 0 : count->second),
                            percent(share)};
            if (configured)
                row.append(statistics.configuredWeights().count(model)
                               ? percent(statistics.configuredShare(model))
                               : QStringLiteral("-"));
            row.append(QString(int(std::lround(share * barWidth)), QLatin1Char('#')));
            chart.addRow(row);
        }
        lines.append(chart.toString());
    }

    // What went wrong, once per kind, with the first message of each.
    std::map<QString, std::pair<int, QString>> failures;
    for (const InvokeResult& result : results) {
        if (!RunStatistics::isFailure(result))
            continue;
        const QString key = QString::number(result.status) + QLatin1Char(' ') + result.errorCode;
        auto& entry = failures[key.trimmed()];
        if (entry.first++ == 0)
            entry.second = result.errorMessage;
    }
    if (!failures.empty()) {
        lines.append(QString());
        //: Column headers of a run's failures, in capitals.
        TextTable errors({QCoreApplication::translate("gatehouse-ctl", "ERROR"),
                          QCoreApplication::translate("gatehouse-ctl", "REQUESTS"),
                          QCoreApplication::translate("gatehouse-ctl", "FIRST MESSAGE")});
        for (const auto& [key, entry] : failures)
            errors.addRow({key, QString::number(entry.first), entry.second.simplified()});
        lines.append(errors.toString());
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::vector<Command> InvokeCommand::commands() {
    Command invoke;
    invoke.words = QStringList{QStringLiteral("invoke")};
    invoke.synopsis = QStringLiteral(
        "--gateway URL --app A --type production|sandbox --api NAME --operation \"VERB /path\" "
        "[--body JSON|@FILE] [--repeat N] [--concurrency C] [--delay-ms D] [--stream]");
    invoke.summary = tr("Call an API through the gateway: once, N times, or as a stream.");
    //: Keep the option names, the placeholders N, C, D, URL and the JSON keys.
    invoke.description =
        tr("Gets a token for the application (client credentials, as \"token\" does), then calls the "
           "operation of the API's deployed revision through the gateway: URL/<context>/<version>/<path>. "
           "Once, it prints the status line and the answer. With --repeat it runs N requests, at most C at a "
           "time (--concurrency) with D ms between the requests of each (--delay-ms), and prints the status "
           "counts, the latency percentiles and a bar chart of the models that served the requests next to "
           "the weights the operation's model router is configured with. With --stream (or \"stream\": true "
           "in the body) the answer is read as Server-Sent Events and its text printed as it arrives, then "
           "the time to first token, the chunks and tokens/s. A token rejected as invalid (900901) is "
           "fetched again once. --json prints the run as {\"byModel\", \"statusCounts\", \"latencyMs\", "
           "\"requestsPerSecond\", \"results\"}, a stream as {\"ttftMs\", \"chunks\", \"tokensPerSecond\", "
           "\"text\", \"model\"}. Exits 1 when a single request fails; a run that completes exits 0 and "
           "reports its errors. Each request gives up after 120 s without data.");
    invoke.options = {
        CommonOptions::gatewayUrl(),
        CommonOptions::appSelector(),
        CommonOptions::keyTypeSelector(),
        CommonOptions::apiSelector(),
        Command::valueOption(operationOption, QStringLiteral("VERB /path"),
                             tr("The operation, such as \"POST /chat/completions\".")),
        Command::valueOption(bodyOption, QStringLiteral("JSON|@FILE"),
                             tr("The request body, or @ and a file to read it from.")),
        Command::valueOption(repeatOption, QStringLiteral("N"),
                             tr("Send the request N times and report the run.")),
        Command::valueOption(concurrencyOption, QStringLiteral("C"),
                             tr("At most C requests in flight (default 1).")),
        Command::valueOption(delayOption, QStringLiteral("D"),
                             tr("Pause D ms before each next request of a worker (default 0).")),
        Command::flagOption(streamOption,
                            tr("Ask for a stream (\"stream\": true) and read it as it arrives.")),
    };
    invoke.run = &InvokeCommand::run;
    return {invoke};
}

QString InvokeCommand::jsonProblem(const QByteArray& body) {
    if (body.trimmed().isEmpty())
        return {};
    try {
        const Json parsed = Json::parse(body.cbegin(), body.cend()); // throws where it stops
        Q_UNUSED(parsed)
    } catch (const Json::parse_error& error) {
        // nlohmann counts the byte it stopped at from 1.
        const TextPosition where =
            positionOfOffset(body, qBound<qsizetype>(0, qsizetype(error.byte) - 1, body.size()));
        QString reason = QString::fromUtf8(error.what());
        const qsizetype column = reason.indexOf(QLatin1String("column"));
        const qsizetype colon = reason.indexOf(QLatin1String(": "), column < 0 ? 0 : column);
        //: Why a JSON text does not parse, when the parser gives no reason.
        reason = colon >= 0 ? reason.mid(colon + 2) : tr("unexpected input");
        return tr("--body is not valid JSON (line %1, column %2): %3")
            .arg(where.line)
            .arg(where.column)
            .arg(reason);
    } catch (const Json::exception& error) {
        return tr("--body is not valid JSON: %1").arg(QString::fromUtf8(error.what()));
    }
    return {};
}

QString InvokeCommand::describeFailure(const InvokeResult& result) {
    QString text = result.status == 0 ? tr("no answer") : QStringLiteral("HTTP %1").arg(result.status);
    if (!result.errorCode.isEmpty())
        text += QLatin1Char(' ') + result.errorCode;
    if (!result.errorMessage.isEmpty())
        text += QStringLiteral(": ") + result.errorMessage.simplified();
    return text;
}

void InvokeCommand::run(CtlContext& context, const CommandArguments& arguments) {
    const QUrl gateway = gatewayUrl(arguments.required(CommonOptions::gateway));
    const Application& application = context.requireApplication(arguments.required(CommonOptions::app));
    const Stage keyType = arguments.requiredStage(CommonOptions::keyType);
    const Api& designed = context.requireApi(arguments.required(CommonOptions::api));
    const QString operationText = arguments.required(operationOption);
    const int repeat = arguments.integer(repeatOption, 1, maximumRepeat).value_or(1);
    const int concurrency =
        arguments.integer(concurrencyOption, 1, RequestRunner::MaxConcurrency).value_or(1);
    const int delayMs = arguments.integer(delayOption, 0, maximumDelayMs).value_or(0);
    const bool isRun = arguments.isSet(repeatOption);

    QString verb;
    QString target;
    if (!parseOperationKey(operationText, &verb, &target))
        throw CtlError::usage(
            tr("--operation must be a verb and a path such as \"POST /chat/completions\" (got \"%1\")")
                .arg(operationText));
    QString query;
    if (const qsizetype mark = target.indexOf(QLatin1Char('?')); mark >= 0) {
        query = target.mid(mark + 1);
        target.truncate(mark);
    }

    // The gateway serves the deployed revision, which may differ from the design being edited.
    const Result<InvokeTarget> resolved =
        InvokeTarget::resolve(context.workspace(), designed.id, verb, target, query, keyType, gateway);
    if (!resolved && resolved.code() == ErrorCode::NotFound)
        throw CtlError::failure(resolved.error() +
                                QStringLiteral(" (gatehouse-ctl deploy --api %1)").arg(designed.name));
    if (!resolved)
        throw CtlError::failure(resolved.error());
    const Api& api = resolved->api();

    QByteArray body =
        arguments.isSet(bodyOption) ? CommonOptions::readBody(arguments.value(bodyOption)) : QByteArray();
    if (const QString problem = jsonProblem(body); !problem.isEmpty())
        throw CtlError::usage(problem);
    bool stream = arguments.isSet(streamOption);
    if (!body.trimmed().isEmpty()) {
        Json json = Json::parse(body.cbegin(), body.cend(), nullptr, false);
        const auto asked = json.is_object() ? json.find("stream") : json.end();
        const bool bodyStreams = json.is_object() && asked != json.end() && *asked == true;
        if (stream && !bodyStreams) {
            if (!json.is_object())
                throw CtlError::usage(tr("--stream needs a JSON object body to set \"stream\": true in"));
            json["stream"] = true;
            const std::string text = dumpCompact(json);
            body = QByteArray(text.data(), qsizetype(text.size()));
        }
        stream = stream || bodyStreams;
    } else if (stream) {
        throw CtlError::usage(tr("--stream needs a JSON object body to set \"stream\": true in"));
    }

    const KeyPair* pair = application.keyPair(keyType);
    if (!pair)
        throw CtlError::failure(
            //: %2 is the key type: production or sandbox.
            tr("%1 has no %2 keys; generate them with gatehouse-ctl keys generate --app %1 --type %2")
                .arg(application.name, stageName(keyType)));
    if (!application.subscription(designed.id))
        CtlContext::warn(tr("%1 is not subscribed to %2: expect 403 900908 (gatehouse-ctl subscribe)")
                             .arg(application.name, api.name));
    const Result<QString> secret =
        ApplicationKeys::consumerSecret(context.secrets(), application.id, keyType);
    if (!secret)
        throw CtlError::failure(secret.error());

    RequestRunner::Plan plan;
    plan.request.url = resolved->url();
    plan.request.method = verb.toLatin1();
    plan.request.body = body;
    plan.request.stream = stream;
    plan.repeat = repeat;
    plan.concurrency = concurrency;
    plan.delayMs = delayMs;
    plan.timeoutMs = RequestTimeoutMs;

    TokenManager tokens;
    tokens.setGatewayUrl(gateway);
    RequestRunner runner(&tokens);
    runner.setCredentials({application.id, keyType, pair->consumerKey, secret.value()});
    RunStatistics statistics;
    statistics.setConfiguredWeights(resolved->configuredWeights());
    QObject::connect(&runner, &RequestRunner::resultReady, &runner,
                     [&statistics](const InvokeResult& result) { statistics.add(result); });
    const bool liveText = stream && !isRun && !context.json();
    bool printedText = false;
    if (liveText) {
        QObject::connect(&runner, &RequestRunner::streamText, &runner,
                         [&printedText](int, const QString& delta) {
                             printedText = true;
                             writeOut(delta);
                         });
    }
    bool stopped = false;
    QEventLoop loop;
    QObject::connect(&runner, &RequestRunner::finished, &loop, [&](bool wasStopped) {
        stopped = wasStopped;
        loop.quit();
    });
    runner.start(plan);
    if (runner.isRunning())
        loop.exec();
    if (printedText)
        writeOut(QStringLiteral("\n"));

    const std::vector<InvokeResult>& results = runner.results();
    if (!runner.failure().isEmpty())
        throw CtlError::failure(runner.failure());
    if (results.empty())
        throw CtlError::failure(tr("no request completed"));

    if (isRun) {
        if (context.json())
            context.printJson(statistics.toJson(true, results));
        else
            context.print(runReport(statistics, results, stopped));
        return;
    }

    const InvokeResult& result = results.front();
    const bool failed = RunStatistics::isFailure(result);
    if (stream) {
        if (failed)
            throw CtlError::failure(describeFailure(result));
        if (context.json()) {
            Json json = Json::object();
            json["ttftMs"] = std::round(result.firstByteMs * 1000.0) / 1000.0;
            json["chunks"] = result.chunks;
            json["tokensPerSecond"] = std::round(result.tokensPerSecond * 10.0) / 10.0;
            json["text"] = result.text.toStdString();
            json["model"] = result.model.toStdString();
            context.printJson(json);
        } else {
            //: The summary after a stream: %1 the model, %2 the time to the first token, %3 the number
            //: of chunks, %4 tokens per second, %5 the whole time.
            context.print(
                tr("-- %1 · first token %2 ms · %3 chunks · %4 tokens/s · %5 ms")
                    .arg(result.model.isEmpty() ? tr("unknown model") : result.model, ms(result.firstByteMs))
                    .arg(result.chunks)
                    .arg(QString::number(result.tokensPerSecond, 'f', 1), ms(result.latencyMs)));
        }
        return;
    }

    const Json parsed = Json::parse(result.body.cbegin(), result.body.cend(), nullptr, false);
    if (context.json()) {
        Json json = Json::object();
        json["status"] = result.status;
        json["latencyMs"] = std::round(result.latencyMs * 1000.0) / 1000.0;
        json["model"] = result.model.isEmpty() ? Json(nullptr) : Json(result.model.toStdString());
        json["promptTokens"] = orNull(result.promptTokens);
        json["completionTokens"] = orNull(result.completionTokens);
        json["totalTokens"] = orNull(result.totalTokens);
        json["errorCode"] = result.errorCode.isEmpty() ? Json(nullptr) : Json(result.errorCode.toStdString());
        json["body"] = parsed.is_discarded() ? Json(QString::fromUtf8(result.body).toStdString()) : parsed;
        context.printJson(json);
    } else if (!failed) {
        //: %1 is the HTTP status code, %2 the latency in milliseconds.
        QString line = tr("HTTP %1 · %2 ms").arg(result.status).arg(ms(result.latencyMs));
        if (!result.model.isEmpty())
            line += QStringLiteral(" · ") + result.model;
        if (result.totalTokens >= 0)
            //: %1 is the number of tokens the answer reports (prompt and completion).
            line += QStringLiteral(" · ") + tr("%1 tokens").arg(result.totalTokens);
        context.print(line);
        if (!parsed.is_discarded()) {
            context.printJson(parsed);
        } else if (!result.body.isEmpty()) {
            context.print(QString::fromUtf8(result.body));
        }
    }
    if (failed)
        throw CtlError::failure(describeFailure(result));
}

} // namespace gatehouse
