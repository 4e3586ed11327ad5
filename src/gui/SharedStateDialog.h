#pragma once

#include "core/SharedStateSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gatehouse {

class SecretStore;
class Workspace;

// Gateway > Shared state: where replicas of this workspace's gateway share suspensions, quotas and
// budgets (the workspace's sharedState), and the Redis password, kept in the secret store. Problems
// are shown inline, all at once; OK saves only a valid setting, and nothing typed is lost on a refusal.
class SharedStateDialog : public QDialog {
    Q_OBJECT
public:
    SharedStateDialog(Workspace* workspace, SecretStore* secrets, QWidget* parent = nullptr);

    // The setting as the fields say it, and its problems ("url: ...").
    SharedStateSettings settings(QStringList* problems) const;

    void accept() override;

private:
    void updateFields();

    Workspace* m_workspace;
    SecretStore* m_secrets;
    QComboBox* m_backend;
    QLineEdit* m_url;
    QLineEdit* m_keyPrefix;
    QComboBox* m_failureMode;
    QSpinBox* m_commandTimeout;
    QCheckBox* m_strictRotation;
    QLineEdit* m_password;
    QLabel* m_problems;
    bool m_passwordStored = false;
};

} // namespace gatehouse
