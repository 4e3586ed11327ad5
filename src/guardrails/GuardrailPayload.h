#pragma once

#include "core/Json.h"

#include <QByteArray>
#include <optional>

namespace gatehouse {

// A message body as guardrails read it: the bytes, and the JSON document parsed once, on first use,
// however many guardrails of the flow select from it.
class GuardrailPayload {
public:
    explicit GuardrailPayload(QByteArray bytes);

    const QByteArray& bytes() const { return m_bytes; }
    // The parsed document, or nullptr when the body is not JSON.
    const Json* document() const;

private:
    QByteArray m_bytes;
    mutable std::optional<Json> m_document;
    mutable bool m_parsed = false;
};

} // namespace gatehouse
