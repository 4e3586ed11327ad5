#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "export", "import": an API as a WSO2 API Manager project (apictl's format), folder or zip.
class InteropCommands {
    Q_DECLARE_TR_FUNCTIONS(InteropCommands)

public:
    static std::vector<Command> commands();

private:
    static void exportApi(CtlContext& context, const CommandArguments& arguments);
    static void importApi(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
