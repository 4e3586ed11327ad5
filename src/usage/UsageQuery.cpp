#include "usage/UsageQuery.h"

#include "usage/UsageIndex.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <string>
#include <unordered_map>

namespace gatehouse {

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 dayMs = 24 * 60 * minuteMs;

qint64 floorDiv(qint64 value, qint64 divisor) {
    const qint64 quotient = value / divisor;
    return value % divisor < 0 ? quotient - 1 : quotient;
}

QDate utcDayOf(qint64 ms) {
    return QDate(1970, 1, 1).addDays(floorDiv(ms, dayMs));
}

// A result group: the values of the dimensions grouped by.
struct Group {
    std::string apiId;
    std::string apiName;
    std::string application;
    std::string model;
};

} // namespace

QString UsageQuery::logFileName(const QDate& day) {
    return QStringLiteral("access-") + day.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral(".jsonl");
}

std::optional<QDate> UsageQuery::dayOfLogFile(const QString& fileName) {
    static const QString prefix = QStringLiteral("access-");
    static const QString suffix = QStringLiteral(".jsonl");
    if (fileName.size() != prefix.size() + 8 + suffix.size() || !fileName.startsWith(prefix) ||
        !fileName.endsWith(suffix))
        return std::nullopt;
    const QDate day = QDate::fromString(fileName.mid(prefix.size(), 8), QStringLiteral("yyyyMMdd"));
    if (!day.isValid())
        return std::nullopt;
    return day;
}

UsageReport UsageQuery::run(const UsageRequest& request) {
    UsageReport report;
    report.sinceMs = floorDiv(request.sinceMs, minuteMs) * minuteMs;
    report.untilMs = -floorDiv(-request.untilMs, minuteMs) * minuteMs;
    report.bucket = request.bucket;
    report.groupBy = request.groupBy;
    if (report.untilMs <= report.sinceMs)
        return report;
    const qint64 sinceMinute = report.sinceMs / minuteMs;
    const qint64 untilMinute = report.untilMs / minuteMs;
    const auto grouped = [&](UsageDimension dimension) {
        return std::find(request.groupBy.begin(), request.groupBy.end(), dimension) != request.groupBy.end();
    };
    const bool byApi = grouped(UsageDimension::Api);
    const bool byApplication = grouped(UsageDimension::Application);
    const bool byModel = grouped(UsageDimension::Model);

    // The day files that can hold records of the range (see the class comment for the margin).
    const qint64 firstDay = utcDayOf(report.sinceMs).addDays(-1).toJulianDay();
    const qint64 lastDay = utcDayOf(report.untilMs - 1).addDays(1).toJulianDay();
    std::vector<std::pair<qint64, QString>> files;
    const QDir folder(request.logsFolder);
    for (const QString& name : folder.entryList({QStringLiteral("access-*.jsonl")}, QDir::Files)) {
        const std::optional<QDate> day = dayOfLogFile(name);
        if (day && day->toJulianDay() >= firstDay && day->toJulianDay() <= lastDay)
            files.emplace_back(day->toJulianDay(), folder.filePath(name));
    }
    std::sort(files.begin(), files.end());

    std::vector<Group> groups;
    std::unordered_map<std::string, quint32> groupOf;
    // (bucket's first minute << 32 | group) -> sums; minutes stay below 2^32 (UsageBuckets).
    std::unordered_map<quint64, UsageCounters> sums;
    for (const auto& [day, path] : files) {
        UsageIndex index(path);
        const UsageIndex::Update& update = index.update(request.saveIndexes, request.threads);
        ++report.reading.files;
        report.reading.bytesRead += update.bytesRead;
        report.reading.skippedLines += index.totals().skipped;
        switch (update.kind) {
        case UsageIndex::Update::Kind::Reused:
            ++report.reading.indexesReused;
            break;
        case UsageIndex::Update::Kind::Extended:
            ++report.reading.indexesExtended;
            break;
        case UsageIndex::Update::Kind::Built:
            ++report.reading.indexesBuilt;
            break;
        }
        if (!update.saveError.isEmpty())
            //: %1 is the index file, %2 the system's reason.
            report.warnings.append(
                tr("cannot save the usage index %1: %2 (the next query reads the log again)")
                    .arg(UsageIndex::indexPathOf(path), update.saveError));
        if (index.firstMinute() < 0 || index.lastMinute() < sinceMinute || index.firstMinute() >= untilMinute)
            continue;
        // A file wholly inside the range needs no minute filter, and its hours serve every bucket
        // size but minutes: a month of days is read from hourly sums.
        const bool inside = index.firstMinute() >= sinceMinute && index.lastMinute() < untilMinute;
        const bool hours = inside && request.bucket != UsageBucketSize::Minute;
        const std::vector<UsageBuckets::Bucket>& buckets =
            hours ? index.hourBuckets() : index.minuteBuckets();

        // Map the file's groups to the result's once, not per bucket.
        std::vector<quint32> mapped;
        mapped.reserve(index.groups().size());
        for (const UsageGroup& group : index.groups()) {
            std::string key;
            if (byApi)
                key += group.apiId;
            key += '\0';
            if (byApplication)
                key += group.application;
            key += '\0';
            if (byModel)
                key += group.model;
            const auto [it, inserted] = groupOf.emplace(key, quint32(groups.size()));
            if (inserted)
                groups.push_back(Group{byApi ? group.apiId : std::string(), std::string(),
                                       byApplication ? group.application : std::string(),
                                       byModel ? group.model : std::string()});
            if (byApi)
                groups[it->second].apiName = group.apiName; // files run old to new: the latest name
            mapped.push_back(it->second);
        }
        for (const UsageBuckets::Bucket& bucket : buckets) {
            if (!inside && (bucket.minute < sinceMinute || bucket.minute >= untilMinute))
                continue;
            const qint64 start = request.bucket == UsageBucketSize::None
                                     ? 0
                                     : usageBucketStartMinute(bucket.minute, request.bucket);
            sums[(quint64(start) << 32) | mapped[bucket.group]].add(bucket.counters);
            report.totals.add(bucket.counters);
        }
    }

    report.rows.reserve(sums.size());
    for (const auto& [key, counters] : sums) {
        const Group& group = groups[key & 0xffffffffU];
        UsageRow row;
        row.bucketStartMs = request.bucket == UsageBucketSize::None ? -1 : qint64(key >> 32) * minuteMs;
        row.apiId = QString::fromStdString(group.apiId);
        row.apiName = QString::fromStdString(group.apiName);
        row.applicationId = QString::fromStdString(group.application);
        row.model = QString::fromStdString(group.model);
        row.counters = counters;
        report.rows.push_back(std::move(row));
    }
    std::sort(report.rows.begin(), report.rows.end(), [](const UsageRow& a, const UsageRow& b) {
        if (a.bucketStartMs != b.bucketStartMs)
            return a.bucketStartMs < b.bucketStartMs;
        return UsageReport::ranksBefore(a, b);
    });
    return report;
}

} // namespace gatehouse
