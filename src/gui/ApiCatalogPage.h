#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace gatehouse {

class GatehouseSession;

// Developer Portal > APIs: the catalogue (published APIs first, with their lifecycle), an API's
// page (gateway URL, operations, business plans), and "Subscribe and try", which subscribes an
// application, generates its production keys if it has none and opens the console, as WSO2's
// Developer Portal walks a new user through it.
class ApiCatalogPage : public QWidget {
    Q_OBJECT
public:
    explicit ApiCatalogPage(GatehouseSession* session, QWidget* parent = nullptr);

    QString currentApiId() const;
    void selectApi(const QString& apiId);
    // The non-interactive core of "Subscribe and try": the application (created when new), the
    // subscription and production keys. Returns the application id, or empty with `error`.
    QString subscribeAndPrepareKeys(const QString& apiId, const QString& applicationName, const QString& plan,
                                    QString* error);

Q_SIGNALS:
    void statusMessage(const QString& message);
    void tryOutRequested(const QString& applicationId, const QString& apiId);

private:
    void refreshList();
    void refreshDetails();
    void subscribeAndTry();

    GatehouseSession* m_session;
    QListWidget* m_list;
    QLabel* m_details;
    QTableWidget* m_operations;
};

} // namespace gatehouse
