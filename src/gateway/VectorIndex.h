#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace hnswlib {
template <typename dist_t> class HierarchicalNSW;
template <typename dist_t> class SpaceInterface;
} // namespace hnswlib

namespace gatehouse {

// The nearest stored vector to a query, by L2 distance, among vectors of one dimension each with a
// label. Small indexes are searched exactly, a flat scan the compiler vectorises; past `exactLimit`
// vectors (where an exact scan starts to cost more than a graph search, measured by the micro-bench
// BM_SemanticLookup*) the index moves to an HNSW graph (Debian's libhnswlib), which answers a
// query over 100,000 vectors in well under a millisecond. Not thread-safe: its owner locks.
class VectorIndex {
public:
    static constexpr std::size_t exactLimit = 2048;

    explicit VectorIndex(std::size_t dimensions);
    ~VectorIndex();
    VectorIndex(const VectorIndex&) = delete;
    VectorIndex& operator=(const VectorIndex&) = delete;

    std::size_t dimensions() const { return m_dimensions; }
    std::size_t size() const { return m_count; }
    bool usesGraph() const { return m_graph != nullptr; }

    // Adds (or replaces) the vector of `label`; `vector` has dimensions() values.
    void add(std::size_t label, const float* vector);
    void remove(std::size_t label);
    struct Hit {
        std::size_t label = 0;
        float distance = 0; // L2, not squared
    };
    // The nearest vector within `maxDistance`, skipping labels `rejected` refuses (expired ones).
    template <typename Reject>
    std::optional<Hit> nearest(const float* query, float maxDistance, Reject&& rejected) const {
        std::optional<Hit> best;
        for (const Hit& candidate : candidates(query, maxDistance)) {
            if (!rejected(candidate.label) && (!best || candidate.distance < best->distance))
                best = candidate;
        }
        return best;
    }

private:
    // The vectors within maxDistance (exact), or the graph's nearest few within it.
    std::vector<Hit> candidates(const float* query, float maxDistance) const;
    void moveToGraph();
    void addToGraph(std::size_t label, const float* vector);

    std::size_t m_dimensions;
    std::size_t m_count = 0;
    // Exact: vectors back to back, and their labels in the same order.
    std::vector<float> m_flat;
    std::vector<std::size_t> m_labels;
    std::unordered_map<std::size_t, std::size_t> m_slotOf; // label -> index into m_labels
    // Graph: once past exactLimit.
    std::unique_ptr<hnswlib::SpaceInterface<float>> m_space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> m_graph;
    std::size_t m_graphCapacity = 0;
    std::size_t m_deleted = 0;
};

} // namespace gatehouse
