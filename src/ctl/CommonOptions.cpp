#include "ctl/CommonOptions.h"

#include "ctl/Command.h"
#include "ctl/CtlError.h"

#include <QCoreApplication>
#include <QFile>

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

QByteArray CommonOptions::readBody(const QString& text) {
    if (!text.startsWith(QLatin1Char('@')))
        return text.toUtf8();
    const QString path = text.mid(1);
    if (path.isEmpty())
        throw CtlError::usage(
            QCoreApplication::translate("gatehouse-ctl", "--body @FILE needs a file name after the @"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw CtlError::failure(
            QCoreApplication::translate("gatehouse-ctl", "cannot read the --body file %1: %2")
                .arg(path, file.errorString()));
    return file.readAll();
}

} // namespace gatehouse
