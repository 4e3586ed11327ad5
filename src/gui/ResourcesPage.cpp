#include "gui/ResourcesPage.h"

#include "gui/ApiDraft.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

ResourcesPage::ResourcesPage(ApiDraft* draft, QWidget* parent)
    : QWidget(parent), m_draft(draft), m_table(new QTableWidget(0, 4, this)), m_verb(new QComboBox(this)),
      m_path(new QLineEdit(this)), m_error(new QLabel(this)) {
    m_table->setObjectName(QStringLiteral("resourcesTable"));
    m_table->setHorizontalHeaderLabels({tr("Verb"), tr("Path"), tr("Summary"), tr("Policies")});
    // Verb, path and policies fit their text; the summary takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // read-only: Tab moves on, the arrow keys move between rows
    m_table->verticalHeader()->hide();
    m_verb->setObjectName(QStringLiteral("newResourceVerb"));
    m_verb->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                      QStringLiteral("PATCH"), QStringLiteral("DELETE")});
    m_verb->setCurrentText(QStringLiteral("POST"));
    m_path->setObjectName(QStringLiteral("newResourcePath"));
    m_path->setPlaceholderText(tr("/path/{parameter}"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto* add = new QPushButton(tr("Add resource"), this);
    add->setObjectName(QStringLiteral("addResource"));
    auto* remove = new QPushButton(tr("Remove selected"), this);
    remove->setObjectName(QStringLiteral("removeResource"));
    auto* row = new QHBoxLayout();
    row->addWidget(m_verb);
    row->addWidget(m_path, 1);
    row->addWidget(add);
    row->addWidget(remove);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(row);
    layout->addWidget(m_error);
    connect(add, &QPushButton::clicked, this, &ResourcesPage::add);
    connect(m_path, &QLineEdit::returnPressed, this, &ResourcesPage::add);
    connect(remove, &QPushButton::clicked, this, &ResourcesPage::removeSelected);
    connect(draft, &ApiDraft::changed, this, &ResourcesPage::refresh);
    refresh();
}

void ResourcesPage::refresh() {
    const auto& operations = m_draft->api().operations;
    m_table->setRowCount(int(operations.size()));
    for (int row = 0; row < int(operations.size()); ++row) {
        const Operation& operation = operations[std::size_t(row)];
        m_table->setItem(row, 0, new QTableWidgetItem(operation.verb));
        m_table->setItem(row, 1, new QTableWidgetItem(operation.path));
        m_table->setItem(row, 2, new QTableWidgetItem(operation.summary));
        m_table->setItem(row, 3, new QTableWidgetItem(QString::number(operation.policies.count())));
    }
}

void ResourcesPage::add() {
    const QString verb = m_verb->currentText();
    QString path = m_path->text().trimmed();
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    if (path.size() < 2 || path.contains(QLatin1Char(' '))) {
        m_error->setText(tr("A resource path looks like /chat/completions or /models/{id}"));
        return;
    }
    Api api = m_draft->api();
    if (api.operation(verb, path)) {
        m_error->setText(tr("%1 %2 exists already").arg(verb, path));
        return;
    }
    Operation operation;
    operation.verb = verb;
    operation.path = path;
    api.operations.push_back(operation);
    m_error->clear();
    m_path->clear();
    m_draft->edit(api, tr("Add resource %1 %2").arg(verb, path));
}

void ResourcesPage::removeSelected() {
    const int row = m_table->currentRow();
    Api api = m_draft->api();
    if (row < 0 || row >= int(api.operations.size()))
        return;
    const QString key = api.operations[std::size_t(row)].key();
    api.operations.erase(api.operations.begin() + row);
    m_draft->edit(api, tr("Remove resource %1").arg(key));
}

} // namespace gatehouse
