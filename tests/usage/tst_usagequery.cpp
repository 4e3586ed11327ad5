// Usage from access-log files: exact sums over every kind of line, buckets and groups, the edges of
// the range, which day files are opened, and the sidecar indexes (reused, extended with appended lines
// only, rebuilt when damaged or when the log was replaced).
#include "usage/UsageIndex.h"
#include "usage/UsageQuery.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <memory>

using namespace gatehouse;

namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

// 2026-12-07T00:00:00Z
const qint64 day0 = QDateTime(QDate(2026, 12, 7), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// One line of the access log in the gateway's format, with what a test changes as fields.
struct LogLine {
    qint64 timeMs = day0;
    QString apiId = QStringLiteral("smartchat-1.0.0");
    QString api = QStringLiteral("SmartChat");
    QString app = QStringLiteral("smartchatapp");
    QString model = QStringLiteral("gpt-4o");
    int status = 200;
    QString prompt = QStringLiteral("10");
    QString completion = QStringLiteral("20");
    QString total = QStringLiteral("30");
    QString cached = QStringLiteral("0");
    QString reasoning = QStringLiteral("0");
    QString usage = QStringLiteral("\"reported\"");
    QString cost = QStringLiteral("0.0001000000");
    QString costStatus = QStringLiteral("\"calculated\"");
    QString errorCode = QStringLiteral("null");
    QString guardrail; // empty: no guardrail members
    bool old = false;  // written before the cached..costReason members existed

    QByteArray text() const {
        QString line = QStringLiteral("{\"time\":\"") + iso(timeMs) + QStringLiteral("\",\"api\":\"") + api +
                       QStringLiteral("\",\"apiId\":\"") + apiId +
                       QStringLiteral("\",\"operation\":\"POST /chat/completions\",\"application\":\"") +
                       app + QStringLiteral("\",\"keyType\":\"PRODUCTION\",\"tokenId\":\"t1\",\"model\":\"") +
                       model + QStringLiteral("\",\"endpoint\":\"default_production_endpoint\",\"status\":") +
                       QString::number(status) +
                       QStringLiteral(",\"latencyMs\":12.5,\"upstreamLatencyMs\":10,\"promptTokens\":") +
                       prompt + QStringLiteral(",\"completionTokens\":") + completion +
                       QStringLiteral(",\"totalTokens\":") + total;
        if (!old)
            line += QStringLiteral(",\"cachedTokens\":") + cached + QStringLiteral(",\"reasoningTokens\":") +
                    reasoning + QStringLiteral(",\"usage\":") + usage + QStringLiteral(",\"costUsd\":") +
                    cost + QStringLiteral(",\"costStatus\":") + costStatus;
        line += QStringLiteral(",\"retried\":false,\"streamed\":true,\"errorCode\":") + errorCode;
        if (!guardrail.isEmpty())
            line +=
                QStringLiteral(",\"guardrail\":\"") + guardrail +
                QStringLiteral("\",\"guardrailKind\":\"RegexGuardrail\",\"guardrailDirection\":\"REQUEST\"");
        line += QStringLiteral(",\"client\":\"127.0.0.1\"}");
        return line.toUtf8();
    }
};

LogLine at(qint64 timeMs, const QString& app, const QString& model, const QString& cost,
           const QString& tokens = QStringLiteral("10")) {
    LogLine line;
    line.timeMs = timeMs;
    line.app = app;
    line.model = model;
    line.cost = cost;
    line.prompt = tokens;
    line.completion = QStringLiteral("0");
    line.total = tokens;
    return line;
}

} // namespace

class TestUsageQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sumsEveryKindOfLineExactly();
    void groupsAndBuckets();
    void rangeEdgesAreWholeMinutes();
    void aLateRecordInTheNextDaysFileCounts();
    void onlyTheDaysNearTheRangeAreOpened();
    void topConsumersRankByCostThenTokens();
    void hourSumsAgreeWithMinutes();
    void indexIsReusedAndExtendedWithAppendedLinesOnly();
    void anUnfinishedLineWaitsForItsEnd();
    void damagedIndexIsRebuilt_data();
    void damagedIndexIsRebuilt();
    void damagedMinutesAreRebuiltWhenNeeded();
    void replacedLogIsIndexedAgain();
    void threadsAgreeWithOneThread();
    void readOnlyQueryLeavesNoIndex();

private:
    QString logPath(qint64 dayMs) const;
    void write(qint64 dayMs, const QList<LogLine>& lines, const QByteArray& extra = {});
    void append(qint64 dayMs, const QByteArray& bytes);
    UsageReport query(qint64 since, qint64 until, UsageBucketSize bucket = UsageBucketSize::None,
                      std::vector<UsageDimension> groupBy = {}, int threads = 0, bool save = true) const;
    void writeGroupedTraffic();
    void writeOneDay();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_logs;
};

void TestUsageQuery::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_logs = m_dir->filePath(QStringLiteral("logs"));
    QVERIFY(QDir().mkpath(m_logs));
}

void TestUsageQuery::cleanup() {
    m_dir.reset();
}

QString TestUsageQuery::logPath(qint64 dayMs) const {
    return m_logs + QLatin1Char('/') +
           UsageQuery::logFileName(QDateTime::fromMSecsSinceEpoch(dayMs, Qt::UTC).date());
}

void TestUsageQuery::write(qint64 dayMs, const QList<LogLine>& lines, const QByteArray& extra) {
    QByteArray bytes;
    for (const LogLine& line : lines)
        bytes += line.text() + '\n';
    QFile file(logPath(dayMs));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes + extra), bytes.size() + extra.size());
}

void TestUsageQuery::append(qint64 dayMs, const QByteArray& bytes) {
    QFile file(logPath(dayMs));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(file.write(bytes), bytes.size());
}

UsageReport TestUsageQuery::query(qint64 since, qint64 until, UsageBucketSize bucket,
                                  std::vector<UsageDimension> groupBy, int threads, bool save) const {
    UsageRequest request;
    request.logsFolder = m_logs;
    request.sinceMs = since;
    request.untilMs = until;
    request.bucket = bucket;
    request.groupBy = std::move(groupBy);
    request.threads = threads;
    request.saveIndexes = save;
    return UsageQuery::run(request);
}

void TestUsageQuery::sumsEveryKindOfLineExactly() {
    LogLine current;
    current.timeMs = day0 + hour;
    current.prompt = QStringLiteral("100");
    current.completion = QStringLiteral("50");
    current.total = QStringLiteral("150");
    current.cached = QStringLiteral("40");
    current.reasoning = QStringLiteral("10");
    current.cost = QStringLiteral("0.0012345678");

    LogLine old = current;
    old.old = true;
    old.prompt = QStringLiteral("7");
    old.completion = QStringLiteral("3");
    old.total = QStringLiteral("10");

    LogLine failed = current;
    failed.status = 502;
    failed.prompt = failed.completion = failed.total = failed.cached = failed.reasoning =
        QStringLiteral("null");
    failed.usage = failed.cost = failed.costStatus = QStringLiteral("null");
    failed.errorCode = QStringLiteral("\"101503\"");

    LogLine estimated = current;
    estimated.usage = estimated.costStatus = QStringLiteral("\"estimated\"");
    estimated.cost = QStringLiteral("0.0000001000");
    estimated.prompt = estimated.completion = QStringLiteral("5");
    estimated.total = QStringLiteral("10");
    estimated.cached = estimated.reasoning = QStringLiteral("0");

    LogLine refused = failed;
    refused.status = 446;
    refused.errorCode = QStringLiteral("\"900514\"");
    refused.guardrail = QStringLiteral("Jailbreak");

    LogLine cut = estimated; // a stream cut short: 200, an error code, what was counted until then
    cut.usage = QStringLiteral("\"reported\"");
    cut.costStatus = QStringLiteral("\"calculated\"");
    cut.errorCode = QStringLiteral("\"101505\"");
    cut.prompt = QStringLiteral("3");
    cut.completion = QStringLiteral("4");
    cut.total = QStringLiteral("7");
    cut.cost = QStringLiteral("0.0000000001");

    LogLine unpriced = estimated;
    unpriced.usage = QStringLiteral("\"reported\"");
    unpriced.costStatus = QStringLiteral("\"not_calculated\"");
    unpriced.cost = QStringLiteral("null");
    unpriced.prompt = unpriced.completion = QStringLiteral("1");
    unpriced.total = QStringLiteral("2");

    LogLine escaped = estimated;
    escaped.usage = QStringLiteral("\"reported\"");
    escaped.costStatus = QStringLiteral("\"calculated\"");
    escaped.api = QStringLiteral("Smart\\\"Chat \\u00e9");
    escaped.prompt = escaped.completion = QStringLiteral("2");
    escaped.total = QStringLiteral("4");
    escaped.cost = QStringLiteral("0.5");

    LogLine afterCrash = escaped;
    afterCrash.prompt = QStringLiteral("1");
    afterCrash.completion = QStringLiteral("0");
    afterCrash.total = QStringLiteral("1");
    afterCrash.cost = QStringLiteral("0.0000000002");
    const QByteArray torn = current.text().left(60);

    const QByteArray tail = current.text().left(100); // the gateway killed mid-line: no line break
    write(day0, {current, old, failed, estimated, refused, cut, unpriced, escaped},
          "\n" + torn + afterCrash.text() + "\nnot json\n" + tail);

    const UsageReport report = query(day0, day0 + day);
    const UsageCounters& totals = report.totals;
    QCOMPARE(totals.requests, 9);
    QCOMPARE(totals.errors, 3);
    QCOMPARE(totals.promptTokens, 100 + 7 + 5 + 3 + 1 + 2 + 1);
    QCOMPARE(totals.completionTokens, 50 + 3 + 5 + 4 + 1 + 2);
    QCOMPARE(totals.totalTokens, 150 + 10 + 10 + 7 + 2 + 4 + 1);
    QCOMPARE(totals.cachedTokens, 40);
    QCOMPARE(totals.reasoningTokens, 10);
    QCOMPARE(totals.costE10, 12345678 + 1000 + 1 + 5000000000LL + 2);
    QCOMPARE(totals.costUsd(), 0.5012346681);
    QCOMPARE(totals.estimatedCosts, 1);
    QCOMPARE(totals.estimatedUsage, 1);
    QCOMPARE(totals.notCalculatedCosts, 1);
    QCOMPARE(totals.interventions, 1);
    QCOMPARE(report.reading.files, 1);
    QCOMPARE(report.reading.indexesBuilt, 1);
    QCOMPARE(report.reading.skippedLines, 1);
    QCOMPARE(report.reading.bytesRead, QFileInfo(logPath(day0)).size());
    QCOMPARE(report.rows.size(), std::size_t(1));
    QVERIFY(report.rows.front().counters == totals);

    // The escaped name is read as text; grouping by API keeps one group (the id is the same).
    const UsageReport byApi = query(day0, day0 + day, UsageBucketSize::None, {UsageDimension::Api});
    QCOMPARE(byApi.rows.size(), std::size_t(1));
    QCOMPARE(byApi.rows.front().apiId, QStringLiteral("smartchat-1.0.0"));
    QVERIFY(byApi.totals == totals);

    // The index covers the whole lines only: the torn tail is not part of it.
    UsageIndex index(logPath(day0));
    QCOMPARE(index.update(false).kind, UsageIndex::Update::Kind::Reused);
    QCOMPARE(index.coveredBytes(), QFileInfo(logPath(day0)).size() - tail.size());
}

void TestUsageQuery::writeGroupedTraffic() {
    // Day 0: A/m1 twice in minute 0, B/m2 in minute 1, A/m2 at 01:30; day 1: B/m1 at 00:10.
    write(day0, {at(day0 + 30'000, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.0001000000")),
                 at(day0 + 45'000, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.0001000000")),
                 at(day0 + 70'000, QStringLiteral("B"), QStringLiteral("m2"), QStringLiteral("0.0003000000")),
                 at(day0 + 90 * minute, QStringLiteral("A"), QStringLiteral("m2"),
                    QStringLiteral("0.0002000000"), QStringLiteral("50"))});
    write(day0 + day, {at(day0 + day + 10 * minute, QStringLiteral("B"), QStringLiteral("m1"),
                          QStringLiteral("0.0005000000"))});
}

// Day 0 of writeGroupedTraffic alone: the index tests count one file.
void TestUsageQuery::writeOneDay() {
    writeGroupedTraffic();
    QVERIFY(QFile::remove(logPath(day0 + day)));
}

void TestUsageQuery::groupsAndBuckets() {
    writeGroupedTraffic();
    const qint64 until = day0 + 2 * day;

    const UsageReport byModel = query(day0, until, UsageBucketSize::None, {UsageDimension::Model});
    QCOMPARE(byModel.rows.size(), std::size_t(2));
    QCOMPARE(byModel.rows[0].model, QStringLiteral("m1"));
    QCOMPARE(byModel.rows[0].counters.requests, 3);
    QCOMPARE(byModel.rows[0].counters.costE10, 7'000'000);
    QCOMPARE(byModel.rows[0].bucketStartMs, -1);
    QVERIFY(byModel.rows[0].applicationId.isEmpty()); // not grouped by application
    QCOMPARE(byModel.rows[1].model, QStringLiteral("m2"));
    QCOMPARE(byModel.rows[1].counters.costE10, 5'000'000);
    QCOMPARE(byModel.totals.requests, 5);
    QCOMPARE(byModel.reading.files, 2);

    const UsageReport hours = query(day0, until, UsageBucketSize::Hour);
    QCOMPARE(hours.rows.size(), std::size_t(3));
    QCOMPARE(hours.rows[0].bucketStartMs, day0);
    QCOMPARE(hours.rows[0].counters.requests, 3);
    QCOMPARE(hours.rows[1].bucketStartMs, day0 + hour);
    QCOMPARE(hours.rows[1].counters.requests, 1);
    QCOMPARE(hours.rows[2].bucketStartMs, day0 + day);

    const UsageReport days = query(day0, until, UsageBucketSize::Day, {UsageDimension::Application});
    QCOMPARE(days.rows.size(), std::size_t(3));
    QCOMPARE(days.rows[0].bucketStartMs, day0);
    QCOMPARE(days.rows[0].applicationId, QStringLiteral("A")); // 0.0004 before B's 0.0003
    QCOMPARE(days.rows[0].counters.requests, 3);
    QCOMPARE(days.rows[1].applicationId, QStringLiteral("B"));
    QCOMPARE(days.rows[2].bucketStartMs, day0 + day);
    QCOMPARE(days.rows[2].applicationId, QStringLiteral("B"));

    const UsageReport minutes =
        query(day0, until, UsageBucketSize::Minute, {UsageDimension::Application, UsageDimension::Model});
    QCOMPARE(minutes.rows.size(), std::size_t(4));
    QCOMPARE(minutes.rows[0].bucketStartMs, day0);
    QCOMPARE(minutes.rows[0].applicationId, QStringLiteral("A"));
    QCOMPARE(minutes.rows[0].model, QStringLiteral("m1"));
    QCOMPARE(minutes.rows[0].counters.requests, 2);
    QCOMPARE(minutes.rows[1].bucketStartMs, day0 + minute);
    QCOMPARE(minutes.rows[2].bucketStartMs, day0 + 90 * minute);
    QCOMPARE(minutes.rows[3].bucketStartMs, day0 + day + 10 * minute);

    // Several APIs: grouped by API, each its own row, named as the log names it.
    LogLine other =
        at(day0 + 2 * hour, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.0100000000"));
    other.apiId = QStringLiteral("translate-2.0.0");
    other.api = QStringLiteral("Translate");
    append(day0, other.text() + '\n');
    const UsageReport byApi = query(day0, until, UsageBucketSize::None, {UsageDimension::Api});
    QCOMPARE(byApi.rows.size(), std::size_t(2));
    QCOMPARE(byApi.rows[0].apiId, QStringLiteral("translate-2.0.0"));
    QCOMPARE(byApi.rows[0].apiName, QStringLiteral("Translate"));
    QCOMPARE(byApi.rows[1].apiName, QStringLiteral("SmartChat"));
    QCOMPARE(byApi.totals.requests, 6);
}

void TestUsageQuery::rangeEdgesAreWholeMinutes() {
    writeGroupedTraffic();
    // [00:01, 01:30): B/m2 at 00:01:10 only; A/m2 at 01:30:00 is the end, not included.
    UsageReport report = query(day0 + minute, day0 + 90 * minute);
    QCOMPARE(report.totals.requests, 1);
    QCOMPARE(report.totals.costE10, 3'000'000);
    QCOMPARE(report.sinceMs, day0 + minute);
    QCOMPARE(report.untilMs, day0 + 90 * minute);
    // One millisecond more takes in the whole minute 01:30.
    report = query(day0 + minute, day0 + 90 * minute + 1);
    QCOMPARE(report.totals.requests, 2);
    QCOMPARE(report.untilMs, day0 + 91 * minute);
    // A start inside minute 0 takes in all of it.
    report = query(day0 + 45'000, day0 + minute);
    QCOMPARE(report.sinceMs, day0);
    QCOMPARE(report.totals.requests, 2);
    // A range that ends where it starts is empty.
    report = query(day0 + hour, day0 + hour);
    QCOMPARE(report.totals.requests, 0);
    QVERIFY(report.rows.empty());
    // The day before and after are left out.
    report = query(day0 - day, day0);
    QCOMPARE(report.totals.requests, 0);
    report = query(day0 + day, day0 + 2 * day);
    QCOMPARE(report.totals.requests, 1);
}

void TestUsageQuery::aLateRecordInTheNextDaysFileCounts() {
    // A stream that started at 23:59:50 ended after midnight: its record is in the next day's file.
    write(day0 + day,
          {at(day0 + day - 10'000, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.1")),
           at(day0 + day + 5'000, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.2"))});
    const UsageReport report = query(day0, day0 + day, UsageBucketSize::Day);
    QCOMPARE(report.totals.requests, 1);
    QCOMPARE(report.totals.costE10, 1'000'000'000);
    QCOMPARE(report.rows.size(), std::size_t(1));
    QCOMPARE(report.rows.front().bucketStartMs, day0);
}

void TestUsageQuery::onlyTheDaysNearTheRangeAreOpened() {
    for (const qint64 offset : {-10 * day, qint64(0), 10 * day})
        write(day0 + offset,
              {at(day0 + offset + hour, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.1"))});
    QFile stray(m_logs + QStringLiteral("/access-notaday.jsonl"));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write(at(day0, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.1")).text() + '\n');
    stray.close();

    const UsageReport report = query(day0, day0 + day);
    QCOMPARE(report.reading.files, 1);
    QCOMPARE(report.totals.requests, 1);
    QVERIFY(QFileInfo::exists(UsageIndex::indexPathOf(logPath(day0))));
    QVERIFY(!QFileInfo::exists(UsageIndex::indexPathOf(logPath(day0 + 10 * day))));
    // The index is never taken for a log.
    QVERIFY(!UsageQuery::dayOfLogFile(QStringLiteral("access-20261207.jsonl.idx")));
    QCOMPARE(*UsageQuery::dayOfLogFile(QStringLiteral("access-20261207.jsonl")), QDate(2026, 12, 7));
    QCOMPARE(query(day0 - 20 * day, day0 + 20 * day).reading.files, 3);
}

void TestUsageQuery::topConsumersRankByCostThenTokens() {
    writeGroupedTraffic();
    const UsageReport report = query(day0, day0 + 2 * day, UsageBucketSize::Hour,
                                     {UsageDimension::Application, UsageDimension::Model});
    const std::vector<UsageRow> top = report.topConsumers();
    QCOMPARE(top.size(), std::size_t(4));
    QCOMPARE(top[0].applicationId + top[0].model, QStringLiteral("Bm1"));
    QCOMPARE(top[1].applicationId + top[1].model, QStringLiteral("Bm2"));
    // A/m2 and A/m1 both cost 0.0002: A/m2's 50 tokens rank before A/m1's 20.
    QCOMPARE(top[2].applicationId + top[2].model, QStringLiteral("Am2"));
    QCOMPARE(top[3].applicationId + top[3].model, QStringLiteral("Am1"));
    QCOMPARE(top[3].counters.requests, 2);
    QCOMPARE(top[0].bucketStartMs, -1);
    QCOMPARE(report.topConsumers(2).size(), std::size_t(2));
}

void TestUsageQuery::hourSumsAgreeWithMinutes() {
    QRandomGenerator random(7);
    QList<LogLine> lines;
    for (int i = 0; i < 3000; ++i) {
        LogLine line = at(day0 + qint64(i) * (day / 3000), QStringLiteral("app%1").arg(random.bounded(5)),
                          QStringLiteral("model%1").arg(random.bounded(4)),
                          QStringLiteral("0.%1").arg(random.bounded(1'000'000'000), 10, 10, QLatin1Char('0')),
                          QString::number(random.bounded(5000)));
        lines.append(line);
    }
    write(day0, lines);
    const std::vector<UsageDimension> groups{UsageDimension::Model};
    // The whole day inside the range: hours from the index; minutes merged here must say the same.
    const UsageReport hours = query(day0 - day, day0 + 2 * day, UsageBucketSize::Hour, groups);
    const UsageReport minutes = query(day0 - day, day0 + 2 * day, UsageBucketSize::Minute, groups);
    std::map<std::pair<qint64, QString>, UsageCounters> merged;
    for (const UsageRow& row : minutes.rows)
        merged[{row.bucketStartMs - row.bucketStartMs % hour, row.model}].add(row.counters);
    QCOMPARE(hours.rows.size(), merged.size());
    for (const UsageRow& row : hours.rows)
        QVERIFY((merged[{row.bucketStartMs, row.model}] == row.counters));
    QVERIFY(hours.totals == minutes.totals);
    // And a range cutting the day (minutes from the index) agrees with the hours inside it.
    const UsageReport part = query(day0 + 6 * hour, day0 + 18 * hour, UsageBucketSize::Hour, groups);
    QCOMPARE(part.rows.size(), std::size_t(12 * 4));
    for (const UsageRow& row : part.rows)
        QVERIFY((merged[{row.bucketStartMs, row.model}] == row.counters));
}

void TestUsageQuery::indexIsReusedAndExtendedWithAppendedLinesOnly() {
    writeOneDay();
    const QString log = logPath(day0);
    const qint64 size = QFileInfo(log).size();
    UsageReport report = query(day0, day0 + day);
    QCOMPARE(report.reading.indexesBuilt, 1);
    QCOMPARE(report.reading.bytesRead, size);
    QCOMPARE(report.totals.requests, 4);
    QVERIFY(QFileInfo::exists(UsageIndex::indexPathOf(log)));

    report = query(day0, day0 + day);
    QCOMPARE(report.reading.indexesReused, 1);
    QCOMPARE(report.reading.bytesRead, 0);
    QCOMPARE(report.totals.requests, 4);

    const QByteArray more =
        at(day0 + 3 * hour, QStringLiteral("C"), QStringLiteral("m3"), QStringLiteral("1")).text() + '\n' +
        at(day0 + 3 * hour + 1, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("2")).text() + '\n';
    append(day0, more);
    report = query(day0, day0 + day, UsageBucketSize::None, {UsageDimension::Application});
    QCOMPARE(report.reading.indexesExtended, 1);
    QCOMPARE(report.reading.bytesRead, more.size()); // only what was appended
    QCOMPARE(report.totals.requests, 6);
    QCOMPARE(report.totals.costE10, 30'007'000'000);
    QCOMPARE(report.rows.front().applicationId, QStringLiteral("A"));

    UsageIndex index(log);
    const UsageIndex::Update& update = index.update();
    QCOMPARE(update.kind, UsageIndex::Update::Kind::Reused);
    QCOMPARE(update.bytesRead, 0);
    QCOMPARE(index.coveredBytes(), size + more.size());
    QCOMPARE(index.totals().records, 6);
}

void TestUsageQuery::anUnfinishedLineWaitsForItsEnd() {
    writeOneDay();
    QCOMPARE(query(day0, day0 + day).totals.requests, 4);
    const QByteArray line =
        at(day0 + 4 * hour, QStringLiteral("A"), QStringLiteral("m1"), QStringLiteral("0.25")).text() + '\n';
    const QByteArray first = line.left(line.size() / 2);
    append(day0, first);
    UsageReport report = query(day0, day0 + day);
    QCOMPARE(report.totals.requests, 4);
    QCOMPARE(report.reading.bytesRead, first.size());
    QCOMPARE(report.reading.skippedLines, 0); // not a torn line yet: a line being written

    append(day0, line.mid(first.size()));
    report = query(day0, day0 + day);
    QCOMPARE(report.totals.requests, 5);
    QCOMPARE(report.reading.indexesExtended, 1);
    QCOMPARE(report.reading.bytesRead, line.size());
    QCOMPARE(report.totals.costE10, 2'507'000'000);
}

void TestUsageQuery::damagedIndexIsRebuilt_data() {
    QTest::addColumn<QString>("damage");
    QTest::newRow("empty") << QStringLiteral("empty");
    QTest::newRow("text") << QStringLiteral("text");
    QTest::newRow("cut short") << QStringLiteral("cut");
    QTest::newRow("header byte") << QStringLiteral("header");
    QTest::newRow("summary byte") << QStringLiteral("summary");
    QTest::newRow("future version") << QStringLiteral("version");
}

void TestUsageQuery::damagedIndexIsRebuilt() {
    QFETCH(QString, damage);
    writeOneDay();
    const UsageReport before = query(day0, day0 + day, UsageBucketSize::Minute, {UsageDimension::Model});
    const QString path = UsageIndex::indexPathOf(logPath(day0));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.size() > 160);
    if (damage == QLatin1String("empty"))
        bytes.clear();
    else if (damage == QLatin1String("text"))
        bytes = "{\"not\":\"an index\"}";
    else if (damage == QLatin1String("cut"))
        bytes.chop(3);
    else if (damage == QLatin1String("header"))
        bytes[20] = char(bytes[20] ^ 0x55);
    else if (damage == QLatin1String("summary"))
        bytes[150] = char(bytes[150] ^ 0x01);
    else if (damage == QLatin1String("version"))
        bytes[8] = char(bytes[8] + 1);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();

    UsageIndex index(logPath(day0));
    const UsageIndex::Update update = index.update(false);
    QCOMPARE(update.kind, UsageIndex::Update::Kind::Built);
    QVERIFY(update.damaged);

    const UsageReport after = query(day0, day0 + day, UsageBucketSize::Minute, {UsageDimension::Model});
    QCOMPARE(after.reading.indexesBuilt, 1);
    QCOMPARE(after.rows.size(), before.rows.size());
    for (std::size_t i = 0; i < after.rows.size(); ++i)
        QVERIFY(after.rows[i].counters == before.rows[i].counters);
    QCOMPARE(query(day0, day0 + day).reading.indexesReused, 1); // and written again, whole
}

void TestUsageQuery::damagedMinutesAreRebuiltWhenNeeded() {
    writeOneDay();
    const UsageReport before = query(day0, day0 + day, UsageBucketSize::Minute);
    const QString path = UsageIndex::indexPathOf(logPath(day0));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.size() - 2] = char(bytes[bytes.size() - 2] ^ 0x01); // the minutes come last
    QVERIFY(file.seek(0));
    file.write(bytes);
    file.close();

    // Whole days are read from the hours, which are sound.
    QCOMPARE(query(day0 - day, day0 + day).totals.requests, 4);
    // Minutes are needed here: read from the log again, not lost.
    const UsageReport after = query(day0, day0 + day, UsageBucketSize::Minute);
    QCOMPARE(after.rows.size(), before.rows.size());
    for (std::size_t i = 0; i < after.rows.size(); ++i) {
        QCOMPARE(after.rows[i].bucketStartMs, before.rows[i].bucketStartMs);
        QVERIFY(after.rows[i].counters == before.rows[i].counters);
    }
    // ... and the index written again.
    UsageIndex index(logPath(day0));
    QCOMPARE(index.update(false).kind, UsageIndex::Update::Kind::Reused);
    QCOMPARE(index.minuteBuckets().size(), std::size_t(3));
}

void TestUsageQuery::replacedLogIsIndexedAgain() {
    writeOneDay();
    QCOMPARE(query(day0, day0 + day).totals.requests, 4);
    // Another log of the same day, longer than the first: its covered part differs.
    QList<LogLine> lines;
    for (int i = 0; i < 6; ++i)
        lines.append(at(day0 + i * hour, QStringLiteral("Z"), QStringLiteral("m9"), QStringLiteral("0.5")));
    write(day0, lines);
    UsageReport report = query(day0, day0 + day, UsageBucketSize::None, {UsageDimension::Application});
    QCOMPARE(report.reading.indexesBuilt, 1);
    QCOMPARE(report.totals.requests, 6);
    QCOMPARE(report.rows.size(), std::size_t(1));
    QCOMPARE(report.rows.front().applicationId, QStringLiteral("Z"));
    // A shorter one.
    write(day0, lines.mid(0, 2));
    report = query(day0, day0 + day);
    QCOMPARE(report.reading.indexesBuilt, 1);
    QCOMPARE(report.totals.requests, 2);
}

void TestUsageQuery::threadsAgreeWithOneThread() {
    QRandomGenerator random(42);
    QList<LogLine> lines;
    for (int i = 0; i < 20000; ++i) {
        LogLine line =
            at(day0 + qint64(random.bounded(int(day))), QStringLiteral("app%1").arg(random.bounded(7)),
               QStringLiteral("model%1").arg(random.bounded(5)),
               QStringLiteral("0.%1").arg(random.bounded(100'000'000), 10, 10, QLatin1Char('0')),
               QString::number(random.bounded(3000)));
        line.status = random.bounded(10) == 0 ? 500 : 200;
        lines.append(line);
    }
    write(day0, lines);
    const std::vector<UsageDimension> groups{UsageDimension::Application, UsageDimension::Model};
    const UsageReport one = query(day0, day0 + day, UsageBucketSize::Hour, groups, 1, false);
    for (const int threads : {2, 3, 8}) {
        const UsageReport many = query(day0, day0 + day, UsageBucketSize::Hour, groups, threads, false);
        QCOMPARE(many.rows.size(), one.rows.size());
        for (std::size_t i = 0; i < one.rows.size(); ++i) {
            QCOMPARE(many.rows[i].bucketStartMs, one.rows[i].bucketStartMs);
            QCOMPARE(many.rows[i].applicationId, one.rows[i].applicationId);
            QVERIFY(many.rows[i].counters == one.rows[i].counters);
        }
    }
    QCOMPARE(one.totals.requests, 20000);
    // Through the index, saved and read back: the same.
    query(day0, day0 + day, UsageBucketSize::Hour, groups, 2, true);
    const UsageReport indexed = query(day0, day0 + day, UsageBucketSize::Hour, groups);
    QCOMPARE(indexed.reading.indexesReused, 1);
    QCOMPARE(indexed.rows.size(), one.rows.size());
    for (std::size_t i = 0; i < one.rows.size(); ++i)
        QVERIFY(indexed.rows[i].counters == one.rows[i].counters);
}

void TestUsageQuery::readOnlyQueryLeavesNoIndex() {
    writeOneDay();
    const UsageReport report = query(day0, day0 + day, UsageBucketSize::None, {}, 0, false);
    QCOMPARE(report.totals.requests, 4);
    QVERIFY(!QFileInfo::exists(UsageIndex::indexPathOf(logPath(day0))));
    QVERIFY(report.warnings.isEmpty());
}

QTEST_GUILESS_MAIN(TestUsageQuery)
#include "tst_usagequery.moc"
