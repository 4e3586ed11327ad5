#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace gatehouse {

class SecretStore;
class Workspace;

// WSO2 Publisher's "Create New Version": asks for the version and whether it becomes the default
// version, then copies the saved API (ApiVersioning). A refusal shows under the field and the dialog
// stays open with what was typed.
class NewVersionDialog : public QDialog {
    Q_OBJECT
public:
    NewVersionDialog(Workspace* workspace, SecretStore* secrets, const QString& apiId,
                     QWidget* parent = nullptr);

    QString createdApiId() const { return m_createdApiId; }
    void accept() override;

private:
    Workspace* m_workspace;
    SecretStore* m_secrets;
    QString m_apiId;
    QString m_createdApiId;
    QLineEdit* m_version;
    QCheckBox* m_makeDefault;
    QLabel* m_error;
};

} // namespace gatehouse
