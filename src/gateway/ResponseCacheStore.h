#pragma once

#include "gateway/CachedAnswer.h"

#include <QByteArray>
#include <QHash>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>

namespace gatehouse {

// The response cache's memory backend: answers by key, each until its deadline, the least recently
// used going first when the cache holds `capacity` answers or `byteLimit` bytes of them. Shared by
// every worker thread (a lookup is a hash probe and a list splice under a mutex); answers are
// immutable once kept, so a hit is shared, never copied.
class ResponseCacheStore {
public:
    static constexpr qsizetype defaultByteLimit = 256 * 1024 * 1024;

    explicit ResponseCacheStore(std::size_t capacity, qsizetype byteLimit = defaultByteLimit);

    // The answer kept under `key`, unless it expired by `nowMs` (it is dropped then); counts as a use.
    std::shared_ptr<const CachedAnswer> find(const QByteArray& key, qint64 nowMs);
    // Keeps `answer` until `expiresAtMs`, replacing what `key` had.
    void insert(const QByteArray& key, std::shared_ptr<const CachedAnswer> answer, qint64 expiresAtMs);
    // A redeployed policy keeps its answers; a smaller capacity drops the least recently used.
    void setCapacity(std::size_t capacity);
    std::size_t size() const;
    qsizetype bytes() const;

private:
    struct Slot {
        QByteArray key;
        std::shared_ptr<const CachedAnswer> answer;
        qint64 expiresAtMs = 0;
        qsizetype bytes = 0;
    };
    using Order = std::list<Slot>; // most recently used first

    void evictLocked(Order::iterator slot);
    void trimLocked();

    mutable std::mutex m_mutex;
    Order m_order;
    QHash<QByteArray, Order::iterator> m_index;
    std::size_t m_capacity;
    qsizetype m_byteLimit;
    qsizetype m_bytes = 0;
};

} // namespace gatehouse
