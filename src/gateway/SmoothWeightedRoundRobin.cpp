#include "gateway/SmoothWeightedRoundRobin.h"

#include <algorithm>
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
        // Any positive weight keeps its model in rotation, as the validator promises: below the
        // resolution it would round to 0, and a list of such weights would never pick anything.
        const std::int64_t scaled = std::int64_t(std::llround(clamped * weightResolution));
        m_weights.push_back(usable ? std::max<std::int64_t>(scaled, 1) : 0);
    }
    reset();
}

void SmoothWeightedRoundRobin::reset() {
    m_scores.assign(m_weights.size(), 0);
}

std::vector<int> SmoothWeightedRoundRobin::cycle(std::size_t limit) const {
    SmoothWeightedRoundRobin fresh;
    fresh.m_weights = m_weights;
    fresh.reset();
    std::vector<int> picks;
    const auto atStart = [&fresh] {
        return std::all_of(fresh.m_scores.begin(), fresh.m_scores.end(),
                           [](std::int64_t s) { return s == 0; });
    };
    while (picks.size() < limit) {
        const int pick = fresh.pick();
        if (pick < 0)
            break;
        picks.push_back(pick);
        if (atStart())
            break;
    }
    return picks;
}

} // namespace gatehouse
