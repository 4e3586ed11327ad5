#include "gui/AdminView.h"

#include "gui/BusinessPlansPage.h"
#include "gui/ModelPricesPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace gatehouse {

AdminView::AdminView(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_plans(new BusinessPlansPage(session, this)),
      m_prices(new ModelPricesPage(session, this)) {
    setObjectName(QStringLiteral("adminView"));
    m_tabs->setObjectName(QStringLiteral("adminTabs"));
    m_tabs->addTab(m_plans, tr("Business Plans"));
    m_tabs->addTab(m_prices, tr("Model Prices"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_plans, &BusinessPlansPage::statusMessage, this, &AdminView::statusMessage);
    connect(m_prices, &ModelPricesPage::statusMessage, this, &AdminView::statusMessage);
}

void AdminView::refresh() {
    m_plans->refresh();
    m_prices->refresh();
}

void AdminView::showPage(Page page) {
    m_tabs->setCurrentWidget(page == Page::BusinessPlans ? static_cast<QWidget*>(m_plans) : m_prices);
}

} // namespace gatehouse
