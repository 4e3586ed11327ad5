#include "gateway/VectorIndex.h"

#include <cmath>
// hnswlib 0.6's SSE path prefetches one entry past the end of a neighbour list (a harmless read
// the hardware ignores, but AddressSanitizer stops on it): sanitizer builds take its plain loops.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_MANUAL_VECTORIZATION
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(NO_MANUAL_VECTORIZATION)
#define NO_MANUAL_VECTORIZATION
#endif
#include <hnswlib/hnswlib.h>

namespace gatehouse {

namespace {
constexpr std::size_t graphNeighbours = 16;      // hnswlib's M
constexpr std::size_t graphConstructionEf = 100; // candidates kept while inserting
constexpr std::size_t graphSearchEf = 64;        // candidates kept while searching: recall over 99%
constexpr std::size_t graphCandidates = 8;       // nearest answers looked at (some may have expired)

float squaredDistance(const float* a, const float* b, std::size_t dimensions) {
    // Eight independent sums, so that the compiler keeps them in vector registers (a single running
    // sum has to be added in order, one lane at a time, without -ffast-math).
    float lanes[8] = {};
    std::size_t i = 0;
    for (; i + 8 <= dimensions; i += 8) {
        for (std::size_t lane = 0; lane < 8; ++lane) {
            const float difference = a[i + lane] - b[i + lane];
            lanes[lane] += difference * difference;
        }
    }
    float sum = 0;
    for (; i < dimensions; ++i) {
        const float difference = a[i] - b[i];
        sum += difference * difference;
    }
    for (const float lane : lanes)
        sum += lane;
    return sum;
}
} // namespace

VectorIndex::VectorIndex(std::size_t dimensions) : m_dimensions(dimensions) {
}

VectorIndex::~VectorIndex() = default;

void VectorIndex::add(std::size_t label, const float* vector) {
    if (m_graph) {
        addToGraph(label, vector);
        return;
    }
    if (const auto found = m_slotOf.find(label); found != m_slotOf.end()) {
        std::copy(vector, vector + m_dimensions,
                  m_flat.begin() + std::ptrdiff_t(found->second * m_dimensions));
        return;
    }
    m_slotOf.emplace(label, m_labels.size());
    m_labels.push_back(label);
    m_flat.insert(m_flat.end(), vector, vector + m_dimensions);
    ++m_count;
    if (m_count > exactLimit)
        moveToGraph();
}

void VectorIndex::remove(std::size_t label) {
    const auto found = m_slotOf.find(label);
    if (found == m_slotOf.end())
        return;
    const std::size_t slot = found->second;
    m_slotOf.erase(found);
    --m_count;
    if (m_graph) {
        m_graph->markDelete(label);
        ++m_deleted;
        return;
    }
    // The last vector takes the removed one's place: removal stays O(dimensions).
    const std::size_t last = m_labels.size() - 1;
    if (slot != last) {
        std::copy(m_flat.begin() + std::ptrdiff_t(last * m_dimensions),
                  m_flat.begin() + std::ptrdiff_t((last + 1) * m_dimensions),
                  m_flat.begin() + std::ptrdiff_t(slot * m_dimensions));
        m_labels[slot] = m_labels[last];
        m_slotOf[m_labels[slot]] = slot;
    }
    m_labels.pop_back();
    m_flat.resize(m_labels.size() * m_dimensions);
}

std::vector<VectorIndex::Hit> VectorIndex::candidates(const float* query, float maxDistance) const {
    std::vector<Hit> hits;
    const float limit = maxDistance * maxDistance;
    if (!m_graph) {
        for (std::size_t slot = 0; slot < m_labels.size(); ++slot) {
            const float distance = squaredDistance(query, m_flat.data() + slot * m_dimensions, m_dimensions);
            if (distance <= limit)
                hits.push_back({m_labels[slot], std::sqrt(distance)});
        }
        return hits;
    }
    if (m_count == 0)
        return hits;
    auto nearest = m_graph->searchKnn(query, std::min(graphCandidates, m_count));
    while (!nearest.empty()) {
        const auto [distance, label] = nearest.top(); // hnswlib's L2 space gives squared distances
        nearest.pop();
        if (distance <= limit)
            hits.push_back({std::size_t(label), std::sqrt(distance)});
    }
    return hits;
}

void VectorIndex::moveToGraph() {
    m_space = std::make_unique<hnswlib::L2Space>(m_dimensions);
    m_graphCapacity = 2 * m_count;
    m_graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(m_space.get(), m_graphCapacity,
                                                                graphNeighbours, graphConstructionEf);
    m_graph->setEf(graphSearchEf);
    for (std::size_t slot = 0; slot < m_labels.size(); ++slot)
        m_graph->addPoint(m_flat.data() + slot * m_dimensions, m_labels[slot]);
    m_flat.clear();
    m_flat.shrink_to_fit();
    m_deleted = 0;
}

void VectorIndex::addToGraph(std::size_t label, const float* vector) {
    const bool known = m_slotOf.count(label) != 0;
    if (!known && m_count + m_deleted + 1 > m_graphCapacity) {
        // Deleted nodes keep their place in hnswlib 0.6: grow, and the graph stays searchable.
        m_graphCapacity = 2 * (m_count + m_deleted + 1);
        m_graph->resizeIndex(m_graphCapacity);
    }
    m_graph->addPoint(vector, label);
    if (!known) {
        m_slotOf.emplace(label, 0); // in graph mode only the membership matters
        ++m_count;
    }
}

} // namespace gatehouse
