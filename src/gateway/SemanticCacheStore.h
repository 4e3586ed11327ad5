#pragma once

#include "gateway/CachedAnswer.h"
#include "gateway/VectorIndex.h"

#include <QByteArray>
#include <QHash>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace gatehouse {

// SemanticCache's answers: per scope (what must be equal for a hit: API, model, system prompt,
// earlier turns...) an index of the embeddings of the texts compared by meaning. A lookup finds the
// nearest live embedding of the scope within the threshold. Answers expire at their deadline and the
// oldest go first beyond `capacity`. Shared by the worker threads under one mutex.
class SemanticCacheStore {
public:
    explicit SemanticCacheStore(std::size_t capacity);

    struct Hit {
        std::shared_ptr<const CachedAnswer> answer;
        float distance = 0;
    };
    std::optional<Hit> find(const QByteArray& scope, const std::vector<float>& embedding, float maxDistance,
                            qint64 nowMs);
    void insert(const QByteArray& scope, const std::vector<float>& embedding,
                std::shared_ptr<const CachedAnswer> answer, qint64 expiresAtMs);
    void setCapacity(std::size_t capacity);
    std::size_t size() const;

private:
    struct Entry {
        QByteArray scope;
        std::shared_ptr<const CachedAnswer> answer;
        qint64 expiresAtMs = 0;
    };
    void removeLocked(std::map<std::size_t, Entry>::iterator entry);
    void trimLocked();

    mutable std::mutex m_mutex;
    QHash<QByteArray, std::shared_ptr<VectorIndex>> m_partitions;
    std::map<std::size_t, Entry> m_entries; // by label: increasing, so the oldest first
    std::size_t m_nextLabel = 0;
    std::size_t m_capacity;
};

} // namespace gatehouse
