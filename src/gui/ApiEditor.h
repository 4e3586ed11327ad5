#pragma once

#include "core/Result.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QUndoStack;

namespace gatehouse {

class ApiDraft;
class DeploymentsPage;
class EndpointsPage;
class GatehouseSession;
class PoliciesPage;

// One API in the Publisher: Overview, Endpoints, Resources, Policies and Deployments tabs over a
// draft, with the page-level Save and "Save and deploy" as WSO2's Publisher has them. Save stays
// disabled while the draft has validation errors; the errors are listed at the bottom.
class ApiEditor : public QWidget {
    Q_OBJECT
public:
    ApiEditor(GatehouseSession* session, const QString& apiId, QWidget* parent = nullptr);

    ApiDraft* draft() const { return m_draft; }
    QUndoStack* undoStack() const;
    PoliciesPage* policiesPage() const { return m_policies; }
    EndpointsPage* endpointsPage() const { return m_endpoints; }
    DeploymentsPage* deploymentsPage() const { return m_deployments; }
    QTabWidget* tabs() const { return m_tabs; }

    Status save();
    Status saveAndDeploy();
    // Tells the user why save() or saveAndDeploy() failed; a conflict comes with what to do about it.
    void reportFailure(const Status& status, const QString& title);
    // Asks what to do with unsaved edits; false when the user chose to stay.
    bool maybeClose();

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void refreshState();

    GatehouseSession* m_session;
    ApiDraft* m_draft;
    QTabWidget* m_tabs;
    PoliciesPage* m_policies;
    EndpointsPage* m_endpoints;
    DeploymentsPage* m_deployments;
    QLabel* m_title;
    QLabel* m_problems;
    QPushButton* m_save;
    QPushButton* m_saveAndDeploy;
    QPushButton* m_discard;
};

} // namespace gatehouse
