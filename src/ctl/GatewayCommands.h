#pragma once

#include "core/Json.h"
#include "ctl/Command.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "gateway status": what a running gatehouse-gateway reports on its admin listener (GET /status):
// counters and the table of suspended (API, endpoint, model) pairs. "gateway shared-state": where
// replicas share their run-time state (the workspace's sharedState, the Redis password).
class GatewayCommands {
    Q_DECLARE_TR_FUNCTIONS(GatewayCommands)

public:
    static constexpr int TimeoutMs = 10000;

    static std::vector<Command> commands();

    // The readable form of a /status document.
    static QStringList statusText(const Json& status);

private:
    static void status(CtlContext& context, const CommandArguments& arguments);
    static void sharedState(CtlContext& context, const CommandArguments& arguments);
    static QUrl adminUrl(CtlContext& context, const CommandArguments& arguments);
    static QUrl urlOf(const QString& address);
};

} // namespace gatehouse
