#include "gui/ApiEditor.h"

#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/DeploymentsPage.h"
#include "gui/EndpointsPage.h"
#include "gui/GatehouseSession.h"
#include "gui/OverviewPage.h"
#include "gui/PoliciesPage.h"
#include "gui/ResourcesPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gatehouse {

ApiEditor::ApiEditor(GatehouseSession* session, const QString& apiId, QWidget* parent)
    : QWidget(parent), m_session(session),
      m_draft(new ApiDraft(session->workspace(), *session->workspace()->api(apiId), this)),
      m_tabs(new QTabWidget(this)), m_policies(new PoliciesPage(m_draft, this)),
      m_endpoints(new EndpointsPage(m_draft, session->secrets(), this)),
      m_deployments(new DeploymentsPage(m_draft, session, this)), m_title(new QLabel(this)),
      m_problems(new QLabel(this)), m_save(new QPushButton(tr("Save"), this)),
      m_saveAndDeploy(new QPushButton(tr("Save and deploy"), this)),
      m_discard(new QPushButton(tr("Discard changes"), this)) {
    setObjectName(QStringLiteral("apiEditor"));
    m_tabs->setObjectName(QStringLiteral("apiTabs"));
    m_tabs->tabBar()->setObjectName(QStringLiteral("apiTabsBar"));
    m_tabs->addTab(new OverviewPage(m_draft, this), tr("Overview"));
    m_tabs->addTab(m_endpoints, tr("Endpoints"));
    m_tabs->addTab(new ResourcesPage(m_draft, this), tr("Resources"));
    m_tabs->addTab(m_policies, tr("Policies"));
    m_tabs->addTab(m_deployments, tr("Deployments"));
    m_title->setObjectName(QStringLiteral("apiEditorTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_problems->setObjectName(QStringLiteral("apiProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("saveApiButton"));
    m_saveAndDeploy->setObjectName(QStringLiteral("saveAndDeployButton"));
    m_discard->setObjectName(QStringLiteral("discardApiButton"));

    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_problems, 1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_save);
    buttons->addWidget(m_saveAndDeploy);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    connect(m_policies, &PoliciesPage::statusMessage, this, &ApiEditor::statusMessage);
    connect(m_endpoints, &EndpointsPage::statusMessage, this, &ApiEditor::statusMessage);
    m_endpoints->setMockOrigin([session] { return session->ensureMock(); });
    connect(m_deployments, &DeploymentsPage::statusMessage, this, &ApiEditor::statusMessage);
    connect(m_save, &QPushButton::clicked, this, [this] { reportFailure(save(), tr("Not saved")); });
    connect(m_saveAndDeploy, &QPushButton::clicked, this,
            [this] { reportFailure(saveAndDeploy(), tr("Not deployed")); });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        m_draft->revert();
        Q_EMIT statusMessage(tr("Changes discarded"));
    });
    connect(m_draft, &ApiDraft::changed, this, &ApiEditor::refreshState);
    refreshState();
}

QUndoStack* ApiEditor::undoStack() const {
    return m_draft->undoStack();
}

void ApiEditor::refreshState() {
    const Api& api = m_draft->api();
    m_title->setText(api.name + QStringLiteral("  ") + api.version +
                     (m_draft->isModified() ? QStringLiteral(" *") : QString()));
    const ValidationReport report = m_draft->validate();
    const auto errors = report.errors();
    QStringList lines;
    for (const ValidationIssue& issue : errors)
        lines.append(issue.toString());
    m_problems->setText(lines.isEmpty()
                            ? QString()
                            : QStringLiteral("<span style='color:#c62828'>%1</span>")
                                  .arg(lines.mid(0, 3).join(QStringLiteral("<br>")).toHtmlEscaped()));
    m_save->setEnabled(m_draft->isModified() && errors.empty());
    m_saveAndDeploy->setEnabled(errors.empty());
    m_discard->setEnabled(m_draft->isModified());
}

Status ApiEditor::save() {
    const ValidationReport report = m_draft->validate();
    if (report.hasErrors())
        return Status::failure(ErrorCode::Invalid, report.errors().front().toString());
    if (!m_draft->isModified())
        return Status::success();
    if (Status saved = m_draft->save(); !saved)
        return saved;
    Q_EMIT statusMessage(tr("%1 saved").arg(m_draft->api().name));
    return Status::success();
}

void ApiEditor::reportFailure(const Status& status, const QString& title) {
    if (status)
        return;
    QMessageBox box(QMessageBox::Warning, title, status.error(), QMessageBox::Ok, this);
    if (status.code() == ErrorCode::Conflict)
        box.setInformativeText(tr("Your changes are still here, unsaved. Reload the workspace (File menu) to "
                                  "see the other program's version; that discards them."));
    box.exec();
}

Status ApiEditor::saveAndDeploy() {
    if (Status saved = save(); !saved)
        return saved;
    const Result<Revision> revision = m_session->deploy(m_draft->api().id, tr("Deployed from the Publisher"));
    if (!revision)
        return Status::failureOf(revision);
    m_deployments->refresh();
    Q_EMIT statusMessage(
        tr("Revision %1 of %2 is live on the local gateway").arg(revision->number).arg(m_draft->api().name));
    return Status::success();
}

bool ApiEditor::maybeClose() {
    if (!m_draft->isModified())
        return true;
    const auto choice = QMessageBox::question(
        this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them?").arg(m_draft->api().name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (choice == QMessageBox::Cancel)
        return false;
    if (choice == QMessageBox::Discard) {
        m_draft->revert();
        return true;
    }
    const Status saved = save();
    reportFailure(saved, tr("Not saved"));
    return saved.ok();
}

} // namespace gatehouse
