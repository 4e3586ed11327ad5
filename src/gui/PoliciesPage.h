#pragma once

#include "FlowKind.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;

namespace gatehouse {

class ApiDraft;
class PolicyConfigPanel;
class PolicyFlowModel;
class PolicyFlowView;
class PolicyPaletteModel;

// The policy editor: operations with their Request / Response / Fault lanes on the left, the
// palette (one tab per flow, with a search box) in the middle, the configuration drawer on the
// right, and below the lanes a read-only view of what actually runs for the selected operation.
class PoliciesPage : public QWidget {
    Q_OBJECT
public:
    explicit PoliciesPage(ApiDraft* draft, QWidget* parent = nullptr);

    PolicyFlowModel* flowModel() const { return m_flowModel; }
    PolicyFlowView* flowView() const { return m_flowView; }
    PolicyPaletteModel* paletteModel(FlowKind flow) const;
    PolicyConfigPanel* configPanel() const { return m_panel; }
    // Keyboard alternative to dragging: pick a policy for the lane, then configure it.
    void attachWithDialog(const QString& scope, FlowKind flow);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void showContextMenu(const QPoint& position);
    void refreshEffectiveFlow();

    ApiDraft* m_draft;
    PolicyFlowModel* m_flowModel;
    PolicyFlowView* m_flowView;
    QListWidget* m_effectiveFlow;
    QTabWidget* m_paletteTabs;
    QLineEdit* m_paletteSearch;
    std::vector<PolicyPaletteModel*> m_palettes;
    std::vector<QSortFilterProxyModel*> m_paletteFilters;
    PolicyConfigPanel* m_panel;
};

} // namespace gatehouse
