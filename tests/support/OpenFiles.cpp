#include "OpenFiles.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <sys/resource.h>

namespace gatehouse::test {

int openFileCount() {
    // The listing itself opens one descriptor while it runs; it is closed again when counted.
    return int(QDir(QStringLiteral("/proc/self/fd"))
                   .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                   .size()) -
           1;
}

int openSocketCount() {
    const QDir descriptors(QStringLiteral("/proc/self/fd"));
    int sockets = 0;
    for (const QString& name : descriptors.entryList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
        if (QFile::symLinkTarget(descriptors.filePath(name)).contains(QLatin1String("socket:[")))
            ++sockets;
    }
    return sockets;
}

QString openFileList() {
    const QDir descriptors(QStringLiteral("/proc/self/fd"));
    QStringList entries;
    for (const QString& name : descriptors.entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
        entries << name + QLatin1Char(' ') + QFile::symLinkTarget(descriptors.filePath(name));
    return entries.join(QStringLiteral(", "));
}

qint64 raiseOpenFileLimit(qint64 wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (rlim_t(wanted) > limit.rlim_cur) {
        rlimit raised = limit;
        raised.rlim_cur = qMin(rlim_t(wanted), limit.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return qint64(limit.rlim_cur);
}

bool setOpenFileLimit(qint64 soft) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    limit.rlim_cur = qMin(rlim_t(soft), limit.rlim_max);
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

} // namespace gatehouse::test
