#include "console/LatencyStatistics.h"

#include <QTest>

using gatehouse::LatencyStatistics;

class TestLatencyStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentilesOnKnownSamples_data() {
        QTest::addColumn<QList<double>>("samples");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        QList<double> oneToHundred;
        for (int i = 100; i >= 1; --i) // unsorted on purpose
            oneToHundred.append(i);
        QTest::newRow("p50 of 1..100") << oneToHundred << 50.0 << 50.0;
        QTest::newRow("p90 of 1..100") << oneToHundred << 90.0 << 90.0;
        QTest::newRow("p99 of 1..100") << oneToHundred << 99.0 << 99.0;
        QTest::newRow("p100 is max") << oneToHundred << 100.0 << 100.0;
        QTest::newRow("p0 is min") << oneToHundred << 0.0 << 1.0;
        QTest::newRow("p50 of 4 samples") << QList<double>{10, 20, 30, 40} << 50.0 << 20.0;
        QTest::newRow("p99 of 3 samples is the largest") << QList<double>{5, 1, 3} << 99.0 << 5.0;
        QTest::newRow("single sample") << QList<double>{7.5} << 90.0 << 7.5;
    }
    void percentilesOnKnownSamples() {
        QFETCH(QList<double>, samples);
        QFETCH(double, p);
        QFETCH(double, expected);
        LatencyStatistics statistics;
        for (double sample : samples)
            statistics.add(sample);
        QCOMPARE(statistics.percentile(p), expected);
    }

    void summary() {
        LatencyStatistics statistics;
        QCOMPARE(statistics.count(), 0);
        QCOMPARE(statistics.percentile(50), 0.0);
        for (double sample : {4.0, 1.0, 7.0})
            statistics.add(sample);
        QCOMPARE(statistics.count(), 3);
        QCOMPARE(statistics.min(), 1.0);
        QCOMPARE(statistics.max(), 7.0);
        QCOMPARE(statistics.mean(), 4.0);
    }

    void histogramCoversEverySample() {
        LatencyStatistics statistics;
        for (int i = 0; i < 10; ++i)
            statistics.add(i);
        const std::vector<int> buckets = statistics.histogram(3);
        QCOMPARE(buckets, (std::vector<int>{3, 3, 4}));
        LatencyStatistics same;
        same.add(2);
        same.add(2);
        QCOMPARE(same.histogram(4), (std::vector<int>{2, 0, 0, 0}));
    }
};

QTEST_APPLESS_MAIN(TestLatencyStatistics)
#include "tst_latencystatistics.moc"
