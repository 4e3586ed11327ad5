#include "ctl/ApiCommands.h"

#include "core/ApiFactory.h"
#include "core/ApiValidator.h"
#include "core/ApiVersioning.h"
#include "core/MemorySecretStore.h"
#include "core/SecretStore.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"
#include "interop/OpenApiDocument.h"
#include "interop/OpenApiImporter.h"

#include <QFile>
#include <utility>

namespace gatehouse {

namespace {

const QString fromOpenApiOption = QStringLiteral("from-openapi");

QString deployedText(const Workspace& workspace, const Api& api) {
    const Deployment* deployment = workspace.deployment(api.id);
    return deployment ? QCoreApplication::translate("gatehouse-ctl", "revision %1").arg(deployment->revision)
                      : QStringLiteral("-");
}

Json deploymentJson(const Workspace& workspace, const Api& api) {
    const Deployment* deployment = workspace.deployment(api.id);
    if (!deployment)
        return nullptr;
    Json json = Json::object();
    json["revision"] = deployment->revision;
    json["deployedAt"] = toStdString(CtlContext::isoTime(deployment->deployedAt));
    return json;
}

} // namespace

std::vector<Command> ApiCommands::commands() {
    Command create;
    create.words = QStringList{QStringLiteral("api"), QStringLiteral("create")};
    create.synopsis =
        QStringLiteral("(--name N --context C --version V --provider ID | --from-openapi FILE [--name N] "
                       "[--context C] [--version V] [--provider ID]) [--production-url URL] "
                       "[--production-key KEY] [--sandbox-url URL] [--sandbox-key KEY] [--description D]");
    create.summary = tr("Create an AI API from a provider template or an OpenAPI document.");
    create.description =
        tr("Creates an AI API from a provider template (see the providers built into Gatehouse: "
           "openai, azure-openai, "
           "anthropic, mistral, openai-compatible, demo), with the provider's operations and a "
           "default endpoint per "
           "stage. The API is validated before it is saved. Endpoint keys go to the secret store "
           "only, never to a "
           "workspace file. Prints the new API's id (the API as JSON with --json).") +
        QLatin1Char('\n') +
        tr("With --from-openapi, the operations (path templates, summaries, request samples) come from "
           "an OpenAPI 3.0 or 3.1 document in JSON or YAML, such as a local vLLM or Ollama server's; "
           "the name, context and version default to the document's title, a slug of it and its version, "
           "the production URL to its first server, the provider to openai-compatible.");
    create.options = {
        Command::valueOption(QStringLiteral("name"), QStringLiteral("N"), tr("The API's display name.")),
        Command::valueOption(QStringLiteral("context"), QStringLiteral("C"),
                             tr("The first segment of the gateway URL, without a leading '/': "
                                "\"smartchat\" serves /smartchat/<version>/...")),
        Command::valueOption(QStringLiteral("version"), QStringLiteral("V"),
                             tr("The API version, such as 1.0.0.")),
        Command::valueOption(QStringLiteral("provider"), QStringLiteral("ID"),
                             tr("The provider template's id, such as openai.")),
        Command::valueOption(QStringLiteral("production-url"), QStringLiteral("URL"),
                             tr("Base URL of the production endpoint (default: the provider's).")),
        Command::valueOption(QStringLiteral("production-key"), QStringLiteral("KEY"),
                             tr("API key of the production endpoint, stored in the secret store.")),
        Command::valueOption(QStringLiteral("sandbox-url"), QStringLiteral("URL"),
                             tr("Base URL of a sandbox endpoint (default: no sandbox endpoint).")),
        Command::valueOption(QStringLiteral("sandbox-key"), QStringLiteral("KEY"),
                             tr("API key of the sandbox endpoint, stored in the secret store.")),
        Command::valueOption(QStringLiteral("description"), QStringLiteral("D"),
                             tr("Description (default: the provider's).")),
        Command::valueOption(fromOpenApiOption, QStringLiteral("FILE"),
                             tr("An OpenAPI 3.0 or 3.1 document (JSON or YAML) whose operations the API "
                                "gets instead of the provider's.")),
    };
    create.modifiesWorkspace = true;
    create.run = &ApiCommands::create;

    Command list;
    list.words = QStringList{QStringLiteral("api"), QStringLiteral("list")};
    list.summary = tr("List the workspace's APIs.");
    list.description = tr("Lists the APIs of the workspace: name, version, context, provider, the "
                          "deployed revision and the id.");
    list.run = &ApiCommands::list;

    Command show;
    show.words = QStringList{QStringLiteral("api"), QStringLiteral("show")};
    show.synopsis = QStringLiteral("--api NAME|ID");
    show.summary = tr("Show one API: endpoints, operations, policies, deployment.");
    show.description = tr("Shows one API's design state: identity, endpoints (and whether their key is "
                          "stored), operations with their policy counts and the deployed revision. "
                          "With --json, the API as the workspace stores it plus its deployment.");
    show.options = {CommonOptions::apiSelector()};
    show.run = &ApiCommands::show;

    Command remove;
    remove.words = QStringList{QStringLiteral("api"), QStringLiteral("delete")};
    remove.synopsis = QStringLiteral("--api NAME|ID");
    remove.summary = tr("Delete an API, its revisions, its deployment and its endpoint keys.");
    remove.description = tr("Undeploys and deletes an API with all its revisions, and removes its "
                            "endpoint keys from the secret store. Subscriptions to it stay in the "
                            "applications until they unsubscribe.");
    remove.options = {CommonOptions::apiSelector()};
    remove.modifiesWorkspace = true;
    remove.run = &ApiCommands::remove;

    Command createVersion;
    createVersion.words = QStringList{QStringLiteral("api"), QStringLiteral("create-version")};
    createVersion.synopsis = QStringLiteral("--api NAME|ID --version V [--default]");
    createVersion.summary = tr("Copy an API to a new version (WSO2's \"Create New Version\").");
    createVersion.description =
        tr("Copies an API to a new version: its operations, endpoints, policies and primary endpoints, "
           "under its own base path /<context>/<version>. Endpoint keys are copied inside the secret "
           "store, never through a file. The new version starts in the CREATED state with no revisions: "
           "deploy it on its own. Applications subscribe to it separately. With --default it becomes "
           "the context's default version, which the gateway also serves at /<context>/... without a "
           "version once it is deployed (the previous default serves until then). Prints the new API's "
           "id.");
    createVersion.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(QStringLiteral("version"), QStringLiteral("V"), tr("The new version.")),
        Command::flagOption(QStringLiteral("default"), tr("Make the new version the default version.")),
    };
    createVersion.modifiesWorkspace = true;
    createVersion.run = &ApiCommands::createVersion;

    Command setDefault;
    setDefault.words = QStringList{QStringLiteral("api"), QStringLiteral("set-default-version")};
    setDefault.synopsis = QStringLiteral("--api NAME|ID [--off]");
    setDefault.summary = tr("Make an API version its context's default version.");
    setDefault.description =
        tr("Marks the API the default version of its context, and no other version of it: once it is "
           "deployed, the gateway also serves it at /<context>/... without a version. --off leaves the "
           "context without a default version.");
    setDefault.options = {
        CommonOptions::apiSelector(),
        Command::flagOption(QStringLiteral("off"), tr("Unmark it: no default version.")),
    };
    setDefault.modifiesWorkspace = true;
    setDefault.run = &ApiCommands::setDefaultVersion;

    return {create, list, show, remove, createVersion, setDefault};
}

Api ApiCommands::apiFromProvider(const Workspace& workspace, const CommandArguments& arguments) {
    const QString name = arguments.required(QStringLiteral("name"));
    const QString apiContext = arguments.required(QStringLiteral("context"));
    const QString version = arguments.required(QStringLiteral("version"));
    const QString providerId = arguments.required(QStringLiteral("provider"));
    const QString productionUrl = arguments.nonEmptyIfSet(QStringLiteral("production-url"));

    const Provider* provider = workspace.provider(providerId);
    if (!provider)
        throw CtlError::failure(tr("unknown provider \"%1\" (providers: %2)")
                                    .arg(providerId, workspace.providers().ids().join(QStringLiteral(", "))));
    if (productionUrl.isEmpty() && (provider->baseUrlRequired || provider->defaultBaseUrl.isEmpty()))
        throw CtlError::usage(tr("provider %1 has no default URL: pass --production-url").arg(provider->id));

    ApiFactory::Request request;
    request.id = workspace.newApiId(name, version);
    request.name = name;
    request.context = apiContext;
    request.version = version;
    request.description = arguments.value(QStringLiteral("description"));
    request.productionUrl = productionUrl;
    request.sandboxUrl = arguments.value(QStringLiteral("sandbox-url"));
    return ApiFactory::createAiApi(*provider, request);
}

Api ApiCommands::apiFromOpenApi(const Workspace& workspace, const CommandArguments& arguments) {
    const QString fileName = arguments.nonEmptyIfSet(fromOpenApiOption);
    OpenApiImportOptions options;
    options.name = arguments.nonEmptyIfSet(QStringLiteral("name"));
    options.context = arguments.nonEmptyIfSet(QStringLiteral("context"));
    options.version = arguments.nonEmptyIfSet(QStringLiteral("version"));
    options.providerId = arguments.nonEmptyIfSet(QStringLiteral("provider"));
    options.productionUrl = arguments.nonEmptyIfSet(QStringLiteral("production-url"));

    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        throw CtlError::failure(tr("cannot read %1: %2").arg(fileName, file.errorString()));
    const QByteArray document = file.readAll();
    if (options.productionUrl.isEmpty()) {
        // Without a usable server in the document the command line lacks --production-url, which is
        // a usage error like a provider without a default URL; a broken document is reported below.
        const Result<OpenApiDocument> parsed = OpenApiDocument::parse(document, fileName);
        if (parsed && !OpenApiImporter::hasAbsoluteServerUrl(parsed.value()))
            throw CtlError::usage(
                tr("%1 names no absolute server URL (servers[0].url): pass --production-url").arg(fileName));
    }
    Result<Api> built = OpenApiImporter::buildApi(document, fileName, workspace, options);
    if (!built)
        throw CtlError::failure(built.error());
    Api api = built.take();
    if (const QString description = arguments.value(QStringLiteral("description")); !description.isEmpty())
        api.description = description;
    if (const QString sandboxUrl = arguments.value(QStringLiteral("sandbox-url")); !sandboxUrl.isEmpty()) {
        Endpoint sandbox;
        sandbox.id = Endpoint::defaultId(Stage::Sandbox);
        sandbox.name = Endpoint::defaultName(Stage::Sandbox);
        sandbox.stage = Stage::Sandbox;
        sandbox.url = sandboxUrl;
        api.endpoints.push_back(sandbox);
    }
    return api;
}

void ApiCommands::create(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const QString productionKey = arguments.nonEmptyIfSet(QStringLiteral("production-key"));
    const QString sandboxUrl = arguments.nonEmptyIfSet(QStringLiteral("sandbox-url"));
    const QString sandboxKey = arguments.nonEmptyIfSet(QStringLiteral("sandbox-key"));
    if (!sandboxKey.isEmpty() && sandboxUrl.isEmpty())
        throw CtlError::usage(tr("--sandbox-key needs --sandbox-url: without it the API has no sandbox "
                                 "endpoint"));

    Api api = arguments.isSet(fromOpenApiOption) ? apiFromOpenApi(workspace, arguments)
                                                 : apiFromProvider(workspace, arguments);

    std::vector<std::pair<QString, QString>> keys; // endpoint id, key
    if (!productionKey.isEmpty())
        keys.emplace_back(Endpoint::defaultId(Stage::Production), productionKey);
    if (!sandboxKey.isEmpty())
        keys.emplace_back(Endpoint::defaultId(Stage::Sandbox), sandboxKey);
    for (const auto& [endpointId, key] : keys) {
        if (Endpoint* endpoint = api.endpoint(endpointId))
            endpoint->hasKey = true;
    }
    context.checkApi(api);

    // Keys first: an API that says it has a key which is not stored would fail at the first call.
    QString error;
    QStringList written;
    const auto forgetWritten = [&]() {
        for (const QString& keyName : written) {
            QString ignored;
            context.secrets().remove(keyName, &ignored);
        }
    };
    for (const auto& [endpointId, key] : keys) {
        const QString keyName = SecretStore::endpointKeyName(api.id, endpointId);
        if (!context.secrets().write(keyName, key, &error)) {
            forgetWritten();
            throw CtlError::failure(tr("cannot store the key of endpoint %1 in %2: %3")
                                        .arg(endpointId, context.secrets().description(), error));
        }
        written.append(keyName);
    }
    if (!workspace.saveApi(api).ok(&error)) {
        forgetWritten();
        throw CtlError::failure(error);
    }
    const Api* saved = workspace.api(api.id);
    if (context.json())
        context.printJson(saved ? saved->toJson() : api.toJson());
    else
        context.print(api.id);
}

void ApiCommands::list(CtlContext& context, const CommandArguments&) {
    const Workspace& workspace = context.workspace();
    if (context.json()) {
        Json list = Json::array();
        for (const Api& api : workspace.apis()) {
            Json entry = Json::object();
            entry["id"] = toStdString(api.id);
            entry["name"] = toStdString(api.name);
            entry["version"] = toStdString(api.version);
            entry["context"] = toStdString(api.context);
            entry["basePath"] = toStdString(api.basePath());
            entry["type"] = toStdString(api.type);
            entry["provider"] = toStdString(api.providerId);
            entry["lifecycle"] = toStdString(lifecycleStateName(api.lifecycle));
            entry["deployment"] = deploymentJson(workspace, api);
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    if (workspace.apis().empty()) {
        context.print(tr("No APIs yet; create one with gatehouse-ctl api create."));
        return;
    }
    //: Column headers of "api list", in capitals.
    TextTable table({tr("NAME"), tr("VERSION"), tr("BASE PATH"), tr("PROVIDER"), tr("DEPLOYED"), tr("ID")});
    for (const Api& api : workspace.apis())
        table.addRow({api.name, api.version, api.basePath(),
                      api.providerId.isEmpty() ? QStringLiteral("-") : api.providerId,
                      deployedText(workspace, api), api.id});
    context.print(table.toString());
}

void ApiCommands::show(CtlContext& context, const CommandArguments& arguments) {
    const Workspace& workspace = context.workspace();
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    if (context.json()) {
        Json json = api.toJson();
        json["deployment"] = deploymentJson(workspace, api);
        context.printJson(json);
        return;
    }
    const Provider* provider = context.providerOf(api);
    QStringList lines;
    lines.append(tr("%1 %2 (id %3)").arg(api.name, api.version, api.id));
    TextTable facts({QString(), QString()});
    facts.addRow({tr("Base path:"), api.basePath()});
    facts.addRow({tr("Type:"), api.isAiApi() ? tr("AI API") : api.type});
    if (!api.providerId.isEmpty())
        facts.addRow(
            {tr("Provider:"), provider ? QStringLiteral("%1 (%2)").arg(provider->displayName, provider->id)
                                       : tr("%1 (unknown)").arg(api.providerId)});
    facts.addRow({tr("Lifecycle:"), lifecycleStateName(api.lifecycle)});
    const Deployment* deployment = workspace.deployment(api.id);
    //: The value of "Deployed:" for an API that is not deployed.
    const QString notDeployed = tr("no");
    facts.addRow({tr("Deployed:"), deployment ? tr("revision %1 since %2")
                                                    .arg(deployment->revision)
                                                    .arg(CtlContext::displayTime(deployment->deployedAt))
                                              : notDeployed});
    if (!api.description.isEmpty())
        facts.addRow({tr("Description:"), api.description});
    // The table's first line is its (empty) header.
    lines.append(facts.toString(2).section(QLatin1Char('\n'), 1));

    lines.append(tr("Endpoints:"));
    if (api.endpoints.empty()) {
        lines.append(QStringLiteral("  ") + tr("(none)"));
    } else {
        //: Column headers of the endpoint table, in capitals.
        TextTable endpoints({tr("ID"), tr("STAGE"), tr("NAME"), tr("URL"), tr("KEY")});
        //: In the KEY column: the endpoint's key is stored.
        const QString stored = tr("stored");
        //: In the KEY column: the endpoint has no key.
        const QString noKey = tr("none");
        for (const Endpoint& endpoint : api.endpoints)
            endpoints.addRow({endpoint.id, stageName(endpoint.stage), endpoint.name, endpoint.url,
                              endpoint.hasKey ? stored : noKey});
        lines.append(endpoints.toString(2));
    }
    lines.append(tr("Operations:"));
    TextTable operations(
        //: Column headers of the operation table, in capitals.
        {tr("OPERATION"), tr("POLICIES"), tr("SUMMARY")});
    for (const Operation& operation : api.operations)
        operations.addRow({operation.key(), QString::number(operation.policies.count()), operation.summary});
    lines.append(operations.toString(2));
    lines.append(tr("API-level policies: %1").arg(api.apiPolicies.count()));
    context.print(lines.join(QLatin1Char('\n')));
}

void ApiCommands::remove(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Api api = context.requireApi(arguments.required(CommonOptions::api));
    QStringList keyNames;
    for (const Endpoint& endpoint : api.endpoints) {
        if (endpoint.hasKey)
            keyNames.append(SecretStore::endpointKeyName(api.id, endpoint.id));
    }
    // Open the store before deleting anything: failing to open it must leave the API intact.
    SecretStore* secrets = keyNames.isEmpty() ? nullptr : &context.secrets();
    QString error;
    if (!workspace.removeApi(api.id).ok(&error))
        throw CtlError::failure(error);
    QStringList failures;
    for (const QString& keyName : keyNames) {
        if (!secrets->remove(keyName, &error))
            failures.append(error);
    }
    if (!failures.isEmpty())
        throw CtlError::failure(
            tr("deleted API %1, but could not remove its endpoint keys from %2: %3")
                .arg(api.name, secrets->description(), failures.join(QStringLiteral("; "))));
    if (context.json()) {
        Json json = Json::object();
        json["deleted"] = toStdString(api.id);
        json["endpointKeysRemoved"] = keyNames.size();
        context.printJson(json);
    } else {
        context.print(tr("Deleted API %1 %2 (%3)").arg(api.name, api.version, api.id));
    }
}

void ApiCommands::createVersion(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Api& source = context.requireApi(arguments.required(CommonOptions::api));
    const QString version = arguments.required(QStringLiteral("version"));
    if (const QString error = ApiValidator::versionError(version); !error.isEmpty())
        throw CtlError::failure(QStringLiteral("--version: %1").arg(error));
    const QString sourceId = source.id;
    bool needsKeys = false;
    for (const Endpoint& endpoint : source.endpoints)
        needsKeys = needsKeys || endpoint.hasKey;
    // The store is opened only when there is a key to copy (it may ask to be unlocked).
    MemorySecretStore noKeys;
    SecretStore& secrets = needsKeys ? context.secrets() : static_cast<SecretStore&>(noKeys);
    const Result<ApiVersioning::Created> created = ApiVersioning::createVersion(
        workspace, secrets, sourceId, version, arguments.isSet(QStringLiteral("default")));
    if (!created)
        throw CtlError::failure(created.error());
    const Api* saved = workspace.api(created->apiId);
    if (context.json()) {
        Json json = saved ? saved->toJson() : Json::object();
        Json keys = Json::array();
        for (const QString& endpointId : created->keysCopied)
            keys.push_back(toStdString(endpointId));
        json["keysCopied"] = std::move(keys);
        context.printJson(json);
    } else {
        context.print(created->apiId);
    }
}

void ApiCommands::setDefaultVersion(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    const QString apiId = api.id;
    const bool isDefault = !arguments.isSet(QStringLiteral("off"));
    if (const Status status = ApiVersioning::setDefaultVersion(workspace, apiId, isDefault); !status)
        throw CtlError::failure(status.error());
    const Api* saved = workspace.api(apiId);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(apiId);
        json["isDefaultVersion"] = isDefault;
        context.printJson(json);
    } else if (saved) {
        context.print(
            isDefault
                ? tr("%1 %2 is the default version of /%3").arg(saved->name, saved->version, saved->context)
                : tr("/%1 has no default version").arg(saved->context));
    }
}

} // namespace gatehouse
