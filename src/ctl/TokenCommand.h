#pragma once

#include "ctl/Command.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "token": an access token from the gateway's key manager (POST /oauth2/token, client credentials).
class TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(TokenCommand)

public:
    static constexpr int TimeoutMs = 30000;

    static std::vector<Command> commands();

    // The reason an error answer gives: WSO2's {"message", "description"}, OAuth's
    // {"error", "error_description"}, or the start of the body.
    static QString errorReason(int status, const QByteArray& body);

private:
    static void run(CtlContext& context, const CommandArguments& arguments);
};

} // namespace gatehouse
