#include "guardrails/GuardrailPayload.h"

namespace gatehouse {

GuardrailPayload::GuardrailPayload(QByteArray bytes) : m_bytes(std::move(bytes)) {
}

const Json* GuardrailPayload::document() const {
    if (!m_parsed) {
        m_parsed = true;
        Json parsed = Json::parse(m_bytes.constBegin(), m_bytes.constEnd(), nullptr, false);
        // nlohmann ends its input at a NUL byte; JSON text never holds one, and JsonTextSelector agrees.
        if (!parsed.is_discarded() && !m_bytes.contains('\0'))
            m_document = std::move(parsed);
    }
    return m_document ? &*m_document : nullptr;
}

const JsonTextSelector::Selection& GuardrailPayload::select(const JsonPath& path) const {
    for (const auto& [expression, selection] : m_selections) {
        if (expression == path.expression())
            return selection;
    }
    m_selections.emplace_back(path.expression(), JsonTextSelector::select(m_bytes, path));
    return m_selections.back().second;
}

} // namespace gatehouse
