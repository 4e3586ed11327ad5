#pragma once

#include "core/Stage.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace gatehouse {

class ApiDraft;
class SecretStore;

// Production and sandbox endpoints of an API: add, edit, remove, and set each one's API key. A key
// goes straight to the secret store and is never shown back; the table only says whether one is set,
// with WSO2's "API Key Required" warning until it is.
class EndpointsPage : public QWidget {
    Q_OBJECT
public:
    EndpointsPage(ApiDraft* draft, SecretStore* secrets, QWidget* parent = nullptr);

    // Stores `key` for the endpoint and marks it set in the draft; false with `error` on failure.
    bool setKey(const QString& endpointId, const QString& key, QString* error);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void refresh();
    void addEndpoint(Stage stage);
    void editEndpoint(Stage stage);
    void removeEndpoint(Stage stage);
    void askForKey(Stage stage);
    QString selectedId(Stage stage) const;
    QTableWidget* table(Stage stage) const;

    ApiDraft* m_draft;
    SecretStore* m_secrets;
    QTableWidget* m_production;
    QTableWidget* m_sandbox;
    QLabel* m_keyWarning;
};

} // namespace gatehouse
