// gatehouse-ctl usage in process, on a workspace with an application and hand-written access logs:
// the JSON document, the table with application names, and the one-line errors.
#include "CtlRun.h"
#include "core/Json.h"
#include "ctl/CtlApplication.h"
#include "ctl/CtlOutput.h"
#include "ctl/UsageCommands.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;
using gatehouse::test::CtlRun;

namespace {

QByteArray logLine(const QString& time, const QString& app, const QString& model, int prompt, int completion,
                   const QString& cost) {
    return QStringLiteral(
               "{\"time\":\"%1\",\"api\":\"SmartChat\",\"apiId\":\"smartchat-1.0.0\","
               "\"operation\":\"POST /chat/completions\",\"application\":\"%2\","
               "\"keyType\":\"PRODUCTION\",\"tokenId\":\"t\",\"model\":\"%3\","
               "\"endpoint\":\"default_production_endpoint\",\"status\":200,\"latencyMs\":1,"
               "\"upstreamLatencyMs\":1,\"promptTokens\":%4,\"completionTokens\":%5,"
               "\"totalTokens\":%6,\"cachedTokens\":%7,\"reasoningTokens\":0,\"usage\":\"reported\","
               "\"costUsd\":%8,\"costStatus\":\"calculated\",\"retried\":false,\"streamed\":false,"
               "\"errorCode\":null,\"client\":\"127.0.0.1\"}\n")
        .arg(time, app, model)
        .arg(prompt)
        .arg(completion)
        .arg(prompt + completion)
        .arg(prompt / 2)
        .arg(cost)
        .toUtf8();
}

} // namespace

class TestCtlUsage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void jsonDocument();
    void tableShowsApplicationNames();
    void bucketsInTheTable();
    void noCallsInTheRange();
    void refusals_data();
    void refusals();
    void timeForms_data();
    void timeForms();
    void help();

private:
    CtlRun ctl(const QStringList& arguments) const;
    Json parseJson(const QByteArray& bytes) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_appId;
};

void TestCtlUsage::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    const CtlRun created = ctl({QStringLiteral("app"), QStringLiteral("create"), QStringLiteral("--name"),
                                QStringLiteral("Smart Chat App")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    m_appId = QString::fromUtf8(created.out).trimmed();
    QVERIFY(!m_appId.isEmpty());

    QVERIFY(QDir().mkpath(m_workspace + QStringLiteral("/logs")));
    QFile log(m_workspace + QStringLiteral("/logs/access-20261207.jsonl"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(logLine(QStringLiteral("2026-12-07T05:00:01.000Z"), m_appId, QStringLiteral("gpt-4o"), 100, 50,
                      QStringLiteral("0.0007500000")));
    log.write(logLine(QStringLiteral("2026-12-07T05:10:00.000Z"), m_appId, QStringLiteral("gpt-4o"), 200, 100,
                      QStringLiteral("0.0015000000")));
    log.write(logLine(QStringLiteral("2026-12-07T06:30:00.000Z"), m_appId, QStringLiteral("gpt-4o-mini"),
                      1000, 10, QStringLiteral("0.0001560000")));
    // An application deleted since: shown by its id.
    log.write(logLine(QStringLiteral("2026-12-07T07:00:00.000Z"), QStringLiteral("gone-app"),
                      QStringLiteral("gpt-4o"), 10, 10, QStringLiteral("0.0001250000")));
    log.write("{\"time\":\"2026-12-07T08:00:00.000Z\",\"api\":\"Smart"); // torn by a crash
}

void TestCtlUsage::cleanup() {
    m_dir.reset();
}

CtlRun TestCtlUsage::ctl(const QStringList& arguments) const {
    const CtlOutput::Capture capture;
    CtlRun run;
    run.exitCode = CtlApplication().run(
        QStringList{QStringLiteral("gatehouse-ctl"), QStringLiteral("--workspace"), m_workspace} + arguments);
    run.out = capture.out;
    run.err = capture.err;
    return run;
}

Json TestCtlUsage::parseJson(const QByteArray& bytes) const {
    const Json json = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (json.is_discarded())
        qWarning("not JSON: %s", bytes.constData());
    return json;
}

void TestCtlUsage::jsonDocument() {
    const CtlRun run =
        ctl({QStringLiteral("usage"), QStringLiteral("--since"), QStringLiteral("2026-12-07"),
             QStringLiteral("--until"), QStringLiteral("2026-12-08T00:00:00Z"), QStringLiteral("--group-by"),
             QStringLiteral("app,model"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.err.isEmpty());
    const Json json = parseJson(run.out);
    QVERIFY(json.is_object());
    QCOMPARE(json.at("since").get<std::string>(), std::string("2026-12-07T00:00:00.000Z"));
    QCOMPARE(json.at("until").get<std::string>(), std::string("2026-12-08T00:00:00.000Z"));
    QCOMPARE(json.at("bucket").get<std::string>(), std::string("none"));
    QVERIFY(json.at("groupBy") == Json::parse("[\"app\",\"model\"]"));
    const Json& rows = json.at("rows");
    QCOMPARE(rows.size(), std::size_t(3));
    // Highest cost first: the app's gpt-4o (0.00225), the deleted app (0.000125) after its gpt-4o-mini.
    QCOMPARE(rows[0].at("app").get<std::string>(), std::string("Smart Chat App"));
    QCOMPARE(rows[0].at("appId").get<std::string>(), m_appId.toStdString());
    QCOMPARE(rows[0].at("model").get<std::string>(), std::string("gpt-4o"));
    QCOMPARE(rows[0].at("requests").get<qint64>(), 2);
    QCOMPARE(rows[0].at("errors").get<qint64>(), 0);
    QCOMPARE(rows[0].at("promptTokens").get<qint64>(), 300);
    QCOMPARE(rows[0].at("completionTokens").get<qint64>(), 150);
    QCOMPARE(rows[0].at("cachedTokens").get<qint64>(), 150);
    QCOMPARE(rows[0].at("totalTokens").get<qint64>(), 450);
    QCOMPARE(rows[0].at("costUsd").get<double>(), 0.00225);
    QCOMPARE(rows[0].at("cachedShare").get<double>(), 0.5);
    QVERIFY(!rows[0].contains("api"));
    QVERIFY(!rows[0].contains("start"));
    QCOMPARE(rows[1].at("model").get<std::string>(), std::string("gpt-4o-mini"));
    QCOMPARE(rows[2].at("app").get<std::string>(), std::string("gone-app"));
    QCOMPARE(rows[2].at("appId").get<std::string>(), std::string("gone-app"));
    const Json& totals = json.at("totals");
    QCOMPARE(totals.at("requests").get<qint64>(), 4);
    QCOMPARE(totals.at("totalTokens").get<qint64>(), 150 + 300 + 1010 + 20);
    QCOMPARE(totals.at("costUsd").get<double>(), 0.0025310);
    // The document's members, in this order, are the documented interface.
    std::vector<std::string> keys;
    for (const auto& item : json.items())
        keys.push_back(item.key());
    QVERIFY((keys == std::vector<std::string>{"since", "until", "bucket", "groupBy", "rows", "totals"}));
    QVERIFY(QFileInfo::exists(m_workspace + QStringLiteral("/logs/access-20261207.jsonl.idx")));
}

void TestCtlUsage::tableShowsApplicationNames() {
    const CtlRun run = ctl({QStringLiteral("usage"), QStringLiteral("--since"), QStringLiteral("2026-12-07"),
                            QStringLiteral("--until"), QStringLiteral("2026-12-08"),
                            QStringLiteral("--group-by"), QStringLiteral("api,app")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // range, header, two groups, total
    QCOMPARE(lines[0], QStringLiteral("Usage from 2026-12-07 00:00 to 2026-12-08 00:00 UTC:"));
    QVERIFY(lines[1].startsWith(QStringLiteral("API")));
    QVERIFY(lines[1].contains(QStringLiteral("COST USD")));
    QVERIFY(lines[2].startsWith(QStringLiteral("SmartChat  Smart Chat App")));
    QVERIFY2(lines[2].endsWith(QStringLiteral("0.002406")), qPrintable(lines[2]));
    QVERIFY(lines[3].contains(QStringLiteral("gone-app")));
    QVERIFY(lines[4].startsWith(QStringLiteral("Total")));
    QVERIFY(lines[4].endsWith(QStringLiteral("0.002531")));
    // Numbers are right-aligned: every line is as long as the header's last column reaches.
    QCOMPARE(lines[2].size(), lines[1].size());
    QCOMPARE(lines[4].size(), lines[1].size());
}

void TestCtlUsage::bucketsInTheTable() {
    const CtlRun run =
        ctl({QStringLiteral("usage"), QStringLiteral("--since"), QStringLiteral("2026-12-07T05:00Z"),
             QStringLiteral("--until"), QStringLiteral("2026-12-07T07:00:00Z"), QStringLiteral("--bucket"),
             QStringLiteral("hour"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json json = parseJson(run.out);
    const Json& rows = json.at("rows");
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].at("start").get<std::string>(), std::string("2026-12-07T05:00:00.000Z"));
    QCOMPARE(rows[0].at("requests").get<qint64>(), 2);
    QCOMPARE(rows[1].at("start").get<std::string>(), std::string("2026-12-07T06:00:00.000Z"));
    QCOMPARE(json.at("totals").at("requests").get<qint64>(), 3); // 07:00 is the end, not included

    const CtlRun table =
        ctl({QStringLiteral("usage"), QStringLiteral("--since"), QStringLiteral("2026-12-07"),
             QStringLiteral("--until"), QStringLiteral("2026-12-08"), QStringLiteral("--bucket"),
             QStringLiteral("day")});
    QVERIFY2(table.exitCode == 0, qPrintable(table.describe()));
    QVERIFY(table.out.contains("TIME (UTC)"));
    QVERIFY(table.out.contains("\n2026-12-07 "));
}

void TestCtlUsage::noCallsInTheRange() {
    const CtlRun run = ctl({QStringLiteral("usage"), QStringLiteral("--since"), QStringLiteral("2026-01-01"),
                            QStringLiteral("--until"), QStringLiteral("2026-01-02")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.out.contains("(no calls)"));
    const CtlRun json =
        ctl({QStringLiteral("usage"), QStringLiteral("--since"), QStringLiteral("2026-01-01"),
             QStringLiteral("--until"), QStringLiteral("2026-01-02"), QStringLiteral("--json")});
    QVERIFY(parseJson(json.out).at("rows").empty());
    QCOMPARE(parseJson(json.out).at("totals").at("requests").get<qint64>(), 0);
}

void TestCtlUsage::refusals_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("bad --since") << QStringList{QStringLiteral("--since"), QStringLiteral("yesterday")}
                                 << QStringLiteral("gatehouse-ctl: --since must be a time back from now");
    QTest::newRow("bad --until") << QStringList{QStringLiteral("--until"), QStringLiteral("24x")}
                                 << QStringLiteral("gatehouse-ctl: --until must be a time back from now");
    QTest::newRow("empty --since") << QStringList{QStringLiteral("--since"), QString()}
                                   << QStringLiteral("gatehouse-ctl: --since must not be empty");
    QTest::newRow("since after until") << QStringList{QStringLiteral("--since"), QStringLiteral("1h"),
                                                      QStringLiteral("--until"), QStringLiteral("2h")}
                                       << QStringLiteral("gatehouse-ctl: --since must be before --until");
    QTest::newRow("unknown dimension")
        << QStringList{QStringLiteral("--group-by"), QStringLiteral("app,colour")}
        << QStringLiteral("gatehouse-ctl: --group-by: unknown dimension \"colour\" "
                          "(use api, app, model)");
    QTest::newRow("empty dimension") << QStringList{QStringLiteral("--group-by"), QStringLiteral("app,")}
                                     << QStringLiteral("gatehouse-ctl: --group-by: unknown dimension \"\"");
    QTest::newRow("unknown bucket") << QStringList{QStringLiteral("--bucket"), QStringLiteral("week")}
                                    << QStringLiteral(
                                           "gatehouse-ctl: --bucket must be none, minute, hour or day");
}

void TestCtlUsage::refusals() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const CtlRun run = ctl(QStringList{QStringLiteral("usage")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.errLines().first().startsWith(error.toUtf8()), run.err.constData());
}

void TestCtlUsage::timeForms_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: refused
    const qint64 now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("minutes") << QStringLiteral("30m") << now - 30 * 60'000;
    QTest::newRow("hours") << QStringLiteral("24h") << now - 24 * 3'600'000LL;
    QTest::newRow("days") << QStringLiteral("7d") << now - 7 * 86'400'000LL;
    QTest::newRow("weeks") << QStringLiteral("2w") << now - 14 * 86'400'000LL;
    QTest::newRow("now") << QStringLiteral("now") << now;
    QTest::newRow("a date") << QStringLiteral("2026-12-01")
                            << QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("UTC") << QStringLiteral("2026-12-01T05:30:00Z")
                         << QDateTime(QDate(2026, 12, 1), QTime(5, 30), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("no offset is UTC")
        << QStringLiteral("2026-12-01T05:30")
        << QDateTime(QDate(2026, 12, 1), QTime(5, 30), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("an offset") << QStringLiteral("2026-12-01T07:30:00+02:00")
                               << QDateTime(QDate(2026, 12, 1), QTime(5, 30), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("a word") << QStringLiteral("yesterday") << qint64(-1);
    QTest::newRow("a unit alone") << QStringLiteral("h") << qint64(-1);
    QTest::newRow("seconds") << QStringLiteral("30s") << qint64(-1);
}

void TestCtlUsage::timeForms() {
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const qint64 now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const std::optional<qint64> parsed = UsageCommands::parseTime(text, now);
    if (expected < 0)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(-1), expected);
}

void TestCtlUsage::help() {
    const CtlRun run = ctl({QStringLiteral("usage"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--group-by"));
    QVERIFY(run.out.contains("\"totals\""));
    const CtlRun general = ctl({QStringLiteral("--help")});
    QVERIFY(general.out.contains("usage"));
}

QTEST_GUILESS_MAIN(TestCtlUsage)
#include "tst_ctlusage.moc"
