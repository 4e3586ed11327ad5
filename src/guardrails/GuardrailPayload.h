#pragma once

#include "core/Json.h"
#include "core/JsonPath.h"
#include "core/JsonTextSelector.h"

#include <QByteArray>
#include <optional>
#include <utility>
#include <vector>

namespace gatehouse {

// A message body as guardrails read it: the bytes, and the JSON document parsed once, on first use,
// however many guardrails of the flow select from it.
class GuardrailPayload {
public:
    explicit GuardrailPayload(QByteArray bytes);

    const QByteArray& bytes() const { return m_bytes; }
    // The parsed document, or nullptr when the body is not JSON.
    const Json* document() const;
    // What a definite path selects, read from the text without building the document (once per
    // path: the guardrails of a flow mostly share theirs).
    const JsonTextSelector::Selection& select(const JsonPath& path) const;

private:
    QByteArray m_bytes;
    mutable std::optional<Json> m_document;
    mutable bool m_parsed = false;
    mutable std::vector<std::pair<QString, JsonTextSelector::Selection>> m_selections;
};

} // namespace gatehouse
