#pragma once

#include "ctl/Command.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;
struct InvokeResult;

// "invoke": the try-out console from the shell. Calls an operation of a deployed API through the
// gateway with an application's token, once, N times (with concurrency and delay) or as a stream,
// and reports what came back: the answer, or the run's status counts, latency percentiles and the
// split between models next to the router's configured weights.
class InvokeCommand {
    Q_DECLARE_TR_FUNCTIONS(InvokeCommand)

public:
    // A request that receives nothing for this long is given up.
    static constexpr int RequestTimeoutMs = 120000;

    static std::vector<Command> commands();

    // "--body is not valid JSON (line 1, column 9): ..." for a body that does not parse; empty when
    // it is valid JSON (or empty).
    static QString jsonProblem(const QByteArray& body);
    // "HTTP 401 900901: Invalid Credentials: ..." for a failed result.
    static QString describeFailure(const InvokeResult& result);

private:
    static void run(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
