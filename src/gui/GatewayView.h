#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace gatehouse {

class GatehouseSession;
class SharedStateStatus;

// The Gateway mode: whether the in-app gateway runs and where (the address can be changed and
// applied), whether it shares state with other replicas and how that goes (edited in the Shared state
// dialog), what is deployed, the last calls, per-model counters, and the suspension table with live
// countdowns and "Readmit now".
class GatewayView : public QWidget {
    Q_OBJECT
public:
    explicit GatewayView(GatehouseSession* session, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* suspensionTable() const { return m_suspensions; }
    QTableWidget* accessLogTable() const { return m_log; }
    QTableWidget* modelTable() const { return m_models; }
    QTableWidget* interventionTable() const { return m_interventions; }
    QTableWidget* cacheTable() const { return m_cache; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void applyListenAddress();
    void editSharedState();
    static QString sharedStateText(const SharedStateStatus& shared);

    GatehouseSession* m_session;
    QLabel* m_state;
    QLineEdit* m_listen;
    QTableWidget* m_deployments;
    QTableWidget* m_log;
    QTableWidget* m_models;
    QTableWidget* m_interventions;
    QTableWidget* m_cache; // the response cache's hit rate per API
    QTableWidget* m_suspensions;
    QTimer* m_timer;
};

} // namespace gatehouse
