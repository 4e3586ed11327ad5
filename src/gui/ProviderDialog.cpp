#include "gui/ProviderDialog.h"

#include "core/JsonFile.h"
#include "core/ProviderRegistry.h"
#include "core/ProviderValidator.h"
#include "core/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <utility>

namespace gatehouse {

namespace {

const QString errorStyle = QStringLiteral("color: #c62828;");

QString locationTitle(const QString& key) {
    if (key == QLatin1String("requestModel"))
        return ProviderDialog::tr("Request model:");
    if (key == QLatin1String("responseModel"))
        return ProviderDialog::tr("Response model:");
    if (key == QLatin1String("promptTokens"))
        return ProviderDialog::tr("Prompt tokens:");
    if (key == QLatin1String("completionTokens"))
        return ProviderDialog::tr("Completion tokens:");
    if (key == QLatin1String("totalTokens"))
        return ProviderDialog::tr("Total tokens:");
    return ProviderDialog::tr("Remaining tokens:");
}

QString sourceData(ValueLocation::Source source) {
    switch (source) {
    case ValueLocation::Source::Payload:
        return QStringLiteral("payload");
    case ValueLocation::Source::Header:
        return QStringLiteral("header");
    case ValueLocation::Source::Path:
        return QStringLiteral("path");
    case ValueLocation::Source::None:
        break;
    }
    return QStringLiteral("none");
}

ValueLocation::Source sourceOf(const QString& data) {
    if (data == QLatin1String("payload"))
        return ValueLocation::Source::Payload;
    if (data == QLatin1String("header"))
        return ValueLocation::Source::Header;
    if (data == QLatin1String("path"))
        return ValueLocation::Source::Path;
    return ValueLocation::Source::None;
}

// What a new provider starts from: an OpenAI-compatible server's conventions and operations, which is
// what most self-hosted and third-party LLM servers speak. The user names it and lists its models.
Provider newProviderTemplate() {
    Provider provider;
    if (const Provider* compatible = ProviderRegistry::builtin().find(QStringLiteral("openai-compatible")))
        provider = *compatible;
    provider.id.clear();
    provider.displayName.clear();
    provider.description.clear();
    provider.apiVersion = QStringLiteral("1.0.0");
    provider.defaultBaseUrl.clear();
    provider.baseUrlRequired = true;
    provider.builtinMock = false;
    provider.builtin = false;
    provider.keyRequired = true;
    provider.models.clear();
    return provider;
}

} // namespace

ProviderDialog::ProviderDialog(Workspace* workspace, const Provider* existing, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_editing(existing != nullptr),
      m_base(existing ? *existing : newProviderTemplate()) {
    setObjectName(QStringLiteral("providerDialog"));
    setWindowTitle(existing ? tr("Edit Provider %1").arg(existing->displayName) : tr("New Provider"));

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(buildGeneral());
    contentLayout->addWidget(buildAuth());
    contentLayout->addWidget(buildLocations(
        tr("Model locations"), {QStringLiteral("requestModel"), QStringLiteral("responseModel")}));
    contentLayout->addWidget(buildLocations(
        tr("Token-count locations"), {QStringLiteral("promptTokens"), QStringLiteral("completionTokens"),
                                      QStringLiteral("totalTokens"), QStringLiteral("remainingTokens")}));
    contentLayout->addWidget(buildModels());
    contentLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("providerScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("providerProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(errorStyle);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("providerButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("providerOk"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(existing ? tr("Save") : tr("Add Provider"));
    m_export = m_buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("providerExport"));
    m_export->setToolTip(tr("Write this provider's definition to a JSON file (it holds no keys)"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ProviderDialog::exportToFile);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    load(m_base);
    resize(640, 760);
}

QLabel* ProviderDialog::errorLabel(const QString& objectName) {
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setStyleSheet(errorStyle);
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

QWidget* ProviderDialog::buildGeneral() {
    auto* box = new QGroupBox(tr("General details"), this);
    box->setObjectName(QStringLiteral("providerGeneral"));
    auto* form = new QFormLayout(box);

    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("providerName"));
    m_name->setPlaceholderText(tr("e.g. Local vLLM"));
    form->addRow(tr("&Name:"), m_name);
    QLabel* nameError = errorLabel(QStringLiteral("providerNameError"));
    form->addRow(QString(), nameError);
    m_errorLabels.insert(QStringLiteral("displayName"), nameError);

    m_id = new QLineEdit(box);
    m_id->setObjectName(QStringLiteral("providerId"));
    m_id->setToolTip(tr("Names the provider in files and on the command line; follows the name until "
                        "you edit it"));
    m_id->setReadOnly(m_editing); // another id would be another provider (another file)
    form->addRow(tr("&Id:"), m_id);
    QLabel* idError = errorLabel(QStringLiteral("providerIdError"));
    form->addRow(QString(), idError);
    m_errorLabels.insert(QStringLiteral("id"), idError);

    m_description = new QPlainTextEdit(box);
    m_description->setObjectName(QStringLiteral("providerDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4);
    form->addRow(tr("&Description:"), m_description);

    m_apiVersion = new QLineEdit(box);
    m_apiVersion->setObjectName(QStringLiteral("providerApiVersion"));
    form->addRow(tr("API &version:"), m_apiVersion);

    m_baseUrl = new QLineEdit(box);
    m_baseUrl->setObjectName(QStringLiteral("providerBaseUrl"));
    m_baseUrl->setPlaceholderText(tr("Optional, e.g. http://localhost:8000/v1"));
    form->addRow(tr("Default &base URL:"), m_baseUrl);
    QLabel* urlError = errorLabel(QStringLiteral("providerBaseUrlError"));
    form->addRow(QString(), urlError);
    m_errorLabels.insert(QStringLiteral("defaultBaseUrl"), urlError);

    connect(m_name, &QLineEdit::textEdited, this, &ProviderDialog::nameEdited);
    connect(m_name, &QLineEdit::textChanged, this, &ProviderDialog::revalidate);
    connect(m_id, &QLineEdit::textEdited, this, [this](const QString& text) {
        // Clearing the id hands it back to the name.
        m_idEdited = !text.isEmpty();
        if (!m_idEdited)
            m_id->setText(ProviderValidator::suggestedId(m_name->text()));
    });
    connect(m_id, &QLineEdit::textChanged, this, &ProviderDialog::revalidate);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ProviderDialog::revalidate);
    return box;
}

QWidget* ProviderDialog::buildAuth() {
    auto* box = new QGroupBox(tr("Authentication"), this);
    box->setObjectName(QStringLiteral("providerAuth"));
    auto* form = new QFormLayout(box);

    m_authHeader = new QLineEdit(box);
    m_authHeader->setObjectName(QStringLiteral("authHeader"));
    m_authHeader->setPlaceholderText(QStringLiteral("Authorization"));
    form->addRow(tr("Auth &header:"), m_authHeader);
    QLabel* headerError = errorLabel(QStringLiteral("authHeaderError"));
    form->addRow(QString(), headerError);
    m_errorLabels.insert(QStringLiteral("auth.header"), headerError);

    m_authFormat = new QLineEdit(box);
    m_authFormat->setObjectName(QStringLiteral("authValueFormat"));
    m_authFormat->setPlaceholderText(QStringLiteral("Bearer {key}"));
    m_authFormat->setToolTip(tr("The header's value; {key} stands for the backend key of each endpoint"));
    form->addRow(tr("&Value format:"), m_authFormat);
    QLabel* formatError = errorLabel(QStringLiteral("authValueFormatError"));
    form->addRow(QString(), formatError);
    m_errorLabels.insert(QStringLiteral("auth.valueFormat"), formatError);

    m_keyRequired = new QCheckBox(tr("An API &key is required"), box);
    m_keyRequired->setObjectName(QStringLiteral("authKeyRequired"));
    form->addRow(QString(), m_keyRequired);

    connect(m_authHeader, &QLineEdit::textChanged, this, &ProviderDialog::revalidate);
    connect(m_authFormat, &QLineEdit::textChanged, this, &ProviderDialog::revalidate);
    connect(m_keyRequired, &QCheckBox::toggled, this, &ProviderDialog::revalidate);
    return box;
}

QWidget* ProviderDialog::buildLocations(const QString& title, const QStringList& keys) {
    auto* box = new QGroupBox(title, this);
    box->setObjectName(keys.contains(QStringLiteral("requestModel"))
                           ? QStringLiteral("providerModelLocations")
                           : QStringLiteral("providerTokenLocations"));
    auto* grid = new QGridLayout(box);
    grid->setColumnStretch(2, 1);
    int row = 0;
    for (const ProviderValidator::LocationField& field : ProviderValidator::locationFields()) {
        const QString key = QLatin1String(field.key);
        if (!keys.contains(key))
            continue;
        LocationRow location{field.key, field.member, new QComboBox(box), new QLineEdit(box),
                             errorLabel(key + QStringLiteral("Error"))};
        location.source->setObjectName(key + QStringLiteral("Source"));
        location.source->addItem(tr("Payload"), QStringLiteral("payload"));
        location.source->addItem(tr("Header"), QStringLiteral("header"));
        if (!field.required)
            location.source->addItem(tr("Not reported"), QStringLiteral("none"));
        location.identifier->setObjectName(key + QStringLiteral("Identifier"));
        auto* label = new QLabel(locationTitle(key), box);
        label->setBuddy(location.source);
        grid->addWidget(label, row, 0);
        grid->addWidget(location.source, row, 1);
        grid->addWidget(location.identifier, row, 2);
        grid->addWidget(location.error, row + 1, 1, 1, 2);
        row += 2;
        m_errorLabels.insert(QStringLiteral("locations.") + key, location.error);
        QComboBox* source = location.source;
        QLineEdit* identifier = location.identifier;
        connect(source, &QComboBox::currentIndexChanged, this, [this, source, identifier] {
            const QString data = source->currentData().toString();
            identifier->setEnabled(data != QLatin1String("none"));
            identifier->setPlaceholderText(data == QLatin1String("header")
                                               ? tr("Header name")
                                               : tr("JSONPath, e.g. $.usage.total_tokens"));
            revalidate();
        });
        connect(identifier, &QLineEdit::textChanged, this, &ProviderDialog::revalidate);
        m_locations.push_back(location);
    }
    return box;
}

QWidget* ProviderDialog::buildModels() {
    auto* box = new QGroupBox(tr("Models"), this);
    box->setObjectName(QStringLiteral("providerModelsBox"));
    auto* layout = new QVBoxLayout(box);
    auto* addRow = new QHBoxLayout;
    m_newModel = new QLineEdit(box);
    m_newModel->setObjectName(QStringLiteral("providerNewModel"));
    m_newModel->setPlaceholderText(tr("Model name, e.g. llama-3.1-8b"));
    m_addModel = new QPushButton(tr("&Add Model"), box);
    m_addModel->setObjectName(QStringLiteral("providerAddModel"));
    m_addModel->setEnabled(false);
    m_removeModel = new QPushButton(tr("&Remove"), box);
    m_removeModel->setObjectName(QStringLiteral("providerRemoveModel"));
    m_removeModel->setEnabled(false);
    addRow->addWidget(m_newModel, 1);
    addRow->addWidget(m_addModel);
    addRow->addWidget(m_removeModel);
    m_models = new QListWidget(box);
    m_models->setObjectName(QStringLiteral("providerModels"));
    m_models->setToolTip(tr("Double-click a model to rename it"));
    m_models->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    layout->addLayout(addRow);
    layout->addWidget(m_models);
    QLabel* modelsError = errorLabel(QStringLiteral("providerModelsError"));
    layout->addWidget(modelsError);
    m_errorLabels.insert(QStringLiteral("models"), modelsError);

    connect(m_newModel, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_addModel->setEnabled(!text.trimmed().isEmpty()); });
    // Enter in the field adds the model; without the filter it would also press OK, the default button.
    m_newModel->installEventFilter(this);
    connect(m_addModel, &QPushButton::clicked, this, &ProviderDialog::addModel);
    connect(m_removeModel, &QPushButton::clicked, this, &ProviderDialog::removeModel);
    connect(m_models, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeModel->setEnabled(row >= 0); });
    connect(m_models, &QListWidget::itemChanged, this, &ProviderDialog::revalidate);
    return box;
}

void ProviderDialog::load(const Provider& provider) {
    m_loading = true;
    m_name->setText(provider.displayName);
    m_id->setText(provider.id);
    m_idEdited = m_editing;
    m_description->setPlainText(provider.description);
    m_apiVersion->setText(provider.apiVersion);
    m_baseUrl->setText(provider.defaultBaseUrl);
    m_authHeader->setText(provider.authHeader);
    m_authFormat->setText(provider.authValueFormat);
    m_keyRequired->setChecked(provider.keyRequired);
    for (LocationRow& row : m_locations) {
        const ValueLocation& location = provider.*row.member;
        int index = row.source->findData(sourceData(location.source));
        if (index < 0) {
            // A hand-written file may use a source the form does not offer; show it so that the
            // validator's message makes sense, rather than silently changing it.
            row.source->addItem(sourceData(location.source), sourceData(location.source));
            index = row.source->count() - 1;
        }
        row.source->setCurrentIndex(index);
        row.identifier->setText(location.identifier);
        row.identifier->setEnabled(location.source != ValueLocation::Source::None);
    }
    m_models->clear();
    for (const QString& model : provider.models) {
        auto* item = new QListWidgetItem(model, m_models);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_loading = false;
    revalidate();
}

bool ProviderDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_newModel && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addModel();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ProviderDialog::nameEdited(const QString& name) {
    if (!m_idEdited && !m_editing)
        m_id->setText(ProviderValidator::suggestedId(name));
}

void ProviderDialog::addModel() {
    const QString model = m_newModel->text().trimmed();
    if (model.isEmpty())
        return;
    auto* item = new QListWidgetItem(model, m_models);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_models->setCurrentItem(item);
    m_newModel->clear();
    revalidate();
}

void ProviderDialog::removeModel() {
    const int row = m_models->currentRow();
    if (row < 0)
        return;
    delete m_models->takeItem(row);
    revalidate();
}

Provider ProviderDialog::provider() const {
    Provider provider = m_base;
    provider.builtin = false;
    provider.id = m_id->text().trimmed();
    provider.displayName = m_name->text().trimmed();
    provider.description = m_description->toPlainText().trimmed();
    provider.apiVersion = m_apiVersion->text().trimmed();
    provider.defaultBaseUrl = m_baseUrl->text().trimmed();
    provider.authHeader = m_authHeader->text().trimmed();
    provider.authValueFormat = m_authFormat->text();
    provider.keyRequired = m_keyRequired->isChecked();
    for (const LocationRow& row : m_locations) {
        ValueLocation& location = provider.*row.member;
        location.source = sourceOf(row.source->currentData().toString());
        location.identifier =
            location.source == ValueLocation::Source::None ? QString() : row.identifier->text().trimmed();
    }
    provider.models.clear();
    for (int i = 0; i < m_models->count(); ++i)
        provider.models.append(m_models->item(i)->text());
    return provider;
}

QLabel* ProviderDialog::labelFor(const QString& path) const {
    // "locations.promptTokens.identifier" -> "locations.promptTokens"; "models[2]" -> "models".
    QString key = path;
    if (key.startsWith(QLatin1String("locations.")))
        key = key.section(QLatin1Char('.'), 0, 1);
    else if (key.startsWith(QLatin1String("models[")))
        key = QStringLiteral("models");
    return m_errorLabels.value(key, nullptr);
}

void ProviderDialog::revalidate() {
    if (m_loading)
        return;
    const Provider current = provider();
    m_report = ProviderValidator(m_workspace ? &m_workspace->providers() : nullptr).validate(current);
    if (!m_editing && m_workspace && ProviderValidator::idError(current.id).isEmpty()) {
        if (const Provider* existing = m_workspace->provider(current.id); existing && !existing->builtin)
            m_report.addError(QStringLiteral("id"),
                              tr("the custom provider %1 has this id already").arg(existing->displayName));
    }

    QHash<QLabel*, QStringList> messages;
    QStringList general;
    for (const ValidationIssue& issue : m_report.issues()) {
        QLabel* label = issue.isError() ? labelFor(issue.path) : nullptr;
        if (!label) {
            general.append(issue.toString());
            continue;
        }
        QString message = issue.message;
        if (issue.path.startsWith(QLatin1String("models[")))
            //: %1 is a 1-based row of the model list, %2 what is wrong with it.
            message = tr("Model %1: %2").arg(issue.path.mid(7).chopped(1).toInt() + 1).arg(issue.message);
        messages[label].append(message);
    }
    for (QLabel* label : std::as_const(m_errorLabels)) {
        const QStringList lines = messages.value(label);
        label->setText(lines.join(QLatin1Char('\n')));
        label->setVisible(!lines.isEmpty());
    }
    m_problems->setText(general.join(QLatin1Char('\n')));
    m_problems->setVisible(!general.isEmpty());

    const bool valid = !m_report.hasErrors();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_export->setEnabled(valid);
}

bool ProviderDialog::exportTo(const QString& path, QString* error) const {
    if (m_report.hasErrors()) {
        if (error)
            *error = tr("Fix the provider's problems before exporting it");
        return false;
    }
    return JsonFile::write(path, ProviderValidator::exportJson(provider()), error);
}

void ProviderDialog::exportToFile() {
    const Provider current = provider();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Provider"), current.id + QStringLiteral(".json"),
                                     tr("Provider definitions (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        m_problems->setText(tr("Not exported: %1").arg(error));
        m_problems->setVisible(true);
        return;
    }
    m_problems->setText(QString());
    m_problems->setVisible(false);
}

void ProviderDialog::accept() {
    revalidate();
    if (m_report.hasErrors() || !m_workspace)
        return;
    Provider current = provider();
    QString error;
    if (!m_workspace->saveCustomProvider(current).ok(&error)) {
        // The dialog stays open with every field as typed: the user can fix the cause and retry.
        m_problems->setText(tr("Not saved: %1").arg(error));
        m_problems->setVisible(true);
        return;
    }
    m_savedId = current.id;
    QDialog::accept();
}

} // namespace gatehouse
