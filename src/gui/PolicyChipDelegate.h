#pragma once

#include <QStyledItemDelegate>

namespace gatehouse {

// Paints the policy editor's rows: operations as headings, lanes as dashed drop zones (green or red
// while a drag hovers them), attached policies as chips with their icon, name and a summary
// ("gpt-4o 50% · gpt-4o-mini 50%").
class PolicyChipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace gatehouse
