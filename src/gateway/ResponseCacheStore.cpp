#include "gateway/ResponseCacheStore.h"

#include <utility>

namespace gatehouse {

namespace {
qsizetype footprint(const QByteArray& key, const CachedAnswer& answer) {
    qsizetype bytes = key.size() + answer.body.size() + qsizetype(sizeof(CachedAnswer));
    for (const auto& [name, value] : answer.headers.fields())
        bytes += name.size() + value.size();
    return bytes;
}
} // namespace

ResponseCacheStore::ResponseCacheStore(std::size_t capacity, qsizetype byteLimit)
    : m_capacity(qMax<std::size_t>(1, capacity)), m_byteLimit(byteLimit) {
}

std::shared_ptr<const CachedAnswer> ResponseCacheStore::find(const QByteArray& key, qint64 nowMs) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto found = m_index.constFind(key);
    if (found == m_index.constEnd())
        return nullptr;
    const Order::iterator slot = found.value();
    if (slot->expiresAtMs <= nowMs) {
        evictLocked(slot);
        return nullptr;
    }
    m_order.splice(m_order.begin(), m_order, slot);
    return slot->answer;
}

void ResponseCacheStore::insert(const QByteArray& key, std::shared_ptr<const CachedAnswer> answer,
                                qint64 expiresAtMs) {
    if (!answer)
        return;
    const qsizetype bytes = footprint(key, *answer);
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (const auto found = m_index.constFind(key); found != m_index.constEnd())
        evictLocked(found.value());
    if (bytes > m_byteLimit)
        return;
    m_order.push_front(Slot{key, std::move(answer), expiresAtMs, bytes});
    m_index.insert(key, m_order.begin());
    m_bytes += bytes;
    trimLocked();
}

void ResponseCacheStore::setCapacity(std::size_t capacity) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_capacity = qMax<std::size_t>(1, capacity);
    trimLocked();
}

std::size_t ResponseCacheStore::size() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_order.size();
}

qsizetype ResponseCacheStore::bytes() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_bytes;
}

void ResponseCacheStore::evictLocked(Order::iterator slot) {
    m_bytes -= slot->bytes;
    m_index.remove(slot->key);
    m_order.erase(slot);
}

void ResponseCacheStore::trimLocked() {
    while (!m_order.empty() && (m_order.size() > m_capacity || m_bytes > m_byteLimit))
        evictLocked(std::prev(m_order.end()));
}

} // namespace gatehouse
