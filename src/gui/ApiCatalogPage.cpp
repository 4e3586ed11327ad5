#include "gui/ApiCatalogPage.h"

#include "core/ApplicationKeys.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/GatehouseSession.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

ApiCatalogPage::ApiCatalogPage(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_list(new QListWidget(this)), m_details(new QLabel(this)),
      m_operations(new QTableWidget(0, 2, this)) {
    setObjectName(QStringLiteral("apiCatalogPage"));
    m_list->setObjectName(QStringLiteral("apiCatalog"));
    m_details->setObjectName(QStringLiteral("apiCatalogDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_operations->setObjectName(QStringLiteral("apiCatalogOperations"));
    m_operations->setHorizontalHeaderLabels({tr("Operation"), tr("Summary")});
    m_operations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_operations->horizontalHeader()->setStretchLastSection(true);
    m_operations->verticalHeader()->hide();
    m_operations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_operations->setTabKeyNavigation(false); // read-only: Tab moves on, the arrow keys move between rows
    auto* subscribe = new QPushButton(tr("Subscribe and try..."), this);
    subscribe->setObjectName(QStringLiteral("subscribeAndTry"));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_operations, 1);
    rightLayout->addWidget(subscribe, 0, Qt::AlignRight);
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("catalogSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &QListWidget::currentRowChanged, this, &ApiCatalogPage::refreshDetails);
    connect(subscribe, &QPushButton::clicked, this, &ApiCatalogPage::subscribeAndTry);
    Workspace* workspace = session->workspace();
    connect(workspace, &Workspace::apiSaved, this, &ApiCatalogPage::refreshList);
    connect(workspace, &Workspace::apiRemoved, this, &ApiCatalogPage::refreshList);
    connect(workspace, &Workspace::deploymentsChanged, this, &ApiCatalogPage::refreshDetails);
    connect(workspace, &Workspace::reloaded, this, &ApiCatalogPage::refreshList);
    refreshList();
}

QString ApiCatalogPage::currentApiId() const {
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

void ApiCatalogPage::selectApi(const QString& apiId) {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == apiId)
            m_list->setCurrentRow(row);
    }
}

void ApiCatalogPage::refreshList() {
    const QString current = currentApiId();
    const QSignalBlocker block(m_list);
    m_list->clear();
    // Published APIs are the catalogue; the others stay visible to their publisher for trying out.
    for (const bool published : {true, false}) {
        for (const Api& api : m_session->workspace()->apis()) {
            if ((api.lifecycle == LifecycleState::Published) != published ||
                api.lifecycle == LifecycleState::Retired)
                continue;
            auto* item = new QListWidgetItem(
                published ? QStringLiteral("%1 %2").arg(api.name, api.version)
                          : QStringLiteral("%1 %2 (%3)")
                                .arg(api.name, api.version, lifecycleStateDisplayName(api.lifecycle)),
                m_list);
            item->setData(Qt::UserRole, api.id);
        }
    }
    selectApi(current);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    refreshDetails();
}

void ApiCatalogPage::refreshDetails() {
    const Workspace* workspace = m_session->workspace();
    const Api* api = workspace->api(currentApiId());
    m_operations->setRowCount(api ? int(api->operations.size()) : 0);
    if (!api) {
        m_details->setText(tr("No APIs yet: create one in the Publisher."));
        return;
    }
    for (int row = 0; row < int(api->operations.size()); ++row) {
        m_operations->setItem(row, 0, new QTableWidgetItem(api->operations[std::size_t(row)].key()));
        m_operations->setItem(row, 1, new QTableWidgetItem(api->operations[std::size_t(row)].summary));
    }
    QStringList plans;
    for (const BusinessPlan& plan : workspace->businessPlans())
        plans.append(plan.name);
    const Deployment* deployment = workspace->deployment(api->id);
    const Gateway* gateway = m_session->gateway();
    m_details->setText(
        tr("<h2>%1 %2</h2><p>%3</p><p><b>Gateway URL:</b> %4<br><b>Lifecycle:</b> %5<br><b>Deployed:</b> "
           "%6<br><b>Business plans:</b> %7</p>")
            .arg(
                api->name.toHtmlEscaped(), api->version.toHtmlEscaped(), api->description.toHtmlEscaped(),
                QString((gateway ? gateway->baseUrl() : QStringLiteral("http://<gateway>")) + api->basePath())
                    .toHtmlEscaped(),
                lifecycleStateDisplayName(api->lifecycle),
                deployment ? tr("revision %1").arg(deployment->revision)
                           : tr("no (deploy it in the Publisher)"),
                plans.join(QStringLiteral(", ")).toHtmlEscaped()));
}

QString ApiCatalogPage::subscribeAndPrepareKeys(const QString& apiId, const QString& applicationName,
                                                const QString& plan, QString* error) {
    Workspace* workspace = m_session->workspace();
    const QString name = applicationName.trimmed();
    if (name.isEmpty() || !workspace->api(apiId) || !workspace->businessPlan(plan)) {
        *error = tr("Choose an API, an application name and a business plan");
        return {};
    }
    const Application* existing = workspace->findApplication(name);
    Application application;
    if (existing) {
        application = *existing;
    } else {
        application.id = workspace->newApplicationId(name);
        application.name = name;
    }
    if (!application.subscription(apiId))
        application.subscriptions.push_back(
            {apiId, workspace->businessPlan(plan)->name, QDateTime::currentDateTimeUtc()});
    if (!workspace->saveApplication(application).ok(error))
        return {};
    if (!application.keyPair(Stage::Production)) {
        const Result<KeyPair> keys =
            ApplicationKeys::generate(*workspace, *m_session->secrets(), application.id, Stage::Production);
        if (!keys) {
            *error = keys.error();
            return {};
        }
    }
    if (Gateway* gateway = m_session->gateway())
        gateway->reload(nullptr);
    return application.id;
}

void ApiCatalogPage::subscribeAndTry() {
    const QString apiId = currentApiId();
    if (apiId.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("subscribeDialog"));
    dialog.setWindowTitle(tr("Subscribe and try"));
    auto* application = new QComboBox(&dialog);
    application->setObjectName(QStringLiteral("subscribeApplication"));
    application->setEditable(true); // a new name creates the application
    for (const Application& each : m_session->workspace()->applications())
        application->addItem(each.name);
    if (application->count() == 0)
        application->setEditText(QStringLiteral("DefaultApplication"));
    // As wide as the longest name offered, and room for a proposed or typed one: the proposal is not
    // an item, and without a minimum the field showed only its tail ("pplication").
    application->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    application->setMinimumContentsLength(int(qMax<qsizetype>(24, application->currentText().size())));
    auto* plan = new QComboBox(&dialog);
    plan->setObjectName(QStringLiteral("subscribePlanChoice"));
    plan->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const BusinessPlan& each : m_session->workspace()->businessPlans())
        plan->addItem(each.name);
    plan->setCurrentIndex(qMax(0, plan->findText(QStringLiteral("Unlimited"))));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    // Short labels, and the explanations as wrapped lines of their own: a long label took the width
    // the fields need.
    auto* applicationHint = new QLabel(tr("Type a new name to create an application."), &dialog);
    applicationHint->setWordWrap(true);
    auto* keysHint = new QLabel(tr("Production keys are generated if the application has none."), &dialog);
    keysHint->setWordWrap(true);
    auto* form = new QFormLayout(&dialog);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow); // on every style, macOS's too
    form->addRow(tr("Application:"), application);
    form->addRow(QString(), applicationHint);
    form->addRow(tr("Business plan:"), plan);
    form->addRow(keysHint);
    form->addRow(buttons);
    dialog.setMinimumWidth(480);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const QString applicationId =
        subscribeAndPrepareKeys(apiId, application->currentText(), plan->currentText(), &error);
    if (applicationId.isEmpty())
        return (void)QMessageBox::warning(this, tr("Not subscribed"), error);
    Q_EMIT tryOutRequested(applicationId, apiId);
}

} // namespace gatehouse
