#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "deploy", "undeploy", "revisions": snapshots of an API and which one the local gateway serves.
class DeployCommands {
    Q_DECLARE_TR_FUNCTIONS(DeployCommands)

public:
    static std::vector<Command> commands();

private:
    static void deploy(CtlContext& context, const CommandArguments& arguments);
    static void undeploy(CtlContext& context, const CommandArguments& arguments);
    static void revisions(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
