#pragma once

#include "usage/UsageBucketSize.h"
#include "usage/UsageCounters.h"
#include "usage/UsageDimension.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// One group in one time bucket.
struct UsageRow {
    qint64 bucketStartMs = -1; // the bucket's first millisecond (UTC); -1 when not cut into buckets
    // The group: only the values of the dimensions grouped by are set.
    QString apiId;
    QString apiName; // as the latest log line for apiId named it
    QString applicationId;
    QString model;
    UsageCounters counters;
};

// What UsageQuery found: rows per bucket and group, and the totals over the range.
struct UsageReport {
    // What was read from the logs, for the curious and the tests.
    struct Reading {
        int files = 0;           // log files whose index was opened
        int indexesReused = 0;   // ... whose index covered them already
        int indexesExtended = 0; // ... whose index read only what was appended
        int indexesBuilt = 0;    // ... read from the start (no index, or a damaged one)
        qint64 bytesRead = 0;    // log bytes the scanner read
        qint64 skippedLines = 0; // lines in those files that are not records (torn by a crash)
    };

    qint64 sinceMs = 0; // the range read, [since, until), widened to whole minutes
    qint64 untilMs = 0;
    UsageBucketSize bucket = UsageBucketSize::None;
    std::vector<UsageDimension> groupBy;
    // By bucket; within one, by cost, then total tokens, then requests, highest first; ties by group.
    std::vector<UsageRow> rows;
    UsageCounters totals;
    Reading reading;
    QStringList warnings; // indexes that could not be saved (the next query reads those logs again)

    // The groups over the whole range (buckets merged), by cost, then total tokens, then requests,
    // highest first; at most `limit` of them (0: all).
    std::vector<UsageRow> topConsumers(std::size_t limit = 0) const;

    // The order of rows within a bucket and of topConsumers().
    static bool ranksBefore(const UsageRow& a, const UsageRow& b);
};

} // namespace gatehouse
