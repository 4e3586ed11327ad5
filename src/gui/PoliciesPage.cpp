#include "gui/PoliciesPage.h"

#include "core/PolicyCatalogue.h"
#include "core/PolicyValidator.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/GuardrailBenchPanel.h"
#include "gui/PolicyConfigPanel.h"
#include "gui/PolicyFlowModel.h"
#include "gui/PolicyFlowView.h"
#include "gui/PolicyPaletteModel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse {

PoliciesPage::PoliciesPage(ApiDraft* draft, QWidget* parent)
    : QWidget(parent), m_draft(draft),
      m_flowModel(new PolicyFlowModel(draft, PolicyCatalogue::builtin(), this)),
      m_flowView(new PolicyFlowView(this)), m_effectiveFlow(new QListWidget(this)),
      m_paletteTabs(new QTabWidget(this)), m_paletteSearch(new QLineEdit(this)),
      m_panel(new PolicyConfigPanel(m_flowModel, draft, this)), m_splitter(new QSplitter(this)),
      m_lanesPane(new QWidget(this)), m_palettePane(new QWidget(this)),
      m_bench(new GuardrailBenchPanel(draft, this)) {
    setObjectName(QStringLiteral("policiesPage"));
    m_flowView->setObjectName(QStringLiteral("policyFlowView"));
    m_flowView->setFlowModel(m_flowModel);
    m_flowView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_effectiveFlow->setObjectName(QStringLiteral("effectiveFlow"));
    m_effectiveFlow->setSelectionMode(QAbstractItemView::NoSelection);
    m_effectiveFlow->setMaximumHeight(m_effectiveFlow->fontMetrics().height() * 7);
    m_bench->setMaximumHeight(m_effectiveFlow->fontMetrics().height() * 24);
    m_paletteTabs->setObjectName(QStringLiteral("paletteTabs"));
    m_paletteSearch->setObjectName(QStringLiteral("paletteSearch"));
    m_paletteSearch->setPlaceholderText(tr("Search policies"));
    m_paletteSearch->setClearButtonEnabled(true);

    int paletteWidth = 0; // the widest policy name, so that none is elided (German names are long)
    for (FlowKind flow : allFlowKinds) {
        auto* palette = new PolicyPaletteModel(PolicyCatalogue::builtin(), flow, this);
        auto* filter = new QSortFilterProxyModel(this);
        filter->setSourceModel(palette);
        filter->setRecursiveFilteringEnabled(true);
        filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
        auto* view = new QTreeView(this);
        // Object names stay English whatever the language: tests and tools find widgets by them.
        const QString flowName = flowKindName(flow);
        view->setObjectName(QStringLiteral("palette") + flowName.left(1).toUpper() + flowName.mid(1));
        view->setModel(filter);
        view->setHeaderHidden(true);
        view->setDragEnabled(true);
        view->setDragDropMode(QAbstractItemView::DragOnly);
        view->setIconSize(QSize(24, 24));
        view->expandAll();
        connect(filter, &QAbstractItemModel::layoutChanged, view, &QTreeView::expandAll);
        connect(filter, &QAbstractItemModel::rowsInserted, view, &QTreeView::expandAll);
        m_paletteTabs->addTab(view, flowKindDisplayName(flow));
        m_palettes.push_back(palette);
        m_paletteFilters.push_back(filter);
        // QAbstractItemView's public sizeHintForColumn (QTreeView's override, with indentation).
        const QAbstractItemView* itemView = view;
        paletteWidth = qMax(paletteWidth, itemView->sizeHintForColumn(0) + 2 * view->frameWidth() +
                                              view->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    }
    connect(m_paletteSearch, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (QSortFilterProxyModel* filter : m_paletteFilters)
            filter->setFilterFixedString(text);
    });

    auto* left = m_lanesPane;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    // Wrapped: a one-line label is as wide as its (German) sentence at least, and that minimum, added
    // to the palette's and the drawer's, is what the window must fit.
    auto* hint = new QLabel(tr("Drag policies from the palette onto a lane, or right-click a lane"), left);
    hint->setWordWrap(true);
    leftLayout->addWidget(hint);
    leftLayout->addWidget(m_flowView, 1);
    // What runs for the selected operation, and the guardrail test bench for it, share the space
    // under the lanes: one of them at a time.
    auto* below = new QTabWidget(left);
    below->setObjectName(QStringLiteral("policiesBelowTabs"));
    below->addTab(m_effectiveFlow, tr("What runs"));
    below->setTabToolTip(0, tr("What runs for the selected operation"));
    below->addTab(m_bench, tr("Test guardrails"));
    below->setTabToolTip(1, tr("Run the attached guardrails over a prompt or an answer, before deploying"));
    leftLayout->addWidget(below);
    auto* middle = m_palettePane;
    middle->setMinimumWidth(qMax(230, paletteWidth + 16)); // 16: the tab widget's frame and margins
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_paletteSearch);
    middleLayout->addWidget(m_paletteTabs, 1);

    m_splitter->setObjectName(QStringLiteral("policiesSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 2);
    // An open drawer dragged to nothing would look closed while it still holds an unsaved policy.
    m_splitter->setCollapsible(2, false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_flowModel, &PolicyFlowModel::attachRequested, this,
            [this](const QString& scope, FlowKind flow, int position, const QString& policyName) {
                m_panel->openNew(scope, flow, position, policyName);
            });
    connect(m_panel, &PolicyConfigPanel::finished, this, &PoliciesPage::statusMessage);
    connect(m_panel, &PolicyConfigPanel::opened, this, &PoliciesPage::makeRoomForDrawer);
    connect(m_panel, &PolicyConfigPanel::closed, this, &PoliciesPage::returnDrawerRoom);
    connect(m_flowView, &PolicyFlowView::dropHint, this,
            [this](const QString& message, bool) { Q_EMIT statusMessage(message); });
    connect(m_flowView, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.data(PolicyFlowModel::KindRole).toInt() == int(PolicyFlowModel::Kind::Attachment))
            m_panel->openExisting(index.data(PolicyFlowModel::ScopeRole).toString(),
                                  FlowKind(index.data(PolicyFlowModel::FlowRole).toInt()),
                                  index.data(PolicyFlowModel::AttachmentIndexRole).toInt());
    });
    connect(m_flowView, &QWidget::customContextMenuRequested, this, &PoliciesPage::showContextMenu);
    connect(m_flowView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PoliciesPage::refreshEffectiveFlow);
    connect(m_flowModel, &QAbstractItemModel::modelReset, this, [this] {
        connect(m_flowView->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &PoliciesPage::refreshEffectiveFlow, Qt::UniqueConnection);
        // An edit rebuilds the tree and drops the current index: the operation the user was working on
        // stays selected, so "What runs" and the test bench keep showing it.
        const QModelIndex kept =
            m_selectedScope.isEmpty() ? QModelIndex() : m_flowModel->scopeIndex(m_selectedScope);
        if (kept.isValid())
            m_flowView->selectionModel()->setCurrentIndex(kept, QItemSelectionModel::NoUpdate);
        refreshEffectiveFlow();
    });
    refreshEffectiveFlow();
}

namespace {
int minimumWidthOf(const QWidget* widget) {
    return qMax(widget->minimumWidth(), widget->minimumSizeHint().width());
}
} // namespace

void PoliciesPage::makeRoomForDrawer() {
    // The drawer opens in the palette's place, as WSO2's does, and within the splitter's current
    // width: lanes, palette and a form side by side need more than a 1280 px window has in German,
    // and a splitter that cannot fit its children widens the window. While a policy is configured
    // nothing is dragged, and the palette comes back when the drawer closes.
    if (m_splitter->indexOf(m_panel) != 2 || !m_palettePane->isVisibleTo(this))
        return;
    m_sizesBeforeDrawer = m_splitter->sizes();
    m_palettePane->hide();
    const int available = m_splitter->width() - m_splitter->handleWidth();
    // What the lanes need to show their chips whole (QAbstractItemView's public sizeHintForColumn),
    // and a third of the width at least.
    const QAbstractItemView* flow = m_flowView;
    const int lanesNeed =
        qMax(minimumWidthOf(m_lanesPane),
             flow->sizeHintForColumn(0) + 2 * m_flowView->frameWidth() +
                 m_flowView->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_flowView));
    const int lanesFloor = qMax(lanesNeed, available / 3);
    // The form's size hint is its minimum in practice (combo boxes sized for a few characters, which
    // then elide an endpoint's name): the drawer asks for about 110 characters, or more if its form
    // does, and gets what the lanes can leave.
    const int wish = qMax(m_panel->preferredWidth(), 110 * fontMetrics().averageCharWidth());
    const int drawer = qMax(minimumWidthOf(m_panel), qMin(wish, available - lanesFloor));
    m_splitter->setSizes({available - drawer, m_sizesBeforeDrawer.value(1), drawer});
}

void PoliciesPage::returnDrawerRoom() {
    // Lanes and palette as they were before the drawer opened.
    m_palettePane->show();
    if (m_sizesBeforeDrawer.size() == 3)
        m_splitter->setSizes(m_sizesBeforeDrawer);
    m_sizesBeforeDrawer.clear();
}

PolicyPaletteModel* PoliciesPage::paletteModel(FlowKind flow) const {
    for (PolicyPaletteModel* palette : m_palettes) {
        if (palette->flow() == flow)
            return palette;
    }
    return nullptr;
}

void PoliciesPage::attachWithDialog(const QString& scope, FlowKind flow) {
    const Api& api = m_draft->api();
    const Operation* operation = scope.isEmpty() ? nullptr : api.operationByKey(scope);
    const PolicyValidator validator(PolicyCatalogue::builtin(),
                                    m_draft->workspace()->provider(api.providerId));
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Attach policy to the %1 flow").arg(flowKindDisplayName(flow)));
    auto* list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("attachPolicyList"));
    for (const PolicyDefinition& definition : PolicyCatalogue::builtin().definitions()) {
        const QString refusal = validator.placementError(api, operation, flow, definition.name);
        auto* item = new QListWidgetItem(definition.displayName, list);
        item->setData(Qt::UserRole, definition.name);
        item->setToolTip(refusal.isEmpty() ? definition.description : refusal);
        if (!refusal.isEmpty())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem() ||
        !(list->currentItem()->flags() & Qt::ItemIsEnabled))
        return;
    m_panel->openNew(scope, flow, -1, list->currentItem()->data(Qt::UserRole).toString());
}

void PoliciesPage::showContextMenu(const QPoint& position) {
    const QModelIndex index = m_flowView->indexAt(position);
    if (!index.isValid())
        return;
    const auto kind = PolicyFlowModel::Kind(index.data(PolicyFlowModel::KindRole).toInt());
    const QString scope = index.data(PolicyFlowModel::ScopeRole).toString();
    QMenu menu(this);
    if (kind == PolicyFlowModel::Kind::Lane) {
        const FlowKind flow = FlowKind(index.data(PolicyFlowModel::FlowRole).toInt());
        menu.addAction(tr("Attach policy..."), this, [this, scope, flow] { attachWithDialog(scope, flow); });
    } else if (kind == PolicyFlowModel::Kind::Attachment) {
        const FlowKind flow = FlowKind(index.data(PolicyFlowModel::FlowRole).toInt());
        const int position = index.data(PolicyFlowModel::AttachmentIndexRole).toInt();
        const int count = m_flowModel->rowCount(index.parent());
        menu.addAction(tr("Edit..."), this,
                       [this, scope, flow, position] { m_panel->openExisting(scope, flow, position); });
        menu.addAction(
                tr("Move up"), this,
                [this, scope, flow, position] { m_flowModel->move(scope, flow, position, position - 1); })
            ->setEnabled(position > 0);
        menu.addAction(
                tr("Move down"), this,
                [this, scope, flow, position] { m_flowModel->move(scope, flow, position, position + 1); })
            ->setEnabled(position + 1 < count);
        menu.addSeparator();
        menu.addAction(tr("Remove"), this,
                       [this, scope, flow, position] { m_flowModel->remove(scope, flow, position); });
    } else {
        return;
    }
    menu.exec(m_flowView->viewport()->mapToGlobal(position));
}

void PoliciesPage::refreshEffectiveFlow() {
    m_effectiveFlow->clear();
    QModelIndex current = m_flowView->currentIndex();
    while (current.parent().isValid())
        current = current.parent();
    QString scope = current.isValid() ? current.data(PolicyFlowModel::ScopeRole).toString() : QString();
    if (!scope.isEmpty())
        m_selectedScope = scope;
    const Api& api = m_draft->api();
    if (scope.isEmpty() && !api.operations.empty())
        scope = api.operations.front().key();
    const Operation* operation = api.operationByKey(scope);
    m_bench->setOperation(scope);
    if (!operation) {
        m_effectiveFlow->addItem(tr("Select an operation"));
        return;
    }
    const auto describe = [&](FlowKind flow) {
        QStringList steps;
        for (const PolicyAttachment& attachment : api.apiPolicies.flow(flow)) {
            const PolicyDefinition* definition = PolicyCatalogue::builtin().find(attachment.policyName);
            steps.append((definition ? definition->displayName : attachment.policyName) + tr(" (API level)"));
        }
        for (const PolicyAttachment& attachment : operation->policies.flow(flow)) {
            const PolicyDefinition* definition = PolicyCatalogue::builtin().find(attachment.policyName);
            steps.append(definition ? definition->displayName : attachment.policyName);
        }
        return steps;
    };
    m_effectiveFlow->addItem(tr("%1 %2").arg(operation->key(), api.basePath()));
    int step = 1;
    for (const QString& entry : describe(FlowKind::Request))
        m_effectiveFlow->addItem(QStringLiteral("  %1. %2").arg(step++).arg(entry));
    m_effectiveFlow->addItem(QStringLiteral("  %1. ").arg(step++) + tr("Call the upstream endpoint"));
    for (const QString& entry : describe(FlowKind::Response))
        m_effectiveFlow->addItem(QStringLiteral("  %1. %2").arg(step++).arg(entry));
    const QStringList fault = describe(FlowKind::Fault);
    if (!fault.isEmpty())
        m_effectiveFlow->addItem(tr("  On errors: %1").arg(fault.join(QStringLiteral(", "))));
}

} // namespace gatehouse
