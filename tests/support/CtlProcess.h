#pragma once

#include "CtlRun.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace gatehouse::test {

// gatehouse-ctl as a user runs it, for the tests that need the real binary: `program` with
// `arguments`, without GATEHOUSE_WORKSPACE from the environment, and with English messages whatever
// the machine's locale (the tests compare them). Waits at most `timeoutMs`; a crash or a hang is
// exit code -1.
CtlRun runCtlProcess(const QString& program, const QStringList& arguments, int timeoutMs = 60000);

// Starts a server executable that prints its port on its first line (--print-port), its standard
// error going to `errorFile`. Returns the port, or 0 when none came within 10 s.
quint16 startPortPrinter(QProcess& process, const QString& program, const QStringList& arguments,
                         const QString& errorFile);

} // namespace gatehouse::test
