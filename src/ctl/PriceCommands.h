#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;
class PriceCatalogue;

// "prices list|set|import|remove": the model prices the gateway charges requests at. The shipped list
// prices of the built-in providers' models, overridden by the workspace's prices.json (LiteLLM's
// format, so LiteLLM's own file imports as it is). Prices are typed per 1M tokens, as price pages
// show them, and stored per token, as LiteLLM writes them.
class PriceCommands {
    Q_DECLARE_TR_FUNCTIONS(PriceCommands)

public:
    static std::vector<Command> commands();

private:
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void set(CtlContext& context, const CommandArguments& arguments);
    static void importFile(CtlContext& context, const CommandArguments& arguments);
    static void remove(CtlContext& context, const CommandArguments& arguments);

    static void show(CtlContext& context, const QString& model, const PriceCatalogue& workspace);
    static PriceCatalogue readWorkspace(const CtlContext& context);
    static void writeWorkspace(const CtlContext& context, const PriceCatalogue& workspace);
};

} // namespace gatehouse
