#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;
struct Provider;

// "provider create|list|show|export|delete": custom AI providers (WSO2's custom AI vendors) from a
// JSON definition, kept in the workspace next to the built-in ones.
class ProviderCommands {
    Q_DECLARE_TR_FUNCTIONS(ProviderCommands)

public:
    static std::vector<Command> commands();

private:
    static void create(CtlContext& context, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void show(CtlContext& context, const CommandArguments& arguments);
    static void exportTo(CtlContext& context, const CommandArguments& arguments);
    static void remove(CtlContext& context, const CommandArguments& arguments);

    static const Provider& requireProvider(const CtlContext& context, const QString& idOrName);
};

} // namespace gatehouse
