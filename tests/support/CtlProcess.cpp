#include "CtlProcess.h"

#include <QProcessEnvironment>

namespace gatehouse::test {

CtlRun runCtlProcess(const QString& program, const QStringList& arguments, int timeoutMs) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    CtlRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

quint16 startPortPrinter(QProcess& process, const QString& program, const QStringList& arguments,
                         const QString& errorFile) {
    process.setStandardErrorFile(errorFile);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return 0;
    QByteArray line;
    while (!line.contains('\n') && process.waitForReadyRead(10000))
        line += process.readAllStandardOutput();
    return quint16(line.trimmed().toUInt());
}

} // namespace gatehouse::test
