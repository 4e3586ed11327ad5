#include "gui/PolicyIcon.h"

#include "core/PolicyDefinition.h"

#include <QFile>
#include <QFont>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace gatehouse {

QColor PolicyIcon::colorFor(const QString& category) {
    if (category == QLatin1String("AI Routing"))
        return QColor(0x5e, 0x35, 0xb1);
    if (category == QLatin1String("Mediation"))
        return QColor(0x00, 0x79, 0x6b);
    return QColor(0x45, 0x5a, 0x64);
}

QString PolicyIcon::initials(const QString& displayName) {
    QString letters;
    for (const QString& word : displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.at(0).isUpper())
            letters.append(word.at(0));
        if (letters.size() == 2)
            break;
    }
    return letters.isEmpty() ? displayName.left(2).toUpper() : letters;
}

QIcon PolicyIcon::forPolicy(const PolicyDefinition& definition) {
    static QHash<QString, QIcon> cache;
    const auto cached = cache.constFind(definition.name);
    if (cached != cache.constEnd())
        return *cached;
    // A drawn icon when the policy has one (resources/icons/policies); a custom policy gets a badge.
    const QString drawn = QStringLiteral(":/icons/policies/%1.svg").arg(definition.name);
    if (QFile::exists(drawn)) {
        QIcon icon(drawn);
        if (!icon.pixmap(24).isNull()) { // null without Qt's SVG plugin (libqt6svg6)
            cache.insert(definition.name, icon);
            return icon;
        }
    }
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colorFor(definition.category));
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size * 0.25, size * 0.25);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(size * 0.45));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, initials(definition.displayName));
        icon.addPixmap(pixmap);
    }
    cache.insert(definition.name, icon);
    return icon;
}

} // namespace gatehouse
