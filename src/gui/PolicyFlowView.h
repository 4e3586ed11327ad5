#pragma once

#include <QPersistentModelIndex>
#include <QTreeView>

namespace gatehouse {

class PolicyFlowModel;

// The operations tree of the policy editor. While something is dragged over it, the lane under the
// pointer turns green when the drop is allowed and red when it is not, and the reason is reported
// (dropHint) so the status bar can say why.
//
// Without a mouse: the arrow keys move between operations, lanes and chips; the Menu key, Shift+F10
// or Insert open the menu of the current row (on a lane: "Attach policy..."; on a chip: edit, move,
// remove) where a right-click would, and Return on a chip opens it for editing.
class PolicyFlowView : public QTreeView {
    Q_OBJECT
public:
    explicit PolicyFlowView(QWidget* parent = nullptr);

    void setFlowModel(PolicyFlowModel* model);
    QModelIndex dropHighlight() const { return m_highlight; }
    bool dropHighlightAllowed() const { return m_highlightAllowed; }

Q_SIGNALS:
    void dropHint(const QString& message, bool allowed);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void track(QDropEvent* event);
    void clearHighlight();
    // The menu a right-click on the current row would open (customContextMenuRequested).
    bool openMenuForCurrentRow();

    PolicyFlowModel* m_flowModel = nullptr;
    QPersistentModelIndex m_highlight;
    bool m_highlightAllowed = false;
};

} // namespace gatehouse
