#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "app create", "app list", "app delete", "subscribe", "unsubscribe", "subscriptions": the Developer
// Portal's applications and their subscriptions.
class ApplicationCommands {
    Q_DECLARE_TR_FUNCTIONS(ApplicationCommands)

public:
    static std::vector<Command> commands();

private:
    static void create(CtlContext& context, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void remove(CtlContext& context, const CommandArguments& arguments);
    static void subscribe(CtlContext& context, const CommandArguments& arguments);
    static void unsubscribe(CtlContext& context, const CommandArguments& arguments);
    static void subscriptions(CtlContext& context, const CommandArguments& arguments);
    static void budget(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
