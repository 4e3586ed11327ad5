#include "gui/PublisherView.h"

#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/ApiEditor.h"
#include "gui/ApiListModel.h"
#include "gui/CreateApiWizard.h"
#include "gui/GatehouseSession.h"
#include "gui/NewVersionDialog.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QUndoGroup>
#include <QVBoxLayout>

namespace gatehouse {

PublisherView::PublisherView(GatehouseSession* session, QUndoGroup* undoGroup, QWidget* parent)
    : QWidget(parent), m_session(session), m_undoGroup(undoGroup),
      m_model(new ApiListModel(session->workspace(), this)), m_filter(new QSortFilterProxyModel(this)),
      m_search(new QLineEdit(this)), m_list(new QTableView(this)), m_stack(new QStackedWidget(this)),
      m_placeholder(new QLabel(this)), m_splitter(new QSplitter(this)) {
    setObjectName(QStringLiteral("publisherView"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_search->setObjectName(QStringLiteral("apiSearch"));
    m_search->setPlaceholderText(tr("Search APIs"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("apiTable"));
    m_list->setModel(m_filter);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSortingEnabled(true);
    // Tab leaves the list for the editor, as everywhere else (a table moves between cells by default,
    // which keeps a keyboard user inside it); the arrow keys move between APIs.
    m_list->setTabKeyNavigation(false);
    m_list->setAccessibleName(tr("APIs"));
    m_list->sortByColumn(ApiListModel::NameColumn, Qt::AscendingOrder);
    m_list->verticalHeader()->hide();
    for (int column : {int(ApiListModel::ContextColumn), int(ApiListModel::ProviderColumn)})
        m_list->hideColumn(column);
    fitColumns();
    auto* create = new QPushButton(tr("Create AI API..."), this);
    create->setObjectName(QStringLiteral("createApiButton"));
    auto* newVersion = new QPushButton(tr("New Version..."), this);
    newVersion->setObjectName(QStringLiteral("newVersionButton"));
    newVersion->setToolTip(tr("Copy the selected API to a new version (WSO2's Create New Version)"));
    auto* remove = new QPushButton(tr("Delete"), this);
    remove->setObjectName(QStringLiteral("deleteApiButton"));
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);
    // Two rows: a third button beside the other two would widen the API list's pane, and take the
    // width from the editor (and its policy drawer).
    auto* buttons = new QGridLayout();
    buttons->addWidget(create, 0, 0, 1, 2);
    buttons->addWidget(newVersion, 1, 0);
    buttons->addWidget(remove, 1, 1);
    leftLayout->addLayout(buttons);

    m_placeholder->setObjectName(QStringLiteral("publisherPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Select an API, or create one from a provider with Create AI API."));
    m_stack->addWidget(m_placeholder);

    m_splitter->setObjectName(QStringLiteral("publisherSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(create, &QPushButton::clicked, this, &PublisherView::createApi);
    connect(newVersion, &QPushButton::clicked, this, &PublisherView::createVersionOfCurrentApi);
    connect(remove, &QPushButton::clicked, this, &PublisherView::deleteCurrentApi);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PublisherView::selectionChanged);
    connect(session->workspace(), &Workspace::apiRemoved, this, [this](const QString& apiId) {
        if (m_editor && m_editor->draft()->api().id == apiId) {
            m_undoGroup->removeStack(m_editor->undoStack());
            m_editor->deleteLater();
            m_editor = nullptr;
            m_stack->setCurrentWidget(m_placeholder);
        }
    });
}

void PublisherView::fitColumns() {
    // The list fits its pane, with no horizontal scroll bar: the name takes what the other columns
    // leave. Those are as wide as their titles (German ones are long) and their widest value. Not
    // ResizeToContents over the whole model: a workspace may hold a thousand APIs, and measuring
    // every row on each change would show.
    QHeaderView* header = m_list->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ApiListModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_list->font());
    // The style's margins around a cell's text (Fusion: the focus frame's margin and one pixel on
    // each side), and some air so that neighbouring values do not touch.
    const int margins =
        2 * (m_list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_list) + 1) + 8;
    int lifecycle = header->sectionSizeHint(ApiListModel::LifecycleColumn);
    for (LifecycleState state :
         {LifecycleState::Created, LifecycleState::Published, LifecycleState::Deprecated,
          LifecycleState::Retired, LifecycleState::Blocked})
        lifecycle = qMax(lifecycle, metrics.horizontalAdvance(lifecycleStateDisplayName(state)) + margins);
    header->setSectionResizeMode(ApiListModel::LifecycleColumn, QHeaderView::Fixed);
    header->resizeSection(ApiListModel::LifecycleColumn, lifecycle);
    // Versions are short, but free text: measured, on at most the first rows.
    header->setResizeContentsPrecision(100);
    header->setSectionResizeMode(ApiListModel::VersionColumn, QHeaderView::ResizeToContents);
    // The pane never gets narrower than the fixed columns and a short name: the splitter stops there
    // instead of the list growing a scroll bar.
    const int name =
        qMax(header->sectionSizeHint(ApiListModel::NameColumn), 10 * metrics.averageCharWidth() + margins);
    const int version = qMax(header->sectionSizeHint(ApiListModel::VersionColumn),
                             metrics.horizontalAdvance(QStringLiteral("10.10.10")) + margins);
    m_list->setMinimumWidth(name + version + lifecycle + 2 * m_list->frameWidth() +
                            m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_list));
}

QString PublisherView::selectedApiId() const {
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(ApiListModel::ApiIdRole).toString()
                             : QString();
}

void PublisherView::selectionChanged() {
    if (m_switching)
        return;
    const QString apiId = selectedApiId();
    if (apiId.isEmpty() || (m_editor && m_editor->draft()->api().id == apiId))
        return;
    if (!openApi(apiId) && m_editor) {
        // The user stayed on the API with unsaved edits: put the selection back.
        m_switching = true;
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex index = m_filter->index(row, 0);
            if (index.data(ApiListModel::ApiIdRole).toString() == m_editor->draft()->api().id)
                m_list->setCurrentIndex(index);
        }
        m_switching = false;
    }
}

bool PublisherView::openApi(const QString& apiId) {
    if (!m_session->workspace()->api(apiId))
        return false;
    if (m_editor && m_editor->draft()->api().id == apiId)
        return true;
    if (!maybeClose())
        return false;
    if (m_editor) {
        m_undoGroup->removeStack(m_editor->undoStack());
        m_stack->removeWidget(m_editor);
        m_editor->deleteLater();
    }
    m_editor = new ApiEditor(m_session, apiId, m_stack);
    connect(m_editor, &ApiEditor::statusMessage, this, &PublisherView::statusMessage);
    m_stack->addWidget(m_editor);
    m_stack->setCurrentWidget(m_editor);
    m_undoGroup->addStack(m_editor->undoStack());
    m_undoGroup->setActiveStack(m_editor->undoStack());
    Q_EMIT editorOpened(m_editor);
    m_switching = true;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (index.data(ApiListModel::ApiIdRole).toString() == apiId)
            m_list->setCurrentIndex(index);
    }
    m_switching = false;
    return true;
}

bool PublisherView::maybeClose() {
    return !m_editor || m_editor->maybeClose();
}

void PublisherView::createApi() {
    CreateApiWizard wizard(m_session->workspace(), m_session->secrets(), this);
    if (wizard.exec() != QDialog::Accepted)
        return;
    openApi(wizard.createdApiId());
    Q_EMIT statusMessage(tr("Created %1").arg(m_session->workspace()->api(wizard.createdApiId())->name));
}

void PublisherView::createVersionOfCurrentApi() {
    const QString apiId = selectedApiId();
    if (!m_session->workspace()->api(apiId))
        return;
    // The saved API is what is copied: unsaved edits are saved, kept out or the copy is called off.
    if (m_editor && m_editor->draft()->api().id == apiId && !m_editor->maybeClose())
        return;
    NewVersionDialog dialog(m_session->workspace(), m_session->secrets(), apiId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openApi(dialog.createdApiId());
    if (const Api* created = m_session->workspace()->api(dialog.createdApiId()))
        Q_EMIT statusMessage(tr("Created %1 %2").arg(created->name, created->version));
}

void PublisherView::deleteCurrentApi() {
    const QString apiId = selectedApiId();
    const Api* api = m_session->workspace()->api(apiId);
    if (!api)
        return;
    const QString name = api->name;
    const auto answer = QMessageBox::question(
        this, tr("Delete API"),
        tr("Delete %1 %2 with all its revisions? It stops being served at once. This cannot be undone.")
            .arg(name, api->version),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QStringList endpointIds;
    for (const Endpoint& endpoint : api->endpoints)
        endpointIds.append(endpoint.id);
    QString error;
    if (!m_session->undeploy(apiId, &error) || !m_session->workspace()->removeApi(apiId).ok(&error)) {
        QMessageBox::warning(this, tr("Not deleted"), error);
        return;
    }
    for (const QString& endpointId : endpointIds)
        m_session->secrets()->remove(SecretStore::endpointKeyName(apiId, endpointId), nullptr);
    Q_EMIT statusMessage(tr("Deleted %1").arg(name));
}

} // namespace gatehouse
