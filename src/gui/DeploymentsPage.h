#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace gatehouse {

class ApiDraft;
class GatehouseSession;

// The API's revisions (number, time, description, which one is live), with deploy, undeploy and a
// line diff between two revisions.
class DeploymentsPage : public QWidget {
    Q_OBJECT
public:
    DeploymentsPage(ApiDraft* draft, GatehouseSession* session, QWidget* parent = nullptr);

    void refresh();
    // Unified-style line diff of two revisions' JSON ("- old", "+ new", "  same").
    QString diff(int fromRevision, int toRevision) const;

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    QList<int> selectedRevisions() const;

    ApiDraft* m_draft;
    GatehouseSession* m_session;
    QTableWidget* m_table;
    QLabel* m_live;
};

} // namespace gatehouse
