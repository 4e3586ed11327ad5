#include "gateway/StreamUsageFilter.h"

#include <nlohmann/json.hpp>

namespace gatehouse {

bool StreamUsageFilter::isUsageChunk(const QByteArray& event) {
    if (!event.contains("\"usage\""))
        return false;
    const QByteArray data = SseEventBuffer::dataOf(event);
    // An unordered document: the upstream's event may be hostile, and finding a member in an ordered
    // one is linear, a document of many members quadratic.
    const nlohmann::json document = nlohmann::json::parse(data.cbegin(), data.cend(), nullptr, false);
    if (!document.is_object())
        return false;
    const auto choices = document.find("choices");
    const auto usage = document.find("usage");
    return choices != document.end() && choices->is_array() && choices->empty() && usage != document.end() &&
           usage->is_object();
}

std::optional<PolicyIntervention> StreamUsageFilter::onChunk(QByteArray& chunk) {
    // Most chunks are whole events without usage: they go out as they came.
    if (!m_holding && !chunk.contains("\"usage\"") && (chunk.endsWith("\n\n") || chunk.endsWith("\r\n\r\n")))
        return std::nullopt;
    QByteArray out;
    for (const QByteArray& event : m_events.take(chunk)) {
        if (!isUsageChunk(event))
            out += event;
    }
    const QByteArray rest = m_events.takeRemainder();
    m_holding = !rest.isEmpty();
    if (m_holding)
        m_events.take(rest); // put it back: the rest of the event comes with the next chunk
    chunk = out;
    return std::nullopt;
}

std::optional<PolicyIntervention> StreamUsageFilter::onEnd(QByteArray& tail) {
    const QByteArray rest = m_events.takeRemainder();
    if (!rest.isEmpty() && !isUsageChunk(rest))
        tail += rest;
    return std::nullopt;
}

QByteArray StreamUsageFilter::withoutUsageChunks(const QByteArray& stream) {
    StreamUsageFilter filter;
    QByteArray body = stream;
    filter.onChunk(body);
    QByteArray tail;
    filter.onEnd(tail);
    return body + tail;
}

} // namespace gatehouse
