#pragma once

#include <vector>

namespace gatehouse {

// Order statistics over a run's latencies (milliseconds). Percentiles use the nearest-rank method
// on the sorted samples, the definition load tools such as wrk and k6 report, so figures compare.
class LatencyStatistics {
public:
    void add(double milliseconds);
    void clear();

    int count() const { return int(m_samples.size()); }
    double min() const;
    double max() const;
    double mean() const;
    // p in [0, 100]; 0 with no samples.
    double percentile(double p) const;
    // Counts per bucket of equal width between min() and max().
    std::vector<int> histogram(int buckets) const;

private:
    void sortIfNeeded() const;

    mutable std::vector<double> m_samples;
    mutable bool m_sorted = true;
    double m_sum = 0;
};

} // namespace gatehouse
