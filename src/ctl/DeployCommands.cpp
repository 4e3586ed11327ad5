#include "ctl/DeployCommands.h"

#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

namespace gatehouse {

namespace {} // namespace

std::vector<Command> DeployCommands::commands() {
    Command deploy;
    deploy.words = QStringList{QStringLiteral("deploy")};
    deploy.synopsis = QStringLiteral("--api X [--description D]");
    deploy.summary = tr("Validate an API, snapshot it as a new revision and deploy that revision.");
    deploy.description = tr("Validates the API (refusing on errors), creates a new immutable revision of "
                            "its current design and makes it the one the local gateway serves; a running "
                            "gateway picks it up without restarting.");
    deploy.options = {CommonOptions::apiSelector(),
                      Command::valueOption(QStringLiteral("description"), QStringLiteral("D"),
                                           tr("What changed in this revision."))};
    deploy.modifiesWorkspace = true;
    deploy.run = &DeployCommands::deploy;

    Command undeploy;
    undeploy.words = QStringList{QStringLiteral("undeploy")};
    undeploy.synopsis = QStringLiteral("--api X");
    undeploy.summary = tr("Stop serving an API on the local gateway (its revisions stay).");
    undeploy.description = tr("Removes the API's deployment: the gateway stops serving it. Its revisions "
                              "are kept, ready to deploy again. Succeeds if it was not deployed.");
    undeploy.options = {CommonOptions::apiSelector()};
    undeploy.modifiesWorkspace = true;
    undeploy.run = &DeployCommands::undeploy;

    Command revisions;
    revisions.words = QStringList{QStringLiteral("revisions")};
    revisions.synopsis = QStringLiteral("--api X");
    revisions.summary = tr("List an API's revisions and which one is deployed.");
    revisions.description = tr("Lists the API's revisions: number, creation time, description, and a "
                               "marker on the deployed one.");
    revisions.options = {CommonOptions::apiSelector()};
    revisions.run = &DeployCommands::revisions;

    return {deploy, undeploy, revisions};
}

void DeployCommands::deploy(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Api api = context.requireApi(arguments.required(CommonOptions::api));
    context.checkApi(api);
    Result<Revision> revision =
        workspace.createRevision(api.id, arguments.value(QStringLiteral("description")));
    if (!revision)
        throw CtlError::failure(revision.error());
    QString error;
    if (!workspace.deploy(api.id, revision->number).ok(&error))
        throw CtlError::failure(tr("created revision %1 of %2 but could not deploy it: %3")
                                    .arg(revision->number)
                                    .arg(api.name, error));
    if (context.json()) {
        const Deployment* deployment = workspace.deployment(api.id);
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json["revision"] = revision->number;
        json["deployedAt"] =
            toStdString(CtlContext::isoTime(deployment ? deployment->deployedAt : QDateTime()));
        context.printJson(json);
    } else {
        context.print(tr("Deployed revision %1 of %2").arg(revision->number).arg(api.name));
    }
}

void DeployCommands::undeploy(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Api api = context.requireApi(arguments.required(CommonOptions::api));
    const Deployment* deployment = workspace.deployment(api.id);
    const int revision = deployment ? deployment->revision : 0;
    QString error;
    if (deployment && !workspace.undeploy(api.id).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json["undeployedRevision"] = revision > 0 ? Json(revision) : Json(nullptr);
        context.printJson(json);
    } else if (revision > 0) {
        context.print(tr("Undeployed %1 (revision %2 is no longer served)").arg(api.name).arg(revision));
    } else {
        context.print(tr("%1 was not deployed").arg(api.name));
    }
}

void DeployCommands::revisions(CtlContext& context, const CommandArguments& arguments) {
    const Workspace& workspace = context.workspace();
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    QStringList problems;
    const std::vector<Revision> revisions = workspace.revisions(api.id, &problems);
    for (const QString& problem : problems)
        CtlContext::warn(problem);
    const Deployment* deployment = workspace.deployment(api.id);
    const int deployed = deployment ? deployment->revision : 0;
    if (context.json()) {
        Json list = Json::array();
        for (const Revision& revision : revisions) {
            Json entry = Json::object();
            entry["number"] = revision.number;
            entry["createdAt"] = toStdString(CtlContext::isoTime(revision.createdAt));
            entry["description"] = toStdString(revision.description);
            entry["deployed"] = revision.number == deployed;
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    if (revisions.empty()) {
        context.print(
            tr("%1 has no revisions yet; gatehouse-ctl deploy --api %1 creates one.").arg(api.name));
        return;
    }
    //: Column headers of "revisions", in capitals.
    TextTable table({tr("REVISION"), tr("CREATED"), tr("DEPLOYED"), tr("DESCRIPTION")});
    for (const Revision& revision : revisions)
        table.addRow({QString::number(revision.number), CtlContext::displayTime(revision.createdAt),
                      //: Marks the deployed revision in the DEPLOYED column.
                      revision.number == deployed ? tr("* deployed") : QString(), revision.description});
    context.print(table.toString());
}

} // namespace gatehouse
