#include "gateway/policies/PiiStreamRestorer.h"

namespace gatehouse {

PiiStreamRestorer::PiiStreamRestorer(std::shared_ptr<const PiiMasker> masker, const PiiVault& vault)
    : m_masker(std::move(masker)), m_vault(vault) {
}

QByteArray PiiStreamRestorer::rewrite(const QByteArray& event) {
    if (SseEventBuffer::isDone(event)) {
        // The held text cannot become a placeholder any more: it goes out as it is, before the end.
        QByteArray flushed;
        if (!m_heldText.isEmpty() && !m_lastContentEvent.isEmpty())
            flushed = SseEventBuffer::withContent(m_lastContentEvent, std::exchange(m_heldText, QString()));
        return flushed + event;
    }
    const QString content = SseEventBuffer::contentOf(event);
    if (content.isEmpty() && m_heldText.isEmpty())
        return event;
    m_lastContentEvent = event;
    if (m_masker->redacts()) {
        Result<QString> redacted = m_masker->redact(content);
        return SseEventBuffer::withContent(event, redacted ? redacted.value() : PiiMasker::redaction);
    }
    QString text = std::exchange(m_heldText, QString()) + content;
    const qsizetype held = m_vault.pendingPrefixLength(text);
    m_heldText = text.right(held);
    text.chop(held);
    return SseEventBuffer::withContent(event, m_vault.restore(text));
}

std::optional<PolicyIntervention> PiiStreamRestorer::onChunk(QByteArray& chunk) {
    QByteArray out;
    for (const QByteArray& event : m_events.take(chunk))
        out += rewrite(event);
    chunk = out;
    return std::nullopt;
}

std::optional<PolicyIntervention> PiiStreamRestorer::onEnd(QByteArray& tail) {
    const QByteArray rest = m_events.takeRemainder();
    if (!rest.isEmpty())
        tail += rewrite(rest);
    if (!m_heldText.isEmpty() && !m_lastContentEvent.isEmpty())
        tail += SseEventBuffer::withContent(m_lastContentEvent, std::exchange(m_heldText, QString()));
    return std::nullopt;
}

} // namespace gatehouse
