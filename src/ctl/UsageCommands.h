#pragma once

#include "core/Json.h"
#include "ctl/Command.h"

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;
class UsageNames;
struct UsageReport;

// "usage": tokens, cost, requests and errors from the gateway's access logs over a time range, per
// API, application and model and per minute, hour or day, through the logs' indexes (usage/).
class UsageCommands {
    Q_DECLARE_TR_FUNCTIONS(UsageCommands)

public:
    static std::vector<Command> commands();

    // "30m", "24h", "7d", "2w" back from `nowMs`, "now", or an ISO 8601 date or time (UTC when it
    // names no offset); nullopt for anything else.
    static std::optional<qint64> parseTime(const QString& text, qint64 nowMs);
    // The --json document (see the command's description): application and API ids as names too.
    static Json reportJson(const UsageReport& report, const UsageNames& names);

private:
    static void usage(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
