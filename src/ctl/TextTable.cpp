#include "ctl/TextTable.h"

#include <algorithm>

namespace gatehouse {

TextTable::TextTable(QStringList headers) : m_headers(std::move(headers)) {
}

void TextTable::addRow(QStringList cells) {
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.push_back(std::move(cells));
}

QString TextTable::toString(int indent) const {
    std::vector<qsizetype> widths(std::size_t(m_headers.size()), 0);
    const auto measure = [&](const QStringList& cells) {
        for (qsizetype i = 0; i < m_headers.size(); ++i)
            widths[std::size_t(i)] = std::max(widths[std::size_t(i)], cells.value(i).size());
    };
    measure(m_headers);
    for (const QStringList& row : m_rows)
        measure(row);
    const auto render = [&](const QStringList& cells) {
        QString line(indent, QLatin1Char(' '));
        for (qsizetype i = 0; i < m_headers.size(); ++i) {
            const QString cell = cells.value(i);
            if (i + 1 < m_headers.size())
                line += cell.leftJustified(widths[std::size_t(i)] + 2, QLatin1Char(' '));
            else
                line += cell;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        return line;
    };
    QStringList lines{render(m_headers)};
    for (const QStringList& row : m_rows)
        lines.append(render(row));
    return lines.join(QLatin1Char('\n'));
}

} // namespace gatehouse
