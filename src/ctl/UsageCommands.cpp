#include "ctl/UsageCommands.h"

#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"
#include "usage/UsageNames.h"
#include "usage/UsageQuery.h"

#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>

namespace gatehouse {

namespace {

const QString sinceOption = QStringLiteral("since");
const QString untilOption = QStringLiteral("until");
const QString groupByOption = QStringLiteral("group-by");
const QString bucketOption = QStringLiteral("bucket");

QString utcText(qint64 ms, UsageBucketSize bucket) {
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return when.toString(bucket == UsageBucketSize::Day ? QStringLiteral("yyyy-MM-dd")
                                                        : QStringLiteral("yyyy-MM-dd HH:mm"));
}

std::string isoText(qint64 ms) {
    return toStdString(CtlContext::isoTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)));
}

Json textOrNull(const QString& text) {
    return text.isEmpty() ? Json(nullptr) : Json(toStdString(text));
}

Json countersJson(const UsageCounters& counters) {
    Json json = Json::object();
    json["requests"] = counters.requests;
    json["errors"] = counters.errors;
    json["promptTokens"] = counters.promptTokens;
    json["completionTokens"] = counters.completionTokens;
    json["cachedTokens"] = counters.cachedTokens;
    json["reasoningTokens"] = counters.reasoningTokens;
    json["totalTokens"] = counters.totalTokens;
    json["costUsd"] = counters.costUsd();
    json["cachedShare"] = counters.cachedShare();
    json["estimatedCosts"] = counters.estimatedCosts;
    json["estimatedUsage"] = counters.estimatedUsage;
    json["notCalculatedCosts"] = counters.notCalculatedCosts;
    json["interventions"] = counters.interventions;
    json["cacheHits"] = counters.cacheHits;
    json["savedTokens"] = counters.savedTokens;
    json["savedCostUsd"] = counters.savedCostUsd();
    return json;
}

// Six decimals: a cheap model's call costs a few millionths of a dollar.
QString costText(const UsageCounters& counters) {
    return QString::number(counters.costUsd(), 'f', 6);
}

bool grouped(const UsageReport& report, UsageDimension dimension) {
    return std::find(report.groupBy.begin(), report.groupBy.end(), dimension) != report.groupBy.end();
}

} // namespace

std::vector<Command> UsageCommands::commands() {
    Command usage;
    usage.words = QStringList{QStringLiteral("usage")};
    usage.synopsis = QStringLiteral("[--since 24h|7d|30m|TIME] [--until TIME] [--group-by api,app,model] "
                                    "[--bucket none|minute|hour|day]");
    usage.summary = tr("Sum tokens, cost, requests and errors from the gateway's access logs.");
    usage.description =
        //: Keep the option values (30m, 24h, 7d, api, app, model, none, minute, hour, day) and the JSON
        //: member names in English.
        tr("Sums the access logs of the workspace's gateway (<workspace>/logs) over a time range: requests, "
           "errors, prompt, completion, cached and total tokens, and cost in USD, per group and time "
           "bucket, the largest cost first. --since and --until take a time back from now (30m, 24h, 7d, "
           "2w), \"now\", or an ISO 8601 date or time (2026-12-07, 2026-12-07T05:00:00Z; UTC unless it "
           "names an offset); the range is read in whole minutes. --group-by takes any of api, app and "
           "model, comma-separated; --bucket cuts the range into UTC minutes, hours or days. Each log gets "
           "an index next to it (access-YYYYMMDD.jsonl.idx), so later runs read only what was appended. "
           "With --json: {\"since\", \"until\", \"bucket\", \"groupBy\", \"rows\": [{\"start\" (with a "
           "bucket), \"api\" and \"apiId\", \"app\" and \"appId\", \"model\" (those grouped by), "
           "\"requests\", \"errors\", \"promptTokens\", \"completionTokens\", \"cachedTokens\", "
           "\"reasoningTokens\", \"totalTokens\", \"costUsd\", \"cachedShare\", \"estimatedCosts\", "
           "\"estimatedUsage\", \"notCalculatedCosts\", \"interventions\", \"cacheHits\", \"savedTokens\", "
           "\"savedCostUsd\"}], \"totals\": {the same "
           "counts}}.");
    usage.options = {
        Command::valueOption(sinceOption, QStringLiteral("TIME"),
                             tr("Start of the range: 30m, 24h, 7d, 2w back from now, or an ISO 8601 time "
                                "(default: 24h).")),
        Command::valueOption(untilOption, QStringLiteral("TIME"),
                             tr("End of the range, not included: the same forms (default: now).")),
        Command::valueOption(groupByOption, QStringLiteral("DIMENSIONS"),
                             tr("Group by any of api, app and model, comma-separated (default: no "
                                "groups, one row per bucket).")),
        Command::valueOption(bucketOption, QStringLiteral("SIZE"),
                             tr("Cut the range into UTC minutes, hours or days: none, minute, hour or day "
                                "(default: none).")),
    };
    usage.run = &UsageCommands::usage;
    return {usage};
}

std::optional<qint64> UsageCommands::parseTime(const QString& text, qint64 nowMs) {
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return nowMs;
    static const QRegularExpression duration(QStringLiteral("^(\\d{1,9})\\s*([mhdw])$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = duration.match(trimmed); match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0).toLower();
        const qint64 unitMs = unit == QLatin1Char('m')   ? 60'000
                              : unit == QLatin1Char('h') ? 3'600'000
                              : unit == QLatin1Char('d') ? 86'400'000
                                                         : 7 * 86'400'000LL;
        return nowMs - count * unitMs;
    }
    // A date alone is the start of that UTC day; a time without an offset is UTC, as the logs are.
    // (QDate reads the date at the start of a longer text too: only a text that is a date alone.)
    if (const QDate day = QDate::fromString(trimmed, Qt::ISODate); day.isValid() && trimmed.size() == 10)
        return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QDateTime when = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!when.isValid())
        return std::nullopt;
    if (when.timeSpec() == Qt::LocalTime)
        when.setTimeSpec(Qt::UTC);
    return when.toMSecsSinceEpoch();
}

Json UsageCommands::reportJson(const UsageReport& report, const UsageNames& names) {
    const bool byApi = grouped(report, UsageDimension::Api);
    const bool byApplication = grouped(report, UsageDimension::Application);
    const bool byModel = grouped(report, UsageDimension::Model);
    Json json = Json::object();
    json["since"] = isoText(report.sinceMs);
    json["until"] = isoText(report.untilMs);
    json["bucket"] = toStdString(usageBucketSizeName(report.bucket));
    Json groupBy = Json::array();
    for (const UsageDimension dimension : report.groupBy)
        groupBy.push_back(toStdString(usageDimensionName(dimension)));
    json["groupBy"] = groupBy;
    Json rows = Json::array();
    for (const UsageRow& row : report.rows) {
        Json entry = Json::object();
        if (report.bucket != UsageBucketSize::None)
            entry["start"] = isoText(row.bucketStartMs);
        if (byApi) {
            entry["api"] = textOrNull(names.api(row.apiId, row.apiName));
            entry["apiId"] = textOrNull(row.apiId);
        }
        if (byApplication) {
            entry["app"] = textOrNull(names.application(row.applicationId));
            entry["appId"] = textOrNull(row.applicationId);
        }
        if (byModel)
            entry["model"] = textOrNull(row.model);
        entry.update(countersJson(row.counters));
        rows.push_back(entry);
    }
    json["rows"] = rows;
    json["totals"] = countersJson(report.totals);
    return json;
}

void UsageCommands::usage(CtlContext& context, const CommandArguments& arguments) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto timeOf = [&](const QString& option, const QString& fallback) {
        const QString text = arguments.isSet(option) ? arguments.nonEmptyIfSet(option) : fallback;
        const std::optional<qint64> ms = parseTime(text, now);
        if (!ms)
            //: %1 is --since or --until, %2 what was typed. Keep 30m, 24h, 7d and the example time.
            throw CtlError::usage(tr("%1 must be a time back from now such as 30m, 24h or 7d, or an ISO 8601 "
                                     "time such as 2026-12-07T05:00:00Z (got \"%2\")")
                                      .arg(CommandArguments::dashed(option), text));
        return *ms;
    };
    UsageRequest request;
    request.sinceMs = timeOf(sinceOption, QStringLiteral("24h"));
    request.untilMs = timeOf(untilOption, QStringLiteral("now"));
    if (request.sinceMs >= request.untilMs)
        throw CtlError::usage(tr("--since must be before --until"));
    if (arguments.isSet(groupByOption)) {
        for (const QString& word : arguments.value(groupByOption).split(QLatin1Char(','))) {
            const std::optional<UsageDimension> dimension = parseUsageDimension(word);
            if (!dimension)
                //: %1 is what was typed; keep api, app and model in English.
                throw CtlError::usage(
                    tr("--group-by: unknown dimension \"%1\" (use api, app, model)").arg(word.trimmed()));
            if (std::find(request.groupBy.begin(), request.groupBy.end(), *dimension) ==
                request.groupBy.end())
                request.groupBy.push_back(*dimension);
        }
    }
    if (arguments.isSet(bucketOption)) {
        const QString text = arguments.value(bucketOption);
        const std::optional<UsageBucketSize> bucket = parseUsageBucketSize(text);
        if (!bucket)
            //: %1 is what was typed; keep none, minute, hour and day in English.
            throw CtlError::usage(
                tr("--bucket must be none, minute, hour or day (got \"%1\")").arg(text.trimmed()));
        request.bucket = *bucket;
    }
    const Workspace& workspace = context.workspace();
    request.logsFolder = workspace.filePath(QStringLiteral("logs"));
    const UsageReport report = UsageQuery::run(request);
    for (const QString& warning : report.warnings)
        CtlContext::warn(warning);
    const UsageNames names(workspace);
    if (context.json()) {
        context.printJson(reportJson(report, names));
        return;
    }

    const bool byApi = grouped(report, UsageDimension::Api);
    const bool byApplication = grouped(report, UsageDimension::Application);
    const bool byModel = grouped(report, UsageDimension::Model);
    const bool bucketed = report.bucket != UsageBucketSize::None;
    //: %1 and %2 are UTC times such as 2026-12-07 05:00.
    QStringList lines{tr("Usage from %1 to %2 UTC:")
                          .arg(utcText(report.sinceMs, UsageBucketSize::Minute),
                               utcText(report.untilMs, UsageBucketSize::Minute))};
    if (report.rows.empty()) {
        lines.append(QStringLiteral("  ") + tr("(no calls)"));
        context.print(lines.join(QLatin1Char('\n')));
        return;
    }
    QStringList headers;
    if (bucketed)
        //: Column headers of "usage", in capitals.
        headers.append(tr("TIME (UTC)"));
    if (byApi)
        headers.append(tr("API"));
    if (byApplication)
        headers.append(tr("APP"));
    if (byModel)
        headers.append(tr("MODEL"));
    if (headers.isEmpty())
        headers.append(QString());
    const qsizetype labelColumns = headers.size();
    headers << tr("REQUESTS") << tr("ERRORS") << tr("PROMPT") << tr("COMPLETION") << tr("CACHED")
            << tr("TOTAL") << tr("COST USD");
    std::vector<QStringList> cells;
    const auto numbers = [](const UsageCounters& counters) {
        return QStringList{QString::number(counters.requests),
                           QString::number(counters.errors),
                           QString::number(counters.promptTokens),
                           QString::number(counters.completionTokens),
                           QString::number(counters.cachedTokens),
                           QString::number(counters.totalTokens),
                           costText(counters)};
    };
    const QString none = QStringLiteral("-");
    // Without groups or buckets the one row is the total.
    const bool labelled = bucketed || !report.groupBy.empty();
    for (const UsageRow& row : labelled ? report.rows : std::vector<UsageRow>()) {
        QStringList line;
        if (bucketed)
            line.append(utcText(row.bucketStartMs, report.bucket));
        if (byApi)
            line.append(names.api(row.apiId, row.apiName));
        if (byApplication) {
            const QString name = names.application(row.applicationId);
            line.append(name.isEmpty() ? none : name);
        }
        if (byModel)
            line.append(row.model.isEmpty() ? none : row.model);
        cells.push_back(line + numbers(row.counters));
    }
    QStringList total(labelColumns, QString());
    //: The label of the last line of the usage table, the sums of all rows.
    total[0] = tr("Total");
    cells.push_back(total + numbers(report.totals));
    // Numbers right-aligned: pad each numeric cell (and its header) to its column's width.
    for (qsizetype column = labelColumns; column < headers.size(); ++column) {
        qsizetype width = headers[column].size();
        for (const QStringList& line : cells)
            width = std::max(width, line[column].size());
        headers[column] = headers[column].rightJustified(width);
        for (QStringList& line : cells)
            line[column] = line[column].rightJustified(width);
    }
    TextTable table(headers);
    for (QStringList& line : cells)
        table.addRow(std::move(line));
    lines.append(table.toString());
    if (report.totals.estimatedCosts > 0)
        //: %1 is a number of calls.
        lines.append(tr("Estimated cost (the upstream reported no usage): %1 calls")
                         .arg(report.totals.estimatedCosts));
    if (report.totals.notCalculatedCosts > 0)
        //: %1 is a number of calls.
        lines.append(tr("No cost calculated (no price for the model): %1 calls")
                         .arg(report.totals.notCalculatedCosts));
    context.print(lines.join(QLatin1Char('\n')));
}

} // namespace gatehouse
