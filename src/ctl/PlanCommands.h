#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;
struct BusinessPlan;

// "plan create|list|show|delete": business plans (WSO2's subscription rate-limiting policies, edited in
// its Admin Portal) with several limits each: requests, tokens and US dollars per minute, hour, day or
// month.
class PlanCommands {
    Q_DECLARE_TR_FUNCTIONS(PlanCommands)

public:
    static std::vector<Command> commands();

private:
    static void create(CtlContext& context, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void show(CtlContext& context, const CommandArguments& arguments);
    static void remove(CtlContext& context, const CommandArguments& arguments);

    static const BusinessPlan& requirePlan(const CtlContext& context, const QString& name);
};

} // namespace gatehouse
