#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

struct Api;
class CommandArguments;
class CtlContext;
class Workspace;

// "api create" (from a provider template or an OpenAPI document), "api list", "api show",
// "api delete", "api create-version", "api set-default-version": the Publisher's API list.
class ApiCommands {
    Q_DECLARE_TR_FUNCTIONS(ApiCommands)

public:
    static std::vector<Command> commands();

private:
    static void create(CtlContext& context, const CommandArguments& arguments);
    static Api apiFromProvider(const Workspace& workspace, const CommandArguments& arguments);
    static Api apiFromOpenApi(const Workspace& workspace, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void show(CtlContext& context, const CommandArguments& arguments);
    static void remove(CtlContext& context, const CommandArguments& arguments);
    static void createVersion(CtlContext& context, const CommandArguments& arguments);
    static void setDefaultVersion(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
