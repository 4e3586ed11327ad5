#include "guardrails/PiiVault.h"

namespace gatehouse {

QString PiiVault::placeholderFor(const QString& entity, const QString& original) {
    const auto known = m_placeholders.find(original);
    if (known != m_placeholders.end())
        return known->second;
    if (int(m_originals.size()) >= capacity)
        return {};
    const QString placeholder =
        QStringLiteral("%1_%2").arg(entity).arg(qulonglong(m_originals.size()), 4, 16, QLatin1Char('0'));
    m_placeholders.emplace(original, placeholder);
    m_originals.emplace(placeholder, original);
    m_longestPlaceholder = qMax(m_longestPlaceholder, placeholder.size());
    return placeholder;
}

QString PiiVault::restore(const QString& text) const {
    if (m_originals.empty())
        return text;
    QString restored = text;
    // One counter numbers every entity, so no placeholder is part of another: the order is free.
    for (const auto& [placeholder, original] : m_originals)
        restored.replace(placeholder, original);
    return restored;
}

qsizetype PiiVault::pendingPrefixLength(const QString& text) const {
    const qsizetype longest = qMin(text.size(), m_longestPlaceholder - 1);
    for (qsizetype length = longest; length > 0; --length) {
        const QStringView tail = QStringView(text).right(length);
        const auto candidate = m_originals.lower_bound(tail.toString());
        if (candidate != m_originals.end() && candidate->first.startsWith(tail) &&
            candidate->first.size() > length)
            return length;
    }
    return 0;
}

} // namespace gatehouse
