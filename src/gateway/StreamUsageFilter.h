#pragma once

#include "gateway/policies/GatewayPolicy.h"
#include "gateway/policies/SseEventBuffer.h"

#include <QByteArray>

namespace gatehouse {

// Takes OpenAI's usage chunk (`"choices":[]` with a `usage` object) out of a streamed answer whose
// client did not ask for it: the gateway asked the upstream on the client's behalf, to count the
// stream's tokens exactly, and the client gets exactly the stream it asked for. Every other byte passes
// unchanged; a chunk that ends inside an event is held until the event is whole.
class StreamUsageFilter final : public StreamObserver {
public:
    std::optional<PolicyIntervention> onChunk(QByteArray& chunk) override;
    std::optional<PolicyIntervention> onEnd(QByteArray& tail) override;

    // A whole stream without its usage chunks (for an answer held until its end).
    static QByteArray withoutUsageChunks(const QByteArray& stream);
    static bool isUsageChunk(const QByteArray& event);

private:
    SseEventBuffer m_events;
    bool m_holding = false; // part of an event is waiting in m_events
};

} // namespace gatehouse
