#include "ctl/GatewayCommands.h"

#include "core/JsonFile.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/HttpClient.h"
#include "ctl/TextTable.h"
#include "ctl/TokenCommand.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <cmath>

namespace gatehouse {

namespace {

const QString adminOption = QStringLiteral("admin");
const QString runFile = QStringLiteral("run/gateway.json");

QString scalarText(const Json& value) {
    if (value.is_string())
        return toQString(value.get_ref<const std::string&>());
    if (value.is_null())
        return QStringLiteral("-");
    return toQString(dumpCompact(value));
}

// The first of `keys` present in `object`.
const Json* field(const Json& object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const auto it = object.find(key);
        if (it != object.end())
            return &*it;
    }
    return nullptr;
}

QString fieldText(const Json& object, std::initializer_list<const char*> keys) {
    const Json* value = field(object, keys);
    return value ? scalarText(*value) : QStringLiteral("-");
}

// Seconds until the pair is readmitted: a number the gateway gives, or the time left until "until".
QString secondsLeftText(const Json& row) {
    if (const Json* seconds =
            field(row, {"secondsLeft", "secondsRemaining", "remainingSeconds", "retryAfter"})) {
        if (seconds->is_number())
            return QString::number(std::ceil(seconds->get<double>()), 'f', 0);
        return scalarText(*seconds);
    }
    if (const Json* until = field(row, {"until", "suspendedUntil"}); until && until->is_string()) {
        const QDateTime when =
            QDateTime::fromString(toQString(until->get_ref<const std::string&>()), Qt::ISODateWithMs);
        if (when.isValid()) {
            const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(when);
            return QString::number(left <= 0 ? 0 : (left + 999) / 1000);
        }
    }
    return QStringLiteral("-");
}

// Nested counter objects flattened to "a.b" names.
void flatten(const Json& value, const QString& prefix, TextTable& table) {
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            flatten(it.value(),
                    prefix.isEmpty() ? toQString(it.key())
                                     : QString(prefix + QLatin1Char('.') + toQString(it.key())),
                    table);
        return;
    }
    table.addRow({prefix, scalarText(value)});
}

} // namespace

std::vector<Command> GatewayCommands::commands() {
    Command status;
    status.words = QStringList{QStringLiteral("gateway"), QStringLiteral("status")};
    status.synopsis = QStringLiteral("[--admin URL]");
    status.summary = tr("Show a running gateway's counters and suspended (endpoint, model) pairs.");
    status.description =
        tr("Asks a running gatehouse-gateway for its status (GET <admin>/status on its admin "
           "listener) and shows its "
           "counters and the suspension table: API, endpoint, model, failures and seconds until "
           "the pair is tried "
           "again. The admin address comes from --admin or from <workspace>/run/gateway.json, "
           "which a gateway serving "
           "the workspace writes. With --json, the status document as the gateway sends it.");
    status.options = {Command::valueOption(adminOption, QStringLiteral("URL"),
                                           tr("The admin listener, such as http://127.0.0.1:9280 "
                                              "(default: the one in <workspace>/run/gateway.json)."))};
    status.needsWorkspace = false; // not with --admin
    status.run = &GatewayCommands::status;
    return {status};
}

QUrl GatewayCommands::urlOf(const QString& address) {
    const QString text = address.trimmed();
    QUrl url(text.contains(QStringLiteral("://")) ? text : QStringLiteral("http://") + text,
             QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url;
}

QUrl GatewayCommands::adminUrl(CtlContext& context, const CommandArguments& arguments) {
    if (arguments.isSet(adminOption)) {
        const QUrl url = urlOf(arguments.required(adminOption));
        if (url.isEmpty())
            throw CtlError::usage(tr("--admin must be host:port or an http:// URL (got \"%1\")")
                                      .arg(arguments.value(adminOption)));
        return url;
    }
    context.openWorkspace(false);
    context.reportWorkspaceProblems();
    const Workspace& workspace = context.workspace();
    const QString path = workspace.filePath(runFile);
    if (!QFileInfo::exists(path))
        throw CtlError::failure(tr("no gateway is running on this workspace (start gatehouse-gateway "
                                   "--workspace %1)")
                                    .arg(workspace.directory()));
    const Result<Json> document = JsonFile::read(path, runFile);
    if (!document)
        throw CtlError::failure(document.error());
    const Json& run = document.value();
    const auto admin = run.is_object() ? run.find("admin") : run.end();
    if (!run.is_object() || admin == run.end() || !admin->is_string())
        throw CtlError::failure(tr("the gateway running on this workspace has no admin listener (%1 has no "
                                   "\"admin\" address); restart gatehouse-gateway with its admin "
                                   "listener or pass --admin URL")
                                    .arg(runFile));
    const QUrl url = urlOf(toQString(admin->get_ref<const std::string&>()));
    if (url.isEmpty())
        throw CtlError::failure(tr("%1: \"admin\" is not host:port").arg(runFile));
    return url;
}

QStringList GatewayCommands::statusText(const Json& status) {
    QStringList lines;
    if (!status.is_object())
        return {scalarText(status)};
    // API names by id, for the suspension table (its rows name the API by id).
    QHash<QString, QString> apiNames;
    TextTable facts({QString(), QString()});
    for (auto it = status.begin(); it != status.end(); ++it) {
        const std::string& key = it.key();
        if (key == "counters" || key == "suspensions" || key == "suspended" || key == "deployments" ||
            key == "problems")
            continue;
        if (it.value().is_object())
            flatten(it.value(), toQString(key), facts);
        else
            facts.addRow({toQString(key) + QLatin1Char(':'), scalarText(it.value())});
    }
    if (!facts.isEmpty())
        lines.append(tr("Gateway:") + QLatin1Char('\n') + facts.toString(2).section(QLatin1Char('\n'), 1));

    if (const Json* deployments = field(status, {"deployments"}); deployments && deployments->is_array()) {
        lines.append(tr("Deployed APIs:"));
        //: Column headers of the deployed APIs, in capitals.
        TextTable table({tr("API"), tr("BASE PATH"), tr("REVISION"), tr("ID")});
        for (const Json& row : *deployments) {
            if (!row.is_object())
                continue;
            const QString id = fieldText(row, {"apiId", "id"});
            const QString name = fieldText(row, {"api", "name"});
            apiNames.insert(id, name);
            table.addRow({name, fieldText(row, {"basePath"}), fieldText(row, {"revision"}), id});
        }
        lines.append(table.isEmpty() ? QString(QStringLiteral("  ") + tr("(none)")) : table.toString(2));
    }
    if (const Json* problems = field(status, {"problems"});
        problems && problems->is_array() && !problems->empty()) {
        lines.append(tr("Problems:"));
        for (const Json& problem : *problems)
            lines.append(QStringLiteral("  ") + scalarText(problem));
    }

    if (const Json* counters = field(status, {"counters"}); counters && counters->is_object()) {
        //: Column headers of the gateway's counters, in capitals.
        TextTable table({tr("COUNTER"), tr("VALUE")});
        flatten(*counters, QString(), table);
        lines.append(tr("Counters:"));
        lines.append(table.isEmpty() ? QString(QStringLiteral("  ") + tr("(none)")) : table.toString(2));
    }

    const Json* suspensions = field(status, {"suspensions", "suspended"});
    lines.append(tr("Suspended (API, endpoint, model) pairs:"));
    if (!suspensions || !suspensions->is_array() || suspensions->empty()) {
        lines.append(QStringLiteral("  ") + tr("(none)"));
        return lines;
    }
    //: Column headers of the suspended pairs, in capitals.
    TextTable table(
        {tr("API"), tr("ENDPOINT"), tr("MODEL"), tr("FAILURES"), tr("SECONDS LEFT"), tr("LAST ERROR")});
    for (const Json& row : *suspensions) {
        if (!row.is_object()) {
            table.addRow({scalarText(row)});
            continue;
        }
        const QString apiId = fieldText(row, {"apiId", "api"});
        QString secondsLeft = secondsLeftText(row);
        if (const Json* trial = field(row, {"trialInFlight"});
            trial && trial->is_boolean() && trial->get<bool>())
            //: %1 is the number of seconds until the pair is tried again.
            secondsLeft = tr("%1 (trial request in flight)").arg(secondsLeft);
        const Json* lastError = field(row, {"lastError"});
        table.addRow({apiNames.value(apiId, apiId), fieldText(row, {"endpoint", "endpointId"}),
                      fieldText(row, {"model"}), fieldText(row, {"failures", "failureCount"}), secondsLeft,
                      lastError && lastError->is_string() ? scalarText(*lastError) : QString()});
    }
    lines.append(table.toString(2));
    return lines;
}

void GatewayCommands::status(CtlContext& context, const CommandArguments& arguments) {
    QUrl url = adminUrl(context, arguments);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/status"));
    const QString shownUrl = url.toString();
    const HttpClient::Answer answer = HttpClient(TimeoutMs).get(
        url, {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}});
    if (!answer.isHttpAnswer())
        throw CtlError::failure(
            tr("cannot reach the gateway's admin listener at %1: %2 (is gatehouse-gateway "
               "still running?)")
                .arg(shownUrl, answer.error));
    if (!answer.isSuccess())
        throw CtlError::failure(tr("%1 answered HTTP %2: %3")
                                    .arg(shownUrl)
                                    .arg(answer.status)
                                    .arg(TokenCommand::errorReason(answer.status, answer.body)));
    Json status;
    try {
        status = Json::parse(answer.body.constData(), answer.body.constData() + answer.body.size());
    } catch (const Json::exception&) {
        throw CtlError::failure(tr("the answer of %1 is not JSON").arg(shownUrl));
    }
    if (context.json())
        context.printJson(status);
    else
        context.print(statusText(status).join(QLatin1Char('\n')));
}

} // namespace gatehouse
