#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "endpoint add", "endpoint set-key", "endpoint list", "endpoint models", "endpoint set-primary": an
// API's backends, their keys, what they serve and which one a stage uses by default.
class EndpointCommands {
    Q_DECLARE_TR_FUNCTIONS(EndpointCommands)

public:
    // The first line of standard input, for --key-stdin (keys stay out of the shell's history).
    static QString keyFromStandardInput();
    static std::vector<Command> commands();

private:
    static void add(CtlContext& context, const CommandArguments& arguments);
    static void setKey(CtlContext& context, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void models(CtlContext& context, const CommandArguments& arguments);
    static void setPrimary(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
