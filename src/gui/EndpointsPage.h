#pragma once

#include "core/Stage.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QNetworkReply;
class QTableWidget;

namespace gatehouse {

class ApiDraft;
class SecretStore;

// Production and sandbox endpoints of an API: add, edit, remove, set each one's API key, and set the
// stage's primary endpoint (WSO2's "Set as Primary"). A key
// goes straight to the secret store and is never shown back; the table only says whether one is set,
// with WSO2's "API Key Required" warning until it is. "Fetch models" asks the selected endpoint for its
// model list in the background and shows it below the tables, marking the models the provider does
// not list.
class EndpointsPage : public QWidget {
    Q_OBJECT
public:
    EndpointsPage(ApiDraft* draft, SecretStore* secrets, QWidget* parent = nullptr);
    // Where "Fetch models" finds the Demo provider's mock:// endpoints (the session's mock, started
    // on demand); without it they are refused with a message.
    void setMockOrigin(std::function<QString()> mockOrigin) { m_mockOrigin = std::move(mockOrigin); }
    ~EndpointsPage() override;

    // Stores `key` for the endpoint and marks it set in the draft; false with `error` on failure.
    bool setKey(const QString& endpointId, const QString& key, QString* error);
    // Asks the endpoint for its models (EndpointModelQuery); the answer, or why there is none, shows in
    // the page when it arrives. A fetch still running is abandoned.
    void fetchModels(const QString& endpointId);

Q_SIGNALS:
    void statusMessage(const QString& message);
    // A fetch ended, with a list or an error shown.
    void modelsFetched();

private:
    void refresh();
    void addEndpoint(Stage stage);
    void editEndpoint(Stage stage);
    void removeEndpoint(Stage stage);
    void setPrimary(Stage stage);
    void askForKey(Stage stage);
    void showFetchError(const QString& message);
    QString selectedId(Stage stage) const;
    QTableWidget* table(Stage stage) const;

    ApiDraft* m_draft;
    SecretStore* m_secrets;
    std::function<QString()> m_mockOrigin;
    QTableWidget* m_production;
    QTableWidget* m_sandbox;
    QLabel* m_keyWarning;
    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_fetch; // the fetch in flight
    QLabel* m_modelsStatus;
    QListWidget* m_models;
};

} // namespace gatehouse
