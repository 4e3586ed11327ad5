#pragma once

#include "Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "api create", "api list", "api show", "api delete": the Publisher's API list.
class ApiCommands {
    Q_DECLARE_TR_FUNCTIONS(ApiCommands)

public:
    static std::vector<Command> commands();

private:
    static void create(CtlContext& context, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void show(CtlContext& context, const CommandArguments& arguments);
    static void remove(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
