#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "embeddings": shows or sets the workspace's embedding provider, which the semantic policies
// (SemanticCache) embed text with; its key goes to the secret store only.
class EmbeddingCommands {
    Q_DECLARE_TR_FUNCTIONS(EmbeddingCommands)

public:
    static std::vector<Command> commands();

private:
    static void embeddings(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
