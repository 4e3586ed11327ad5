#include "gui/DeploymentsPage.h"

#include "core/JsonFile.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/GatehouseSession.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// A longest-common-subsequence line diff: revisions are small JSON documents, so the quadratic
// table is cheap and the output reads like `diff -u` without hunks.
QStringList lineDiff(const QStringList& a, const QStringList& b) {
    const int n = int(a.size());
    const int m = int(b.size());
    std::vector<std::vector<int>> lcs(std::size_t(n + 1), std::vector<int>(std::size_t(m + 1), 0));
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j)
            lcs[std::size_t(i)][std::size_t(j)] = a[i] == b[j]
                                                      ? lcs[std::size_t(i + 1)][std::size_t(j + 1)] + 1
                                                      : std::max(lcs[std::size_t(i + 1)][std::size_t(j)],
                                                                 lcs[std::size_t(i)][std::size_t(j + 1)]);
    }
    QStringList out;
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            out.append(QStringLiteral("  ") + a[i]);
            ++i;
            ++j;
        } else if (lcs[std::size_t(i + 1)][std::size_t(j)] >= lcs[std::size_t(i)][std::size_t(j + 1)]) {
            out.append(QStringLiteral("- ") + a[i++]);
        } else {
            out.append(QStringLiteral("+ ") + b[j++]);
        }
    }
    while (i < n)
        out.append(QStringLiteral("- ") + a[i++]);
    while (j < m)
        out.append(QStringLiteral("+ ") + b[j++]);
    return out;
}

} // namespace

DeploymentsPage::DeploymentsPage(ApiDraft* draft, GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_draft(draft), m_session(session), m_table(new QTableWidget(0, 4, this)),
      m_live(new QLabel(this)) {
    m_table->setObjectName(QStringLiteral("revisionsTable"));
    m_table->setHorizontalHeaderLabels({tr("Revision"), tr("Created"), tr("Description"), tr("State")});
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // read-only: Tab moves on, the arrow keys move between rows
    m_table->verticalHeader()->hide();
    m_live->setObjectName(QStringLiteral("liveRevision"));
    auto* deploy = new QPushButton(tr("Deploy selected"), this);
    deploy->setObjectName(QStringLiteral("deployRevision"));
    auto* undeploy = new QPushButton(tr("Undeploy"), this);
    undeploy->setObjectName(QStringLiteral("undeployApi"));
    auto* compare = new QPushButton(tr("Compare two..."), this);
    compare->setObjectName(QStringLiteral("compareRevisions"));
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(deploy);
    buttons->addWidget(undeploy);
    buttons->addWidget(compare);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_live);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(deploy, &QPushButton::clicked, this, [this] {
        const QList<int> selected = selectedRevisions();
        if (selected.size() != 1)
            return Q_EMIT statusMessage(tr("Select one revision to deploy"));
        QString error;
        if (!m_session->deployRevision(m_draft->api().id, selected.first(), &error))
            QMessageBox::warning(this, tr("Deploy failed"), error);
        else
            Q_EMIT statusMessage(tr("Revision %1 is live").arg(selected.first()));
    });
    connect(undeploy, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_session->undeploy(m_draft->api().id, &error))
            QMessageBox::warning(this, tr("Undeploy failed"), error);
        refresh();
    });
    connect(compare, &QPushButton::clicked, this, [this] {
        const QList<int> selected = selectedRevisions();
        if (selected.size() != 2)
            return Q_EMIT statusMessage(tr("Select two revisions to compare (Ctrl+click)"));
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Revision %1 → %2").arg(selected[0]).arg(selected[1]));
        auto* text = new QPlainTextEdit(diff(selected[0], selected[1]), &dialog);
        text->setObjectName(QStringLiteral("revisionDiff"));
        text->setReadOnly(true);
        text->setFont(QFont(QStringLiteral("monospace")));
        auto* layout = new QVBoxLayout(&dialog);
        layout->addWidget(text);
        dialog.resize(800, 600);
        dialog.exec();
    });
    connect(m_session, &GatehouseSession::deployed, this, &DeploymentsPage::refresh);
    connect(m_draft->workspace(), &Workspace::deploymentsChanged, this, &DeploymentsPage::refresh);
    refresh();
}

QList<int> DeploymentsPage::selectedRevisions() const {
    QList<int> numbers;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        numbers.append(m_table->item(row.row(), 0)->data(Qt::UserRole).toInt());
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

void DeploymentsPage::refresh() {
    const Workspace* workspace = m_draft->workspace();
    const QString apiId = m_draft->api().id;
    const std::vector<Revision> revisions = workspace->revisions(apiId);
    const Deployment* live = workspace->deployment(apiId);
    m_live->setText(live ? tr("Revision %1 is live on the local gateway since %2")
                               .arg(live->revision)
                               .arg(QLocale().toString(live->deployedAt.toLocalTime(), QLocale::ShortFormat))
                         : tr("Not deployed"));
    m_table->setRowCount(int(revisions.size()));
    for (int row = 0; row < int(revisions.size()); ++row) {
        const Revision& revision =
            revisions[std::size_t(revisions.size()) - 1 - std::size_t(row)]; // newest first
        auto* number = new QTableWidgetItem(tr("Revision %1").arg(revision.number));
        number->setData(Qt::UserRole, revision.number);
        m_table->setItem(row, 0, number);
        m_table->setItem(
            row, 1,
            new QTableWidgetItem(QLocale().toString(revision.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, 2, new QTableWidgetItem(revision.description));
        m_table->setItem(
            row, 3, new QTableWidgetItem(live && live->revision == revision.number ? tr("Live") : QString()));
    }
}

QString DeploymentsPage::diff(int fromRevision, int toRevision) const {
    const Workspace* workspace = m_draft->workspace();
    const Result<Revision> from = workspace->revision(m_draft->api().id, fromRevision);
    const Result<Revision> to = workspace->revision(m_draft->api().id, toRevision);
    if (!from || !to)
        return from ? to.error() : from.error();
    // Timestamps differ between every pair of revisions and say nothing about behaviour.
    Json a = from->api.toJson();
    Json b = to->api.toJson();
    for (Json* json : {&a, &b}) {
        json->erase("createdAt");
        json->erase("updatedAt");
    }
    const QStringList lines = lineDiff(QString::fromUtf8(JsonFile::serialize(a)).split(QLatin1Char('\n')),
                                       QString::fromUtf8(JsonFile::serialize(b)).split(QLatin1Char('\n')));
    return lines.join(QLatin1Char('\n'));
}

} // namespace gatehouse
