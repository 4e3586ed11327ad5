#include "gui/SharedStateDialog.h"

#include "core/SecretStore.h"
#include "core/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

namespace gatehouse {

SharedStateDialog::SharedStateDialog(Workspace* workspace, SecretStore* secrets, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_secrets(secrets), m_backend(new QComboBox(this)),
      m_url(new QLineEdit(this)), m_keyPrefix(new QLineEdit(this)), m_failureMode(new QComboBox(this)),
      m_commandTimeout(new QSpinBox(this)),
      m_strictRotation(
          new QCheckBox(tr("Share the weighted rotation too (one Redis command per request)"), this)),
      m_password(new QLineEdit(this)), m_problems(new QLabel(this)) {
    setObjectName(QStringLiteral("sharedStateDialog"));
    setWindowTitle(tr("Shared state"));
    const SharedStateSettings current = workspace->settings().sharedState;
    m_backend->setObjectName(QStringLiteral("sharedStateBackend"));
    m_backend->addItem(tr("Local: each gateway keeps its own"), int(SharedStateSettings::Backend::Local));
    m_backend->addItem(tr("Redis: replicas share it"), int(SharedStateSettings::Backend::Redis));
    m_backend->setCurrentIndex(current.backend == SharedStateSettings::Backend::Redis ? 1 : 0);
    m_url->setObjectName(QStringLiteral("sharedStateUrl"));
    m_url->setText(current.url);
    m_url->setPlaceholderText(QStringLiteral("redis://127.0.0.1:6379/0"));
    m_keyPrefix->setObjectName(QStringLiteral("sharedStateKeyPrefix"));
    m_keyPrefix->setText(current.keyPrefix);
    m_failureMode->setObjectName(QStringLiteral("sharedStateFailureMode"));
    m_failureMode->addItem(tr("Open: keep serving, each replica counting alone"),
                           int(SharedStateSettings::FailureMode::Open));
    m_failureMode->addItem(tr("Closed: answer 503 to requests with a quota"),
                           int(SharedStateSettings::FailureMode::Closed));
    m_failureMode->setCurrentIndex(current.failureMode == SharedStateSettings::FailureMode::Closed ? 1 : 0);
    m_commandTimeout->setObjectName(QStringLiteral("sharedStateCommandTimeout"));
    // The settings' own bounds are checked on OK; the box allows a little beyond them so that a
    // value out of range is explained rather than silently clamped.
    m_commandTimeout->setRange(0, 60000);
    m_commandTimeout->setSuffix(tr(" ms"));
    m_commandTimeout->setValue(current.commandTimeoutMs);
    m_strictRotation->setObjectName(QStringLiteral("sharedStateStrictRotation"));
    m_strictRotation->setChecked(current.strictRotation);
    m_strictRotation->setToolTip(tr("Off, each replica rotates on its own: the shares still hold to within a "
                                    "request per replica."));
    m_password->setObjectName(QStringLiteral("sharedStatePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    const SecretStore::ReadResult stored = secrets->read(SecretStore::redisPasswordKeyName());
    m_passwordStored = stored.found() && !stored.value.isEmpty();
    m_password->setPlaceholderText(
        m_passwordStored ? tr("stored in %1: type to replace").arg(secrets->description()) : tr("none"));
    m_problems->setObjectName(QStringLiteral("sharedStateProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_problems->hide();
    auto* explanation = new QLabel(
        tr("Replicas of the gateway on this workspace can share suspended models, plan quotas and dollar "
           "budgets through Redis (or Valkey). Gateways read this when they start; the one in the app "
           "restarts on OK."),
        this);
    explanation->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(explanation);
    form->addRow(tr("Backend:"), m_backend);
    form->addRow(tr("Redis URL:"), m_url);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Key prefix:"), m_keyPrefix);
    form->addRow(tr("When Redis is away:"), m_failureMode);
    form->addRow(tr("Command timeout:"), m_commandTimeout);
    form->addRow(QString(), m_strictRotation);
    form->addRow(m_problems);
    form->addRow(buttons);
    setMinimumWidth(520);
    connect(buttons, &QDialogButtonBox::accepted, this, &SharedStateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SharedStateDialog::reject);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &SharedStateDialog::updateFields);
    updateFields();
}

void SharedStateDialog::updateFields() {
    const bool redis = m_backend->currentData().toInt() == int(SharedStateSettings::Backend::Redis);
    for (QWidget* field : std::initializer_list<QWidget*>{m_url, m_password, m_keyPrefix, m_failureMode,
                                                          m_commandTimeout, m_strictRotation})
        field->setEnabled(redis);
}

SharedStateSettings SharedStateDialog::settings(QStringList* problems) const {
    // Through the workspace file's own checks, so the dialog refuses exactly what the file would.
    Json json = Json::object();
    json["backend"] = toStdString(
        SharedStateSettings::backendName(SharedStateSettings::Backend(m_backend->currentData().toInt())));
    json["url"] = toStdString(m_url->text().trimmed());
    json["keyPrefix"] = toStdString(m_keyPrefix->text());
    json["failureMode"] = toStdString(SharedStateSettings::failureModeName(
        SharedStateSettings::FailureMode(m_failureMode->currentData().toInt())));
    json["commandTimeoutMs"] = m_commandTimeout->value();
    json["strictRotation"] = m_strictRotation->isChecked();
    QStringList errors;
    const SharedStateSettings settings = SharedStateSettings::fromJson(json, QString(), &errors);
    for (QString& error : errors)
        error.remove(QRegularExpression(QStringLiteral("^\\.")));
    if (problems)
        *problems = errors;
    return settings;
}

void SharedStateDialog::accept() {
    QStringList problems;
    WorkspaceSettings updated = m_workspace->settings();
    updated.sharedState = settings(&problems);
    QString error;
    if (problems.isEmpty() && !m_password->text().isEmpty() &&
        !m_secrets->write(SecretStore::redisPasswordKeyName(), m_password->text(), &error))
        problems << tr("The password could not be stored in %1: %2").arg(m_secrets->description(), error);
    if (problems.isEmpty() && !m_workspace->saveSettings(updated).ok(&error))
        problems << error;
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(QLatin1Char('\n')));
        m_problems->show();
        return;
    }
    QDialog::accept();
}

} // namespace gatehouse
