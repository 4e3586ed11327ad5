#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;

namespace gatehouse {

class BudgetPanel;
class GatehouseSession;
class KeysPanel;
class TokenManager;

// Developer Portal > Applications: create, edit (token validity) and delete applications; their
// subscriptions (API + business plan); their Production / Sandbox keys; and their dollar budgets with
// what has been spent against them.
class ApplicationsPage : public QWidget {
    Q_OBJECT
public:
    ApplicationsPage(GatehouseSession* session, TokenManager* tokens, QWidget* parent = nullptr);

    QString currentApplicationId() const;
    void selectApplication(const QString& applicationId);
    // Creates an application (the name must be new); returns its id or an empty string.
    QString createApplication(const QString& name, QString* error);
    bool subscribe(const QString& apiId, const QString& plan, QString* error);
    KeysPanel* keysPanel(bool production) const;
    BudgetPanel* budgetPanel() const { return m_budget; }

Q_SIGNALS:
    void statusMessage(const QString& message);
    void tryOutRequested(const QString& applicationId, const QString& apiId);

private:
    void refreshList();
    void refreshDetails();
    void saveDetails();

    GatehouseSession* m_session;
    QListWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_description;
    QSpinBox* m_validity;
    QTableWidget* m_subscriptions;
    QComboBox* m_subscribeApi;
    QComboBox* m_subscribePlan;
    KeysPanel* m_production;
    KeysPanel* m_sandbox;
    BudgetPanel* m_budget;
};

} // namespace gatehouse
