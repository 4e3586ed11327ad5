#pragma once

#include "usage/UsageCounters.h"
#include "usage/UsageGroup.h"

#include <QtGlobal>
#include <string_view>
#include <vector>

namespace gatehouse {

struct AccessLogRecord;

// Usage counted per minute and per (API, application, model): what one log file's index holds, and
// what a scan fills. Minutes are the finest grain the usage view shows; hours and days are merged
// from them. Buckets exist only for minutes with traffic.
class UsageBuckets {
public:
    struct Bucket {
        qint64 minute = 0; // minutes since the epoch, UTC (an hour bucket: its first minute)
        quint32 group = 0; // index into groups()
        UsageCounters counters;
    };

    // Minutes from the epoch up to 2^32 (the year 10136) are counted; false for a record outside.
    bool add(const AccessLogRecord& record);
    // Adds the buckets of `other`, whose groups are mapped onto this one's.
    void merge(const UsageBuckets& other);
    // The group with that API, application and model (created when new); for the index reader.
    quint32 addGroup(const UsageGroup& group);
    void addCounters(qint64 minute, quint32 group, const UsageCounters& counters);
    // Appends a bucket that comes after every bucket held (in sort() order): how the index reader
    // loads a sorted list without building the lookup map, which only adding lines needs.
    void appendSorted(const Bucket& bucket);
    void clear();

    const std::vector<UsageGroup>& groups() const { return m_groups; }
    const std::vector<Bucket>& buckets() const { return m_buckets; }
    bool isEmpty() const { return m_buckets.empty(); }
    // Orders the buckets by minute, then group (the index's order).
    void sort();
    // The buckets merged into hours, ordered as sort() orders them.
    std::vector<Bucket> hourBuckets() const;
    // Minutes of the first and last bucket, after sort(); -1 when empty.
    qint64 firstMinute() const { return m_buckets.empty() ? -1 : m_buckets.front().minute; }
    qint64 lastMinute() const { return m_buckets.empty() ? -1 : m_buckets.back().minute; }

    static constexpr qint64 MinuteMs = 60 * 1000;
    static constexpr qint64 MinuteLimit = qint64(1) << 32;

private:
    quint32 groupOf(const AccessLogRecord& record);
    quint32 findOrAddGroup(std::string_view apiId, std::string_view apiName, std::string_view application,
                           std::string_view model);
    Bucket& bucketOf(qint64 minute, quint32 group);
    void growGroupTable();
    // The slot of a (minute, group) in m_bucketTable: its bucket's, or the empty one to put it in.
    std::size_t bucketSlot(quint64 key) const;
    void rebuildBucketTable(std::size_t slots);

    std::vector<UsageGroup> m_groups;
    std::vector<quint64> m_groupHashes;
    std::vector<quint32> m_groupTable; // open addressing: group index + 1, 0 when empty
    // Each group's latest bucket: lines come in time order, so the next line of a group nearly always
    // counts in the same minute, and the map below is asked only at a new minute.
    std::vector<quint32> m_latestBucket;
    std::vector<Bucket> m_buckets;
    // (minute << 32 | group) -> index in m_buckets + 1 (0: empty), open addressing. A flat table, not
    // std::unordered_map: a sparse day makes a bucket for nearly every line, and a node allocation
    // for each cost more than reading the line.
    std::vector<quint64> m_bucketKeys;
    std::vector<quint32> m_bucketTable;
    bool m_bucketMapValid = true;
};

} // namespace gatehouse
