#include "gui/PolicyChipDelegate.h"

#include "gui/PolicyFlowModel.h"
#include "gui/PolicyFlowView.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace gatehouse {

QSize PolicyChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int line = option.fontMetrics.height();
    switch (PolicyFlowModel::Kind(index.data(PolicyFlowModel::KindRole).toInt())) {
    case PolicyFlowModel::Kind::Scope:
        size.setHeight(line + 12);
        break;
    case PolicyFlowModel::Kind::Lane:
        size.setHeight(line + 14);
        break;
    case PolicyFlowModel::Kind::Attachment:
        size.setHeight(line * 2 + 14);
        break;
    }
    return size;
}

void PolicyChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const auto kind = PolicyFlowModel::Kind(index.data(PolicyFlowModel::KindRole).toInt());
    const QPalette& palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(option.rect).adjusted(2, 2, -4, -2);
    if (kind == PolicyFlowModel::Kind::Scope) {
        QFont font = option.font;
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(area.adjusted(4, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          index.data().toString());
    } else if (kind == PolicyFlowModel::Kind::Lane) {
        const auto* view = qobject_cast<const PolicyFlowView*>(option.widget);
        const bool hovered = view && view->dropHighlight() == index;
        QColor border = palette.color(QPalette::Mid);
        QColor fill = Qt::transparent;
        if (hovered) {
            const bool allowed = view->dropHighlightAllowed();
            border = allowed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
            fill = border;
            fill.setAlpha(40);
        } else if (selected) {
            fill = palette.color(QPalette::Highlight);
            fill.setAlpha(40);
        }
        QPen pen(border, hovered ? 2 : 1, hovered ? Qt::SolidLine : Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(fill);
        painter->drawRoundedRect(area, 4, 4);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(area.adjusted(8, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          index.data().toString());
    } else {
        QColor fill = palette.color(QPalette::Button);
        if (selected)
            fill = palette.color(QPalette::Highlight).lighter(170);
        painter->setPen(QPen(palette.color(QPalette::Mid), 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(area, 8, 8);
        const int iconSize = int(area.height()) - 12;
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        const QRect iconRect(int(area.left()) + 6, int(area.top()) + 6, iconSize, iconSize);
        icon.paint(painter, iconRect);
        const QRectF text = area.adjusted(iconSize + 14, 4, -6, -4);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::ButtonText));
        const int line = option.fontMetrics.height();
        painter->drawText(
            QRectF(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, int(text.width())));
        painter->setFont(option.font);
        QColor secondary = palette.color(QPalette::ButtonText);
        secondary.setAlphaF(0.7f);
        painter->setPen(secondary);
        const QString summary = index.data(PolicyFlowModel::SummaryRole).toString();
        painter->drawText(QRectF(text.left(), text.top() + line + 2, text.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(summary, Qt::ElideRight, int(text.width())));
    }
    painter->restore();
}

} // namespace gatehouse
