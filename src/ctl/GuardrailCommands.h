#pragma once

#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "guardrail test": the guardrail test bench from the shell. Runs the guardrails attached to a flow
// over a body, prints each verdict, and exits 3 when one intervenes (0 when all pass), so that a
// script or CI can check a prompt set against an API's guardrails before deploying them.
class GuardrailCommands {
    Q_DECLARE_TR_FUNCTIONS(GuardrailCommands)

public:
    static constexpr int InterventionExit = 3;

    static std::vector<Command> commands();

private:
    static void test(CtlContext& context, const CommandArguments& arguments);
    static void azure(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
