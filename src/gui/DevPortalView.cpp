#include "gui/DevPortalView.h"

#include "gui/ApiCatalogPage.h"
#include "gui/ApplicationsPage.h"
#include "gui/GatehouseSession.h"
#include "gui/TryOutConsole.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace gatehouse {

DevPortalView::DevPortalView(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_console(new TryOutConsole(session, this)),
      m_catalog(new ApiCatalogPage(session, this)),
      m_applications(new ApplicationsPage(session, m_console->tokens(), this)) {
    setObjectName(QStringLiteral("devPortalView"));
    m_tabs->setObjectName(QStringLiteral("devPortalTabs"));
    m_tabs->addTab(m_catalog, tr("APIs"));
    m_tabs->addTab(m_applications, tr("Applications"));
    m_tabs->addTab(m_console, tr("Try Out"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_catalog, &ApiCatalogPage::statusMessage, this, &DevPortalView::statusMessage);
    connect(m_applications, &ApplicationsPage::statusMessage, this, &DevPortalView::statusMessage);
    connect(m_console, &TryOutConsole::statusMessage, this, &DevPortalView::statusMessage);
    connect(m_catalog, &ApiCatalogPage::tryOutRequested, this, &DevPortalView::openConsole);
    connect(m_applications, &ApplicationsPage::tryOutRequested, this, &DevPortalView::openConsole);
}

void DevPortalView::refresh() {
    m_console->refreshChoices();
}

void DevPortalView::openConsole(const QString& applicationId, const QString& apiId) {
    m_console->selectApplication(applicationId, Stage::Production);
    m_console->selectApi(apiId);
    m_tabs->setCurrentWidget(m_console);
    m_console->fetchToken();
}

} // namespace gatehouse
