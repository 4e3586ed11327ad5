// gatehouse-ctl: every Publisher and Developer Portal action from the shell: create APIs, attach
// policies, deploy, create applications, subscribe, generate keys and get tokens.
#include "CtlApplication.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-ctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    gatehouse::CtlApplication ctl;
    return ctl.run(QCoreApplication::arguments());
}
