#include "gui/EndpointsPage.h"

#include "core/ApiValidator.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

EndpointsPage::EndpointsPage(ApiDraft* draft, SecretStore* secrets, QWidget* parent)
    : QWidget(parent), m_draft(draft), m_secrets(secrets), m_production(new QTableWidget(0, 3, this)),
      m_sandbox(new QTableWidget(0, 3, this)), m_keyWarning(new QLabel(this)) {
    m_keyWarning->setObjectName(QStringLiteral("apiKeyWarning"));
    m_keyWarning->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4e5; color: #663c00; border: 1px solid #ffd59e; padding: 6px; }"));
    m_keyWarning->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_keyWarning);
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        QTableWidget* list = table(stage);
        list->setObjectName(stageName(stage) + QStringLiteral("Endpoints"));
        list->setHorizontalHeaderLabels({tr("Name"), tr("URL"), tr("API key")});
        // Names and key states fit their text (endpoint names are long, German headers longer); the
        // URL takes the rest. A handful of rows, so measuring them all costs nothing.
        list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        list->setSelectionBehavior(QAbstractItemView::SelectRows);
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setEditTriggers(QAbstractItemView::NoEditTriggers);
        list->setTabKeyNavigation(false); // read-only: Tab moves on, the arrow keys move between rows
        list->verticalHeader()->hide();
        auto* box = new QGroupBox(tr("%1 endpoints").arg(stageDisplayName(stage)), this);
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(list);
        auto* buttons = new QHBoxLayout();
        const QString prefix = stageName(stage);
        const auto button = [&](const QString& text, const QString& name, auto slot) {
            auto* push = new QPushButton(text, box);
            push->setObjectName(prefix + name);
            connect(push, &QPushButton::clicked, this, [this, stage, slot] { (this->*slot)(stage); });
            buttons->addWidget(push);
        };
        button(tr("Add..."), QStringLiteral("AddEndpoint"), &EndpointsPage::addEndpoint);
        button(tr("Edit..."), QStringLiteral("EditEndpoint"), &EndpointsPage::editEndpoint);
        button(tr("Set API key..."), QStringLiteral("SetKey"), &EndpointsPage::askForKey);
        button(tr("Remove"), QStringLiteral("RemoveEndpoint"), &EndpointsPage::removeEndpoint);
        buttons->addStretch();
        boxLayout->addLayout(buttons);
        layout->addWidget(box);
    }
    connect(draft, &ApiDraft::changed, this, &EndpointsPage::refresh);
    refresh();
}

QTableWidget* EndpointsPage::table(Stage stage) const {
    return stage == Stage::Production ? m_production : m_sandbox;
}

QString EndpointsPage::selectedId(Stage stage) const {
    QTableWidget* list = table(stage);
    const int row = list->currentRow();
    return row < 0 || !list->item(row, 0) ? QString() : list->item(row, 0)->data(Qt::UserRole).toString();
}

void EndpointsPage::refresh() {
    const Api& api = m_draft->api();
    const Provider* provider = m_draft->workspace()->provider(api.providerId);
    const bool keyRequired = provider && provider->keyRequired;
    QStringList missing;
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        QTableWidget* list = table(stage);
        const QString current = selectedId(stage);
        const auto endpoints = api.endpointsOf(stage);
        list->setRowCount(int(endpoints.size()));
        for (int row = 0; row < int(endpoints.size()); ++row) {
            const Endpoint* endpoint = endpoints[std::size_t(row)];
            auto* name = new QTableWidgetItem(endpoint->name);
            name->setData(Qt::UserRole, endpoint->id);
            list->setItem(row, 0, name);
            list->setItem(row, 1, new QTableWidgetItem(endpoint->url));
            QString keyText =
                endpoint->hasKey
                    ? tr("Set (stored in %1)").arg(m_secrets ? m_secrets->description() : QString())
                : keyRequired ? tr("API Key Required")
                              : tr("Not needed");
            auto* key = new QTableWidgetItem(keyText);
            if (!endpoint->hasKey && keyRequired) {
                key->setForeground(QColor(0xc6, 0x28, 0x28));
                missing.append(endpoint->name);
            }
            list->setItem(row, 2, key);
            if (endpoint->id == current)
                list->selectRow(row);
        }
    }
    m_keyWarning->setVisible(!missing.isEmpty());
    m_keyWarning->setText(
        tr("API Key Required: %1 will refuse calls until a key is set for %2.")
            .arg(provider ? provider->displayName : api.providerId, missing.join(QStringLiteral(", "))));
}

void EndpointsPage::addEndpoint(Stage stage) {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add %1 endpoint").arg(stageDisplayName(stage)));
    auto* name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("endpointName"));
    auto* url = new QLineEdit(&dialog);
    url->setObjectName(QStringLiteral("endpointUrl"));
    url->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    auto* error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("URL:"), url);
    form->addRow(QString(), error);
    form->addRow(buttons);
    const auto check = [&] {
        QString problem = name->text().trimmed().isEmpty() ? tr("A name is required") : QString();
        if (problem.isEmpty()) {
            const QString urlProblem = ApiValidator::urlError(url->text().trimmed());
            if (!urlProblem.isEmpty())
                problem = tr("URL %1").arg(urlProblem);
        }
        error->setText(problem);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    };
    connect(name, &QLineEdit::textChanged, &dialog, check);
    connect(url, &QLineEdit::textChanged, &dialog, check);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    check();
    if (dialog.exec() != QDialog::Accepted)
        return;
    Api api = m_draft->api();
    Endpoint endpoint;
    endpoint.stage = stage;
    endpoint.name = name->text().trimmed();
    endpoint.url = url->text().trimmed();
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString id = endpoint.name.toLower().replace(nonWord, QStringLiteral("_"));
    QString unique = id;
    for (int n = 2; api.endpoint(unique); ++n)
        unique = id + QLatin1Char('_') + QString::number(n);
    endpoint.id = unique;
    api.endpoints.push_back(endpoint);
    m_draft->edit(api, tr("Add endpoint %1").arg(endpoint.name));
}

void EndpointsPage::editEndpoint(Stage stage) {
    const QString id = selectedId(stage);
    Api api = m_draft->api();
    Endpoint* endpoint = api.endpoint(id);
    if (!endpoint)
        return;
    bool accepted = false;
    const QString url = QInputDialog::getText(this, tr("Edit endpoint"), tr("URL of %1:").arg(endpoint->name),
                                              QLineEdit::Normal, endpoint->url, &accepted);
    if (!accepted)
        return;
    const QString problem = ApiValidator::urlError(url.trimmed());
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Invalid URL"), tr("The URL %1.").arg(problem));
        return;
    }
    endpoint->url = url.trimmed();
    m_draft->edit(api, tr("Change endpoint URL"));
}

void EndpointsPage::removeEndpoint(Stage stage) {
    const QString id = selectedId(stage);
    Api api = m_draft->api();
    const auto before = api.endpoints.size();
    api.endpoints.erase(std::remove_if(api.endpoints.begin(), api.endpoints.end(),
                                       [&](const Endpoint& each) { return each.id == id; }),
                        api.endpoints.end());
    if (api.endpoints.size() != before)
        m_draft->edit(api, tr("Remove endpoint"));
}

bool EndpointsPage::setKey(const QString& endpointId, const QString& key, QString* error) {
    if (!m_secrets) {
        if (error)
            *error = tr("no secret store");
        return false;
    }
    if (key.trimmed().isEmpty()) {
        if (error)
            *error = tr("the key is empty");
        return false;
    }
    if (!m_secrets->write(SecretStore::endpointKeyName(m_draft->api().id, endpointId), key.trimmed(), error))
        return false;
    Api api = m_draft->api();
    if (Endpoint* endpoint = api.endpoint(endpointId)) {
        endpoint->hasKey = true;
        m_draft->edit(api, tr("Set API key of %1").arg(endpoint->name));
    }
    Q_EMIT statusMessage(tr("API key stored in %1").arg(m_secrets->description()));
    return true;
}

void EndpointsPage::askForKey(Stage stage) {
    const QString id = selectedId(stage);
    if (id.isEmpty())
        return;
    bool accepted = false;
    const QString key = QInputDialog::getText(this, tr("Set API key"),
                                              tr("API key for %1 (stored in %2, never shown again):")
                                                  .arg(id, m_secrets ? m_secrets->description() : QString()),
                                              QLineEdit::Password, QString(), &accepted);
    if (!accepted)
        return;
    QString error;
    if (!setKey(id, key, &error))
        QMessageBox::warning(this, tr("API key not stored"), error);
}

} // namespace gatehouse
