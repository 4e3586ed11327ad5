#include "gui/ApplicationsPage.h"

#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/BudgetPanel.h"
#include "gui/GatehouseSession.h"
#include "gui/KeysPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

ApplicationsPage::ApplicationsPage(GatehouseSession* session, TokenManager* tokens, QWidget* parent)
    : QWidget(parent), m_session(session), m_list(new QListWidget(this)), m_name(new QLineEdit(this)),
      m_description(new QLineEdit(this)), m_validity(new QSpinBox(this)),
      m_subscriptions(new QTableWidget(0, 2, this)), m_subscribeApi(new QComboBox(this)),
      m_subscribePlan(new QComboBox(this)),
      m_production(new KeysPanel(session, tokens, Stage::Production, this)),
      m_sandbox(new KeysPanel(session, tokens, Stage::Sandbox, this)),
      m_budget(new BudgetPanel(session, this)) {
    setObjectName(QStringLiteral("applicationsPage"));
    m_list->setObjectName(QStringLiteral("applicationList"));
    m_name->setObjectName(QStringLiteral("applicationName"));
    m_description->setObjectName(QStringLiteral("applicationDescription"));
    m_validity->setObjectName(QStringLiteral("applicationTokenValidity"));
    m_validity->setRange(60, 31536000);
    m_validity->setSuffix(tr(" s"));
    m_subscriptions->setObjectName(QStringLiteral("subscriptionsTable"));
    m_subscriptions->setHorizontalHeaderLabels({tr("API"), tr("Business plan")});
    m_subscriptions->horizontalHeader()->setStretchLastSection(true);
    m_subscriptions->verticalHeader()->hide();
    m_subscriptions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_subscriptions->setTabKeyNavigation(false); // read-only: Tab moves on, the arrow keys move between rows
    m_subscriptions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_subscribeApi->setObjectName(QStringLiteral("subscribeApi"));
    m_subscribePlan->setObjectName(QStringLiteral("subscribePlan"));

    auto* create = new QPushButton(tr("Create..."), this);
    create->setObjectName(QStringLiteral("createApplication"));
    auto* remove = new QPushButton(tr("Delete"), this);
    remove->setObjectName(QStringLiteral("deleteApplication"));
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto* leftButtons = new QHBoxLayout();
    leftButtons->addWidget(create);
    leftButtons->addWidget(remove);
    leftLayout->addLayout(leftButtons);

    auto* save = new QPushButton(tr("Save"), this);
    save->setObjectName(QStringLiteral("saveApplication"));
    auto* general = new QWidget(this);
    auto* form = new QFormLayout(general);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Token validity:"), m_validity);
    // At its own width, not stretched over the field column like the text fields.
    auto* saveRow = new QHBoxLayout();
    saveRow->addWidget(save);
    saveRow->addStretch(1);
    form->addRow(QString(), saveRow);

    auto* subscriptions = new QWidget(this);
    auto* subscriptionsLayout = new QVBoxLayout(subscriptions);
    subscriptionsLayout->addWidget(m_subscriptions, 1);
    auto* subscribeRow = new QHBoxLayout();
    auto* subscribe = new QPushButton(tr("Subscribe"), this);
    subscribe->setObjectName(QStringLiteral("subscribeButton"));
    auto* unsubscribe = new QPushButton(tr("Unsubscribe"), this);
    unsubscribe->setObjectName(QStringLiteral("unsubscribeButton"));
    auto* tryOut = new QPushButton(tr("Try out"), this);
    tryOut->setObjectName(QStringLiteral("applicationTryOut"));
    subscribeRow->addWidget(m_subscribeApi, 2);
    subscribeRow->addWidget(m_subscribePlan, 1);
    subscribeRow->addWidget(subscribe);
    subscribeRow->addWidget(unsubscribe);
    subscribeRow->addWidget(tryOut);
    subscriptionsLayout->addLayout(subscribeRow);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("applicationTabs"));
    tabs->addTab(general, tr("General"));
    tabs->addTab(subscriptions, tr("Subscriptions"));
    tabs->addTab(m_production, tr("Production Keys"));
    tabs->addTab(m_sandbox, tr("Sandbox Keys"));
    tabs->addTab(m_budget, tr("Budget"));
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("applicationsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(create, &QPushButton::clicked, this, [this] {
        bool accepted = false;
        const QString name = QInputDialog::getText(this, tr("Create application"), tr("Name:"),
                                                   QLineEdit::Normal, QString(), &accepted);
        if (!accepted)
            return;
        QString error;
        const QString id = createApplication(name, &error);
        if (id.isEmpty())
            QMessageBox::warning(this, tr("Application not created"), error);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const Application* application = m_session->workspace()->application(currentApplicationId());
        if (!application ||
            QMessageBox::question(this, tr("Delete application"),
                                  tr("Delete %1? Its keys stop working at once.").arg(application->name)) !=
                QMessageBox::Yes)
            return;
        const QString id = application->id;
        QString error;
        if (!m_session->workspace()->removeApplication(id).ok(&error))
            return (void)QMessageBox::warning(this, tr("Not deleted"), error);
        for (Stage stage : {Stage::Production, Stage::Sandbox})
            m_session->secrets()->remove(SecretStore::consumerSecretName(id, stageKeyTypeName(stage)),
                                         nullptr);
    });
    connect(save, &QPushButton::clicked, this, &ApplicationsPage::saveDetails);
    connect(subscribe, &QPushButton::clicked, this, [this] {
        QString error;
        if (!this->subscribe(m_subscribeApi->currentData().toString(), m_subscribePlan->currentText(),
                             &error))
            QMessageBox::warning(this, tr("Not subscribed"), error);
    });
    connect(unsubscribe, &QPushButton::clicked, this, [this] {
        const Application* current = m_session->workspace()->application(currentApplicationId());
        const int row = m_subscriptions->currentRow();
        if (!current || row < 0 || row >= int(current->subscriptions.size()))
            return;
        Application changed = *current;
        changed.subscriptions.erase(changed.subscriptions.begin() + row);
        QString error;
        if (!m_session->workspace()->saveApplication(changed).ok(&error))
            QMessageBox::warning(this, tr("Not unsubscribed"), error);
    });
    connect(tryOut, &QPushButton::clicked, this, [this] {
        const Application* current = m_session->workspace()->application(currentApplicationId());
        const int row = m_subscriptions->currentRow();
        const QString apiId = current && row >= 0 && row < int(current->subscriptions.size())
                                  ? current->subscriptions[std::size_t(row)].apiId
                                  : m_subscribeApi->currentData().toString();
        Q_EMIT tryOutRequested(currentApplicationId(), apiId);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ApplicationsPage::refreshDetails);
    connect(m_production, &KeysPanel::statusMessage, this, &ApplicationsPage::statusMessage);
    connect(m_sandbox, &KeysPanel::statusMessage, this, &ApplicationsPage::statusMessage);
    connect(m_budget, &BudgetPanel::statusMessage, this, &ApplicationsPage::statusMessage);
    Workspace* workspace = session->workspace();
    connect(workspace, &Workspace::applicationSaved, this, &ApplicationsPage::refreshList);
    connect(workspace, &Workspace::applicationRemoved, this, &ApplicationsPage::refreshList);
    connect(workspace, &Workspace::apiSaved, this, &ApplicationsPage::refreshDetails);
    connect(workspace, &Workspace::reloaded, this, &ApplicationsPage::refreshList);
    refreshList();
}

QString ApplicationsPage::currentApplicationId() const {
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

void ApplicationsPage::selectApplication(const QString& applicationId) {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == applicationId)
            m_list->setCurrentRow(row);
    }
}

KeysPanel* ApplicationsPage::keysPanel(bool production) const {
    return production ? m_production : m_sandbox;
}

void ApplicationsPage::refreshList() {
    const QString current = currentApplicationId();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const Application& application : m_session->workspace()->applications()) {
            auto* item = new QListWidgetItem(application.name, m_list);
            item->setData(Qt::UserRole, application.id);
        }
    }
    selectApplication(current);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    refreshDetails();
}

void ApplicationsPage::refreshDetails() {
    const Workspace* workspace = m_session->workspace();
    const Application* application = workspace->application(currentApplicationId());
    m_name->setText(application ? application->name : QString());
    m_description->setText(application ? application->description : QString());
    m_validity->setValue(application ? application->tokenValiditySeconds : 3600);
    m_subscriptions->setRowCount(application ? int(application->subscriptions.size()) : 0);
    if (application) {
        for (int row = 0; row < int(application->subscriptions.size()); ++row) {
            const Subscription& subscription = application->subscriptions[std::size_t(row)];
            const Api* api = workspace->api(subscription.apiId);
            m_subscriptions->setItem(
                row, 0,
                new QTableWidgetItem(api ? QStringLiteral("%1 %2").arg(api->name, api->version)
                                         : tr("%1 (deleted)").arg(subscription.apiId)));
            m_subscriptions->setItem(row, 1, new QTableWidgetItem(subscription.plan));
        }
    }
    const QString api = m_subscribeApi->currentData().toString();
    m_subscribeApi->clear();
    for (const Api& each : workspace->apis()) {
        if (each.lifecycle != LifecycleState::Retired && each.lifecycle != LifecycleState::Blocked)
            m_subscribeApi->addItem(QStringLiteral("%1 %2").arg(each.name, each.version), each.id);
    }
    m_subscribeApi->setCurrentIndex(qMax(0, m_subscribeApi->findData(api)));
    const QString plan = m_subscribePlan->currentText();
    m_subscribePlan->clear();
    for (const BusinessPlan& each : workspace->businessPlans())
        m_subscribePlan->addItem(each.name);
    m_subscribePlan->setCurrentIndex(
        qMax(0, m_subscribePlan->findText(plan.isEmpty() ? QStringLiteral("Unlimited") : plan)));
    m_production->setApplication(currentApplicationId());
    m_sandbox->setApplication(currentApplicationId());
    m_budget->setApplication(currentApplicationId());
}

QString ApplicationsPage::createApplication(const QString& name, QString* error) {
    Workspace* workspace = m_session->workspace();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("A name is required");
        return {};
    }
    if (workspace->findApplication(trimmed)) {
        *error = tr("An application named %1 exists already").arg(trimmed);
        return {};
    }
    Application application;
    application.id = workspace->newApplicationId(trimmed);
    application.name = trimmed;
    if (!workspace->saveApplication(application).ok(error))
        return {};
    selectApplication(application.id);
    Q_EMIT statusMessage(tr("Application %1 created").arg(trimmed));
    return application.id;
}

bool ApplicationsPage::subscribe(const QString& apiId, const QString& plan, QString* error) {
    Workspace* workspace = m_session->workspace();
    const Application* current = workspace->application(currentApplicationId());
    const Api* api = workspace->api(apiId);
    if (!current || !api) {
        *error = tr("Choose an application and an API");
        return false;
    }
    if (current->subscription(apiId)) {
        *error = tr("%1 is subscribed to %2 already").arg(current->name, api->name);
        return false;
    }
    if (!workspace->businessPlan(plan)) {
        *error = tr("Unknown business plan %1").arg(plan);
        return false;
    }
    Application changed = *current;
    changed.subscriptions.push_back(
        {apiId, workspace->businessPlan(plan)->name, QDateTime::currentDateTimeUtc()});
    if (!workspace->saveApplication(changed).ok(error))
        return false;
    if (Gateway* gateway = m_session->gateway())
        gateway->reload(nullptr);
    Q_EMIT statusMessage(tr("%1 subscribed to %2 with the %3 plan").arg(changed.name, api->name, plan));
    return true;
}

void ApplicationsPage::saveDetails() {
    const Application* current = m_session->workspace()->application(currentApplicationId());
    if (!current)
        return;
    Application changed = *current;
    changed.name = m_name->text().trimmed();
    changed.description = m_description->text().trimmed();
    changed.tokenValiditySeconds = m_validity->value();
    if (changed.name.isEmpty())
        return (void)QMessageBox::warning(this, tr("Not saved"), tr("A name is required"));
    QString error;
    if (!m_session->workspace()->saveApplication(changed).ok(&error))
        QMessageBox::warning(this, tr("Not saved"), error);
    else if (Gateway* gateway = m_session->gateway())
        gateway->reload(nullptr);
}

} // namespace gatehouse
