#pragma once

#include "gateway/policies/GatewayPolicy.h"
#include "gateway/policies/SseEventBuffer.h"
#include "guardrails/PiiMasker.h"

namespace gatehouse {

// Puts the originals back into a streamed answer event by event. A model writes a placeholder in
// pieces ("EMAIL_00" then "01"), so an event's text that ends with what could be the start of a known
// placeholder keeps that end back and sends it with the next event's text. With `redact`, each event's
// text is starred out instead (a value cut across two events is not seen: the README says so).
class PiiStreamRestorer final : public StreamObserver {
public:
    PiiStreamRestorer(std::shared_ptr<const PiiMasker> masker, const PiiVault& vault);

    std::optional<PolicyIntervention> onChunk(QByteArray& chunk) override;
    std::optional<PolicyIntervention> onEnd(QByteArray& tail) override;

private:
    QByteArray rewrite(const QByteArray& event);

    std::shared_ptr<const PiiMasker> m_masker;
    const PiiVault& m_vault;
    SseEventBuffer m_events;
    QString m_heldText;            // the start of a placeholder, waiting for its end
    QByteArray m_lastContentEvent; // the shape of the event that carries held text at the end
};

} // namespace gatehouse
