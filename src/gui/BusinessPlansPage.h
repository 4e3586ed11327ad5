#pragma once

#include "core/BusinessPlan.h"
#include "core/PlanLimit.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace gatehouse {

class GatehouseSession;

// Admin > Business Plans (WSO2's Admin Portal rate-limiting policies): the plans subscriptions choose
// from, each with any number of limits in requests, prompt, completion or total tokens, or US dollars,
// per minute, hour, day or month. A plan that a subscription uses cannot be deleted or renamed; nothing
// is written before Save, and a refused save keeps the form as it was typed.
class BusinessPlansPage : public QWidget {
    Q_OBJECT
public:
    explicit BusinessPlansPage(GatehouseSession* session, QWidget* parent = nullptr);

    void refresh();
    // Shows the plan in the form; false when there is none by that name.
    bool selectPlan(const QString& name);
    // An empty form for a new plan.
    void newPlan();
    void addLimit(const PlanLimit& limit);
    // Saves the form; false with the reason (also shown under the form).
    bool save(QString* error);
    // Deletes the plan in the form; refused while a subscription uses it.
    bool deleteCurrent(QString* error);
    // The plan the form describes, and what is wrong with it (empty when nothing).
    BusinessPlan formPlan(QStringList* problems) const;

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void showPlan(const BusinessPlan* plan);
    void setLimitRow(int row, const PlanLimit& limit);
    void showProblem(const QString& problem);
    // "SmartChatApp (SmartChat)" for each subscription on the plan.
    QStringList subscribers(const QString& plan) const;

    GatehouseSession* m_session;
    QListWidget* m_list;
    QPushButton* m_new;
    QPushButton* m_delete;
    QLineEdit* m_name;
    QLineEdit* m_description;
    QTableWidget* m_limits;
    QPushButton* m_addLimit;
    QPushButton* m_removeLimit;
    QLabel* m_users;
    QLabel* m_problem;
    QPushButton* m_save;
    QString m_editing; // the saved plan the form edits; empty for a new one
};

} // namespace gatehouse
