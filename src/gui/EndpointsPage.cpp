#include "gui/EndpointsPage.h"

#include "console/ConsoleNetwork.h"
#include "console/EndpointModelQuery.h"
#include "core/ApiValidator.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/FetchedModels.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// Set on a fetch's reply when the deadline, not the upstream, ended it.
constexpr const char* timedOutProperty = "gatehouseTimedOut";

const QString errorStyle = QStringLiteral("color: #c62828;");

} // namespace

EndpointsPage::EndpointsPage(ApiDraft* draft, SecretStore* secrets, QWidget* parent)
    : QWidget(parent), m_draft(draft), m_secrets(secrets), m_production(new QTableWidget(0, 4, this)),
      m_sandbox(new QTableWidget(0, 4, this)), m_keyWarning(new QLabel(this)),
      m_network(new QNetworkAccessManager(this)), m_modelsStatus(new QLabel(this)),
      m_models(new QListWidget(this)) {
    m_keyWarning->setObjectName(QStringLiteral("apiKeyWarning"));
    m_keyWarning->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4e5; color: #663c00; border: 1px solid #ffd59e; padding: 6px; }"));
    m_keyWarning->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_keyWarning);
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        QTableWidget* list = table(stage);
        list->setObjectName(stageName(stage) + QStringLiteral("Endpoints"));
        list->setHorizontalHeaderLabels({tr("Name"), tr("URL"), tr("API key"), tr("Primary")});
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
        button(tr("Set as Primary"), QStringLiteral("SetPrimary"), &EndpointsPage::setPrimary);
        button(tr("Remove"), QStringLiteral("RemoveEndpoint"), &EndpointsPage::removeEndpoint);
        auto* fetch = new QPushButton(tr("Fetch models"), box);
        fetch->setObjectName(prefix + QStringLiteral("FetchModels"));
        fetch->setToolTip(tr("Ask the selected endpoint which models it serves"));
        connect(fetch, &QPushButton::clicked, this, [this, stage] {
            const QString id = selectedId(stage);
            if (id.isEmpty())
                showFetchError(tr("Select a %1 endpoint first.").arg(stageDisplayName(stage)));
            else
                fetchModels(id);
        });
        buttons->addWidget(fetch);
        buttons->addStretch();
        boxLayout->addLayout(buttons);
        layout->addWidget(box, 1);
    }
    m_modelsStatus->setObjectName(QStringLiteral("fetchModelsStatus"));
    m_modelsStatus->setWordWrap(true);
    m_modelsStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelsStatus->hide();
    m_models->setObjectName(QStringLiteral("fetchedModels"));
    m_models->setSelectionMode(QAbstractItemView::ExtendedSelection); // to copy ids
    m_models->hide();
    layout->addWidget(m_modelsStatus);
    layout->addWidget(m_models, 1);
    connect(draft, &ApiDraft::changed, this, &EndpointsPage::refresh);
    refresh();
}

EndpointsPage::~EndpointsPage() {
    // The replies die with the network manager, a child: none may report to a page half destroyed.
    if (m_fetch)
        m_fetch->disconnect(this);
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
            //: In the endpoint table's Primary column: where the stage's requests go when no model
            //: router picks an endpoint.
            list->setItem(
                row, 3,
                new QTableWidgetItem(api.primaryEndpoint(stage) == endpoint ? tr("Primary") : QString()));
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
    if (api.endpoints.size() == before)
        return;
    // The stage falls back to its default (or first) endpoint, and the user is told which.
    const bool wasPrimary = api.primaryEndpointId(stage) == id;
    if (wasPrimary)
        api.setPrimaryEndpointId(stage, QString());
    m_draft->edit(api, tr("Remove endpoint"));
    if (const Endpoint* fallback = api.primaryEndpoint(stage); wasPrimary && fallback)
        Q_EMIT statusMessage(tr("The removed endpoint was primary; %1 requests now go to %2")
                                 .arg(stageDisplayName(stage), fallback->name));
}

void EndpointsPage::setPrimary(Stage stage) {
    const QString id = selectedId(stage);
    if (id.isEmpty()) {
        Q_EMIT statusMessage(tr("Select a %1 endpoint first.").arg(stageDisplayName(stage)));
        return;
    }
    Api api = m_draft->api();
    const Endpoint* endpoint = api.endpoint(id);
    if (!endpoint || api.primaryEndpoint(stage) == endpoint)
        return;
    api.setPrimaryEndpointId(stage, id);
    m_draft->edit(api, tr("Set %1 as primary").arg(endpoint->name));
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

void EndpointsPage::showFetchError(const QString& message) {
    m_models->hide();
    m_modelsStatus->setStyleSheet(errorStyle);
    m_modelsStatus->setText(message);
    m_modelsStatus->show();
}

void EndpointsPage::fetchModels(const QString& endpointId) {
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->abort();
        m_fetch->deleteLater();
    }
    const Api& api = m_draft->api();
    const Endpoint* endpoint = api.endpoint(endpointId);
    if (!endpoint) {
        showFetchError(tr("%1 has no endpoint \"%2\".").arg(api.name, endpointId));
        return;
    }
    if (!m_secrets) {
        showFetchError(tr("No secret store: the endpoint's key cannot be read."));
        return;
    }
    const Provider* provider = m_draft->workspace()->provider(api.providerId);
    const Result<EndpointModelQuery> prepared = EndpointModelQuery::prepare(
        api, *endpoint, provider, *m_secrets,
        endpoint->url.startsWith(QLatin1String("mock://")) && m_mockOrigin ? m_mockOrigin() : QString());
    if (!prepared) {
        showFetchError(prepared.error());
        return;
    }
    const EndpointModelQuery query = prepared.value();
    ConsoleNetwork::bypassProxyForLoopback(*m_network, query.url());
    QNetworkReply* reply = m_network->get(query.networkRequest());
    m_fetch = reply;
    QTimer::singleShot(EndpointModelQuery::TimeoutMs, reply, [reply] {
        reply->setProperty(timedOutProperty, true);
        reply->abort();
    });
    m_models->hide();
    m_modelsStatus->setStyleSheet(QString());
    m_modelsStatus->setText(tr("Asking %1 for its models...").arg(endpoint->name));
    m_modelsStatus->show();

    const QString workspaceDirectory = m_draft->workspace()->directory();
    const QString apiId = api.id;
    const QString endpointName = endpoint->name;
    const QString providerName = provider->displayName;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, query, workspaceDirectory, apiId, endpointId, endpointName, providerName] {
                reply->deleteLater();
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (reply->property(timedOutProperty).toBool()) {
                    //: %1 is a number of seconds.
                    showFetchError(query.noAnswer(
                        tr("no answer within %1 s").arg(EndpointModelQuery::TimeoutMs / 1000)));
                } else if (status == 0) {
                    showFetchError(query.noAnswer(reply->errorString()));
                } else if (const Result<std::vector<EndpointModelQuery::Model>> models =
                               query.readAnswer(status, reply->readAll());
                           !models) {
                    showFetchError(models.error());
                } else {
                    m_models->clear();
                    QStringList ids;
                    int unknown = 0;
                    for (const EndpointModelQuery::Model& model : models.value()) {
                        auto* item = new QListWidgetItem(
                            //: A fetched model that the provider's own model list lacks; %2 is the provider.
                            model.known ? model.id : tr("%1 (not in %2's list)").arg(model.id, providerName),
                            m_models);
                        item->setData(Qt::UserRole, model.id);
                        item->setData(Qt::UserRole + 1, model.known);
                        if (!model.known) {
                            item->setForeground(QColor(0x8a, 0x5a, 0x00));
                            ++unknown;
                        }
                        ids.append(model.id);
                    }
                    FetchedModels::remember(workspaceDirectory, apiId, endpointId, ids);
                    // Counts after a colon, so that the English needs no plural forms.
                    //: %1 is the endpoint's name, %2 a number.
                    QString text = tr("Models at %1: %2.").arg(endpointName).arg(ids.size());
                    if (unknown > 0)
                        //: %1 is the provider ("OpenAI"), %2 a number.
                        text += QLatin1Char(' ') +
                                tr("Not in %1's model list: %2.").arg(providerName).arg(unknown);
                    m_modelsStatus->setStyleSheet(QString());
                    m_modelsStatus->setText(text);
                    m_models->setVisible(!ids.isEmpty());
                }
                Q_EMIT modelsFetched();
            });
}

} // namespace gatehouse
