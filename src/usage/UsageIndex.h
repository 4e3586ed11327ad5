#pragma once

#include "usage/AccessLogScanner.h"
#include "usage/UsageBuckets.h"

#include <QString>
#include <memory>
#include <vector>

class QFile;

namespace gatehouse {

// The usage of one access log (logs/access-YYYYMMDD.jsonl), kept next to it in access-YYYYMMDD.jsonl.idx
// so that a month of logs is summarised without reading the logs again: per-minute buckets by (API,
// application, model), the same merged into hours, and how much of the log they cover (bytes of
// whole lines, the log's size and modification time when indexed, and a hash of the first and the
// last bytes covered, which notices a log replaced by another one).
//
// The sidecar is binary, not JSON: a busy day has a few hundred thousand buckets of twelve counters,
// which as varints take a fifth of their JSON size and are read in milliseconds without a parser. It
// is a cache: it starts with a magic and a format version, and holds a hash of each section; one that
// does not match is rebuilt from the log. Hours come before minutes in
// the file, so a query spanning whole days reads only the hours of the days inside its range.
// Written atomically (QSaveFile), so a reader sees the old or the new index, never half of one; two
// processes updating one index at once each write a whole, correct one.
class UsageIndex {
public:
    struct Update {
        enum class Kind {
            Reused,   // the index covered the log: nothing read from the log
            Extended, // lines appended since were read and added
            Built,    // read from the start: no index, a damaged one, or the log was replaced
        };
        Kind kind = Kind::Reused;
        bool damaged = false;           // an index was there but unreadable, or did not match its log
        qint64 bytesRead = 0;           // log bytes the scanner read in this update
        AccessLogScanner::Totals lines; // the lines it read
        bool saved = false;             // the sidecar was (re)written
        QString saveError;              // why writing it failed (the index is then only in memory)
    };

    explicit UsageIndex(QString logPath);
    ~UsageIndex();
    UsageIndex(const UsageIndex&) = delete;
    UsageIndex& operator=(const UsageIndex&) = delete;

    static QString indexPathOf(const QString& logPath); // logPath + ".idx"

    // Brings the index up to date with its log: reuses the sidecar for what it covers, reads only the
    // whole lines appended since, and saves the sidecar when it grew (unless `save` is false). The log
    // may be growing meanwhile; a line not yet ended is left for the next update. `threads` as for
    // AccessLogScanner::scan.
    const Update& update(bool save = true, int threads = 0);
    const Update& lastUpdate() const { return m_update; }

    QString logPath() const { return m_logPath; }
    qint64 coveredBytes() const { return m_covered; }
    // The first and last minute with traffic (minutes since the epoch, UTC); -1 when there is none.
    qint64 firstMinute() const { return m_firstMinute; }
    qint64 lastMinute() const { return m_lastMinute; }
    const AccessLogScanner::Totals& totals() const { return m_totals; } // of all lines covered

    const std::vector<UsageGroup>& groups() const { return m_buckets.groups(); }
    const std::vector<UsageBuckets::Bucket>& hourBuckets() const { return m_hours; }
    // The minute buckets, ordered by minute and group; read from the sidecar on first use. When its
    // minutes turn out damaged they are read from the log again (as far as the index covered it), and
    // the sidecar rewritten if update() was allowed to save. groups() may be renumbered then: read
    // it after this.
    const std::vector<UsageBuckets::Bucket>& minuteBuckets();

    // Format version of the sidecar; another version is rebuilt.
    static constexpr quint32 FormatVersion = 2; // 2: the response cache's hits and savings

private:
    struct Header;

    void reset();
    bool loadSummary(Header& header);
    bool loadMinutes();
    quint64 fingerprint(QFile& log, qint64 covered) const;
    qint64 scanLog(qint64 from, qint64 to, int threads);
    void summarise();
    void save(QFile& log);

    QString m_logPath;
    UsageBuckets m_buckets; // the groups always; the minute buckets once loaded or scanned
    bool m_minutesLoaded = false;
    std::vector<UsageBuckets::Bucket> m_hours;
    qint64 m_covered = 0;
    qint64 m_logSize = 0;
    qint64 m_logModifiedMs = 0;
    qint64 m_firstMinute = -1;
    qint64 m_lastMinute = -1;
    AccessLogScanner::Totals m_totals;
    // The sidecar as read by update(), kept open until its minutes are read: another process may
    // replace it meanwhile, and this one must read the minutes of the index whose hours it has.
    std::unique_ptr<QFile> m_sidecar;
    bool m_saveAllowed = true; // update()'s `save` and `threads`, for minuteBuckets()'s repair
    int m_threads = 0;
    qint64 m_minutesOffset = 0;
    quint64 m_minutesSize = 0;
    quint64 m_minutesHash = 0;
    Update m_update;
};

} // namespace gatehouse
