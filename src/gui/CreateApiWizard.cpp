#include "gui/CreateApiWizard.h"

#include "core/ApiFactory.h"
#include "core/ApiValidator.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QVBoxLayout>
#include <QWizardPage>

namespace gatehouse {

// The details page is complete only when the wizard says the details are valid.
class CreateApiDetailsPage final : public QWizardPage {
public:
    explicit CreateApiDetailsPage(CreateApiWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {}
    bool isComplete() const override { return m_wizard->detailsProblem().isEmpty(); }
    void refresh() { Q_EMIT completeChanged(); }

private:
    CreateApiWizard* m_wizard;
};

CreateApiWizard::CreateApiWizard(Workspace* workspace, SecretStore* secrets, QWidget* parent)
    : QWizard(parent), m_workspace(workspace), m_secrets(secrets) {
    setObjectName(QStringLiteral("createApiWizard"));
    setWindowTitle(tr("Create AI API"));
    auto* providerPage = new QWizardPage(this);
    providerPage->setTitle(tr("AI service provider"));
    providerPage->setSubTitle(
        tr("The provider's definition gives the API its operations and its default endpoint."));
    m_providers = new QListWidget(providerPage);
    m_providers->setObjectName(QStringLiteral("providerList"));
    for (const Provider& provider : workspace->providers().providers()) {
        auto* item = new QListWidgetItem(provider.displayName, m_providers);
        item->setData(Qt::UserRole, provider.id);
        item->setToolTip(provider.description);
    }
    m_providers->setCurrentRow(0);
    auto* providerLayout = new QVBoxLayout(providerPage);
    providerLayout->addWidget(m_providers);
    addPage(providerPage);

    auto* details = new CreateApiDetailsPage(this);
    details->setTitle(tr("API details"));
    m_name = new QLineEdit(details);
    m_name->setObjectName(QStringLiteral("wizardName"));
    m_context = new QLineEdit(details);
    m_context->setObjectName(QStringLiteral("wizardContext"));
    m_context->setPlaceholderText(QStringLiteral("smartchat"));
    m_version = new QLineEdit(QStringLiteral("1.0.0"), details);
    m_version->setObjectName(QStringLiteral("wizardVersion"));
    m_url = new QLineEdit(details);
    m_url->setObjectName(QStringLiteral("wizardUrl"));
    m_key = new QLineEdit(details);
    m_key->setObjectName(QStringLiteral("wizardKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(
        tr("optional; stored in %1").arg(secrets ? secrets->description() : tr("the keychain")));
    m_problem = new QLabel(details);
    m_problem->setObjectName(QStringLiteral("wizardProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setWordWrap(true);
    auto* form = new QFormLayout(details);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Context:"), m_context);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Production endpoint URL:"), m_url);
    form->addRow(tr("API key:"), m_key);
    form->addRow(m_problem);
    addPage(details);

    const auto revalidate = [this, details] {
        m_problem->setText(detailsProblem());
        details->refresh();
    };
    // Typing a name proposes a context, as WSO2 does, until the user edits the context itself.
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (!m_context->isModified())
            m_context->setText(text.toLower().remove(QLatin1Char(' ')));
    });
    for (QLineEdit* edit : {m_name, m_context, m_version, m_url})
        connect(edit, &QLineEdit::textChanged, this, revalidate);
    connect(m_providers, &QListWidget::currentRowChanged, this, [this, revalidate] {
        providerChanged();
        revalidate();
    });
    providerChanged();
    revalidate();
}

void CreateApiWizard::providerChanged() {
    const QListWidgetItem* item = m_providers->currentItem();
    const Provider* provider = item ? m_workspace->provider(item->data(Qt::UserRole).toString()) : nullptr;
    if (!provider)
        return;
    m_url->setText(provider->defaultBaseUrl);
    m_key->setEnabled(!provider->builtinMock);
}

QString CreateApiWizard::detailsProblem() const {
    const QListWidgetItem* item = m_providers->currentItem();
    const Provider* provider = item ? m_workspace->provider(item->data(Qt::UserRole).toString()) : nullptr;
    if (!provider)
        return tr("Choose a provider");
    if (const QString error = ApiValidator::nameError(m_name->text()); !error.isEmpty())
        return tr("Name %1").arg(error);
    const QString context = m_context->text().trimmed();
    if (const QString error = ApiValidator::contextError(context); !error.isEmpty())
        return tr("Context %1").arg(error);
    const QString version = m_version->text().trimmed();
    if (const QString error = ApiValidator::versionError(version); !error.isEmpty())
        return tr("Version %1").arg(error);
    for (const Api& other : m_workspace->apis()) {
        if (other.context == context && other.version == version)
            return tr("Context /%1/%2 is taken by %3").arg(context, version, other.name);
        if (other.name.compare(m_name->text().trimmed(), Qt::CaseInsensitive) == 0 &&
            other.version == version)
            return tr("An API named %1 with version %2 exists already").arg(other.name, version);
    }
    if (const QString error = ApiValidator::urlError(m_url->text().trimmed()); !error.isEmpty())
        return tr("Endpoint URL %1").arg(error);
    if (provider->baseUrlRequired && m_url->text().trimmed() == provider->defaultBaseUrl &&
        provider->defaultBaseUrl.contains(QLatin1String("YOUR-")))
        return tr("Enter the URL of your %1 endpoint").arg(provider->displayName);
    return {};
}

void CreateApiWizard::accept() {
    if (!detailsProblem().isEmpty())
        return;
    const Provider* provider =
        m_workspace->provider(m_providers->currentItem()->data(Qt::UserRole).toString());
    ApiFactory::Request request;
    request.name = m_name->text().trimmed();
    request.context = m_context->text().trimmed();
    request.version = m_version->text().trimmed();
    request.id = m_workspace->newApiId(request.name, request.version);
    request.productionUrl = m_url->text().trimmed();
    Api api = ApiFactory::createAiApi(*provider, request);
    QString error;
    const QString key = m_key->text().trimmed();
    if (!key.isEmpty()) {
        const QString endpointId = api.endpoints.front().id;
        if (!m_secrets || !m_secrets->write(SecretStore::endpointKeyName(api.id, endpointId), key, &error)) {
            QMessageBox::warning(this, tr("API key not stored"), error);
            return;
        }
        api.endpoints.front().hasKey = true;
    }
    if (!m_workspace->saveApi(api).ok(&error)) {
        QMessageBox::warning(this, tr("API not created"), error);
        return;
    }
    m_createdId = api.id;
    QWizard::accept();
}

} // namespace gatehouse
