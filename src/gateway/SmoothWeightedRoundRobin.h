#pragma once

#include <cstdint>
#include <vector>

namespace gatehouse {

// nginx's smooth weighted round robin: every pick adds each candidate's weight to its running
// score, takes the highest score and subtracts the total from it. Over one cycle of total-weight
// picks every candidate is chosen exactly in proportion to its weight, spread out as evenly as
// possible (3:1 gives A A B A, never A A A B), and the sequence is deterministic and testable.
//
// Weights are scaled to integers (1/1000 resolution, a positive weight never below 1) so the
// arithmetic is exact. Scores stay within [-total, total], so the state never overflows however many
// requests pass.
class SmoothWeightedRoundRobin {
public:
    explicit SmoothWeightedRoundRobin(const std::vector<double>& weights = {});

    void setWeights(const std::vector<double>& weights);
    std::size_t size() const { return m_weights.size(); }

    // The next candidate among those for which `eligible(index)` is true; -1 when none is eligible or
    // every eligible weight is 0. Ineligible candidates (suspended pairs) neither gain nor lose score.
    template <typename Eligible> int pick(Eligible&& eligible) {
        std::int64_t total = 0;
        int best = -1;
        for (std::size_t i = 0; i < m_weights.size(); ++i) {
            if (m_weights[i] <= 0 || !eligible(i))
                continue;
            m_scores[i] += m_weights[i];
            total += m_weights[i];
            if (best < 0 || m_scores[i] > m_scores[std::size_t(best)])
                best = int(i);
        }
        if (best >= 0)
            m_scores[std::size_t(best)] -= total;
        return best;
    }
    int pick() {
        return pick([](std::size_t) { return true; });
    }

    void reset();

    // One whole cycle of picks from a fresh state with every candidate eligible (after it the scores
    // are back where they started), at most `limit` picks long: the sequence a strict shared rotation
    // indexes with its counter. 50/50 gives {0, 1}; 3:1 gives {0, 0, 1, 0}.
    std::vector<int> cycle(std::size_t limit) const;

private:
    std::vector<std::int64_t> m_weights;
    std::vector<std::int64_t> m_scores;
};

} // namespace gatehouse
