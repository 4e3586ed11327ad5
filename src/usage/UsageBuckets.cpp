#include "usage/UsageBuckets.h"

#include "usage/AccessLogRecord.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace gatehouse {

namespace {

constexpr quint32 noBucket = std::numeric_limits<quint32>::max();

// A quick hash of the group's key, 8 bytes at a time: group lookup is per line, and the strings are
// short ids, so this beats std::hash on three concatenated strings (which would also need a copy).
quint64 mix(quint64 hash, std::string_view text) {
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;
    const char* p = text.data();
    std::size_t left = text.size();
    while (left >= 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        hash = (hash ^ word) * multiplier;
        hash ^= hash >> 29;
        p += 8;
        left -= 8;
    }
    quint64 word = 0;
    if (left > 0)
        std::memcpy(&word, p, left);
    hash = (hash ^ word ^ (quint64(text.size()) << 56)) * multiplier;
    return hash ^ (hash >> 32);
}

quint64 groupHash(std::string_view apiId, std::string_view application, std::string_view model) {
    return mix(mix(mix(0x243F6A8885A308D3ULL, apiId), application), model);
}

quint64 bucketKey(qint64 minute, quint32 group) {
    return (quint64(minute) << 32) | group;
}

} // namespace

bool UsageBuckets::add(const AccessLogRecord& record) {
    // Floor division: a time before the epoch is refused below rather than rounded towards zero.
    const qint64 minute = record.timeMs >= 0 ? record.timeMs / MinuteMs : -1;
    if (minute < 0 || minute >= MinuteLimit)
        return false;
    bucketOf(minute, groupOf(record)).counters.add(record);
    return true;
}

quint32 UsageBuckets::groupOf(const AccessLogRecord& record) {
    return findOrAddGroup(record.apiId, record.apiName, record.application, record.model);
}

quint32 UsageBuckets::findOrAddGroup(std::string_view apiId, std::string_view apiName,
                                     std::string_view application, std::string_view model) {
    if (m_groupTable.empty())
        m_groupTable.assign(64, 0);
    const quint64 hash = groupHash(apiId, application, model);
    const std::size_t mask = m_groupTable.size() - 1;
    for (std::size_t slot = std::size_t(hash) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_groupTable[slot];
        if (entry == 0)
            break;
        const quint32 index = entry - 1;
        UsageGroup& group = m_groups[index];
        if (m_groupHashes[index] == hash && group.apiId == apiId && group.application == application &&
            group.model == model) {
            // The latest name of a renamed API wins.
            if (group.apiName != apiName)
                group.apiName.assign(apiName.data(), apiName.size());
            return index;
        }
    }
    const auto index = quint32(m_groups.size());
    m_groups.push_back(
        UsageGroup{std::string(apiId), std::string(apiName), std::string(application), std::string(model)});
    m_groupHashes.push_back(hash);
    m_latestBucket.push_back(noBucket);
    if (m_groups.size() * 2 > m_groupTable.size())
        growGroupTable();
    else {
        std::size_t slot = std::size_t(hash) & mask;
        while (m_groupTable[slot] != 0)
            slot = (slot + 1) & mask;
        m_groupTable[slot] = index + 1;
    }
    return index;
}

void UsageBuckets::growGroupTable() {
    m_groupTable.assign(m_groupTable.size() * 2, 0);
    const std::size_t mask = m_groupTable.size() - 1;
    for (std::size_t index = 0; index < m_groups.size(); ++index) {
        std::size_t slot = std::size_t(m_groupHashes[index]) & mask;
        while (m_groupTable[slot] != 0)
            slot = (slot + 1) & mask;
        m_groupTable[slot] = quint32(index + 1);
    }
}

std::size_t UsageBuckets::bucketSlot(quint64 key) const {
    const std::size_t mask = m_bucketTable.size() - 1;
    std::size_t slot = std::size_t((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (m_bucketTable[slot] != 0 && m_bucketKeys[slot] != key)
        slot = (slot + 1) & mask;
    return slot;
}

void UsageBuckets::rebuildBucketTable(std::size_t slots) {
    m_bucketKeys.assign(slots, 0);
    m_bucketTable.assign(slots, 0);
    for (std::size_t index = 0; index < m_buckets.size(); ++index) {
        const quint64 key = bucketKey(m_buckets[index].minute, m_buckets[index].group);
        const std::size_t slot = bucketSlot(key);
        m_bucketKeys[slot] = key;
        m_bucketTable[slot] = quint32(index + 1);
    }
    m_bucketMapValid = true;
}

UsageBuckets::Bucket& UsageBuckets::bucketOf(qint64 minute, quint32 group) {
    const quint32 latest = m_latestBucket[group];
    if (latest != noBucket && m_buckets[latest].minute == minute)
        return m_buckets[latest];
    // At most half full; doubled (and refilled) when it would be more.
    if (!m_bucketMapValid || (m_buckets.size() + 1) * 2 > m_bucketTable.size()) {
        std::size_t slots = 1024;
        while (slots < (m_buckets.size() + 1) * 2)
            slots *= 2;
        rebuildBucketTable(slots);
    }
    const quint64 key = bucketKey(minute, group);
    const std::size_t slot = bucketSlot(key);
    quint32 index = m_bucketTable[slot];
    if (index == 0) {
        Bucket bucket;
        bucket.minute = minute;
        bucket.group = group;
        m_buckets.push_back(bucket);
        index = quint32(m_buckets.size());
        m_bucketKeys[slot] = key;
        m_bucketTable[slot] = index;
    }
    --index;
    // Only a later minute becomes the group's latest: a late line of an earlier minute (a long
    // stream is logged when it ends) must not send the lines after it to the table.
    if (latest == noBucket || m_buckets[latest].minute < minute)
        m_latestBucket[group] = index;
    return m_buckets[index];
}

quint32 UsageBuckets::addGroup(const UsageGroup& group) {
    return findOrAddGroup(group.apiId, group.apiName, group.application, group.model);
}

void UsageBuckets::addCounters(qint64 minute, quint32 group, const UsageCounters& counters) {
    bucketOf(minute, group).counters.add(counters);
}

void UsageBuckets::appendSorted(const Bucket& bucket) {
    m_latestBucket[bucket.group] = quint32(m_buckets.size());
    m_buckets.push_back(bucket);
    m_bucketMapValid = false;
}

void UsageBuckets::merge(const UsageBuckets& other) {
    std::vector<quint32> mapped(other.m_groups.size());
    for (std::size_t index = 0; index < other.m_groups.size(); ++index)
        mapped[index] = addGroup(other.m_groups[index]);
    for (const Bucket& bucket : other.m_buckets)
        bucketOf(bucket.minute, mapped[bucket.group]).counters.add(bucket.counters);
}

void UsageBuckets::clear() {
    *this = UsageBuckets();
}

void UsageBuckets::sort() {
    std::sort(m_buckets.begin(), m_buckets.end(), [](const Bucket& a, const Bucket& b) {
        return a.minute != b.minute ? a.minute < b.minute : a.group < b.group;
    });
    std::fill(m_latestBucket.begin(), m_latestBucket.end(), noBucket);
    for (std::size_t index = 0; index < m_buckets.size(); ++index)
        m_latestBucket[m_buckets[index].group] = quint32(index); // sorted: the last one is the latest
    m_bucketMapValid = false;
}

std::vector<UsageBuckets::Bucket> UsageBuckets::hourBuckets() const {
    const auto earlier = [](const Bucket* a, const Bucket* b) {
        return a->minute != b->minute ? a->minute < b->minute : a->group < b->group;
    };
    std::vector<const Bucket*> order;
    order.reserve(m_buckets.size());
    for (const Bucket& bucket : m_buckets)
        order.push_back(&bucket);
    if (!std::is_sorted(order.begin(), order.end(), earlier))
        std::sort(order.begin(), order.end(), earlier);
    // One hour at a time, summed per group in a dense array: no map over every minute bucket.
    std::vector<Bucket> result;
    std::vector<UsageCounters> sums(m_groups.size());
    std::vector<quint32> touched;
    std::vector<char> isTouched(m_groups.size(), 0);
    qint64 hour = -1;
    const auto flush = [&] {
        std::sort(touched.begin(), touched.end());
        for (const quint32 group : touched) {
            Bucket bucket;
            bucket.minute = hour;
            bucket.group = group;
            bucket.counters = sums[group];
            result.push_back(bucket);
            sums[group] = UsageCounters();
            isTouched[group] = 0;
        }
        touched.clear();
    };
    for (const Bucket* bucket : order) {
        const qint64 start = bucket->minute - bucket->minute % 60;
        if (start != hour) {
            flush();
            hour = start;
        }
        if (!isTouched[bucket->group]) {
            isTouched[bucket->group] = 1;
            touched.push_back(bucket->group);
        }
        sums[bucket->group].add(bucket->counters);
    }
    flush();
    return result;
}

} // namespace gatehouse
