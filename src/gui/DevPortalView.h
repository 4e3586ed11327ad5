#pragma once

#include <QWidget>

class QTableWidget;

namespace gatehouse {

class GatehouseSession;

// The Developer Portal: the applications of the workspace with their subscriptions and keys.
class DevPortalView : public QWidget {
    Q_OBJECT
public:
    explicit DevPortalView(GatehouseSession* session, QWidget* parent = nullptr);
    void refresh();

private:
    GatehouseSession* m_session;
    QTableWidget* m_applications;
};

} // namespace gatehouse
