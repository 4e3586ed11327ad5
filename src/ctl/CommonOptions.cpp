#include "ctl/CommonOptions.h"

#include "ctl/Command.h"

#include <QCoreApplication>

namespace gatehouse {

QCommandLineOption CommonOptions::apiSelector() {
    return Command::valueOption(
        api, QStringLiteral("NAME|ID"),
        QCoreApplication::translate("gatehouse-ctl",
                                    "The API: its name (case-insensitive), NAME:VERSION, or its id."));
}

QCommandLineOption CommonOptions::appSelector() {
    return Command::valueOption(
        app, QStringLiteral("NAME|ID"),
        QCoreApplication::translate("gatehouse-ctl",
                                    "The application: its name (case-insensitive) or its id."));
}

QCommandLineOption CommonOptions::keyTypeSelector() {
    return Command::valueOption(keyType, QStringLiteral("production|sandbox"),
                                QCoreApplication::translate("gatehouse-ctl", "The key type."));
}

QCommandLineOption CommonOptions::gatewayUrl() {
    return Command::valueOption(
        gateway, QStringLiteral("URL"),
        QCoreApplication::translate("gatehouse-ctl",
                                    "The gateway's base URL, such as http://127.0.0.1:8280."));
}

} // namespace gatehouse
