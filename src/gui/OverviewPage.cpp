#include "gui/OverviewPage.h"

#include "core/ApiValidator.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
QString transitionVerb(LifecycleState target) {
    switch (target) {
    case LifecycleState::Published:
        return OverviewPage::tr("Publish");
    case LifecycleState::Deprecated:
        return OverviewPage::tr("Deprecate");
    case LifecycleState::Retired:
        return OverviewPage::tr("Retire");
    case LifecycleState::Blocked:
        return OverviewPage::tr("Block");
    case LifecycleState::Created:
        return OverviewPage::tr("Demote to Created");
    }
    return {};
}
} // namespace

OverviewPage::OverviewPage(ApiDraft* draft, QWidget* parent)
    : QWidget(parent), m_draft(draft), m_name(new QLineEdit(this)), m_nameError(new QLabel(this)),
      m_description(new QPlainTextEdit(this)), m_address(new QLabel(this)), m_provider(new QLabel(this)),
      m_lifecycle(new QLabel(this)), m_lifecycleButtons(new QHBoxLayout()) {
    m_name->setObjectName(QStringLiteral("apiName"));
    m_nameError->setObjectName(QStringLiteral("apiNameError"));
    m_nameError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_description->setObjectName(QStringLiteral("apiDescription"));
    m_description->setMaximumHeight(120);
    m_lifecycle->setObjectName(QStringLiteral("apiLifecycle"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The form keeps its natural height at the top of the tab: in a QFormLayout given the whole tab,
    // rows that cannot grow get the extra height as gaps, and the five rows spread down the page.
    auto* page = new QVBoxLayout(this);
    auto* layout = new QFormLayout();
    page->addLayout(layout);
    page->addStretch(1);
    layout->addRow(tr("Name:"), m_name);
    layout->addRow(QString(), m_nameError);
    m_nameError->hide(); // shown with a message only: an empty row would leave a gap under the name
    layout->addRow(tr("Description:"), m_description);
    layout->addRow(tr("Gateway path:"), m_address);
    layout->addRow(tr("Provider:"), m_provider);
    auto* lifecycleRow = new QHBoxLayout();
    lifecycleRow->addWidget(m_lifecycle);
    lifecycleRow->addLayout(m_lifecycleButtons);
    lifecycleRow->addStretch();
    layout->addRow(tr("Lifecycle:"), lifecycleRow);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        const QString error = ApiValidator::nameError(text);
        m_nameError->setText(error.isEmpty() ? QString() : tr("Name %1").arg(error));
        m_nameError->setVisible(!error.isEmpty());
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        Api api = m_draft->api();
        api.name = m_name->text().trimmed();
        m_draft->edit(api, tr("Rename API"));
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (m_description->toPlainText() == m_draft->api().description)
            return;
        Api api = m_draft->api();
        api.description = m_description->toPlainText();
        m_draft->edit(api, tr("Edit description"), QStringLiteral("description"));
    });
    connect(draft, &ApiDraft::changed, this, &OverviewPage::refresh);
    refresh();
}

void OverviewPage::refresh() {
    const Api& api = m_draft->api();
    if (m_name->text() != api.name)
        m_name->setText(api.name);
    if (m_description->toPlainText() != api.description) {
        const QSignalBlocker block(m_description);
        m_description->setPlainText(api.description);
    }
    m_address->setText(api.basePath());
    const Provider* provider = m_draft->workspace()->provider(api.providerId);
    m_provider->setText(provider ? provider->displayName : api.providerId);
    m_lifecycle->setText(QStringLiteral("<b>%1</b>").arg(lifecycleStateDisplayName(api.lifecycle)));
    while (QLayoutItem* item = m_lifecycleButtons->takeAt(0)) {
        if (QWidget* widget = item->widget()) {
            widget->hide();
            widget->deleteLater(); // the clicked button may be the one being replaced
        }
        delete item;
    }
    for (LifecycleState target : lifecycleTransitions(api.lifecycle)) {
        auto* button = new QPushButton(transitionVerb(target), this);
        button->setObjectName(QStringLiteral("lifecycle") + lifecycleStateName(target));
        connect(button, &QPushButton::clicked, this, [this, target] {
            Api changed = m_draft->api();
            changed.lifecycle = target;
            m_draft->edit(changed, tr("Change lifecycle to %1").arg(lifecycleStateDisplayName(target)));
        });
        m_lifecycleButtons->addWidget(button);
    }
}

} // namespace gatehouse
