// The access-log scanner on hand-written lines (every form a line can take) and on the lines the
// gateway itself writes (AccessRecord::toJsonLine), so that the two cannot drift apart.
#include "gateway/AccessRecord.h"
#include "usage/AccessLogRecord.h"
#include "usage/AccessLogScanner.h"
#include "usage/UsageBuckets.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QtTest>
#include <string>

using namespace gatehouse;

namespace {

bool parse(const std::string& line, AccessLogRecord& record) {
    return AccessLogScanner::parseLine(line.data(), line.data() + line.size(), record);
}

QString text(std::string_view view) {
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

qint64 msOf(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// A line as the gateway writes it today (member order and number formats of toJsonLine).
const std::string currentLine =
    "{\"time\":\"2026-12-07T05:31:50.123Z\",\"api\":\"SmartChat\",\"apiId\":\"smartchat-1.0.0\","
    "\"operation\":\"POST /chat/completions\",\"application\":\"smartchatapp\",\"keyType\":\"PRODUCTION\","
    "\"tokenId\":\"2b7e5d9c\",\"model\":\"gpt-4o\",\"endpoint\":\"default_production_endpoint\","
    "\"status\":200,\"latencyMs\":12.345,\"upstreamLatencyMs\":10.5,\"promptTokens\":1200,"
    "\"completionTokens\":300,\"totalTokens\":1500,\"cachedTokens\":1024,\"reasoningTokens\":64,"
    "\"usage\":\"reported\",\"costUsd\":0.0045231000,\"costStatus\":\"calculated\",\"retried\":false,"
    "\"streamed\":true,\"errorCode\":null,\"client\":\"127.0.0.1\"}";

// A line written before cached and reasoning tokens, usage and cost were logged.
const std::string oldLine =
    "{\"time\":\"2026-11-30T23:59:59.999Z\",\"api\":\"SmartChat\",\"apiId\":\"smartchat-1.0.0\","
    "\"operation\":\"POST /chat/completions\",\"application\":\"smartchatapp\",\"keyType\":\"PRODUCTION\","
    "\"tokenId\":\"2b7e5d9c\",\"model\":\"gpt-4o-mini\",\"endpoint\":\"default_production_endpoint\","
    "\"status\":200,\"latencyMs\":3,\"upstreamLatencyMs\":2.5,\"promptTokens\":12,\"completionTokens\":30,"
    "\"totalTokens\":42,\"retried\":false,\"streamed\":false,\"errorCode\":null,\"client\":\"127.0.0.1\"}";

} // namespace

class TestAccessLogScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheCurrentFormat();
    void readsOldLinesWithoutCostMembers();
    void readsNullsErrorsAndGuardrails();
    void readsEscapesAndAnyMemberOrder();
    void readsCostsExactly_data();
    void readsCostsExactly();
    void readsOtherTimeForms_data();
    void readsOtherTimeForms();
    void refusesEveryTornPrefix();
    void refusesWhatIsNotARecord_data();
    void refusesWhatIsNotARecord();
    void agreesWithTheGatewaysWriter();
    void scanRecoversARecordGluedToATornLine();
    void scanLeavesAnUnfinishedLastLine();
};

void TestAccessLogScanner::readsTheCurrentFormat() {
    AccessLogRecord record;
    QVERIFY(parse(currentLine, record));
    QCOMPARE(record.timeMs, msOf("2026-12-07T05:31:50.123Z"));
    QCOMPARE(text(record.apiName), QStringLiteral("SmartChat"));
    QCOMPARE(text(record.apiId), QStringLiteral("smartchat-1.0.0"));
    QCOMPARE(text(record.application), QStringLiteral("smartchatapp"));
    QCOMPARE(text(record.model), QStringLiteral("gpt-4o"));
    QCOMPARE(record.status, 200);
    QCOMPARE(record.promptTokens, 1200);
    QCOMPARE(record.completionTokens, 300);
    QCOMPARE(record.totalTokens, 1500);
    QCOMPARE(record.cachedTokens, 1024);
    QCOMPARE(record.reasoningTokens, 64);
    QCOMPARE(record.costE10, 45231000);
    QCOMPARE(record.costUsd(), 0.0045231);
    QVERIFY(record.costStatus == AccessLogRecord::CostStatus::Calculated);
    QVERIFY(!record.usageEstimated);
    QVERIFY(!record.isError());
    QVERIFY(!record.guardrailIntervened);
}

void TestAccessLogScanner::readsOldLinesWithoutCostMembers() {
    AccessLogRecord record;
    QVERIFY(parse(oldLine, record));
    QCOMPARE(record.timeMs, msOf("2026-11-30T23:59:59.999Z"));
    QCOMPARE(text(record.model), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(record.totalTokens, 42);
    QCOMPARE(record.cachedTokens, -1);
    QCOMPARE(record.reasoningTokens, -1);
    QCOMPARE(record.costE10, -1);
    QVERIFY(record.costStatus == AccessLogRecord::CostStatus::None);
    QVERIFY(!record.usageEstimated);
}

void TestAccessLogScanner::readsNullsErrorsAndGuardrails() {
    AccessLogRecord record;
    const std::string refused =
        "{\"time\":\"2026-12-07T00:00:00.000Z\",\"api\":\"SmartChat\",\"apiId\":\"s\",\"application\":\"a\","
        "\"model\":\"gpt-4o\",\"status\":446,\"promptTokens\":null,\"completionTokens\":null,"
        "\"totalTokens\":null,\"cachedTokens\":null,\"reasoningTokens\":null,\"usage\":null,\"costUsd\":null,"
        "\"costStatus\":null,\"errorCode\":\"900514\",\"guardrail\":\"Jailbreak\","
        "\"guardrailKind\":\"RegexGuardrail\",\"guardrailDirection\":\"REQUEST\",\"client\":\"::1\"}";
    QVERIFY(parse(refused, record));
    QCOMPARE(record.status, 446);
    QCOMPARE(record.promptTokens, -1);
    QCOMPARE(record.totalTokens, -1);
    QCOMPARE(record.costE10, -1);
    QVERIFY(record.isError());
    QVERIFY(record.hasErrorCode);
    QVERIFY(record.guardrailIntervened);

    // A stream cut short: 200 went out, but the call failed.
    const std::string cut = "{\"time\":\"2026-12-07T00:00:00.000Z\",\"status\":200,\"errorCode\":\"101505\","
                            "\"usage\":\"estimated\",\"costStatus\":\"estimated\",\"costUsd\":0.0000000100}";
    QVERIFY(parse(cut, record));
    QVERIFY(record.isError());
    QVERIFY(record.usageEstimated);
    QVERIFY(record.costStatus == AccessLogRecord::CostStatus::Estimated);
    QCOMPARE(record.costE10, 100);
    QVERIFY(record.apiId.empty());
    QVERIFY(!record.guardrailIntervened);

    const std::string unpriced =
        "{\"time\":\"2026-12-07T00:00:00.000Z\",\"status\":200,\"costUsd\":null,"
        "\"costStatus\":\"not_calculated\",\"costReason\":\"no price for model x\",\"errorCode\":\"\","
        "\"guardrail\":\"\"}";
    QVERIFY(parse(unpriced, record));
    QVERIFY(record.costStatus == AccessLogRecord::CostStatus::NotCalculated);
    QVERIFY(!record.isError());
    QVERIFY(!record.guardrailIntervened);
}

void TestAccessLogScanner::readsEscapesAndAnyMemberOrder() {
    AccessLogRecord record;
    // Members shuffled, unknown members of every kind (braces and quotes inside strings, nesting),
    // spaces where JSON allows them, escapes in values and in a key, a surrogate pair.
    const std::string line =
        " { \"extra\" : {\"a\":[1,{\"b\":\"}]\\\"{\"}],\"c\":null} , \"model\":\"gpt\\/4o \\\\ \\\"x\\\"\","
        "\"costUsd\":1.5,\"ap\\u0069Id\":\"id\\u00e9\",\"list\":[[],[[]],\"]\"],\"t\":true,\"f\":false,"
        "\"n\":-1.5e3,\"api\":\"Smart \\\"Chat\\\" "
        "\\u00e9\\ud83d\\ude00\",\"time\":\"2026-12-07T05:31:50.123Z\","
        "\"application\":\"tab\\there\\nnew\",\"status\":500 } \r";
    QVERIFY(parse(line, record));
    QCOMPARE(text(record.model), QStringLiteral("gpt/4o \\ \"x\""));
    QCOMPARE(text(record.apiId), QString::fromUtf8("id\xc3\xa9"));
    QCOMPARE(text(record.apiName), QString::fromUtf8("Smart \"Chat\" \xc3\xa9\xf0\x9f\x98\x80"));
    QCOMPARE(text(record.application), QStringLiteral("tab\there\nnew"));
    QCOMPARE(record.costE10, 15000000000LL);
    QCOMPARE(record.status, 500);
    QCOMPARE(record.timeMs, msOf("2026-12-07T05:31:50.123Z"));
}

void TestAccessLogScanner::readsCostsExactly_data() {
    QTest::addColumn<QString>("cost");
    QTest::addColumn<qint64>("units");
    QTest::newRow("ten decimals") << QStringLiteral("0.0000423100") << qint64(423100);
    QTest::newRow("the smallest") << QStringLiteral("0.0000000001") << qint64(1);
    QTest::newRow("whole dollars") << QStringLiteral("12") << qint64(120000000000);
    QTest::newRow("few decimals") << QStringLiteral("1.5") << qint64(15000000000);
    QTest::newRow("zero") << QStringLiteral("0.0000000000") << qint64(0);
    QTest::newRow("exponent") << QStringLiteral("1e-5") << qint64(100000);
    QTest::newRow("more decimals than the log") << QStringLiteral("0.000000000123456") << qint64(1);
    QTest::newRow("negative is null") << QStringLiteral("-0.5") << qint64(-1);
}

void TestAccessLogScanner::readsCostsExactly() {
    QFETCH(QString, cost);
    QFETCH(qint64, units);
    AccessLogRecord record;
    const std::string line =
        "{\"time\":\"2026-12-07T00:00:00.000Z\",\"costUsd\":" + cost.toStdString() + ",\"status\":200}";
    QVERIFY(parse(line, record));
    QCOMPARE(record.costE10, units);
}

void TestAccessLogScanner::readsOtherTimeForms_data() {
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("utc");
    QTest::newRow("no milliseconds") << QStringLiteral("2026-12-07T05:31:50Z")
                                     << QStringLiteral("2026-12-07T05:31:50.000Z");
    QTest::newRow("microseconds") << QStringLiteral("2026-12-07T05:31:50.123456Z")
                                  << QStringLiteral("2026-12-07T05:31:50.123Z");
    QTest::newRow("an offset") << QStringLiteral("2026-12-07T07:31:50.123+02:00")
                               << QStringLiteral("2026-12-07T05:31:50.123Z");
    QTest::newRow("no offset is UTC")
        << QStringLiteral("2026-12-07T05:31:50.123") << QStringLiteral("2026-12-07T05:31:50.123Z");
    QTest::newRow("leap day") << QStringLiteral("2028-02-29T23:59:59.999Z")
                              << QStringLiteral("2028-02-29T23:59:59.999Z");
    QTest::newRow("the epoch") << QStringLiteral("1970-01-01T00:00:00.000Z")
                               << QStringLiteral("1970-01-01T00:00:00.000Z");
}

void TestAccessLogScanner::readsOtherTimeForms() {
    QFETCH(QString, time);
    QFETCH(QString, utc);
    AccessLogRecord record;
    QVERIFY(parse("{\"time\":\"" + time.toStdString() + "\"}", record));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(record.timeMs, Qt::UTC).toString(Qt::ISODateWithMs), utc);
}

void TestAccessLogScanner::refusesEveryTornPrefix() {
    AccessLogRecord record;
    for (const std::string& line : {currentLine, oldLine}) {
        QVERIFY(parse(line, record));
        for (std::size_t length = 0; length < line.size(); ++length)
            QVERIFY2(!parse(line.substr(0, length), record), line.substr(0, length).c_str());
    }
}

void TestAccessLogScanner::refusesWhatIsNotARecord_data() {
    QTest::addColumn<QString>("line");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("an array") << QStringLiteral("[1,2]");
    QTest::newRow("an empty object") << QStringLiteral("{}");
    QTest::newRow("no time") << QStringLiteral("{\"api\":\"x\",\"status\":200}");
    QTest::newRow("a time that is none") << QStringLiteral("{\"time\":\"yesterday\"}");
    QTest::newRow("text") << QStringLiteral("gatehouse: started");
    QTest::newRow("two objects") << QStringLiteral("{\"time\":\"2026-12-07T00:00:00.000Z\"}{\"a\":1}");
    QTest::newRow("a missing comma") << QStringLiteral("{\"time\":\"2026-12-07T00:00:00.000Z\" \"a\":1}");
    QTest::newRow("a bad escape") << QStringLiteral(
        "{\"time\":\"2026-12-07T00:00:00.000Z\",\"api\":\"\\x\"}");
    QTest::newRow("a bare word") << QStringLiteral("{\"time\":\"2026-12-07T00:00:00.000Z\",\"a\":nope}");
}

void TestAccessLogScanner::refusesWhatIsNotARecord() {
    QFETCH(QString, line);
    AccessLogRecord record;
    QVERIFY(!parse(line.toStdString(), record));
}

void TestAccessLogScanner::agreesWithTheGatewaysWriter() {
    QRandomGenerator random(18);
    const QString names[] = {
        QStringLiteral("SmartChat"),
        QString::fromUtf8("Qu\"ote \\ back\nnew\ttab\x01 \xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80"),
        QStringLiteral("</script>"), QString()};
    // A token count, or none (-1) one time in three.
    const auto count = [&](qint64 below) {
        return random.bounded(3) == 0 ? qint64(-1) : random.bounded(below);
    };
    for (int i = 0; i < 2000; ++i) {
        AccessRecord written;
        written.timeMs = qint64(random.bounded(4'000'000'000LL)) * 1000 + random.bounded(1000);
        written.apiName = names[random.bounded(4)];
        written.apiId = names[random.bounded(4)];
        written.applicationId = names[random.bounded(4)];
        written.model = names[random.bounded(4)];
        written.status = int(random.bounded(100, 600));
        written.latencyMs = random.generateDouble() * 1000;
        written.promptTokens = count(1'000'000);
        written.completionTokens = count(1'000'000);
        written.totalTokens = count(2'000'000);
        written.cachedTokens = count(1'000'000);
        written.reasoningTokens = count(1'000'000);
        written.usage = random.bounded(3) == 0 ? QString() : QStringLiteral("estimated");
        // Whole units of 1e-10 USD, as the log's ten decimals hold them.
        const qint64 units = random.bounded(3) == 0 ? -1 : qint64(random.bounded(100'000'000'000LL));
        written.costUsd = units < 0 ? -1 : double(units) / 1e10;
        written.costStatus =
            random.bounded(2) == 0 ? QStringLiteral("calculated") : QStringLiteral("not_calculated");
        written.costReason = random.bounded(2) == 0 ? QString() : names[random.bounded(4)];
        written.errorCode = random.bounded(2) == 0 ? QString() : QStringLiteral("101503");
        written.guardrail = random.bounded(4) == 0 ? QStringLiteral("Jailbreak") : QString();
        written.guardrailKind = written.guardrail.isEmpty() ? QString() : QStringLiteral("RegexGuardrail");
        written.streamed = random.bounded(2) == 0;
        const int cacheCase = int(random.bounded(4)); // none, hit, miss, bypass
        const char* const cacheResults[] = {"", "hit", "miss", "bypass"};
        written.cache = QString::fromLatin1(cacheResults[cacheCase]);
        const qint64 savedUnits = qint64(random.bounded(100'000'000LL));
        if (cacheCase == 1) {
            written.savedTokens = random.bounded(100'000);
            written.savedCostUsd = double(savedUnits) / 1e10;
        }
        const std::string line = written.toJsonLine();
        AccessLogRecord read;
        QVERIFY2(parse(line, read), line.c_str());
        QCOMPARE(read.timeMs, written.timeMs);
        QCOMPARE(text(read.apiName), written.apiName);
        QCOMPARE(text(read.apiId), written.apiId);
        QCOMPARE(text(read.application), written.applicationId);
        QCOMPARE(text(read.model), written.model);
        QCOMPARE(read.status, written.status);
        QCOMPARE(read.promptTokens, written.promptTokens);
        QCOMPARE(read.completionTokens, written.completionTokens);
        QCOMPARE(read.totalTokens, written.totalTokens);
        QCOMPARE(read.cachedTokens, written.cachedTokens);
        QCOMPARE(read.reasoningTokens, written.reasoningTokens);
        QCOMPARE(read.costE10, units);
        QCOMPARE(read.usageEstimated, !written.usage.isEmpty());
        QCOMPARE(read.costStatus == AccessLogRecord::CostStatus::Calculated,
                 written.costStatus == QLatin1String("calculated"));
        QCOMPARE(read.isError(), written.status >= 400 || !written.errorCode.isEmpty());
        QCOMPARE(read.guardrailIntervened, !written.guardrail.isEmpty());
        QCOMPARE(read.cacheHit, cacheCase == 1);
        QCOMPARE(read.savedTokens, cacheCase == 1 ? written.savedTokens : qint64(-1));
        QCOMPARE(read.savedCostE10, cacheCase == 1 ? savedUnits : qint64(-1));
        UsageCounters counted;
        counted.add(read);
        QCOMPARE(counted.cacheHits, qint64(cacheCase == 1 ? 1 : 0));
        QCOMPARE(counted.savedTokens, cacheCase == 1 ? written.savedTokens : qint64(0));
    }
}

void TestAccessLogScanner::scanRecoversARecordGluedToATornLine() {
    // The gateway killed in the middle of a line, restarted, and appended its next record to it.
    const std::string log =
        currentLine.substr(0, 70) + currentLine + "\n" + "not a record\n\n" + oldLine + "\n";
    UsageBuckets buckets;
    AccessLogScanner::Totals totals;
    const qint64 read = AccessLogScanner::scan(log.data(), log.data() + log.size(), buckets, totals, 1);
    QCOMPARE(read, qint64(log.size()));
    QCOMPARE(totals.lines, 4);
    QCOMPARE(totals.records, 2);
    QCOMPARE(totals.skipped, 1);
    UsageCounters sum;
    for (const UsageBuckets::Bucket& bucket : buckets.buckets())
        sum.add(bucket.counters);
    QCOMPARE(sum.totalTokens, 1542);
}

void TestAccessLogScanner::scanLeavesAnUnfinishedLastLine() {
    const std::string log = currentLine + "\n" + oldLine.substr(0, 40);
    UsageBuckets buckets;
    AccessLogScanner::Totals totals;
    const qint64 read = AccessLogScanner::scan(log.data(), log.data() + log.size(), buckets, totals, 2);
    QCOMPARE(read, qint64(currentLine.size() + 1));
    QCOMPARE(totals.records, 1);
    QCOMPARE(totals.skipped, 0);
}

QTEST_GUILESS_MAIN(TestAccessLogScanner)
#include "tst_accesslogscanner.moc"
