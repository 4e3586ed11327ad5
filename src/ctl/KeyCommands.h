#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "keys generate", "keys show": an application's consumer key and secret per key type.
class KeyCommands {
    Q_DECLARE_TR_FUNCTIONS(KeyCommands)

public:
    static std::vector<Command> commands();

private:
    static void generate(CtlContext& context, const CommandArguments& arguments);
    static void show(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
