#pragma once

#include "core/PlanLimit.h"

#include <QFutureWatcher>
#include <QWidget>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace gatehouse {

class GatehouseSession;

// Developer Portal > Applications > Budget: the application's own dollar budgets (per minute, hour,
// day or month, across every API it calls) and what it has spent in each budget's current window, read
// from the gateway's access logs as the Usage view reads them. Once a budget is spent the gateway
// refuses the application's next call with 429 until the window ends.
class BudgetPanel : public QWidget {
    Q_OBJECT
public:
    explicit BudgetPanel(GatehouseSession* session, QWidget* parent = nullptr);
    ~BudgetPanel() override;

    void setApplication(const QString& applicationId);
    // Sets the budget of `limit.period` (replacing one of the same period); false with the reason.
    bool setBudget(const PlanLimit& limit, QString* error);
    bool removeBudget(PlanLimit::Period period, QString* error);
    // Reads the spend again (on a worker thread); spendReady() follows.
    void refreshSpend();

    // USD spent in each budget's current window, in the order of the application's budgets.
    const std::vector<double>& spend() const { return m_spend; }
    // From refreshSpend() until its figures are shown.
    bool isLoading() const { return m_loading; }
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void spendReady();
    void statusMessage(const QString& message);

private:
    void fillTable();
    bool saveBudgets(std::vector<PlanLimit> budgets, QString* error);
    void showProblem(const QString& problem);

    GatehouseSession* m_session;
    QString m_applicationId;
    QTableWidget* m_table;
    QDoubleSpinBox* m_amount;
    QComboBox* m_period;
    QPushButton* m_set;
    QPushButton* m_remove;
    QLabel* m_problem;
    QFutureWatcher<std::vector<double>> m_watcher;
    std::vector<double> m_spend;
    bool m_refreshAgain = false;
    bool m_loading = false;
};

} // namespace gatehouse
