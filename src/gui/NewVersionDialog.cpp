#include "gui/NewVersionDialog.h"

#include "core/ApiValidator.h"
#include "core/ApiVersioning.h"
#include "core/Workspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse {

NewVersionDialog::NewVersionDialog(Workspace* workspace, SecretStore* secrets, const QString& apiId,
                                   QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_secrets(secrets), m_apiId(apiId),
      m_version(new QLineEdit(this)), m_makeDefault(new QCheckBox(tr("Make this the default version"), this)),
      m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("newVersionDialog"));
    const Api* api = workspace->api(apiId);
    setWindowTitle(tr("Create New Version"));
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    if (api)
        intro->setText(
            tr("Copies %1 %2 with its operations, endpoints (their keys stay in the secret store), "
               "policies and primary endpoints. The new version has its own base path and "
               "revisions, and is deployed on its own.")
                .arg(api->name, api->version));
    m_version->setObjectName(QStringLiteral("newVersion"));
    m_version->setPlaceholderText(QStringLiteral("2.0.0"));
    m_makeDefault->setObjectName(QStringLiteral("newVersionDefault"));
    m_makeDefault->setToolTip(tr("Once deployed, the gateway also serves it at /%1/... without a version")
                                  .arg(api ? api->context : QString()));
    m_error->setObjectName(QStringLiteral("newVersionError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    auto* form = new QFormLayout();
    form->addRow(tr("Version:"), m_version);
    form->addRow(QString(), m_error);
    form->addRow(QString(), m_makeDefault);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("newVersionOk"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewVersionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void NewVersionDialog::accept() {
    const QString version = m_version->text().trimmed();
    QString problem = ApiValidator::versionError(version);
    if (problem.isEmpty() && m_secrets) {
        const Result<ApiVersioning::Created> created = ApiVersioning::createVersion(
            *m_workspace, *m_secrets, m_apiId, version, m_makeDefault->isChecked());
        if (created) {
            m_createdApiId = created->apiId;
            QDialog::accept();
            return;
        }
        problem = created.error();
    } else if (problem.isEmpty()) {
        problem = tr("no secret store");
    }
    m_error->setText(problem);
    m_error->show();
    m_version->setFocus();
}

} // namespace gatehouse
