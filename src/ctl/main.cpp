// gatehouse-ctl: every Publisher and Developer Portal action from the shell: create APIs, attach
// policies, deploy, create applications, subscribe, generate keys and get tokens.
#include "core/Translations.h"
#include "ctl/CtlApplication.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-ctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    // Help and messages in the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Not with --json:
    // that output is for programs, so it (policy names included) and its errors read the same everywhere.
    if (!QCoreApplication::arguments().contains(QStringLiteral("--json")))
        gatehouse::Translations::install(app);
    gatehouse::CtlApplication ctl;
    return ctl.run(QCoreApplication::arguments());
}
