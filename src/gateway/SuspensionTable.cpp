#include "gateway/SuspensionTable.h"

#include "core/Json.h"

#include <algorithm>
#include <mutex>

namespace gatehouse {

QString SuspensionTable::Pair::key() const {
    return apiId + QChar(0x1f) + endpointId + QChar(0x1f) + model;
}

QByteArray SuspensionTable::Pair::sharedId() const {
    const Json id = Json::array({toStdString(apiId), toStdString(endpointId), toStdString(model)});
    const std::string text = dumpCompact(id);
    return QByteArray(text.data(), qsizetype(text.size()));
}

std::optional<SuspensionTable::Pair> SuspensionTable::Pair::fromSharedId(const QByteArray& id) {
    const Json parts = Json::parse(id.constData(), id.constData() + id.size(), nullptr, false);
    if (!parts.is_array() || parts.size() != 3)
        return std::nullopt;
    for (const Json& part : parts) {
        if (!part.is_string())
            return std::nullopt;
    }
    return Pair{toQString(parts[0].get<std::string>()), toQString(parts[1].get<std::string>()),
                toQString(parts[2].get<std::string>())};
}

SuspensionTable::Availability SuspensionTable::availability(const Pair& pair, qint64 nowMs) const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_entries.constFind(pair.key());
    if (it == m_entries.constEnd())
        return Availability::Active;
    if (it->untilMs > nowMs || it->trialInFlight)
        return Availability::Suspended;
    return Availability::Trial;
}

bool SuspensionTable::beginAttempt(const Pair& pair, qint64 nowMs) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_entries.find(pair.key());
    if (it == m_entries.end())
        return true;
    if (it->untilMs > nowMs || it->trialInFlight)
        return false;
    it->trialInFlight = true;
    return true;
}

bool SuspensionTable::recordSuccess(const Pair& pair) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_entries.remove(pair.key()) > 0;
}

void SuspensionTable::recordFailure(const Pair& pair, qint64 nowMs, qint64 suspendMs, const QString& error) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    Entry& entry = m_entries[pair.key()];
    entry.pair = pair;
    entry.failures += 1;
    entry.untilMs = std::max(entry.untilMs, nowMs + std::max<qint64>(0, suspendMs));
    entry.trialInFlight = false;
    entry.lastError = error;
}

void SuspensionTable::abandonAttempt(const Pair& pair) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_entries.find(pair.key());
    if (it != m_entries.end())
        it->trialInFlight = false;
}

void SuspensionTable::readmit(const Pair& pair) {
    recordSuccess(pair);
}

void SuspensionTable::applyShared(const Pair& pair, qint64 untilMs) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (untilMs <= 0) {
        m_entries.remove(pair.key());
        return;
    }
    Entry& entry = m_entries[pair.key()];
    if (entry.untilMs >= untilMs)
        return;
    if (entry.failures == 0) {
        entry.pair = pair;
        entry.lastError = QStringLiteral("suspended by another replica");
    }
    entry.untilMs = untilMs;
    entry.trialInFlight = false;
}

void SuspensionTable::clear() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_entries.clear();
}

qint64 SuspensionTable::millisecondsUntilRecovery(const std::vector<Pair>& pairs, qint64 nowMs) const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    qint64 soonest = -1;
    for (const Pair& pair : pairs) {
        const auto it = m_entries.constFind(pair.key());
        const qint64 wait = it == m_entries.constEnd() ? 0 : std::max<qint64>(0, it->untilMs - nowMs);
        soonest = soonest < 0 ? wait : std::min(soonest, wait);
    }
    return std::max<qint64>(0, soonest);
}

std::vector<SuspensionTable::Entry> SuspensionTable::entries(qint64) const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<Entry> list(m_entries.cbegin(), m_entries.cend());
    std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.untilMs < b.untilMs; });
    return list;
}

} // namespace gatehouse
