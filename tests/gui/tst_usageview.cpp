// The Usage mode and the Developer Portal's budgets against the access logs: a day of generated
// traffic (tests/benchmarks/generate-access-log.py) shown by the view must be what
// `gatehouse-ctl usage --json` says about the same logs, and a budget's spend what the logs hold for
// the application in the budget's window.
#include "DemoSession.h"
#include "core/Application.h"
#include "core/Workspace.h"
#include "gateway/AccessRecord.h"
#include "gui/ApplicationsPage.h"
#include "gui/BudgetPanel.h"
#include "gui/DevPortalView.h"
#include "gui/MainWindow.h"
#include "gui/UsageChart.h"
#include "gui/UsageView.h"
#include "usage/UsageQuery.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTableWidget>
#include <QTest>
#include <cmath>
#include <map>

using namespace gatehouse;

namespace {

// 2026-12-06, a whole UTC day of generated traffic.
const QDate trafficDay(2026, 12, 6);
const qint64 dayStartMs = QDateTime(trafficDay, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 dayEndMs = dayStartMs + 24LL * 3600 * 1000;

// The generator's applications, with the names their owners gave them in the workspace.
const std::pair<const char*, const char*> applications[] = {{"smartchatapp", "SmartChat App"},
                                                            {"support-bot", "Support Bot"},
                                                            {"docs-search", "Docs Search"},
                                                            {"mobile-app", "Mobile App"},
                                                            {"web-frontend", "Web Frontend"},
                                                            {"batch-summaries", "Batch Summaries"},
                                                            {"sales-assistant", "Sales Assistant"},
                                                            {"code-review", "Code Review"},
                                                            {"hr-helpdesk", "HR Helpdesk"},
                                                            {"analytics", "Analytics"},
                                                            {"qa-tests", "QA Tests"},
                                                            {"intern-sandbox", "Intern Sandbox"}};

Json ctlJson(const QString& workspace, const QStringList& arguments, QString* error) {
    QProcess process;
    process.start(QStringLiteral(GATEHOUSE_CTL_PATH), QStringList{QStringLiteral("--workspace"), workspace} +
                                                          arguments + QStringList{QStringLiteral("--json")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError());
        return Json();
    }
    const QByteArray out = process.readAllStandardOutput();
    return Json::parse(out.constBegin(), out.constEnd(), nullptr, false);
}

qint64 costE10(const Json& row) {
    return std::llround(row.at("costUsd").get<double>() * 1e10);
}

} // namespace

class TestUsageView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void viewMatchesGatehouseCtl();
    void stacksBySeveralGroupsAndMetrics();
    void csvHoldsEveryRowExactly();
    void emptyRangeSaysSo();
    void budgetShowsSpendInItsWindow();
    void budgetRefusesNonsense();

private:
    test::DemoSession m_demo;
};

void TestUsageView::initTestCase() {
    QString error;
    QVERIFY2(m_demo.start(&error, false), qPrintable(error));
    Workspace& workspace = m_demo.workspace();
    for (const auto& [id, name] : applications) {
        Application application;
        application.id = QString::fromLatin1(id);
        application.name = QString::fromLatin1(name);
        QVERIFY2(workspace.saveApplication(application).ok(&error), qPrintable(error));
    }
    QProcess generator;
    generator.start(QStringLiteral("python3"),
                    {qEnvironmentVariable("GATEHOUSE_SOURCE_DIR") +
                         QStringLiteral("/tests/benchmarks/generate-access-log.py"),
                     QStringLiteral("--logs"), workspace.filePath(QStringLiteral("logs")),
                     QStringLiteral("--records"), QStringLiteral("30000"), QStringLiteral("--day"),
                     trafficDay.toString(Qt::ISODate)});
    QVERIFY(generator.waitForFinished(120000));
    QVERIFY2(generator.exitCode() == 0, generator.readAllStandardError().constData());
}

void TestUsageView::viewMatchesGatehouseCtl() {
    MainWindow window(&m_demo.session());
    window.resize(1280, 800);
    window.setMode(MainWindow::Mode::Usage);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    UsageView* view = window.usageView();
    QVERIFY(view->isVisible());
    view->setStackBy(UsageDimension::Model);
    view->setMetric(UsageView::Metric::Cost);
    view->setCustomRange(dayStartMs, dayEndMs);
    // The showEvent's and the setters' queries run one after the other; the last one is the day's.
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->report().sinceMs == dayStartMs, 60000);
    const UsageReport& report = view->report();
    QCOMPARE(report.untilMs, dayEndMs);
    QCOMPARE(report.bucket, UsageBucketSize::Hour);

    QString error;
    const Json ctl =
        ctlJson(m_demo.directory(),
                {QStringLiteral("usage"), QStringLiteral("--since"), trafficDay.toString(Qt::ISODate),
                 QStringLiteral("--until"), trafficDay.addDays(1).toString(Qt::ISODate),
                 QStringLiteral("--group-by"), QStringLiteral("model")},
                &error);
    QVERIFY2(ctl.is_object(), qPrintable(error));
    const Json& totals = ctl.at("totals");
    QVERIFY(totals.at("requests").get<qint64>() > 25000); // a few never reach a model, all are counted
    QCOMPARE(report.totals.requests, totals.at("requests").get<qint64>());
    QCOMPARE(report.totals.errors, totals.at("errors").get<qint64>());
    QCOMPARE(report.totals.totalTokens, totals.at("totalTokens").get<qint64>());
    QCOMPARE(report.totals.cachedTokens, totals.at("cachedTokens").get<qint64>());
    QCOMPARE(report.totals.costE10, costE10(totals));
    QCOMPARE(report.totals.interventions, totals.at("interventions").get<qint64>());
    QVERIFY(report.totals.interventions > 0);

    // The tiles say the same, as people read them.
    const QLocale locale;
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("usageRequests"))
                ->text()
                .contains(locale.toString(report.totals.requests)));
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("usageTokens"))
                ->text()
                .contains(locale.toString(report.totals.totalTokens)));
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("usageCost"))
                ->text()
                .contains(locale.toString(report.totals.costUsd(), 'f', 2)));

    // Top consumers: one row per model, as gatehouse-ctl's rows, with the same figures.
    QTableWidget* top = view->topConsumers();
    const Json& rows = ctl.at("rows");
    QCOMPARE(std::size_t(top->rowCount()), rows.size());
    std::map<QString, int> rowOfModel;
    for (int row = 0; row < top->rowCount(); ++row)
        rowOfModel[top->item(row, 0)->data(Qt::UserRole).toString()] = row;
    for (const Json& expected : rows) {
        const QString model = toQString(
            expected.at("model").is_null() ? std::string() : expected.at("model").get<std::string>());
        QVERIFY2(rowOfModel.count(model), qPrintable(model));
        const int row = rowOfModel[model];
        const char* columns[] = {"requests",         "errors",       "promptTokens",
                                 "completionTokens", "cachedTokens", "totalTokens"};
        for (int column = 0; column < 6; ++column)
            QCOMPARE(top->item(row, column + 1)->data(Qt::UserRole).toLongLong(),
                     expected.at(columns[column]).get<qint64>());
        QCOMPARE(top->item(row, 7)->data(Qt::UserRole).toLongLong(), costE10(expected));
    }
    // The most expensive model first, as gatehouse-ctl ranks them.
    QCOMPARE(top->item(0, 0)->data(Qt::UserRole).toString(),
             toQString(rows[0].at("model").get<std::string>()));

    // The chart draws the whole day's cost, an hour per bar, the free models not at all.
    UsageChart* chart = view->chart();
    QCOMPARE(chart->data().bucketStartsMs.size(), std::size_t(24));
    QVERIFY(std::abs(chart->total() - report.totals.costUsd()) < 1e-6);
    QVERIFY(!chart->data().series.contains(QStringLiteral("demo-fast")));
    QVERIFY(chart->data().series.contains(QStringLiteral("gpt-4o")));

    // The README's picture of the Usage mode comes from here, when asked for.
    if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        view->setStackBy(UsageDimension::Application);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && !view->report().groupBy.empty() &&
                                     view->report().groupBy.front() == UsageDimension::Application,
                                 60000);
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + QStringLiteral("/usage.png")));
    }
}

void TestUsageView::stacksBySeveralGroupsAndMetrics() {
    UsageView view(&m_demo.session());
    view.resize(1000, 700);
    view.setCustomRange(dayStartMs, dayEndMs);
    view.setStackBy(UsageDimension::Application);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && !view.report().groupBy.empty() &&
                                 view.report().groupBy.front() == UsageDimension::Application,
                             60000);
    const UsageReport& report = view.report();
    // Twelve applications (and the calls no application made): seven named, the rest as "Other".
    const UsageChart::Data& byApplication = view.chart()->data();
    QCOMPARE(byApplication.series.size(), 8);
    QVERIFY(byApplication.lastIsOther);
    QCOMPARE(byApplication.series.last(), UsageView::tr("Other"));
    QVERIFY(
        byApplication.series.contains(QStringLiteral("SmartChat App"))); // the workspace's name, not the id
    QVERIFY(std::abs(view.chart()->total() - report.totals.costUsd()) < 1e-6);

    view.setMetric(UsageView::Metric::Tokens);
    QCOMPARE(qint64(std::llround(view.chart()->total())), report.totals.totalTokens);
    QCOMPARE(view.chart()->data().unit, UsageView::tr("tokens"));
    view.setMetric(UsageView::Metric::Requests);
    QCOMPARE(qint64(std::llround(view.chart()->total())), report.totals.requests);
    // Ranked by the metric shown: the application with the most requests first.
    const QTableWidget* top = view.topConsumers();
    for (int row = 1; row < top->rowCount(); ++row)
        QVERIFY(top->item(row - 1, 1)->data(Qt::UserRole).toLongLong() >=
                top->item(row, 1)->data(Qt::UserRole).toLongLong());

    view.setStackBy(UsageDimension::Api);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && !view.report().groupBy.empty() &&
                                 view.report().groupBy.front() == UsageDimension::Api,
                             60000);
    QCOMPARE(view.topConsumers()->rowCount(), 4);
    QVERIFY(view.chart()->data().series.contains(QStringLiteral("SmartChat")));
}

void TestUsageView::csvHoldsEveryRowExactly() {
    UsageView view(&m_demo.session());
    view.setCustomRange(dayStartMs, dayEndMs);
    view.setStackBy(UsageDimension::Model);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && !view.report().groupBy.empty() &&
                                 view.report().groupBy.front() == UsageDimension::Model &&
                                 view.report().sinceMs == dayStartMs,
                             60000);
    const QString path = QDir(m_demo.directory()).filePath(QStringLiteral("usage.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("start,api,apiId,app,appId,model,requests,errors,promptTokens,"
                                       "completionTokens,cachedTokens,reasoningTokens,totalTokens,costUsd,"
                                       "estimatedCosts,estimatedUsage,notCalculatedCosts,interventions,"
                                       "cacheHits,savedTokens,savedCostUsd"));
    QCOMPARE(lines.size(), qsizetype(view.report().rows.size()) + 2); // the header, and the last newline
    qint64 requests = 0;
    qint64 cost = 0;
    for (int index = 1; index < lines.size() - 1; ++index) {
        const QList<QByteArray> fields = lines[index].split(',');
        QCOMPARE(fields.size(), qsizetype(21));
        QVERIFY(fields[0].startsWith(trafficDay.toString(Qt::ISODate).toLatin1()));
        requests += fields[6].toLongLong();
        // Ten decimals, as the log has them: summing the text gives the exact total.
        const QList<QByteArray> parts = fields[13].split('.');
        QCOMPARE(parts.size(), qsizetype(2));
        QCOMPARE(parts[1].size(), qsizetype(10));
        cost += parts[0].toLongLong() * 10'000'000'000LL + parts[1].toLongLong();
    }
    QCOMPARE(requests, view.report().totals.requests);
    QCOMPARE(cost, view.report().totals.costE10);

    QVERIFY(!view.exportCsv(QDir(m_demo.directory()).filePath(QStringLiteral("no/such/folder/usage.csv")),
                            &error));
    QVERIFY(error.contains(QStringLiteral("no/such/folder")));
}

void TestUsageView::emptyRangeSaysSo() {
    UsageView view(&m_demo.session());
    view.setCustomRange(dayStartMs - 10LL * 24 * 3600 * 1000, dayStartMs - 9LL * 24 * 3600 * 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.report().untilMs <= dayStartMs, 60000);
    QCOMPARE(view.report().totals.requests, 0);
    QCOMPARE(view.topConsumers()->rowCount(), 0);
    QCOMPARE(view.chart()->total(), 0.0);
}

void TestUsageView::budgetShowsSpendInItsWindow() {
    Workspace& workspace = m_demo.workspace();
    Application application = *workspace.application(QStringLiteral("support-bot"));
    application.budgets = {PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 2}};
    QString error;
    QVERIFY2(workspace.saveApplication(application).ok(&error), qPrintable(error));

    // Today's calls: two of the application's in the last minutes, one of another application, and
    // one of the application's yesterday (outside the day window, inside the month's on most days).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto record = [](qint64 timeMs, const QString& app, double cost) -> QByteArray {
        AccessRecord line;
        line.timeMs = timeMs;
        line.apiId = QStringLiteral("smartchat-1.0.0");
        line.apiName = QStringLiteral("SmartChat");
        line.operation = QStringLiteral("POST /chat/completions");
        line.applicationId = app;
        line.model = QStringLiteral("gpt-4o");
        line.status = 200;
        line.promptTokens = 100;
        line.completionTokens = 50;
        line.totalTokens = 150;
        line.usage = QStringLiteral("reported");
        line.costUsd = cost;
        line.costStatus = QStringLiteral("calculated");
        return QByteArray::fromStdString(line.toJsonLine()) + '\n';
    };
    const qint64 dayStart = PlanLimit::window(PlanLimit::Period::Day, now).first;
    const qint64 earlier = std::max(dayStart, now - 120'000);
    QFile today(QDir(workspace.filePath(QStringLiteral("logs")))
                    .filePath(UsageQuery::logFileName(QDateTime::fromMSecsSinceEpoch(now).date())));
    QVERIFY(today.open(QIODevice::Append));
    today.write(record(earlier, QStringLiteral("support-bot"), 0.25) +
                record(earlier, QStringLiteral("support-bot"), 0.5) +
                record(earlier, QStringLiteral("analytics"), 4));
    today.close();
    QFile yesterday(
        QDir(workspace.filePath(QStringLiteral("logs")))
            .filePath(UsageQuery::logFileName(QDateTime::fromMSecsSinceEpoch(dayStart - 3600'000).date())));
    QVERIFY(yesterday.open(QIODevice::Append));
    yesterday.write(record(dayStart - 3600'000, QStringLiteral("support-bot"), 1));
    yesterday.close();

    MainWindow window(&m_demo.session());
    window.setMode(MainWindow::Mode::DevPortal);
    window.show();
    ApplicationsPage* page = window.devPortal()->applications();
    BudgetPanel* budget = page->budgetPanel();
    page->selectApplication(QStringLiteral("support-bot"));
    QTRY_VERIFY_WITH_TIMEOUT(!budget->isLoading() && budget->spend().size() == 1, 30000);
    QCOMPARE(budget->spend().front(), 0.75);
    QTableWidget* table = budget->table();
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(table->item(0, 1)->text().contains(QLocale().toString(0.75, 'f', 4)));
    QVERIFY(table->item(0, 2)->text().contains(QLocale().toString(1.25, 'f', 2)));

    // A month budget sees yesterday's call too (unless today is the 1st: then it is last month's).
    QVERIFY2(budget->setBudget(PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Month, 10}, &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!budget->isLoading() && budget->spend().size() == 2, 30000);
    // The month's window holds the generated day too when it is this month's: gatehouse-ctl says how much.
    const qint64 monthStart = PlanLimit::window(PlanLimit::Period::Month, now).first;
    const Json month = ctlJson(m_demo.directory(),
                               {QStringLiteral("usage"), QStringLiteral("--since"),
                                QDateTime::fromMSecsSinceEpoch(monthStart, Qt::UTC).toString(Qt::ISODate),
                                QStringLiteral("--until"),
                                QDateTime::fromMSecsSinceEpoch(now + 60'000, Qt::UTC).toString(Qt::ISODate),
                                QStringLiteral("--group-by"), QStringLiteral("app")},
                               &error);
    QVERIFY2(month.is_object(), qPrintable(error));
    qint64 expectedE10 = -1;
    for (const Json& row : month.at("rows")) {
        if (row.at("appId") == "support-bot")
            expectedE10 = costE10(row);
    }
    const bool yesterdayThisMonth = monthStart <= dayStart - 3600'000;
    QVERIFY(expectedE10 >= (yesterdayThisMonth ? 17'500'000'000LL : 7'500'000'000LL));
    QCOMPARE(std::llround(budget->spend()[1] * 1e10), expectedE10);
    QCOMPARE(int(workspace.application(QStringLiteral("support-bot"))->budgets.size()), 2);

    // Setting the day budget again replaces it; removing leaves the month's.
    QVERIFY(budget->setBudget(PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 3}, &error));
    QCOMPARE(workspace.application(QStringLiteral("support-bot"))->budgets.front().amount, 3.0);
    QVERIFY(budget->removeBudget(PlanLimit::Period::Day, &error));
    QCOMPARE(int(workspace.application(QStringLiteral("support-bot"))->budgets.size()), 1);
    QCOMPARE(workspace.application(QStringLiteral("support-bot"))->budgets.front().period,
             PlanLimit::Period::Month);
}

void TestUsageView::budgetRefusesNonsense() {
    BudgetPanel budget(&m_demo.session());
    QString error;
    QVERIFY(!budget.setBudget(PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 1}, &error));
    QVERIFY(error.contains(QStringLiteral("application")));
    budget.setApplication(QStringLiteral("qa-tests"));
    QVERIFY(!budget.setBudget(PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 0}, &error));
    QVERIFY(!budget.setBudget(PlanLimit{PlanLimit::Metric::Requests, PlanLimit::Period::Day, 5}, &error));
    QVERIFY(m_demo.workspace().application(QStringLiteral("qa-tests"))->budgets.empty());
    QVERIFY(budget.findChild<QLabel*>(QStringLiteral("budgetProblem"))->isVisibleTo(&budget));
}

QTEST_MAIN(TestUsageView)
#include "tst_usageview.moc"
