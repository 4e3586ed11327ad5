#pragma once

#include "usage/UsageBucketSize.h"
#include "usage/UsageDimension.h"
#include "usage/UsageReport.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <optional>
#include <vector>

namespace gatehouse {

// What to summarise.
struct UsageRequest {
    QString logsFolder; // <workspace>/logs
    // [since, until) in epoch milliseconds (UTC). The index counts minutes, so the range is widened
    // to whole minutes: since down, until up (UsageReport says which range it read).
    qint64 sinceMs = 0;
    qint64 untilMs = 0;
    UsageBucketSize bucket = UsageBucketSize::None;
    std::vector<UsageDimension> groupBy; // none: one row per bucket
    bool saveIndexes = true;             // false: read, but leave the sidecar indexes as they are
    int threads = 0;                     // for scanning logs; 0: as many as the machine has cores
};

// Usage over a time range from the gateway's access logs, through their sidecar indexes (UsageIndex):
// each day's log whose records can fall in the range is brought up to date and summed, minute buckets
// merged up into the buckets asked for. Only those days' files are opened: the log of UTC day D, plus
// the day before and after it, because a record is logged when its call ends (a stream that starts at
// 23:59 is in the next day's file) and a file's day is the gateway's local date. An index whose first
// and last minute lie inside the range is read from its hourly sums alone.
class UsageQuery {
    Q_DECLARE_TR_FUNCTIONS(UsageQuery)

public:
    static UsageReport run(const UsageRequest& request);

    // "access-YYYYMMDD.jsonl", the gateway's name for a day's log.
    static QString logFileName(const QDate& day);
    // The day of such a name; nullopt for any other name (the indexes' ".idx" names included).
    static std::optional<QDate> dayOfLogFile(const QString& fileName);
};

} // namespace gatehouse
