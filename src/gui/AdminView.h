#pragma once

#include <QWidget>

class QTabWidget;

namespace gatehouse {

class BusinessPlansPage;
class GatehouseSession;
class ModelPricesPage;

// The Admin mode, as WSO2's Admin Portal: the business plans subscriptions choose from (rate limits in
// requests, tokens and US dollars) and the model prices the gateway charges calls at. The Settings menu
// opens its pages.
class AdminView : public QWidget {
    Q_OBJECT
public:
    enum class Page { BusinessPlans, ModelPrices };

    explicit AdminView(GatehouseSession* session, QWidget* parent = nullptr);

    void refresh();
    void showPage(Page page);
    BusinessPlansPage* businessPlans() const { return m_plans; }
    ModelPricesPage* modelPrices() const { return m_prices; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    QTabWidget* m_tabs;
    BusinessPlansPage* m_plans;
    ModelPricesPage* m_prices;
};

} // namespace gatehouse
