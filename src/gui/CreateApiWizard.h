#pragma once

#include <QWizard>

class QLabel;
class QLineEdit;
class QListWidget;

namespace gatehouse {

class SecretStore;
class Workspace;

// "Create AI API", as WSO2's Publisher has it: pick a provider, then name, context and version
// (validated as you type: context unique, version format, name required), the endpoint URL and,
// optionally, the backend key (straight to the secret store).
class CreateApiWizard : public QWizard {
    Q_OBJECT
public:
    CreateApiWizard(Workspace* workspace, SecretStore* secrets, QWidget* parent = nullptr);

    // The id of the API created on accept.
    QString createdApiId() const { return m_createdId; }
    // Why Finish is disabled now (empty when the details are valid).
    QString detailsProblem() const;

    void accept() override;

private:
    friend class CreateApiDetailsPage;
    void providerChanged();

    Workspace* m_workspace;
    SecretStore* m_secrets;
    QListWidget* m_providers;
    QLineEdit* m_name;
    QLineEdit* m_context;
    QLineEdit* m_version;
    QLineEdit* m_url;
    QLineEdit* m_key;
    QLabel* m_problem;
    QString m_createdId;
};

} // namespace gatehouse
