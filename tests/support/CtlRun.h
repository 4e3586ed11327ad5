#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace gatehouse::test {

// What a gatehouse-ctl process left behind, for the tests that run the real binary.
struct CtlRun {
    int exitCode = -1; // -1: it crashed or did not finish
    QByteArray out;
    QByteArray err;

    QList<QByteArray> errLines() const {
        QList<QByteArray> lines = err.split('\n');
        while (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
    // stderr lines that are not warnings.
    QList<QByteArray> errorLines() const {
        QList<QByteArray> lines;
        for (const QByteArray& line : errLines()) {
            if (!line.startsWith("gatehouse-ctl: warning: "))
                lines.append(line);
        }
        return lines;
    }
    QString describe() const {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

} // namespace gatehouse::test
