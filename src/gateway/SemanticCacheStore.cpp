#include "gateway/SemanticCacheStore.h"

namespace gatehouse {

SemanticCacheStore::SemanticCacheStore(std::size_t capacity) : m_capacity(qMax<std::size_t>(1, capacity)) {
}

std::optional<SemanticCacheStore::Hit> SemanticCacheStore::find(const QByteArray& scope,
                                                                const std::vector<float>& embedding,
                                                                float maxDistance, qint64 nowMs) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto partition = m_partitions.constFind(scope);
    if (partition == m_partitions.constEnd() || partition.value()->dimensions() != embedding.size())
        return std::nullopt;
    std::vector<std::size_t> expired;
    const std::optional<VectorIndex::Hit> nearest =
        partition.value()->nearest(embedding.data(), maxDistance, [&](std::size_t label) {
            const auto entry = m_entries.find(label);
            if (entry == m_entries.end())
                return true;
            if (entry->second.expiresAtMs <= nowMs) {
                expired.push_back(label);
                return true;
            }
            return false;
        });
    for (std::size_t label : expired) {
        if (const auto entry = m_entries.find(label); entry != m_entries.end())
            removeLocked(entry);
    }
    if (!nearest)
        return std::nullopt;
    const auto entry = m_entries.find(nearest->label);
    if (entry == m_entries.end())
        return std::nullopt;
    return Hit{entry->second.answer, nearest->distance};
}

void SemanticCacheStore::insert(const QByteArray& scope, const std::vector<float>& embedding,
                                std::shared_ptr<const CachedAnswer> answer, qint64 expiresAtMs) {
    if (!answer || embedding.empty())
        return;
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::shared_ptr<VectorIndex>& partition = m_partitions[scope];
    if (partition && partition->dimensions() != embedding.size()) {
        // The provider's model changed its dimensions: what was kept cannot be compared any more.
        for (auto entry = m_entries.begin(); entry != m_entries.end();)
            entry = entry->second.scope == scope ? m_entries.erase(entry) : std::next(entry);
        partition.reset();
    }
    if (!partition)
        partition = std::make_shared<VectorIndex>(embedding.size());
    const std::size_t label = m_nextLabel++;
    partition->add(label, embedding.data());
    m_entries.emplace(label, Entry{scope, std::move(answer), expiresAtMs});
    trimLocked();
}

void SemanticCacheStore::setCapacity(std::size_t capacity) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_capacity = qMax<std::size_t>(1, capacity);
    trimLocked();
}

std::size_t SemanticCacheStore::size() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_entries.size();
}

void SemanticCacheStore::removeLocked(std::map<std::size_t, Entry>::iterator entry) {
    const auto partition = m_partitions.find(entry->second.scope);
    if (partition != m_partitions.end()) {
        partition.value()->remove(entry->first);
        if (partition.value()->size() == 0)
            m_partitions.erase(partition);
    }
    m_entries.erase(entry);
}

void SemanticCacheStore::trimLocked() {
    while (m_entries.size() > m_capacity)
        removeLocked(m_entries.begin());
}

} // namespace gatehouse
