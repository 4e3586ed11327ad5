#include "SmoothWeightedRoundRobin.h"

#include <cmath>

namespace gatehouse {

namespace {
constexpr double weightResolution = 1000.0;
constexpr double largestWeight = 1e12; // keeps the sum of scaled weights far from int64 overflow
} // namespace

SmoothWeightedRoundRobin::SmoothWeightedRoundRobin(const std::vector<double>& weights) {
    setWeights(weights);
}

void SmoothWeightedRoundRobin::setWeights(const std::vector<double>& weights) {
    m_weights.clear();
    m_weights.reserve(weights.size());
    for (double weight : weights) {
        const bool usable = std::isfinite(weight) && weight > 0;
        const double clamped = usable ? std::min(weight, largestWeight) : 0.0;
        m_weights.push_back(std::int64_t(std::llround(clamped * weightResolution)));
    }
    reset();
}

void SmoothWeightedRoundRobin::reset() {
    m_scores.assign(m_weights.size(), 0);
}

} // namespace gatehouse
