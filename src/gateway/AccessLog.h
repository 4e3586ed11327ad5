#pragma once

#include "gateway/AccessRecord.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <deque>
#include <mutex>
#include <vector>

namespace gatehouse {

// The gateway's access log: JSON lines in <workspace>/logs/access-YYYYMMDD.jsonl, plus the last
// records in memory for the GUI's live view. Thread-safe. Usage and money are counted from these
// records, so each one is handed to the kernel (one write(2)) when it is appended, before the answer's
// last bytes go out: a killed process loses none; only a power loss can take what the kernel had not
// yet written back (fsync per record would cost a disk flush per request).
class AccessLog {
public:
    explicit AccessLog(QString folder, std::size_t keepInMemory = 1000);
    ~AccessLog();

    void append(const AccessRecord& record);
    // Writes what a failed open left pending; called by a timer and at shutdown.
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
