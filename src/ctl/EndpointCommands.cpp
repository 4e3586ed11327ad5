#include "ctl/EndpointCommands.h"

#include "console/EndpointModelQuery.h"
#include "core/SecretStore.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/HttpClient.h"
#include "ctl/TextTable.h"

#include <QFile>
#include <cstdio>
#include <optional>
#include <utility>

namespace gatehouse {

namespace {

const QString keyOption = QStringLiteral("key");
const QString keyStdinOption = QStringLiteral("key-stdin");

QStringList endpointIds(const Api& api) {
    QStringList ids;
    for (const Endpoint& endpoint : api.endpoints)
        ids.append(endpoint.id);
    return ids;
}

} // namespace

std::vector<Command> EndpointCommands::commands() {
    Command add;
    add.words = QStringList{QStringLiteral("endpoint"), QStringLiteral("add")};
    add.synopsis =
        QStringLiteral("--api X --stage production|sandbox --id ID --name NAME --url URL [--key KEY]");
    add.summary = tr("Add an endpoint (a backend) to an API.");
    add.description = tr("Adds a named endpoint to one stage of an API; model routers refer to it by "
                         "its id. The key, if given, goes to the secret store only.");
    add.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(QStringLiteral("stage"), QStringLiteral("production|sandbox"),
                             tr("The stage (key type) the endpoint serves.")),
        Command::valueOption(QStringLiteral("id"), QStringLiteral("ID"),
                             tr("The endpoint's id, unique within the API.")),
        Command::valueOption(QStringLiteral("name"), QStringLiteral("NAME"), tr("Display name.")),
        Command::valueOption(QStringLiteral("url"), QStringLiteral("URL"), tr("The backend's base URL.")),
        Command::valueOption(keyOption, QStringLiteral("KEY"), tr("The backend's API key.")),
    };
    add.modifiesWorkspace = true;
    add.run = &EndpointCommands::add;

    Command setKey;
    setKey.words = QStringList{QStringLiteral("endpoint"), QStringLiteral("set-key")};
    setKey.synopsis = QStringLiteral("--api X --endpoint ID (--key KEY | --key-stdin)");
    setKey.summary = tr("Store or replace the API key of an endpoint.");
    setKey.description = tr("Stores the API key of one endpoint in the secret store (replacing any "
                            "previous one). --key-stdin reads the first line of standard input, so "
                            "the key stays out of the shell history and the process list.");
    setKey.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(QStringLiteral("endpoint"), QStringLiteral("ID"), tr("The endpoint's id.")),
        Command::valueOption(keyOption, QStringLiteral("KEY"), tr("The key.")),
        Command::flagOption(keyStdinOption, tr("Read the key from the first line of standard input.")),
    };
    setKey.modifiesWorkspace = true;
    setKey.run = &EndpointCommands::setKey;

    Command list;
    list.words = QStringList{QStringLiteral("endpoint"), QStringLiteral("list")};
    list.synopsis = QStringLiteral("--api X");
    list.summary = tr("List an API's endpoints and whether their keys are stored.");
    list.description = tr("Lists the endpoints of an API: id, stage, name, URL and whether a key is "
                          "stored (the key itself is never shown).");
    list.options = {CommonOptions::apiSelector()};
    list.run = &EndpointCommands::list;

    Command models;
    models.words = QStringList{QStringLiteral("endpoint"), QStringLiteral("models")};
    models.synopsis = QStringLiteral("--api X [--stage production|sandbox] [--endpoint ID]");
    models.summary = tr("List the models an endpoint itself says it serves.");
    models.description =
        tr("Asks the endpoint for its model list (GET <endpoint URL>/models) with its stored key, sent "
           "as the gateway sends it, and prints the model ids one per line; those the provider's own "
           "model list does not have are marked. Without --endpoint, the stage's primary endpoint is "
           "asked (production unless --stage says otherwise). With --json: an array of {\"id\", "
           "\"known\"}, known meaning the provider lists the model. Gives up after %1 s.")
            .arg(EndpointModelQuery::TimeoutMs / 1000);
    models.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(QStringLiteral("stage"), QStringLiteral("production|sandbox"),
                             tr("The stage whose primary endpoint is asked (default: production).")),
        Command::valueOption(QStringLiteral("endpoint"), QStringLiteral("ID"), tr("The endpoint's id.")),
    };
    models.run = &EndpointCommands::models;

    Command setPrimary;
    setPrimary.words = QStringList{QStringLiteral("endpoint"), QStringLiteral("set-primary")};
    setPrimary.synopsis = QStringLiteral("--api X --endpoint ID");
    setPrimary.summary = tr("Make an endpoint its stage's primary endpoint (WSO2's \"Set as Primary\").");
    setPrimary.description =
        tr("Makes the endpoint the primary one of its stage: the endpoint the stage's requests go to when "
           "no model router picks one. Without a primary, a stage uses its default endpoint, else its "
           "first. Takes effect with the next deployed revision.");
    setPrimary.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(QStringLiteral("endpoint"), QStringLiteral("ID"), tr("The endpoint's id.")),
    };
    setPrimary.modifiesWorkspace = true;
    setPrimary.run = &EndpointCommands::setPrimary;

    return {add, setKey, list, models, setPrimary};
}

QString EndpointCommands::keyFromStandardInput() {
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        throw CtlError::failure(tr("cannot read standard input"));
    QString line = QString::fromUtf8(input.readLine());
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    if (line.trimmed().isEmpty())
        throw CtlError::usage(tr("--key-stdin: no key on the first line of standard input"));
    return line;
}

void EndpointCommands::add(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    Endpoint endpoint;
    endpoint.stage = arguments.requiredStage(QStringLiteral("stage"));
    endpoint.id = arguments.required(QStringLiteral("id"));
    endpoint.name = arguments.required(QStringLiteral("name"));
    endpoint.url = arguments.required(QStringLiteral("url"));
    const QString key = arguments.nonEmptyIfSet(keyOption);
    endpoint.hasKey = !key.isEmpty();
    if (api.endpoint(endpoint.id))
        throw CtlError::failure(tr("%1 already has an endpoint with id \"%2\"").arg(api.name, endpoint.id));
    api.endpoints.push_back(endpoint);
    context.checkApi(api);

    QString error;
    const QString keyName = SecretStore::endpointKeyName(api.id, endpoint.id);
    if (!key.isEmpty() && !context.secrets().write(keyName, key, &error))
        throw CtlError::failure(tr("cannot store the key of endpoint %1 in %2: %3")
                                    .arg(endpoint.id, context.secrets().description(), error));
    if (!workspace.saveApi(api).ok(&error)) {
        if (!key.isEmpty()) {
            QString ignored;
            context.secrets().remove(keyName, &ignored);
        }
        throw CtlError::failure(error);
    }
    if (context.json())
        context.printJson(endpoint.toJson());
    else
        context.print(
            tr("Added the %1 endpoint %2 to %3").arg(stageName(endpoint.stage), endpoint.id, api.name));
}

void EndpointCommands::setKey(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    const QString endpointId = arguments.required(QStringLiteral("endpoint"));
    const QString source = arguments.exactlyOneOf({keyOption, keyStdinOption});
    Endpoint* endpoint = api.endpoint(endpointId);
    if (!endpoint)
        throw CtlError::failure(tr("%1 has no endpoint \"%2\" (endpoints: %3)")
                                    .arg(api.name, endpointId, endpointIds(api).join(QStringLiteral(", "))));
    const QString key = source == keyOption ? arguments.required(keyOption) : keyFromStandardInput();

    QString error;
    if (!context.secrets().write(SecretStore::endpointKeyName(api.id, endpoint->id), key, &error))
        throw CtlError::failure(tr("cannot store the key of endpoint %1 in %2: %3")
                                    .arg(endpoint->id, context.secrets().description(), error));
    if (!endpoint->hasKey) {
        endpoint->hasKey = true;
        if (!workspace.saveApi(api).ok(&error))
            throw CtlError::failure(error);
    }
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json["endpoint"] = toStdString(endpointId);
        json["keyStored"] = true;
        context.printJson(json);
    } else {
        context.print(tr("Stored the key of endpoint %1 of %2 in %3")
                          .arg(endpointId, api.name, context.secrets().description()));
    }
}

void EndpointCommands::setPrimary(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    const QString endpointId = arguments.required(QStringLiteral("endpoint"));
    const Endpoint* endpoint = api.endpoint(endpointId);
    if (!endpoint)
        throw CtlError::failure(tr("%1 has no endpoint \"%2\" (endpoints: %3)")
                                    .arg(api.name, endpointId, endpointIds(api).join(QStringLiteral(", "))));
    const Stage stage = endpoint->stage;
    api.setPrimaryEndpointId(stage, endpointId);
    context.checkApi(api);
    QString error;
    if (!workspace.saveApi(api).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json[Api::primaryEndpointKey(stage)] = toStdString(endpointId);
        context.printJson(json);
    } else {
        context.print(
            tr("%1 is now the primary %2 endpoint of %3").arg(endpointId, stageName(stage), api.name));
    }
}

void EndpointCommands::list(CtlContext& context, const CommandArguments& arguments) {
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    if (context.json()) {
        Json list = Json::array();
        for (const Endpoint& endpoint : api.endpoints) {
            Json entry = endpoint.toJson();
            entry["primary"] = api.primaryEndpoint(endpoint.stage) == &endpoint;
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    if (api.endpoints.empty()) {
        context.print(tr("%1 has no endpoints.").arg(api.name));
        return;
    }
    //: Column headers of "endpoint list", in capitals.
    TextTable table({tr("ID"), tr("STAGE"), tr("NAME"), tr("URL"), tr("KEY"), tr("PRIMARY")});
    //: In the KEY column: the endpoint's key is stored.
    const QString stored = tr("stored");
    //: In the KEY column: the endpoint has no key.
    const QString noKey = tr("none");
    //: In the PRIMARY column: the endpoint is its stage's primary one.
    const QString primary = tr("yes");
    for (const Endpoint& endpoint : api.endpoints)
        table.addRow({endpoint.id, stageName(endpoint.stage), endpoint.name, endpoint.url,
                      endpoint.hasKey ? stored : noKey,
                      api.primaryEndpoint(endpoint.stage) == &endpoint ? primary : QStringLiteral("-")});
    context.print(table.toString());
}

void EndpointCommands::models(CtlContext& context, const CommandArguments& arguments) {
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    const QString endpointId = arguments.nonEmptyIfSet(QStringLiteral("endpoint"));
    const std::optional<Stage> stage =
        arguments.isSet(QStringLiteral("stage"))
            ? std::make_optional(arguments.requiredStage(QStringLiteral("stage")))
            : std::nullopt;
    const Endpoint* endpoint = nullptr;
    if (!endpointId.isEmpty()) {
        endpoint = api.endpoint(endpointId);
        if (!endpoint)
            throw CtlError::failure(
                tr("%1 has no endpoint \"%2\" (endpoints: %3)")
                    .arg(api.name, endpointId, endpointIds(api).join(QStringLiteral(", "))));
        if (stage && endpoint->stage != *stage)
            throw CtlError::failure(tr("\"%1\" is a %2 endpoint, not a %3 one")
                                        .arg(endpointId, stageName(endpoint->stage), stageName(*stage)));
    } else {
        endpoint = api.primaryEndpoint(stage.value_or(Stage::Production));
        if (!endpoint)
            throw CtlError::failure(
                tr("%1 has no %2 endpoint").arg(api.name, stageName(stage.value_or(Stage::Production))));
    }

    const Provider* provider = context.providerOf(api);
    const Result<EndpointModelQuery> query =
        EndpointModelQuery::prepare(api, *endpoint, provider, context.secrets());
    if (!query)
        throw CtlError::failure(query.error());
    const HttpClient::Answer answer =
        HttpClient(EndpointModelQuery::TimeoutMs).get(query->url(), query->headers());
    if (!answer.isHttpAnswer())
        throw CtlError::failure(query->noAnswer(answer.error));
    const Result<std::vector<EndpointModelQuery::Model>> models =
        query->readAnswer(answer.status, answer.body);
    if (!models)
        throw CtlError::failure(models.error());

    if (context.json()) {
        Json list = Json::array();
        for (const EndpointModelQuery::Model& model : models.value()) {
            Json entry = Json::object();
            entry["id"] = toStdString(model.id);
            entry["known"] = model.known;
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    QStringList lines;
    for (const EndpointModelQuery::Model& model : models.value()) {
        //: After a model id that the provider's own model list lacks; %1 is the provider ("OpenAI").
        lines.append(model.known ? model.id
                                 : model.id + QStringLiteral("  ") +
                                       tr("(not in %1's list)").arg(provider->displayName));
    }
    if (lines.isEmpty())
        lines.append(tr("%1 lists no models.").arg(query->shownUrl()));
    context.print(lines.join(QLatin1Char('\n')));
}

} // namespace gatehouse
