#include "console/LatencyStatistics.h"

#include <algorithm>
#include <cmath>

namespace gatehouse {

void LatencyStatistics::add(double milliseconds) {
    if (!m_samples.empty() && milliseconds < m_samples.back())
        m_sorted = false;
    m_samples.push_back(milliseconds);
    m_sum += milliseconds;
}

void LatencyStatistics::clear() {
    m_samples.clear();
    m_sorted = true;
    m_sum = 0;
}

void LatencyStatistics::sortIfNeeded() const {
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
}

double LatencyStatistics::min() const {
    sortIfNeeded();
    return m_samples.empty() ? 0 : m_samples.front();
}

double LatencyStatistics::max() const {
    sortIfNeeded();
    return m_samples.empty() ? 0 : m_samples.back();
}

double LatencyStatistics::mean() const {
    return m_samples.empty() ? 0 : m_sum / double(m_samples.size());
}

double LatencyStatistics::percentile(double p) const {
    if (m_samples.empty())
        return 0;
    sortIfNeeded();
    const double clamped = std::clamp(p, 0.0, 100.0);
    const auto rank = std::size_t(std::ceil(clamped / 100.0 * double(m_samples.size())));
    return m_samples[rank == 0 ? 0 : rank - 1];
}

std::vector<int> LatencyStatistics::histogram(int buckets) const {
    std::vector<int> counts(std::size_t(std::max(buckets, 1)), 0);
    if (m_samples.empty())
        return counts;
    const double low = min();
    const double width = (max() - low) / double(counts.size());
    for (double sample : m_samples) {
        std::size_t bucket = width > 0 ? std::size_t((sample - low) / width) : 0;
        counts[std::min(bucket, counts.size() - 1)] += 1;
    }
    return counts;
}

} // namespace gatehouse
