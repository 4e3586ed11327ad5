#include "DevPortalView.h"

#include "GatehouseSession.h"
#include "Workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

DevPortalView::DevPortalView(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_applications(new QTableWidget(0, 4, this)) {
    setObjectName(QStringLiteral("devPortalView"));
    m_applications->setObjectName(QStringLiteral("applicationsTable"));
    m_applications->setHorizontalHeaderLabels({tr("Application"), tr("Subscriptions"), tr("Keys"), tr("Token validity")});
    m_applications->horizontalHeader()->setStretchLastSection(true);
    m_applications->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_applications->verticalHeader()->hide();
    m_applications->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Applications subscribe to APIs under a business plan and hold production and "
                                    "sandbox keys. Create them with gatehouse-ctl app create, subscribe and keys "
                                    "generate."),
                                 this));
    layout->addWidget(m_applications, 1);
    Workspace* workspace = session->workspace();
    for (auto signal : {&Workspace::applicationSaved, &Workspace::applicationRemoved})
        connect(workspace, signal, this, &DevPortalView::refresh);
    connect(workspace, &Workspace::reloaded, this, &DevPortalView::refresh);
    refresh();
}

void DevPortalView::refresh() {
    const Workspace* workspace = m_session->workspace();
    const auto& applications = workspace->applications();
    m_applications->setRowCount(int(applications.size()));
    for (int row = 0; row < int(applications.size()); ++row) {
        const Application& application = applications[std::size_t(row)];
        QStringList subscriptions;
        for (const Subscription& subscription : application.subscriptions) {
            const Api* api = workspace->api(subscription.apiId);
            subscriptions.append(QStringLiteral("%1 (%2)").arg(api ? api->name : subscription.apiId, subscription.plan));
        }
        QStringList keys;
        for (const KeyPair& pair : application.keys)
            keys.append(stageDisplayName(pair.keyType));
        m_applications->setItem(row, 0, new QTableWidgetItem(application.name));
        m_applications->setItem(row, 1, new QTableWidgetItem(subscriptions.join(QStringLiteral(", "))));
        m_applications->setItem(row, 2, new QTableWidgetItem(keys.join(QStringLiteral(", "))));
        m_applications->setItem(row, 3, new QTableWidgetItem(tr("%1 s").arg(application.tokenValiditySeconds)));
    }
}

} // namespace gatehouse
