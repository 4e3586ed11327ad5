#include "ctl/InteropCommands.h"

#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "interop/Wso2Project.h"

namespace gatehouse {

namespace {

const QString formatOption = QStringLiteral("format");
const QString outOption = QStringLiteral("out");
const QString wso2Format = QStringLiteral("wso2");

// Only WSO2 projects so far; the option is there so that scripts name the format they mean.
void requireWso2Format(const CommandArguments& arguments) {
    const QString format = arguments.required(formatOption);
    if (format.compare(wso2Format, Qt::CaseInsensitive) != 0)
        throw CtlError::usage(
            //: %1 is the format as typed, %2 the formats there are.
            QCoreApplication::translate("gatehouse-ctl", "unknown format \"%1\" (formats: %2)")
                .arg(format, wso2Format));
}

Json stringList(const QStringList& lines) {
    Json list = Json::array();
    for (const QString& line : lines)
        list.push_back(toStdString(line));
    return list;
}

} // namespace

std::vector<Command> InteropCommands::commands() {
    Command exportCommand;
    exportCommand.words = QStringList{QStringLiteral("export")};
    exportCommand.synopsis = QStringLiteral("--api X --format wso2 --out DIR|FILE.zip");
    exportCommand.summary = tr("Export an API as a WSO2 API Manager project (folder or zip).");
    exportCommand.description =
        tr("Writes the API as an apictl API project that WSO2 API Manager 4.5 imports: api.yaml, "
           "api_meta.yaml, deployment_environments.yaml, Definitions/swagger.yaml and, for named "
           "endpoints, endpoints.yaml. --out names a new or empty folder, or a file ending in .zip. "
           "No secret is written: endpoint security goes without its key. Settings WSO2 has no place "
           "for are left out, each named in a warning.");
    exportCommand.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(formatOption, QStringLiteral("FORMAT"), tr("The project format: wso2.")),
        Command::valueOption(outOption, QStringLiteral("DIR|FILE.zip"),
                             tr("Where to write: a new or empty folder, or a .zip file.")),
    };
    exportCommand.run = &InteropCommands::exportApi;

    Command importCommand;
    importCommand.words = QStringList{QStringLiteral("import")};
    importCommand.synopsis = QStringLiteral("--format wso2 DIR|FILE.zip");
    importCommand.summary = tr("Import a WSO2 API Manager project (folder or zip) as a new API.");
    importCommand.description =
        tr("Reads an apictl API project, exported by Gatehouse or by WSO2 API Manager, and saves it as a new "
           "API: its AI provider, endpoints, operations and policies at API and operation level. What has no "
           "Gatehouse counterpart is left out and named on standard error, one line each. Refuses an API "
           "whose name and version already exist. Endpoint keys are not part of a project: set them "
           "afterwards with endpoint set-key. Prints the new API's id.");
    importCommand.options = {
        Command::valueOption(formatOption, QStringLiteral("FORMAT"), tr("The project format: wso2.")),
    };
    importCommand.acceptsPositional = true;
    importCommand.modifiesWorkspace = true;
    importCommand.run = &InteropCommands::importApi;

    return {exportCommand, importCommand};
}

void InteropCommands::exportApi(CtlContext& context, const CommandArguments& arguments) {
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    requireWso2Format(arguments);
    const QString destination = arguments.required(outOption);
    Result<Wso2ExportResult> result = Wso2Project::exportApi(context.workspace(), api.id, destination);
    if (!result)
        throw CtlError::failure(result.error());
    for (const QString& warning : result->warnings)
        CtlContext::warn(warning);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json["format"] = toStdString(wso2Format);
        json["destination"] = toStdString(destination);
        json["files"] = stringList(result->files);
        json["warnings"] = stringList(result->warnings);
        context.printJson(json);
    } else {
        context.print(tr("Exported %1 %2 to %3").arg(api.name, api.version, destination));
    }
}

void InteropCommands::importApi(CtlContext& context, const CommandArguments& arguments) {
    requireWso2Format(arguments);
    const QStringList sources = arguments.positional();
    if (sources.isEmpty())
        throw CtlError::usage(tr("import needs the project: a folder or a .zip file"));
    if (sources.size() > 1)
        throw CtlError::usage(tr("unexpected argument \"%1\" (see gatehouse-ctl %2 --help)")
                                  .arg(sources.at(1), QStringLiteral("import")));
    Result<Wso2ImportResult> result = Wso2Project::importApi(context.workspace(), sources.first());
    if (!result)
        throw CtlError::failure(result.error());
    for (const QString& line : result->unmapped)
        //: %1 is one thing of the imported project Gatehouse could not take over.
        CtlContext::warn(tr("not imported: %1").arg(line));
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(result->apiId);
        json["unmapped"] = stringList(result->unmapped);
        context.printJson(json);
    } else {
        context.print(result->apiId);
    }
}

} // namespace gatehouse
