#include "guardrails/GuardrailPayload.h"

namespace gatehouse {

GuardrailPayload::GuardrailPayload(QByteArray bytes) : m_bytes(std::move(bytes)) {
}

const Json* GuardrailPayload::document() const {
    if (!m_parsed) {
        m_parsed = true;
        Json parsed = Json::parse(m_bytes.constBegin(), m_bytes.constEnd(), nullptr, false);
        if (!parsed.is_discarded())
            m_document = std::move(parsed);
    }
    return m_document ? &*m_document : nullptr;
}

} // namespace gatehouse
