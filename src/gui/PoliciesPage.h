#pragma once

#include "core/FlowKind.h"

#include <QList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace gatehouse {

class ApiDraft;
class GuardrailBenchPanel;
class PolicyConfigPanel;
class PolicyFlowModel;
class PolicyFlowView;
class PolicyPaletteModel;

// The policy editor: operations with their Request / Response / Fault lanes on the left, the
// palette (one tab per flow, with a search box) on the right, replaced by the configuration drawer
// while a policy is being configured, and below the lanes a read-only view of what actually runs for
// the selected operation.
class PoliciesPage : public QWidget {
    Q_OBJECT
public:
    explicit PoliciesPage(ApiDraft* draft, QWidget* parent = nullptr);

    PolicyFlowModel* flowModel() const { return m_flowModel; }
    PolicyFlowView* flowView() const { return m_flowView; }
    PolicyPaletteModel* paletteModel(FlowKind flow) const;
    PolicyConfigPanel* configPanel() const { return m_panel; }
    GuardrailBenchPanel* guardrailBench() const { return m_bench; }
    // Keyboard alternative to dragging: pick a policy for the lane, then configure it.
    void attachWithDialog(const QString& scope, FlowKind flow);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void showContextMenu(const QPoint& position);
    void refreshEffectiveFlow();
    void makeRoomForDrawer();
    void returnDrawerRoom();

    ApiDraft* m_draft;
    PolicyFlowModel* m_flowModel;
    PolicyFlowView* m_flowView;
    QListWidget* m_effectiveFlow;
    QTabWidget* m_paletteTabs;
    QLineEdit* m_paletteSearch;
    std::vector<PolicyPaletteModel*> m_palettes;
    std::vector<QSortFilterProxyModel*> m_paletteFilters;
    PolicyConfigPanel* m_panel;
    QSplitter* m_splitter;
    QWidget* m_lanesPane;
    QWidget* m_palettePane;
    QList<int> m_sizesBeforeDrawer; // lanes, palette, drawer while the drawer is open
    GuardrailBenchPanel* m_bench;
    QString m_selectedScope; // the operation (or API level) last selected, kept across model resets
};

} // namespace gatehouse
