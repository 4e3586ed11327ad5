#pragma once

#include <QWidget>

class QTabWidget;

namespace gatehouse {

class ApiCatalogPage;
class ApplicationsPage;
class GatehouseSession;
class TryOutConsole;

// The Developer Portal: the API catalogue, applications (subscriptions and keys) and the Try Out
// console, which shares the portal's token manager.
class DevPortalView : public QWidget {
    Q_OBJECT
public:
    explicit DevPortalView(GatehouseSession* session, QWidget* parent = nullptr);

    void refresh();
    void openConsole(const QString& applicationId, const QString& apiId);
    ApiCatalogPage* catalog() const { return m_catalog; }
    ApplicationsPage* applications() const { return m_applications; }
    TryOutConsole* console() const { return m_console; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    QTabWidget* m_tabs;
    TryOutConsole* m_console;
    ApiCatalogPage* m_catalog;
    ApplicationsPage* m_applications;
};

} // namespace gatehouse
