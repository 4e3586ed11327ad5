#include "ctl/GatewayCommands.h"

#include "core/JsonFile.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/EndpointCommands.h"
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
const QString backendOption = QStringLiteral("backend");
const QString urlOption = QStringLiteral("url");
const QString keyPrefixOption = QStringLiteral("key-prefix");
const QString failureModeOption = QStringLiteral("failure-mode");
const QString commandTimeoutOption = QStringLiteral("command-timeout");
const QString passwordStdinOption = QStringLiteral("password-stdin");
const QString clearPasswordOption = QStringLiteral("clear-password");
const QString strictRotationOption = QStringLiteral("strict-rotation");
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

    Command shared;
    shared.words = QStringList{QStringLiteral("gateway"), QStringLiteral("shared-state")};
    shared.synopsis =
        QStringLiteral("[--backend local|redis] [--url URL] [--key-prefix P] [--failure-mode "
                       "open|closed] [--command-timeout MS] [--strict-rotation on|off] [--password-stdin | "
                       "--clear-password]");
    shared.summary = tr("Show or set where gateway replicas share suspensions, quotas and budgets.");
    shared.description = tr(
        "With the local backend (the default) each gateway keeps what it learns at run time to itself. "
        "With redis, every replica serving the workspace shares suspended models, plan quotas and dollar "
        "budgets through the Redis (or Valkey) at --url: redis://host:port/db or unix:///path?db=N. "
        "--failure-mode open (the default) keeps serving while Redis is away, each replica counting "
        "alone at its share of each limit; closed answers 503 to requests with a quota until it is back. "
        "--command-timeout is how long a request waits for Redis (default 50 ms). --strict-rotation on "
        "makes balanced operations take their turn from one counter in Redis (one command per request), so "
        "a weighted rotation is exact across replicas; off (the default), each replica rotates on its own. "
        "--password-stdin "
        "stores the password, read from the first line of standard input, in the secret store (never "
        "in the workspace). Gateways read the setting when they start; gatehouse-gateway --redis URL "
        "overrides it.");
    shared.options = {
        Command::valueOption(backendOption, QStringLiteral("local|redis"), tr("Where the state is kept.")),
        Command::valueOption(urlOption, QStringLiteral("URL"), tr("The Redis to share it through.")),
        Command::valueOption(keyPrefixOption, QStringLiteral("P"),
                             tr("What every key starts with (default gatehouse:).")),
        Command::valueOption(failureModeOption, QStringLiteral("open|closed"),
                             tr("What replicas do while Redis cannot be reached.")),
        Command::valueOption(commandTimeoutOption, QStringLiteral("MS"),
                             tr("How long a request waits for Redis.")),
        Command::valueOption(strictRotationOption, QStringLiteral("on|off"),
                             tr("Share the weighted rotation across replicas (one command per request).")),
        Command::flagOption(passwordStdinOption,
                            tr("Read the password from the first line of standard input.")),
        Command::flagOption(clearPasswordOption, tr("Remove the stored password.")),
    };
    shared.modifiesWorkspace = true;
    shared.run = &GatewayCommands::sharedState;
    return {status, shared};
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

void GatewayCommands::sharedState(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    WorkspaceSettings settings = workspace.settings();
    // The options over the current settings, checked as workspace.json's sharedState is checked.
    Json json = settings.sharedState.toJson();
    const std::pair<const QString*, const char*> textOptions[] = {{&backendOption, "backend"},
                                                                  {&urlOption, "url"},
                                                                  {&keyPrefixOption, "keyPrefix"},
                                                                  {&failureModeOption, "failureMode"}};
    bool changed = false;
    for (const auto& [option, key] : textOptions) {
        if (arguments.isSet(*option)) {
            json[key] = toStdString(arguments.value(*option).trimmed());
            changed = true;
        }
    }
    if (arguments.isSet(commandTimeoutOption)) {
        bool numeric = false;
        const int timeout = arguments.value(commandTimeoutOption).toInt(&numeric);
        if (!numeric)
            throw CtlError::usage(tr("--command-timeout must be a number of milliseconds (got \"%1\")")
                                      .arg(arguments.value(commandTimeoutOption)));
        json["commandTimeoutMs"] = timeout;
        changed = true;
    }
    if (arguments.isSet(strictRotationOption)) {
        const QString value = arguments.value(strictRotationOption).trimmed();
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            throw CtlError::usage(tr("--strict-rotation must be on or off (got \"%1\")").arg(value));
        json["strictRotation"] = value == QLatin1String("on");
        changed = true;
    }
    if (arguments.isSet(passwordStdinOption) && arguments.isSet(clearPasswordOption))
        throw CtlError::usage(tr("--password-stdin and --clear-password exclude each other"));
    QStringList errors;
    const SharedStateSettings updated =
        SharedStateSettings::fromJson(json, QStringLiteral("sharedState"), &errors);
    if (!errors.isEmpty())
        throw CtlError::usage(errors.first());
    QString error;
    if (changed) {
        settings.sharedState = updated;
        if (!workspace.saveSettings(settings).ok(&error))
            throw CtlError::failure(error);
    }
    const QString keyName = SecretStore::redisPasswordKeyName();
    if (arguments.isSet(passwordStdinOption)) {
        const QString password = EndpointCommands::keyFromStandardInput();
        if (!context.secrets().write(keyName, password, &error))
            throw CtlError::failure(
                tr("cannot store the password in %1: %2").arg(context.secrets().description(), error));
    }
    if (arguments.isSet(clearPasswordOption) && !context.secrets().remove(keyName, &error))
        throw CtlError::failure(
            tr("cannot remove the password from %1: %2").arg(context.secrets().description(), error));
    const SecretStore::ReadResult password = context.secrets().read(keyName);
    const bool hasPassword = password.found() && !password.value.isEmpty();
    const SharedStateSettings& shown = settings.sharedState;
    if (context.json()) {
        Json out = shown.toJson();
        out["passwordStored"] = hasPassword;
        context.printJson(out);
        return;
    }
    if (shown.backend == SharedStateSettings::Backend::Local) {
        context.print(tr("Shared state: local (each gateway keeps its own)"));
        return;
    }
    //: %1 the Redis URL, %2 "open" or "closed", %3 milliseconds, %4 the key prefix, %5 stored or none,
    //: %6 shared or per replica.
    context.print(tr("Shared state: redis at %1, failure mode %2, command timeout %3 ms, key prefix %4, "
                     "password %5, rotation %6")
                      .arg(shown.url, SharedStateSettings::failureModeName(shown.failureMode))
                      .arg(shown.commandTimeoutMs)
                      .arg(shown.keyPrefix, hasPassword ? tr("stored") : tr("none"),
                           shown.strictRotation ? tr("shared") : tr("per replica")));
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
