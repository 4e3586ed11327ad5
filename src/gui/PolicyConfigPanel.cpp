#include "gui/PolicyConfigPanel.h"

#include "core/PolicyCatalogue.h"
#include "core/PolicyValidator.h"
#include "core/ProviderModels.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/FetchedModels.h"
#include "gui/ModelRouterForm.h"
#include "gui/PolicyFlowModel.h"
#include "gui/SchemaForm.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse {

PolicyConfigPanel::PolicyConfigPanel(PolicyFlowModel* model, ApiDraft* draft, QWidget* parent)
    : QWidget(parent), m_model(model), m_draft(draft), m_title(new QLabel(this)),
      m_description(new QLabel(this)), m_placement(new QLabel(this)), m_problems(new QLabel(this)),
      m_scroll(new QScrollArea(this)), m_applyToAll(new QCheckBox(tr("Apply to all resources"), this)),
      m_save(new QPushButton(tr("Save"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_paste(new QPushButton(tr("Paste from WSO2"), this)) {
    setObjectName(QStringLiteral("policyConfigPanel"));
    // No fixed minimum width: the drawer's minimum adds to the lanes' and the palette's, and a sum
    // wider than the window made the main window itself grow when the drawer opened. The form
    // scrolls instead, and PoliciesPage gives the drawer its room when it opens.
    m_title->setObjectName(QStringLiteral("policyConfigTitle"));
    m_title->setWordWrap(true); // long (German) policy names wrap rather than widen the drawer
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_description->setWordWrap(true);
    m_placement->setObjectName(QStringLiteral("policyPlacement"));
    m_placement->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("policyProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_applyToAll->setObjectName(QStringLiteral("applyToAllResources"));
    m_save->setObjectName(QStringLiteral("policySaveButton"));
    m_save->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("policyCancelButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_placement);
    layout->addWidget(m_description);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_applyToAll);
    // Model routers only: fills the form from the clipboard, in any shape WSO2 writes the configuration.
    m_paste->setObjectName(QStringLiteral("pasteRouterConfig"));
    m_paste->setToolTip(tr("Fill the form from a configuration copied from WSO2's Publisher, its REST API or "
                           "an apictl project"));
    m_paste->hide();
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_paste);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &PolicyConfigPanel::save);
    connect(m_paste, &QPushButton::clicked, this, [this] {
        if (m_routerForm)
            m_routerForm->pasteConfiguration(QGuiApplication::clipboard()->text());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        closePanel();
        Q_EMIT finished(tr("Nothing attached"));
    });
    connect(draft, &ApiDraft::changed, this, [this] {
        // An undo (or any other edit) may have moved or changed the chip this panel edits: saving
        // would then overwrite whatever sits at its old position. Close instead.
        if (isEditing() && !m_isNew) {
            const auto current = m_model->attachmentAt(m_scope, m_flow, m_position);
            if (!current || *current != m_original)
                closePanel();
        }
    });
    hide();
}

QWidget* PolicyConfigPanel::packedAtTop(QWidget* form) const {
    // The scroll area stretches its widget to the drawer's height; a form given that height spreads
    // its rows over it. Below the form, a stretch takes what the rows do not need.
    auto* page = new QWidget(m_scroll); // setWidget() moves it into the viewport
    page->setObjectName(QStringLiteral("policyConfigForm"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(form);
    layout->addStretch(1);
    return page;
}

void PolicyConfigPanel::openNew(const QString& scope, FlowKind flow, int position,
                                const QString& policyName) {
    const PolicyDefinition* definition = PolicyCatalogue::builtin().find(policyName);
    if (!definition)
        return;
    PolicyAttachment attachment;
    attachment.policyName = policyName;
    attachment.policyVersion = definition->version;
    attachment.parameters = definition->defaultParameters();
    open(scope, flow, position, policyName, attachment, true);
}

void PolicyConfigPanel::openExisting(const QString& scope, FlowKind flow, int position) {
    const auto attachment = m_model->attachmentAt(scope, flow, position);
    if (attachment)
        open(scope, flow, position, attachment->policyName, *attachment, false);
}

void PolicyConfigPanel::open(const QString& scope, FlowKind flow, int position, const QString& policyName,
                             const PolicyAttachment& initial, bool isNew) {
    const PolicyDefinition* definition = PolicyCatalogue::builtin().find(policyName);
    if (!definition || !m_draft)
        return;
    m_definition = definition;
    m_policyName = policyName;
    m_scope = scope;
    m_flow = flow;
    m_position = position;
    m_isNew = isNew;
    m_original = initial;
    m_title->setText((isNew ? tr("Attach %1") : tr("Edit %1")).arg(definition->displayName));
    m_description->setText(definition->description);
    m_placement->setText(
        tr("%1 flow of %2")
            .arg(flowKindDisplayName(flow), scope.isEmpty() ? tr("every operation (API level)") : scope));
    m_applyToAll->setVisible(isNew && !scope.isEmpty());
    m_applyToAll->setChecked(false);

    m_routerForm = nullptr;
    m_schemaForm = nullptr;
    const Api& api = m_draft->api();
    const Provider* provider = m_draft->workspace()->provider(api.providerId);
    if (definition->isModelRouter() && !definition->attributes.empty()) {
        const QString folder = m_draft->workspace()->directory();
        const Result<PriceCatalogue> workspacePrices = PriceCatalogue::readWorkspace(folder);
        m_prices =
            PriceCatalogue::shipped().overlaid(workspacePrices ? workspacePrices.value() : PriceCatalogue());
        m_fetchedModels = FetchedModels::of(folder, api.id);
        auto* form = new ModelRouterForm(
            *definition, api,
            provider ? ProviderModels::offered(*provider, m_prices, m_fetchedModels) : QStringList());
        const PolicyAttribute& attribute = definition->attributes.front();
        const auto raw = initial.parameters.find(attribute.name.toStdString());
        form->setConfig(raw == initial.parameters.end()
                            ? Json::object()
                            : PolicyValidator::decodedAttribute(attribute, *raw, nullptr));
        connect(form, &ModelRouterForm::changed, this, &PolicyConfigPanel::revalidate);
        m_routerForm = form;
        m_scroll->setWidget(packedAtTop(form)); // takes ownership; the previous form is deleted
        m_paste->show();
    } else {
        auto* form = new SchemaForm(*definition);
        form->setParameters(initial.parameters);
        connect(form, &SchemaForm::changed, this, &PolicyConfigPanel::revalidate);
        m_schemaForm = form;
        m_scroll->setWidget(packedAtTop(form));
        m_paste->hide();
    }
    const bool opening = isHidden();
    show();
    revalidate();
    if (opening)
        Q_EMIT opened();
}

void PolicyConfigPanel::closePanel() {
    const bool wasOpen = !isHidden();
    m_policyName.clear();
    m_definition = nullptr;
    m_routerForm = nullptr;
    m_schemaForm = nullptr;
    delete m_scroll->takeWidget();
    hide();
    if (wasOpen)
        Q_EMIT closed();
}

PolicyAttachment PolicyConfigPanel::currentAttachment() const {
    PolicyAttachment attachment;
    attachment.policyName = m_policyName;
    if (m_definition)
        attachment.policyVersion = m_definition->version;
    if (m_routerForm && m_definition && !m_definition->attributes.empty()) {
        Json parameters = Json::object();
        parameters[m_definition->attributes.front().name.toStdString()] = m_routerForm->config();
        attachment.parameters = parameters;
    } else if (m_schemaForm) {
        attachment.parameters = m_schemaForm->parameters();
    }
    return attachment;
}

QString PolicyConfigPanel::attachmentPath() const {
    const QString prefix =
        m_scope.isEmpty() ? QStringLiteral("apiPolicies") : QStringLiteral("operations[%1]").arg(m_scope);
    return QStringLiteral("%1.%2[%3]").arg(prefix, flowKindName(m_flow)).arg(m_position);
}

void PolicyConfigPanel::revalidate() {
    if (!isEditing() || !m_draft)
        return;
    const Api& api = m_draft->api();
    const PolicyValidator validator(PolicyCatalogue::builtin(),
                                    m_draft->workspace()->provider(api.providerId), &m_prices,
                                    m_fetchedModels);
    const PolicyAttachment attachment = currentAttachment();
    ValidationReport report;
    validator.validateParameters(api, attachment, attachmentPath(), report);
    QStringList general;
    if (m_isNew) {
        const Operation* operation = m_scope.isEmpty() ? nullptr : api.operationByKey(m_scope);
        const QString placement = validator.placementError(api, operation, m_flow, m_policyName);
        if (!placement.isEmpty())
            report.addError(attachmentPath(), placement);
    }
    const QString attributePath =
        m_definition && !m_definition->attributes.empty()
            ? attachmentPath() + QLatin1Char('.') + m_definition->attributes.front().name
            : attachmentPath();
    if (m_routerForm)
        m_routerForm->showIssues(report.issues(), attributePath);
    if (m_schemaForm)
        m_schemaForm->showIssues(report.issues(), attachmentPath());
    // Errors not tied to a row or field (no models at all, a refused placement) are listed here.
    for (const ValidationIssue& issue : report.errors()) {
        const QString rest = issue.path.mid(attributePath.size());
        const bool rowLevel =
            m_routerForm && issue.path.startsWith(attributePath) &&
            (rest.contains(QLatin1Char('[')) || rest.contains(QLatin1String("targetModel")));
        const bool fieldLevel = m_schemaForm && issue.path.startsWith(attachmentPath() + QLatin1Char('.'));
        if (!rowLevel && !fieldLevel)
            general.append(issue.message);
    }
    m_problems->setText(general.join(QLatin1Char('\n')));
    m_problems->setVisible(!general.isEmpty());
    m_save->setEnabled(!report.hasErrors());
    m_save->setToolTip(report.hasErrors() ? tr("Fix the errors above first") : QString());
}

int PolicyConfigPanel::preferredWidth() const {
    // The scroll area's own size hint is taken when the form is set, before it is polished, and is
    // bounded; the form's hint now, plus a vertical scroll bar and the margins, is what it needs.
    int form = 0;
    if (const QWidget* widget = m_scroll->widget())
        form = widget->sizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this) +
               2 * m_scroll->frameWidth();
    const QMargins margins = layout()->contentsMargins();
    return qMax(sizeHint().width(), form + margins.left() + margins.right());
}

bool PolicyConfigPanel::canSave() const {
    return isEditing() && m_save->isEnabled();
}

void PolicyConfigPanel::save() {
    if (!canSave())
        return;
    const PolicyAttachment attachment = currentAttachment();
    const QString name = m_definition ? m_definition->displayName : m_policyName;
    QString error;
    bool ok = true;
    QString message;
    if (m_isNew && m_applyToAll->isChecked()) {
        const int count = m_model->attachToAllOperations(m_flow, attachment, &error);
        ok = count > 0;
        message = tr("%1 attached to %n resource(s)", nullptr, count).arg(name);
        if (!error.isEmpty())
            message += QStringLiteral("; ") + tr("skipped: %1").arg(error);
    } else if (m_isNew) {
        ok = m_model->attach(m_scope, m_flow, m_position, attachment, &error);
        message = tr("%1 attached to the %2 flow of %3")
                      .arg(name, flowKindDisplayName(m_flow), m_scope.isEmpty() ? tr("the API") : m_scope);
    } else {
        ok = m_model->replace(m_scope, m_flow, m_position, attachment);
        message = tr("%1 updated").arg(name);
    }
    if (!ok) {
        m_problems->setText(error.isEmpty() ? tr("Not saved") : error);
        m_problems->show();
        return;
    }
    closePanel();
    Q_EMIT finished(message);
}

} // namespace gatehouse
