#include "gui/JsonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace gatehouse {

JsonHighlighter::JsonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    // Pick hues that stay readable on both light and dark window backgrounds.
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x0d, 0x47, 0xa1));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x5e, 0x20));
    m_number.setForeground(dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xe6, 0x51, 0x00));
    m_literal.setForeground(dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a));
}

void JsonHighlighter::highlightBlock(const QString& text) {
    static const QRegularExpression strings(QStringLiteral(R"("(?:[^"\\]|\\.)*")"));
    static const QRegularExpression numbers(QStringLiteral(R"(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)"));
    static const QRegularExpression literals(QStringLiteral(R"(\b(?:true|false|null)\b)"));
    for (auto it = numbers.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_number);
    }
    for (auto it = literals.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_literal);
    }
    for (auto it = strings.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        // A string followed by a colon is a key.
        qsizetype after = match.capturedEnd();
        while (after < text.size() && text.at(after).isSpace())
            ++after;
        const bool isKey = after < text.size() && text.at(after) == QLatin1Char(':');
        setFormat(int(match.capturedStart()), int(match.capturedLength()), isKey ? m_key : m_string);
    }
}

} // namespace gatehouse
