#include "ctl/PlanCommands.h"

#include "core/BusinessPlan.h"
#include "core/Workspace.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

namespace gatehouse {

namespace {

const QString nameOption = QStringLiteral("name");
const QString descriptionOption = QStringLiteral("description");

// The limit options of "plan create", each repeatable, and the metric each counts.
struct LimitOption {
    const char* name;
    PlanLimit::Metric metric;
};
constexpr LimitOption limitOptions[] = {{"requests", PlanLimit::Metric::Requests},
                                        {"prompt-tokens", PlanLimit::Metric::PromptTokens},
                                        {"completion-tokens", PlanLimit::Metric::CompletionTokens},
                                        {"total-tokens", PlanLimit::Metric::TotalTokens},
                                        {"usd", PlanLimit::Metric::Usd}};

QStringList limitTexts(const BusinessPlan& plan) {
    QStringList texts;
    for (const PlanLimit& limit : plan.allLimits())
        texts << limit.describe();
    return texts;
}

Json planJson(const BusinessPlan& plan, const Workspace& workspace) {
    Json json = Json::object();
    json["name"] = toStdString(plan.name);
    json["description"] = toStdString(plan.description);
    Json limits = Json::array();
    for (const PlanLimit& limit : plan.allLimits())
        limits.push_back(limit.toJson());
    json["limits"] = std::move(limits);
    Json subscribers = Json::array();
    for (const Application& application : workspace.applications()) {
        for (const Subscription& subscription : application.subscriptions) {
            if (subscription.plan.compare(plan.name, Qt::CaseInsensitive) == 0)
                subscribers.push_back({{"application", toStdString(application.name)},
                                       {"apiId", toStdString(subscription.apiId)}});
        }
    }
    json["subscriptions"] = std::move(subscribers);
    return json;
}

} // namespace

std::vector<Command> PlanCommands::commands() {
    Command create;
    create.words = QStringList{QStringLiteral("plan"), QStringLiteral("create")};
    create.synopsis =
        QStringLiteral("--name NAME [--description TEXT] [--requests N/PERIOD] [--prompt-tokens N/PERIOD] "
                       "[--completion-tokens N/PERIOD] [--total-tokens N/PERIOD] [--usd AMOUNT/PERIOD]");
    create.summary = tr("Add a business plan with request, token and dollar limits.");
    create.description =
        tr("Adds a business plan that subscriptions can use. Each limit is an amount per period: min, "
           "hour, day or month (fixed UTC windows), such as --requests 10/min, --total-tokens 400/min or "
           "--usd 5/day; every limit option may be given several times. Tokens and dollars are charged when "
           "an answer is done, streams included: a request that would cross a limit still finishes, and "
           "the next one is refused with 429 until the window resets. Answers of free models cost nothing.");
    create.options = {
        Command::valueOption(nameOption, QStringLiteral("NAME"), tr("The plan's name, unique.")),
        Command::valueOption(descriptionOption, QStringLiteral("TEXT"), tr("What the plan allows."))};
    for (const LimitOption& option : limitOptions)
        create.options << Command::valueOption(QLatin1String(option.name), QStringLiteral("N/PERIOD"),
                                               tr("A limit; may be repeated."));
    create.modifiesWorkspace = true;
    create.run = &PlanCommands::create;

    Command list;
    list.words = QStringList{QStringLiteral("plan"), QStringLiteral("list")};
    list.summary = tr("List the business plans and their limits.");
    list.description = tr("Lists every business plan with its limits and how many subscriptions use it.");
    list.run = &PlanCommands::list;

    Command show;
    show.words = QStringList{QStringLiteral("plan"), QStringLiteral("show")};
    show.synopsis = QStringLiteral("--name NAME");
    show.summary = tr("Show a business plan.");
    show.description = tr("Shows a business plan's limits and the subscriptions that use it.");
    show.options = {Command::valueOption(nameOption, QStringLiteral("NAME"), tr("The plan's name."))};
    show.run = &PlanCommands::show;

    Command remove;
    remove.words = QStringList{QStringLiteral("plan"), QStringLiteral("delete")};
    remove.synopsis = QStringLiteral("--name NAME");
    remove.summary = tr("Delete a business plan no subscription uses.");
    remove.description =
        tr("Deletes a business plan. A plan that a subscription uses is refused: subscribe the application "
           "under another plan first.");
    remove.options = {Command::valueOption(nameOption, QStringLiteral("NAME"), tr("The plan's name."))};
    remove.modifiesWorkspace = true;
    remove.run = &PlanCommands::remove;

    return {create, list, show, remove};
}

const BusinessPlan& PlanCommands::requirePlan(const CtlContext& context, const QString& name) {
    if (const BusinessPlan* plan = context.workspace().businessPlan(name))
        return *plan;
    QStringList names;
    for (const BusinessPlan& each : context.workspace().businessPlans())
        names << each.name;
    throw CtlError::failure(
        tr("no business plan \"%1\" (plans: %2)").arg(name, names.join(QStringLiteral(", "))));
}

void PlanCommands::create(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    BusinessPlan plan;
    plan.name = arguments.required(nameOption).trimmed();
    if (!BusinessPlan::isValidName(plan.name))
        throw CtlError::usage(
            tr("--name: at most 64 letters, digits, spaces, '.', '_' or '-', starting with a "
               "letter or digit"));
    if (const BusinessPlan* existing = workspace.businessPlan(plan.name))
        throw CtlError::failure(tr("a business plan \"%1\" exists already").arg(existing->name));
    plan.description = arguments.value(descriptionOption);
    for (const LimitOption& option : limitOptions) {
        for (const QString& text : arguments.values(QLatin1String(option.name))) {
            const Result<PlanLimit> limit = PlanLimit::parse(option.metric, text);
            if (!limit)
                throw CtlError::usage(QStringLiteral("--%1: ").arg(QLatin1String(option.name)) +
                                      limit.error());
            plan.limits.push_back(limit.value());
        }
    }
    if (plan.limits.empty())
        throw CtlError::usage(tr("give at least one limit (--requests, --prompt-tokens, --completion-tokens, "
                                 "--total-tokens or --usd); the Unlimited plan exists already"));
    std::vector<BusinessPlan> plans = workspace.businessPlans();
    plans.push_back(plan);
    QString error;
    if (!workspace.saveBusinessPlans(plans).ok(&error))
        throw CtlError::failure(error);
    if (context.json())
        context.printJson(planJson(plan, workspace));
    else
        context.print(plan.name);
}

void PlanCommands::list(CtlContext& context, const CommandArguments&) {
    const Workspace& workspace = context.workspace();
    if (context.json()) {
        Json list = Json::array();
        for (const BusinessPlan& plan : workspace.businessPlans())
            list.push_back(planJson(plan, workspace));
        context.printJson(list);
        return;
    }
    //: Column headers of "plan list", in capitals.
    TextTable table({tr("NAME"), tr("LIMITS"), tr("SUBSCRIPTIONS")});
    for (const BusinessPlan& plan : workspace.businessPlans()) {
        const QStringList limits = limitTexts(plan);
        table.addRow({plan.name,
                      //: The LIMITS column of a plan without limits.
                      limits.isEmpty() ? tr("unlimited") : limits.join(QStringLiteral(", ")),
                      QString::number(planJson(plan, workspace)["subscriptions"].size())});
    }
    context.print(table.toString());
}

void PlanCommands::show(CtlContext& context, const CommandArguments& arguments) {
    const BusinessPlan& plan = requirePlan(context, arguments.required(nameOption));
    const Json json = planJson(plan, context.workspace());
    if (context.json()) {
        context.printJson(json);
        return;
    }
    TextTable table({tr("FIELD"), tr("VALUE")});
    table.addRow({tr("Name"), plan.name});
    table.addRow({tr("Description"), plan.description.isEmpty() ? QStringLiteral("-") : plan.description});
    const QStringList limits = limitTexts(plan);
    table.addRow({tr("Limits"), limits.isEmpty() ? tr("unlimited") : limits.join(QStringLiteral(", "))});
    QStringList subscribers;
    for (const Json& each : json["subscriptions"])
        subscribers << toQString(each["application"].get<std::string>());
    table.addRow({tr("Subscriptions"),
                  subscribers.isEmpty() ? QStringLiteral("-") : subscribers.join(QStringLiteral(", "))});
    context.print(table.toString());
}

void PlanCommands::remove(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const BusinessPlan& plan = requirePlan(context, arguments.required(nameOption));
    const Json json = planJson(plan, workspace);
    if (!json["subscriptions"].empty()) {
        QStringList users;
        for (const Json& each : json["subscriptions"])
            users << toQString(each["application"].get<std::string>());
        users.removeDuplicates();
        throw CtlError::failure(
            tr("business plan \"%1\" is used by %n subscription(s) (%2): subscribe them under "
               "another plan first",
               nullptr, int(json["subscriptions"].size()))
                .arg(plan.name, users.join(QStringLiteral(", "))));
    }
    const QString name = plan.name;
    std::vector<BusinessPlan> plans;
    for (const BusinessPlan& each : workspace.businessPlans()) {
        if (each.name != name)
            plans.push_back(each);
    }
    QString error;
    if (!workspace.saveBusinessPlans(plans).ok(&error))
        throw CtlError::failure(error);
    if (!context.json())
        context.print(name);
}

} // namespace gatehouse
