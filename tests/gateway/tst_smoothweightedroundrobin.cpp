#include "gateway/SmoothWeightedRoundRobin.h"

#include <QTest>
#include <limits>

using gatehouse::SmoothWeightedRoundRobin;

namespace {
QString sequence(SmoothWeightedRoundRobin& balancer, int picks) {
    QString letters;
    for (int i = 0; i < picks; ++i) {
        const int chosen = balancer.pick();
        letters.append(chosen < 0 ? QLatin1Char('-') : QLatin1Char(char('A' + chosen)));
    }
    return letters;
}
} // namespace

class TestSmoothWeightedRoundRobin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sequenceIsSmoothAndExact_data() {
        QTest::addColumn<std::vector<double>>("weights");
        QTest::addColumn<int>("picks");
        QTest::addColumn<QString>("expected");
        QTest::newRow("50/50 alternates")
            << std::vector<double>{50, 50} << 20 << QStringLiteral("ABABABABABABABABABAB");
        QTest::newRow("3:1 never bursts") << std::vector<double>{3, 1} << 8 << QStringLiteral("AABAAABA");
        QTest::newRow("5:1:1 like nginx") << std::vector<double>{5, 1, 1} << 7 << QStringLiteral("AABACAA");
        QTest::newRow("round robin is weight 1 each")
            << std::vector<double>{1, 1, 1} << 6 << QStringLiteral("ABCABC");
        QTest::newRow("zero weight never picked") << std::vector<double>{0, 1} << 4 << QStringLiteral("BBBB");
        QTest::newRow("all zero picks nothing") << std::vector<double>{0, 0} << 2 << QStringLiteral("--");
        QTest::newRow("fractional weights") << std::vector<double>{0.5, 1.5} << 4 << QStringLiteral("BABB");
        // Found by tests/fuzz/fuzz_policy_config: weights the validator accepts (any positive one)
        // scaled to 0 below the 1/1000 resolution, and a router of such weights never picked.
        QTest::newRow("tiny positive weights still pick")
            << std::vector<double>{0.0001, 0.0004} << 4 << QStringLiteral("ABAB");
        QTest::newRow("non-finite weight ignored")
            << std::vector<double>{std::numeric_limits<double>::quiet_NaN(), 2} << 3 << QStringLiteral("BBB");
    }
    void sequenceIsSmoothAndExact() {
        QFETCH(std::vector<double>, weights);
        QFETCH(int, picks);
        QFETCH(QString, expected);
        SmoothWeightedRoundRobin balancer(weights);
        QCOMPARE(sequence(balancer, picks), expected);
    }

    void sharesAreExactOverEveryCycle() {
        SmoothWeightedRoundRobin balancer({70, 20, 10});
        std::vector<int> counts(3, 0);
        for (int i = 0; i < 100; ++i)
            counts[std::size_t(balancer.pick())] += 1;
        QCOMPARE(counts, (std::vector<int>{70, 20, 10}));
    }

    void ineligibleCandidatesAreSkippedWithoutLosingBalance() {
        SmoothWeightedRoundRobin balancer({1, 1});
        // A suspended: every pick goes to B.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(balancer.pick([](std::size_t index) { return index == 1; }), 1);
        // Both eligible again: the split is back to even within one cycle.
        std::vector<int> counts(2, 0);
        for (int i = 0; i < 10; ++i)
            counts[std::size_t(balancer.pick())] += 1;
        QCOMPARE(counts, (std::vector<int>{5, 5}));
        QCOMPARE(balancer.pick([](std::size_t) { return false; }), -1);
    }

    // The strict shared rotation indexes this cycle with a counter in Redis: it is the sequence the
    // balancer itself produces from a fresh start, exactly one cycle long, with the shares exact.
    void cycleIsOneWholeFreshSequence() {
        const SmoothWeightedRoundRobin threeToOne({3, 1});
        QCOMPARE(threeToOne.cycle(1000), (std::vector<int>{0, 0, 1, 0}));
        QCOMPARE(SmoothWeightedRoundRobin({50, 50}).cycle(1000), (std::vector<int>{0, 1}));
        SmoothWeightedRoundRobin balancer({0.2, 0.3, 0.5});
        const std::vector<int> cycle = balancer.cycle(1000);
        QCOMPARE(cycle.size(), std::size_t(10));
        std::vector<int> counts(3, 0);
        for (std::size_t i = 0; i < cycle.size(); ++i) {
            QCOMPARE(balancer.pick(), cycle[i]); // what the balancer picks, in order
            ++counts[std::size_t(cycle[i])];
        }
        QCOMPARE(counts, (std::vector<int>{2, 3, 5}));
        // A cycle longer than the limit is cut there; no candidate, no cycle.
        QCOMPARE(SmoothWeightedRoundRobin({0.001, 999.999}).cycle(50).size(), std::size_t(50));
        QVERIFY(SmoothWeightedRoundRobin({0, 0}).cycle(10).empty());
    }

    void stateStaysBoundedOverManyPicks() {
        SmoothWeightedRoundRobin balancer({1e12, 1});
        for (int i = 0; i < 1000000; ++i)
            QVERIFY(balancer.pick() >= 0);
        // Still exact after a million picks: a fresh cycle of a 1:1 balancer alternates.
        balancer.setWeights({1, 1});
        QCOMPARE(sequence(balancer, 4), QStringLiteral("ABAB"));
    }
};

QTEST_APPLESS_MAIN(TestSmoothWeightedRoundRobin)
#include "tst_smoothweightedroundrobin.moc"
