#include "ctl/ProviderCommands.h"

#include "core/JsonFile.h"
#include "core/ProviderValidator.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

namespace gatehouse {

namespace {

const QString providerOption = QStringLiteral("provider");
const QString fileOption = QStringLiteral("file");
const QString outOption = QStringLiteral("out");
const QString replaceOption = QStringLiteral("replace");

QCommandLineOption providerSelector() {
    return Command::valueOption(
        providerOption, QStringLiteral("ID"),
        QCoreApplication::translate("gatehouse-ctl", "The provider: its id or its name (case-insensitive)."));
}

QString locationText(const ValueLocation& location) {
    switch (location.source) {
    case ValueLocation::Source::Payload:
        return location.identifier;
    case ValueLocation::Source::Header:
        //: How "provider show" prints a value found in a header; %1 is the header's name.
        return QCoreApplication::translate("ProviderCommands", "header %1").arg(location.identifier);
    case ValueLocation::Source::Path:
        //: How "provider show" prints a value found in the URL path; %1 is its identifier.
        return QCoreApplication::translate("ProviderCommands", "path %1").arg(location.identifier);
    case ValueLocation::Source::None:
        break;
    }
    return QStringLiteral("-");
}

} // namespace

std::vector<Command> ProviderCommands::commands() {
    Command create;
    create.words = QStringList{QStringLiteral("provider"), QStringLiteral("create")};
    create.synopsis = QStringLiteral("--file FILE [--replace]");
    create.summary = tr("Add a custom AI provider from a JSON definition.");
    create.description =
        tr("Reads a provider definition (the JSON that \"provider export\" writes: id, displayName, auth, "
           "locations, models, operations), checks it and stores it in the workspace as "
           "providers/<id>.json. APIs can then be created from it. --replace overwrites a custom "
           "provider with the same id. Prints the provider's id (the provider as JSON with --json).");
    create.options = {
        Command::valueOption(fileOption, QStringLiteral("FILE"), tr("The provider definition (JSON).")),
        Command::flagOption(replaceOption, tr("Overwrite a custom provider with the same id.")),
    };
    create.modifiesWorkspace = true;
    create.run = &ProviderCommands::create;

    Command list;
    list.words = QStringList{QStringLiteral("provider"), QStringLiteral("list")};
    list.summary = tr("List the built-in and custom providers.");
    list.description = tr("Lists every provider an API can be created from: id, name, whether it is "
                          "built in or the workspace's own, and its models.");
    list.run = &ProviderCommands::list;

    Command show;
    show.words = QStringList{QStringLiteral("provider"), QStringLiteral("show")};
    show.synopsis = QStringLiteral("--provider ID");
    show.summary = tr("Show a provider's definition.");
    show.description = tr("Shows how a provider authenticates, where it keeps the model and the token "
                          "counts, and its models (its definition as JSON with --json).");
    show.options = {providerSelector()};
    show.run = &ProviderCommands::show;

    Command exportCommand;
    exportCommand.words = QStringList{QStringLiteral("provider"), QStringLiteral("export")};
    exportCommand.synopsis = QStringLiteral("--provider ID --out FILE");
    exportCommand.summary = tr("Write a provider's definition to a JSON file.");
    exportCommand.description =
        tr("Writes the provider's definition to FILE, ready for \"provider create --file\" in another "
           "workspace. A definition holds no keys: those stay in the secret store.");
    exportCommand.options = {
        providerSelector(),
        Command::valueOption(outOption, QStringLiteral("FILE"), tr("The file to write.")),
    };
    exportCommand.run = &ProviderCommands::exportTo;

    Command remove;
    remove.words = QStringList{QStringLiteral("provider"), QStringLiteral("delete")};
    remove.synopsis = QStringLiteral("--provider ID");
    remove.summary = tr("Delete a custom provider.");
    remove.description = tr("Deletes a custom provider from the workspace. Refused for built-in "
                            "providers and while an API is created from it.");
    remove.options = {providerSelector()};
    remove.modifiesWorkspace = true;
    remove.run = &ProviderCommands::remove;

    return {create, list, show, exportCommand, remove};
}

const Provider& ProviderCommands::requireProvider(const CtlContext& context, const QString& idOrName) {
    const ProviderRegistry& registry = context.workspace().providers();
    if (const Provider* byId = registry.find(idOrName))
        return *byId;
    for (const Provider& each : registry.providers()) {
        if (each.displayName.compare(idOrName, Qt::CaseInsensitive) == 0)
            return each;
    }
    throw CtlError::failure(
        tr("no provider \"%1\" (providers: %2)").arg(idOrName, registry.ids().join(QStringLiteral(", "))));
}

void ProviderCommands::create(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const QString fileName = arguments.required(fileOption);
    const Result<Json> document = JsonFile::read(fileName);
    if (!document)
        throw CtlError::failure(document.error());
    Result<Provider> parsed = Provider::fromJson(document.value());
    if (!parsed)
        // fromJson's lines are "$.path: reason"; the first one is the line to act on.
        throw CtlError::failure(fileName + QStringLiteral(": ") +
                                parsed.error().split(QLatin1Char('\n')).first());
    Provider provider = parsed.take();
    provider.builtin = false;
    const ValidationReport report = ProviderValidator(&workspace.providers()).validate(provider);
    const std::vector<ValidationIssue> errors = report.errors();
    if (!errors.empty()) {
        QString message = fileName + QStringLiteral(": ") + errors.front().path + QStringLiteral(": ") +
                          errors.front().message;
        if (errors.size() == 2)
            message += QLatin1Char(' ') + tr("(and 1 more error)");
        else if (errors.size() > 2)
            message += QLatin1Char(' ') + tr("(and %n more errors)", nullptr, int(errors.size() - 1));
        throw CtlError::failure(message);
    }
    if (const Provider* existing = workspace.provider(provider.id);
        existing && !arguments.isSet(replaceOption))
        throw CtlError::failure(tr("a custom provider with id \"%1\" exists already (%2); pass --replace "
                                   "to overwrite it")
                                    .arg(provider.id, existing->displayName));
    for (const ValidationIssue& issue : report.warnings())
        CtlContext::warn(issue.path + QStringLiteral(": ") + issue.message);
    QString error;
    if (!workspace.saveCustomProvider(provider).ok(&error))
        throw CtlError::failure(error);
    if (context.json())
        context.printJson(ProviderValidator::exportJson(provider));
    else
        context.print(provider.id);
}

void ProviderCommands::list(CtlContext& context, const CommandArguments&) {
    const ProviderRegistry& registry = context.workspace().providers();
    if (context.json()) {
        Json list = Json::array();
        for (const Provider& provider : registry.providers()) {
            Json entry = Json::object();
            entry["id"] = toStdString(provider.id);
            entry["displayName"] = toStdString(provider.displayName);
            entry["builtin"] = provider.builtin;
            Json models = Json::array();
            for (const QString& model : provider.models)
                models.push_back(toStdString(model));
            entry["models"] = std::move(models);
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    //: Column headers of "provider list", in capitals.
    TextTable table({tr("ID"), tr("NAME"), tr("KIND"), tr("MODELS")});
    for (const Provider& provider : registry.providers())
        table.addRow(
            {provider.id, provider.displayName,
             //: The KIND column of "provider list".
             provider.builtin ? tr("built-in") : tr("custom"),
             provider.models.isEmpty() ? QStringLiteral("-") : provider.models.join(QStringLiteral(", "))});
    context.print(table.toString());
}

void ProviderCommands::show(CtlContext& context, const CommandArguments& arguments) {
    const Provider& provider = requireProvider(context, arguments.required(providerOption));
    if (context.json()) {
        context.printJson(ProviderValidator::exportJson(provider));
        return;
    }
    const QString none = QStringLiteral("-");
    TextTable table({tr("FIELD"), tr("VALUE")});
    table.addRow({tr("Id"), provider.id});
    table.addRow({tr("Name"), provider.displayName});
    table.addRow({tr("Kind"), provider.builtin ? tr("built-in") : tr("custom")});
    table.addRow({tr("Description"), provider.description.isEmpty() ? none : provider.description});
    table.addRow({tr("API version"), provider.apiVersion.isEmpty() ? none : provider.apiVersion});
    table.addRow(
        {tr("Default base URL"), provider.defaultBaseUrl.isEmpty() ? none : provider.defaultBaseUrl});
    //: %1 is a header (or query parameter) name, %2 its value with the {key} placeholder.
    table.addRow(
        {tr("Auth"), tr("%1: %2").arg(provider.authHeader, provider.authValueFormat) +
                         (provider.authInQuery ? QLatin1Char(' ') + tr("(query parameter)") : QString()) +
                         (provider.keyRequired ? QString() : QLatin1Char(' ') + tr("(key optional)"))});
    table.addRow({tr("Request model"), locationText(provider.requestModel)});
    table.addRow({tr("Response model"), locationText(provider.responseModel)});
    table.addRow({tr("Prompt tokens"), locationText(provider.promptTokens)});
    table.addRow({tr("Completion tokens"), locationText(provider.completionTokens)});
    table.addRow({tr("Total tokens"), locationText(provider.totalTokens)});
    table.addRow({tr("Remaining tokens"), locationText(provider.remainingTokens)});
    table.addRow(
        {tr("Models"), provider.models.isEmpty() ? none : provider.models.join(QStringLiteral(", "))});
    QStringList operations;
    for (const Operation& operation : provider.operations)
        operations.append(operation.key());
    table.addRow({tr("Operations"), operations.isEmpty() ? none : operations.join(QStringLiteral(", "))});
    context.print(table.toString());
}

void ProviderCommands::exportTo(CtlContext& context, const CommandArguments& arguments) {
    const Provider& provider = requireProvider(context, arguments.required(providerOption));
    const QString out = arguments.required(outOption);
    QString error;
    if (!JsonFile::write(out, ProviderValidator::exportJson(provider), &error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["exported"] = toStdString(provider.id);
        json["file"] = toStdString(out);
        context.printJson(json);
    } else {
        //: %1 is a provider's name, %2 a file.
        context.print(tr("Exported %1 to %2").arg(provider.displayName, out));
    }
}

void ProviderCommands::remove(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Provider provider = requireProvider(context, arguments.required(providerOption));
    QString error;
    if (!workspace.deleteCustomProvider(provider.id).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["deleted"] = toStdString(provider.id);
        context.printJson(json);
    } else {
        context.print(tr("Deleted provider %1 (%2)").arg(provider.displayName, provider.id));
    }
}

} // namespace gatehouse
