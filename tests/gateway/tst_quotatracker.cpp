// Plan limits and the windows they are counted in: requests, tokens and dollars per minute, hour, day
// and month (UTC); a request admitted while every limit has room, charged after its answer, so the one
// that crosses a limit finishes and the next is refused until the window that was exceeded resets.
#include "core/BusinessPlan.h"
#include "gateway/QuotaTracker.h"

#include <QDateTime>
#include <QTest>

using namespace gatehouse;

namespace {

qint64 at(const char* isoUtc) {
    return QDateTime::fromString(QLatin1String(isoUtc), Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

class TestQuotaTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void limitsParseAndDescribe() {
        const Result<PlanLimit> usd = PlanLimit::parse(PlanLimit::Metric::Usd, QStringLiteral("2.5/day"));
        QVERIFY(usd);
        QCOMPARE(usd->period, PlanLimit::Period::Day);
        QCOMPARE(usd->amount, 2.5);
        QCOMPARE(usd->describe(), QStringLiteral("2.5 USD/day"));
        QCOMPARE(PlanLimit::parse(PlanLimit::Metric::TotalTokens, QStringLiteral("400/minute"))->describe(),
                 QStringLiteral("400 tokens/min"));
        QCOMPARE(PlanLimit::parse(PlanLimit::Metric::Requests, QStringLiteral("10/1h"))->period,
                 PlanLimit::Period::Hour);
        for (const char* bad : {"10", "x/min", "-1/min", "0/day", "1.5/min", "5/week", "inf/day"})
            QVERIFY2(!PlanLimit::parse(PlanLimit::Metric::Requests, QLatin1String(bad)), bad);
        QVERIFY(PlanLimit::parse(PlanLimit::Metric::Usd, QStringLiteral("0.01/month")));
    }

    void windowsAreUtcAndMonthsAreCalendarMonths() {
        const auto [start, end] = PlanLimit::window(PlanLimit::Period::Month, at("2026-02-14T10:00:00Z"));
        QCOMPARE(start, at("2026-02-01T00:00:00Z"));
        QCOMPARE(end, at("2026-03-01T00:00:00Z"));
        QCOMPARE(PlanLimit::window(PlanLimit::Period::Day, at("2026-12-31T23:59:59Z")).second,
                 at("2027-01-01T00:00:00Z"));
        QCOMPARE(PlanLimit::window(PlanLimit::Period::Hour, at("2026-12-07T05:59:00Z")).first,
                 at("2026-12-07T05:00:00Z"));
    }

    // Old plans' per-minute fields and new limits are one list; the JSON keeps what old files had.
    void planJsonRoundTrips() {
        BusinessPlan plan;
        plan.name = QStringLiteral("Mixed");
        plan.requestsPerMinute = 10;
        plan.limits = {PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 5},
                       PlanLimit{PlanLimit::Metric::TotalTokens, PlanLimit::Period::Hour, 1000}};
        QCOMPARE(plan.allLimits().size(), std::size_t(3));
        QStringList errors;
        const BusinessPlan read = BusinessPlan::fromJson(plan.toJson(), QStringLiteral("$"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(read == plan);
        BusinessPlan old;
        old.name = QStringLiteral("Old");
        old.requestsPerMinute = 5;
        QVERIFY(!old.toJson().contains("limits"));
        BusinessPlan::fromJson(
            Json::parse(R"({"name":"Bad","limits":[{"metric":"usd","amount":-1,"period":"day"},)"
                        R"({"metric":"euros","amount":1,"period":"fortnight"}]})"),
            QStringLiteral("$"), &errors);
        QCOMPARE(errors.size(), 3);
        QVERIFY2(errors.first().startsWith(QLatin1String("$.limits[0].amount")), qPrintable(errors.first()));
    }

    void dollarsAreChargedAfterTheAnswer() {
        QuotaTracker quotas;
        const std::vector<PlanLimit> limits = {
            PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 1.0}};
        const qint64 now = at("2026-12-07T12:00:00Z");
        QuotaTracker::Decision first = quotas.admit(QStringLiteral("a|x"), limits, now);
        QVERIFY(first.allowed);
        QCOMPARE(*first.usdLimit, 1.0);
        QCOMPARE(first.usdRemaining, 1.0);
        // Admitted with room left, the answer costs more than was left: it is charged whole.
        quotas.charge(QStringLiteral("a|x"), now, {100, 100, 200, 0.7});
        QVERIFY(quotas.admit(QStringLiteral("a|x"), limits, now).allowed);
        quotas.charge(QStringLiteral("a|x"), now, {100, 100, 200, 0.7});
        const QuotaTracker::Decision refused = quotas.admit(QStringLiteral("a|x"), limits, now + 1000);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.exceeded, QStringLiteral("1 USD/day"));
        QCOMPARE(refused.nextAccessTimeMs, at("2026-12-08T00:00:00Z"));
        QCOMPARE(refused.usdRemaining, 0.0);
        QVERIFY(quotas.admit(QStringLiteral("a|x"), limits, at("2026-12-08T00:00:01Z")).allowed); // a new day
        QVERIFY(quotas.admit(QStringLiteral("b|x"), limits, now).allowed); // another subscription
    }

    void everyExceededWindowCounts() {
        QuotaTracker quotas;
        const std::vector<PlanLimit> limits = {
            PlanLimit{PlanLimit::Metric::Requests, PlanLimit::Period::Minute, 2},
            PlanLimit{PlanLimit::Metric::Requests, PlanLimit::Period::Hour, 3}};
        const qint64 now = at("2026-12-07T12:00:10Z");
        QVERIFY(quotas.admit(QStringLiteral("k"), limits, now).allowed);
        QVERIFY(quotas.admit(QStringLiteral("k"), limits, now).allowed);
        QuotaTracker::Decision decision = quotas.admit(QStringLiteral("k"), limits, now);
        QVERIFY(!decision.allowed);
        QCOMPARE(decision.nextAccessTimeMs, at("2026-12-07T12:01:00Z"));
        QVERIFY(quotas.admit(QStringLiteral("k"), limits, at("2026-12-07T12:01:00Z")).allowed);
        // That was the hour's third: the minute has room, the hour does not, so the wait is the hour's.
        decision = quotas.admit(QStringLiteral("k"), limits, at("2026-12-07T12:01:02Z"));
        QVERIFY(!decision.allowed);
        QCOMPARE(decision.nextAccessTimeMs, at("2026-12-07T13:00:00Z"));
        QCOMPARE(decision.exceeded, QStringLiteral("3 requests/hour"));
    }
};

QTEST_GUILESS_MAIN(TestQuotaTracker)
#include "tst_quotatracker.moc"
