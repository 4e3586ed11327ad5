#include "ctl/CtlError.h"

#include <QStringList>

namespace gatehouse {

CtlError::CtlError(int exitCode, QString message) : m_exitCode(exitCode) {
    QStringList lines;
    for (const QString& line : message.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    m_message = lines.join(QStringLiteral("; "));
    m_utf8 = m_message.toUtf8();
}

CtlError CtlError::usage(const QString& message) {
    return CtlError(UsageExit, message);
}

CtlError CtlError::failure(const QString& message) {
    return CtlError(FailureExit, message);
}

} // namespace gatehouse
