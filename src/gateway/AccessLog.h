#pragma once

#include "gateway/AccessRecord.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <deque>
#include <mutex>
#include <vector>

namespace gatehouse {

// The gateway's access log: JSON lines in <workspace>/logs/access-YYYYMMDD.jsonl, written in
// batches (a line per request would be a syscall per request), plus the last records in memory for
// the GUI's live view. Thread-safe.
class AccessLog {
public:
    explicit AccessLog(QString folder, std::size_t keepInMemory = 1000);
    ~AccessLog();

    void append(const AccessRecord& record);
    // Writes what is buffered; called by a timer and at shutdown.
    void flush();
    std::vector<AccessRecord> recent(std::size_t count) const;
    qint64 totalRecords() const;

private:
    void writeLocked();

    QString m_folder;
    std::size_t m_keep;
    mutable std::mutex m_mutex; // a pthread mutex, which ThreadSanitizer follows (see README)
    std::deque<AccessRecord> m_recent;
    QByteArray m_pending;
    QString m_openDay;
    QFile m_file;
    qint64 m_total = 0;
};

} // namespace gatehouse
