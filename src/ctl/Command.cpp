#include "ctl/Command.h"

namespace gatehouse {

QCommandLineOption Command::valueOption(const QString& name, const QString& valueName,
                                        const QString& description) {
    return QCommandLineOption(name, description, valueName);
}

QCommandLineOption Command::flagOption(const QString& name, const QString& description) {
    return QCommandLineOption(name, description);
}

} // namespace gatehouse
