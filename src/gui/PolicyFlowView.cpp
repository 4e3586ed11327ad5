#include "gui/PolicyFlowView.h"

#include "gui/PolicyChipDelegate.h"
#include "gui/PolicyFlowModel.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>

namespace gatehouse {

PolicyFlowView::PolicyFlowView(QWidget* parent) : QTreeView(parent) {
    setHeaderHidden(true);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    // DragDrop, not InternalMove: InternalMove would refuse the palette's drops.
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    // Every drop lands ON the row under the pointer (a lane: append; a chip: insert before it), never
    // "above" or "below" it: then the highlight, the refusal text and the drop always agree.
    setDragDropOverwriteMode(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setItemDelegate(new PolicyChipDelegate(this));
    setUniformRowHeights(false);
    setExpandsOnDoubleClick(false);
    setAnimated(false);
    setAccessibleName(tr("Operations and their policy flows"));
}

void PolicyFlowView::setFlowModel(PolicyFlowModel* model) {
    m_flowModel = model;
    setModel(model);
    // The model is rebuilt on every edit: keep every lane open, as WSO2's editor shows them.
    connect(model, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
    expandAll();
}

bool PolicyFlowView::openMenuForCurrentRow() {
    const QModelIndex current = currentIndex();
    if (!current.isValid() || contextMenuPolicy() != Qt::CustomContextMenu)
        return false;
    scrollTo(current);
    // Where a right-click on the row would be: the slot maps it like a mouse position.
    Q_EMIT customContextMenuRequested(visualRect(current).center());
    return true;
}

bool PolicyFlowView::event(QEvent* event) {
    // A keyboard-made context menu event carries the middle of the widget, which may be another
    // row: the menu belongs to the current row.
    if (event->type() == QEvent::ContextMenu &&
        static_cast<QContextMenuEvent*>(event)->reason() == QContextMenuEvent::Keyboard &&
        openMenuForCurrentRow())
        return true;
    return QTreeView::event(event);
}

void PolicyFlowView::keyPressEvent(QKeyEvent* event) {
    const bool menuKey = event->key() == Qt::Key_Menu || event->key() == Qt::Key_Insert ||
                         (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier);
    if (menuKey && openMenuForCurrentRow())
        return;
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid() &&
        currentIndex().data(PolicyFlowModel::KindRole).toInt() == int(PolicyFlowModel::Kind::Attachment)) {
        Q_EMIT doubleClicked(currentIndex()); // what a double-click does: open the chip's drawer
        return;
    }
    QTreeView::keyPressEvent(event);
}

void PolicyFlowView::track(QDropEvent* event) {
    if (!m_flowModel)
        return;
    const QModelIndex under = indexAt(event->position().toPoint());
    // The lane that would receive the drop: the lane itself, or the lane of the chip under the pointer.
    QModelIndex lane = under;
    if (under.isValid() &&
        under.data(PolicyFlowModel::KindRole).toInt() == int(PolicyFlowModel::Kind::Attachment))
        lane = under.parent();
    const QString refusal = m_flowModel->dropRefusal(event->mimeData(), under, -1);
    const bool allowed = refusal.isEmpty();
    if (lane != m_highlight || allowed != m_highlightAllowed) {
        m_highlight = lane;
        m_highlightAllowed = allowed;
        viewport()->update();
    }
    Q_EMIT dropHint(allowed ? tr("Release to attach here") : refusal, allowed);
}

void PolicyFlowView::clearHighlight() {
    m_highlight = QPersistentModelIndex();
    viewport()->update();
}

void PolicyFlowView::dragEnterEvent(QDragEnterEvent* event) {
    QTreeView::dragEnterEvent(event);
    track(event);
}

void PolicyFlowView::dragMoveEvent(QDragMoveEvent* event) {
    QTreeView::dragMoveEvent(event);
    track(event);
    if (!m_highlightAllowed)
        event->ignore(); // the cursor shows the drop is refused
}

void PolicyFlowView::dragLeaveEvent(QDragLeaveEvent* event) {
    QTreeView::dragLeaveEvent(event);
    clearHighlight();
}

void PolicyFlowView::dropEvent(QDropEvent* event) {
    track(event);
    const bool allowed = m_highlightAllowed;
    clearHighlight();
    if (!allowed) {
        event->ignore();
        return;
    }
    QTreeView::dropEvent(event);
}

} // namespace gatehouse
