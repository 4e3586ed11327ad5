#include "ctl/ApplicationCommands.h"

#include "core/SecretStore.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

#include <algorithm>

namespace gatehouse {

namespace {

constexpr int maximumTokenValidity = 10 * 365 * 24 * 3600;

QString keyTypesOf(const Application& application) {
    QStringList types;
    for (const KeyPair& pair : application.keys)
        types.append(stageName(pair.keyType));
    return types.isEmpty() ? QStringLiteral("-") : types.join(QStringLiteral(", "));
}

} // namespace

std::vector<Command> ApplicationCommands::commands() {
    Command create;
    create.words = QStringList{QStringLiteral("app"), QStringLiteral("create")};
    create.synopsis = QStringLiteral("--name N [--description D] [--token-validity SECONDS]");
    create.summary = tr("Create an application (what subscribes to APIs and holds keys).");
    create.description = tr("Creates a Developer Portal application. Its access tokens are valid for "
                            "--token-validity seconds (default 3600). Prints the application's id (the "
                            "application as JSON with --json).");
    create.options = {
        Command::valueOption(QStringLiteral("name"), QStringLiteral("N"), tr("The application's name.")),
        Command::valueOption(QStringLiteral("description"), QStringLiteral("D"), tr("Description.")),
        Command::valueOption(QStringLiteral("token-validity"), QStringLiteral("SECONDS"),
                             tr("Lifetime of the access tokens issued to it (default 3600).")),
    };
    create.modifiesWorkspace = true;
    create.run = &ApplicationCommands::create;

    Command list;
    list.words = QStringList{QStringLiteral("app"), QStringLiteral("list")};
    list.summary = tr("List the applications.");
    list.description = tr("Lists the applications: name, id, token validity, number of subscriptions "
                          "and the key types generated.");
    list.run = &ApplicationCommands::list;

    Command remove;
    remove.words = QStringList{QStringLiteral("app"), QStringLiteral("delete")};
    remove.synopsis = QStringLiteral("--app A");
    remove.summary = tr("Delete an application and its consumer secrets.");
    remove.description = tr("Deletes an application with its subscriptions and keys, and removes its "
                            "consumer secrets from the secret store; its tokens stop working.");
    remove.options = {CommonOptions::appSelector()};
    remove.modifiesWorkspace = true;
    remove.run = &ApplicationCommands::remove;

    Command subscribe;
    subscribe.words = QStringList{QStringLiteral("subscribe")};
    subscribe.synopsis = QStringLiteral("--app A --api X --plan PLAN");
    subscribe.summary = tr("Subscribe an application to an API under a business plan.");
    subscribe.description = tr("Subscribes an application to an API under one of the workspace's business "
                               "plans (Bronze, Silver, Gold, Unlimited, ...; case-insensitive), which "
                               "sets its quotas. An application subscribes to an API once; unsubscribe "
                               "first to change the plan.");
    subscribe.options = {CommonOptions::appSelector(), CommonOptions::apiSelector(),
                         Command::valueOption(QStringLiteral("plan"), QStringLiteral("PLAN"),
                                              tr("The business plan's name."))};
    subscribe.modifiesWorkspace = true;
    subscribe.run = &ApplicationCommands::subscribe;

    Command unsubscribe;
    unsubscribe.words = QStringList{QStringLiteral("unsubscribe")};
    unsubscribe.synopsis = QStringLiteral("--app A --api X");
    unsubscribe.summary = tr("Remove an application's subscription to an API.");
    unsubscribe.description = tr("Removes the subscription: the application's tokens are refused by "
                                 "that API from then on.");
    unsubscribe.options = {CommonOptions::appSelector(), CommonOptions::apiSelector()};
    unsubscribe.modifiesWorkspace = true;
    unsubscribe.run = &ApplicationCommands::unsubscribe;

    Command subscriptions;
    subscriptions.words = QStringList{QStringLiteral("subscriptions")};
    subscriptions.synopsis = QStringLiteral("--app A");
    subscriptions.summary = tr("List an application's subscriptions.");
    subscriptions.description = tr("Lists the APIs an application is subscribed to, with the plan and "
                                   "since when.");
    subscriptions.options = {CommonOptions::appSelector()};
    subscriptions.run = &ApplicationCommands::subscriptions;

    Command budget;
    budget.words = QStringList{QStringLiteral("app"), QStringLiteral("budget")};
    budget.synopsis = QStringLiteral("--app A [--usd AMOUNT/PERIOD]... [--clear]");
    budget.summary = tr("Set or show an application's dollar budgets.");
    budget.description =
        tr("An application's own budgets in US dollars per min, hour, day or month (fixed UTC windows), "
           "across every API it calls and on top of its plans' limits: --usd 5/day --usd 100/month. "
           "Answers are charged when they are done, streams included; once a budget is spent the next "
           "request is refused with 429 (code 900803) until its window resets. Free models cost nothing. "
           "Without options, shows the budgets; --clear removes them.");
    budget.options = {CommonOptions::appSelector(),
                      Command::valueOption(QStringLiteral("usd"), QStringLiteral("AMOUNT/PERIOD"),
                                           tr("A budget; may be repeated.")),
                      Command::flagOption(QStringLiteral("clear"), tr("Remove the application's budgets."))};
    budget.modifiesWorkspace = true;
    budget.run = &ApplicationCommands::budget;

    return {create, list, remove, subscribe, unsubscribe, subscriptions, budget};
}

void ApplicationCommands::create(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Application application;
    application.name = arguments.required(QStringLiteral("name")).trimmed();
    application.description = arguments.value(QStringLiteral("description"));
    application.tokenValiditySeconds =
        arguments.integer(QStringLiteral("token-validity"), 1, maximumTokenValidity).value_or(3600);
    if (application.name.size() > 70)
        throw CtlError::usage(tr("--name must be at most 70 characters long"));
    for (const Application& existing : workspace.applications()) {
        if (existing.name.compare(application.name, Qt::CaseInsensitive) == 0)
            throw CtlError::failure(
                tr("an application named %1 exists already (id %2)").arg(existing.name, existing.id));
    }
    application.id = workspace.newApplicationId(application.name);
    QString error;
    if (!workspace.saveApplication(application).ok(&error))
        throw CtlError::failure(error);
    if (context.json())
        context.printJson(application.toJson());
    else
        context.print(application.id);
}

void ApplicationCommands::list(CtlContext& context, const CommandArguments&) {
    const Workspace& workspace = context.workspace();
    if (context.json()) {
        Json list = Json::array();
        for (const Application& application : workspace.applications())
            list.push_back(application.toJson());
        context.printJson(list);
        return;
    }
    if (workspace.applications().empty()) {
        context.print(tr("No applications yet; create one with gatehouse-ctl app create."));
        return;
    }
    //: Column headers of "app list", in capitals.
    TextTable table({tr("NAME"), tr("ID"), tr("TOKEN VALIDITY"), tr("SUBSCRIPTIONS"), tr("KEYS")});
    for (const Application& application : workspace.applications())
        table.addRow({application.name, application.id,
                      //: %1 is a number of seconds.
                      tr("%1 s").arg(application.tokenValiditySeconds),
                      QString::number(application.subscriptions.size()), keyTypesOf(application)});
    context.print(table.toString());
}

void ApplicationCommands::remove(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Application application = context.requireApplication(arguments.required(CommonOptions::app));
    // Open the store before deleting anything: failing to open it must leave the application intact.
    SecretStore* secrets = application.keys.empty() ? nullptr : &context.secrets();
    QString error;
    if (!workspace.removeApplication(application.id).ok(&error))
        throw CtlError::failure(error);
    QStringList failures;
    for (const KeyPair& pair : application.keys) {
        if (!secrets->remove(SecretStore::consumerSecretName(application.id, stageKeyTypeName(pair.keyType)),
                             &error))
            failures.append(error);
    }
    if (!failures.isEmpty())
        throw CtlError::failure(
            tr("deleted application %1, but could not remove its consumer secrets "
               "from %2: %3")
                .arg(application.name, secrets->description(), failures.join(QStringLiteral("; "))));
    if (context.json()) {
        Json json = Json::object();
        json["deleted"] = toStdString(application.id);
        json["consumerSecretsRemoved"] = application.keys.size();
        context.printJson(json);
    } else {
        context.print(tr("Deleted application %1 (%2)").arg(application.name, application.id));
    }
}

void ApplicationCommands::subscribe(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Application application = context.requireApplication(arguments.required(CommonOptions::app));
    const Api& api = context.requireApi(arguments.required(CommonOptions::api));
    const QString planName = arguments.required(QStringLiteral("plan"));
    const BusinessPlan* plan = workspace.businessPlan(planName);
    if (!plan) {
        QStringList names;
        for (const BusinessPlan& each : workspace.businessPlans())
            names.append(each.name);
        throw CtlError::failure(
            tr("unknown business plan \"%1\" (plans: %2)").arg(planName, names.join(QStringLiteral(", "))));
    }
    if (const Subscription* existing = application.subscription(api.id))
        throw CtlError::failure(tr("%1 is already subscribed to %2 %3 (plan %4); unsubscribe first to "
                                   "change the plan")
                                    .arg(application.name, api.name, api.version, existing->plan));
    if (!workspace.deployment(api.id))
        CtlContext::warn(
            tr("%1 is not deployed yet: its calls fail until gatehouse-ctl deploy --api %1").arg(api.name));
    Subscription subscription;
    subscription.apiId = api.id;
    subscription.plan = plan->name;
    subscription.createdAt = QDateTime::currentDateTimeUtc();
    application.subscriptions.push_back(subscription);
    QString error;
    if (!workspace.saveApplication(application).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = subscription.toJson();
        json["application"] = toStdString(application.id);
        context.printJson(json);
    } else {
        context.print(tr("Subscribed %1 to %2 %3 with the %4 plan")
                          .arg(application.name, api.name, api.version, plan->name));
    }
}

void ApplicationCommands::budget(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Application application = context.requireApplication(arguments.required(CommonOptions::app));
    const QStringList amounts = arguments.values(QStringLiteral("usd"));
    if (arguments.isSet(QStringLiteral("clear")) && !amounts.isEmpty())
        throw CtlError::usage(tr("--clear and --usd: give one of them"));
    if (arguments.isSet(QStringLiteral("clear")) || !amounts.isEmpty()) {
        std::vector<PlanLimit> budgets;
        for (const QString& amount : amounts) {
            const Result<PlanLimit> budget = PlanLimit::parse(PlanLimit::Metric::Usd, amount);
            if (!budget)
                throw CtlError::usage(QStringLiteral("--usd: ") + budget.error());
            budgets.push_back(budget.value());
        }
        application.budgets = std::move(budgets);
        QString error;
        if (!workspace.saveApplication(application).ok(&error))
            throw CtlError::failure(error);
    }
    if (context.json()) {
        Json list = Json::array();
        for (const PlanLimit& budget : application.budgets)
            list.push_back(budget.toJson());
        context.printJson({{"application", toStdString(application.id)}, {"budgets", list}});
        return;
    }
    QStringList texts;
    for (const PlanLimit& budget : application.budgets)
        texts << budget.describe();
    //: What "app budget" prints for an application without budgets.
    context.print(texts.isEmpty() ? tr("%1 has no budget").arg(application.name)
                                  : tr("%1: %2").arg(application.name, texts.join(QStringLiteral(", "))));
}

void ApplicationCommands::unsubscribe(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Application application = context.requireApplication(arguments.required(CommonOptions::app));
    const QString apiName = arguments.required(CommonOptions::api);
    // An API deleted since keeps its subscriptions: accept its id too.
    const Api* api = workspace.findApi(apiName);
    const QString apiId = api ? api->id : apiName;
    const auto it = std::find_if(application.subscriptions.begin(), application.subscriptions.end(),
                                 [&](const Subscription& each) { return each.apiId == apiId; });
    if (it == application.subscriptions.end()) {
        if (!api)
            context.requireApi(apiName); // names the problem: no such API
        throw CtlError::failure(tr("%1 is not subscribed to %2").arg(application.name, api->name));
    }
    application.subscriptions.erase(it);
    QString error;
    if (!workspace.saveApplication(application).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["application"] = toStdString(application.id);
        json["unsubscribed"] = toStdString(apiId);
        context.printJson(json);
    } else {
        context.print(tr("Unsubscribed %1 from %2").arg(application.name, api ? api->name : apiId));
    }
}

void ApplicationCommands::subscriptions(CtlContext& context, const CommandArguments& arguments) {
    const Workspace& workspace = context.workspace();
    const Application& application = context.requireApplication(arguments.required(CommonOptions::app));
    if (context.json()) {
        Json list = Json::array();
        for (const Subscription& subscription : application.subscriptions) {
            const Api* api = workspace.api(subscription.apiId);
            Json entry = Json::object();
            entry["apiId"] = toStdString(subscription.apiId);
            entry["apiName"] = api ? Json(toStdString(api->name)) : Json(nullptr);
            entry["version"] = api ? Json(toStdString(api->version)) : Json(nullptr);
            entry["basePath"] = api ? Json(toStdString(api->basePath())) : Json(nullptr);
            entry["plan"] = toStdString(subscription.plan);
            entry["createdAt"] = toStdString(CtlContext::isoTime(subscription.createdAt));
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    if (application.subscriptions.empty()) {
        context.print(tr("%1 has no subscriptions.").arg(application.name));
        return;
    }
    //: Column headers of "subscriptions", in capitals.
    TextTable table({tr("API"), tr("VERSION"), tr("BASE PATH"), tr("PLAN"), tr("SINCE")});
    for (const Subscription& subscription : application.subscriptions) {
        const Api* api = workspace.api(subscription.apiId);
        //: %1 is the id of an API that no longer exists.
        table.addRow({api ? api->name : tr("%1 (deleted)").arg(subscription.apiId),
                      api ? api->version : QStringLiteral("-"), api ? api->basePath() : QStringLiteral("-"),
                      subscription.plan, CtlContext::displayTime(subscription.createdAt)});
    }
    context.print(table.toString());
}

} // namespace gatehouse
