#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// Left-aligned columns for human output: each column as wide as its widest cell, two spaces apart.
class TextTable {
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.empty(); }
    // The header and the rows, one line each, every line prefixed with `indent` spaces.
    QString toString(int indent = 0) const;

private:
    QStringList m_headers;
    std::vector<QStringList> m_rows;
};

} // namespace gatehouse
