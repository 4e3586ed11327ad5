#pragma once

#include <QString>
#include <map>

namespace gatehouse {

// The placeholders of one call: PIIMaskingRegex on the request flow files each value here as
// <ENTITY>_<4 hex digits> (EMAIL_0000, EMAIL_0001, ...; the same value keeps its placeholder), and the
// same policy on the response flow reads them back. Lives as long as the call, never on disk.
class PiiVault {
public:
    // At most this many values per call; the 4 hex digits run out after 65,536.
    static constexpr int capacity = 0x10000;

    // The placeholder of `original`, filed under `entity` if it is new; empty when the vault is full.
    QString placeholderFor(const QString& entity, const QString& original);
    // `text` with every placeholder of this vault replaced by its original.
    QString restore(const QString& text) const;
    // How many characters at the end of `text` could be the start of a placeholder cut in two by a
    // chunk boundary: a streamed answer holds them back until the next chunk says.
    qsizetype pendingPrefixLength(const QString& text) const;

    bool isEmpty() const { return m_originals.empty(); }
    int size() const { return int(m_originals.size()); }

private:
    std::map<QString, QString> m_placeholders; // original -> placeholder
    std::map<QString, QString> m_originals;    // placeholder -> original
    qsizetype m_longestPlaceholder = 0;
};

} // namespace gatehouse
