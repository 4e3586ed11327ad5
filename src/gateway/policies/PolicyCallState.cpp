#include "gateway/policies/PolicyCallState.h"

namespace gatehouse {

const GuardrailPayload& PolicyCallState::payload(const QByteArray& body) {
    // QByteArray compares sizes first: a rewritten body is nearly always a different size.
    if (!m_payload || m_payload->bytes() != body)
        m_payload.emplace(body);
    return *m_payload;
}

} // namespace gatehouse
