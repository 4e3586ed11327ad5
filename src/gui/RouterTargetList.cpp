#include "gui/RouterTargetList.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace gatehouse {

namespace {
QLabel* errorLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}
} // namespace

RouterTargetList::RouterTargetList(const QString& prefix, Options options, QWidget* parent)
    : QWidget(parent), m_prefix(prefix), m_options(options), m_grid(new QGridLayout()),
      m_add(new QPushButton(tr("Add Model"), this)), m_listError(errorLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_grid->addWidget(new QLabel(tr("Model"), this), 0, 0);
    m_grid->addWidget(new QLabel(tr("Endpoint"), this), 0, 1);
    if (m_options.weighted) {
        m_grid->addWidget(new QLabel(tr("Weight"), this), 0, 2);
        m_grid->addWidget(new QLabel(tr("Share"), this), 0, 3);
    }
    m_grid->setColumnStretch(0, 3);
    m_grid->setColumnStretch(1, 3);
    layout->addLayout(m_grid);
    layout->addWidget(m_listError);
    m_add->setObjectName(prefix + QStringLiteral("Add"));
    m_add->setVisible(!m_options.fixedSingleRow);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    m_listError->setObjectName(prefix + QStringLiteral("ListError"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow();
        Q_EMIT changed();
    });
    if (m_options.fixedSingleRow)
        addRow();
}

void RouterTargetList::setChoices(const QStringList& models,
                                  const std::vector<std::pair<QString, QString>>& endpoints) {
    m_models = models;
    m_endpoints = endpoints;
    for (Row& row : m_rows) {
        const QString model = row.model->currentText();
        const QString endpoint = row.endpoint->currentData().toString();
        row.model->clear();
        row.model->addItems(models);
        row.model->setCurrentText(model);
        row.endpoint->clear();
        for (const auto& [id, name] : endpoints)
            row.endpoint->addItem(name, id);
        row.endpoint->setCurrentIndex(qMax(0, row.endpoint->findData(endpoint)));
    }
}

void RouterTargetList::addRow() {
    Row row;
    row.model = new QComboBox(this);
    row.model->setEditable(true); // models nobody listed are allowed (with a warning)
    row.model->addItems(m_models);
    row.model->setCurrentText(QString());
    row.model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row.model->setMinimumContentsLength(8);
    row.endpoint = new QComboBox(this);
    row.endpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row.endpoint->setMinimumContentsLength(8);
    for (const auto& [id, name] : m_endpoints)
        row.endpoint->addItem(name, id);
    row.error = errorLabel(this);
    const int gridRow = int(m_rows.size()) * 2 + 1;
    m_grid->addWidget(row.model, gridRow, 0);
    m_grid->addWidget(row.endpoint, gridRow, 1);
    if (m_options.weighted) {
        row.weight = new QDoubleSpinBox(this);
        row.weight->setRange(0, 1000000);
        row.weight->setDecimals(1);
        row.weight->setMaximumWidth(row.weight->fontMetrics().horizontalAdvance(QStringLiteral("00000.0")) +
                                    28);
        row.weight->setValue(1);
        row.share = new QLabel(this);
        row.share->setMinimumWidth(row.share->fontMetrics().horizontalAdvance(QStringLiteral("100.0%")) + 4);
        m_grid->addWidget(row.weight, gridRow, 2);
        m_grid->addWidget(row.share, gridRow, 3);
        connect(row.weight, &QDoubleSpinBox::valueChanged, this, [this] {
            updateShares();
            Q_EMIT changed();
        });
    }
    if (!m_options.fixedSingleRow) {
        row.remove = new QPushButton(QStringLiteral("\u2715"), this);
        row.remove->setToolTip(tr("Remove this model"));
        row.remove->setAccessibleName(tr("Remove"));
        row.remove->setMaximumWidth(row.remove->fontMetrics().horizontalAdvance(QStringLiteral("MM")) + 12);
        m_grid->addWidget(row.remove, gridRow, 4);
        connect(row.remove, &QPushButton::clicked, this, [this, remove = row.remove] {
            for (std::size_t i = 0; i < m_rows.size(); ++i) {
                if (m_rows[i].remove == remove) {
                    removeRow(int(i));
                    Q_EMIT changed();
                    return;
                }
            }
        });
    }
    m_grid->addWidget(row.error, gridRow + 1, 0, 1, 5);
    connect(row.model, &QComboBox::currentTextChanged, this, &RouterTargetList::changed);
    connect(row.endpoint, &QComboBox::currentIndexChanged, this, &RouterTargetList::changed);
    m_rows.push_back(row);
    rebuildNames();
    updateShares();
}

void RouterTargetList::removeRow(int index) {
    if (index < 0 || index >= int(m_rows.size()))
        return;
    // Rebuild the grid from the remaining rows' values: simpler than shifting widgets between cells.
    std::vector<ModelRouterConfig::Target> remaining = targets();
    remaining.erase(remaining.begin() + index);
    clearRows();
    setTargets(remaining);
}

void RouterTargetList::clearRows() {
    for (Row& row : m_rows) {
        for (QWidget* widget : {static_cast<QWidget*>(row.model), static_cast<QWidget*>(row.endpoint),
                                static_cast<QWidget*>(row.weight), static_cast<QWidget*>(row.share),
                                static_cast<QWidget*>(row.remove), static_cast<QWidget*>(row.error)}) {
            if (widget) {
                widget->hide();
                widget->setObjectName(QString()); // a deleted-later widget must not be found by name
                widget->deleteLater();
            }
        }
    }
    m_rows.clear();
}

void RouterTargetList::setTargets(const std::vector<ModelRouterConfig::Target>& targets) {
    if (!m_options.fixedSingleRow)
        clearRows();
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if (int(i) >= int(m_rows.size()))
            addRow();
        Row& row = m_rows[i];
        const ModelRouterConfig::Target& target = targets[i];
        const QSignalBlocker blockModel(row.model);
        const QSignalBlocker blockEndpoint(row.endpoint);
        row.model->setCurrentText(target.model);
        const QString& endpointId = target.endpointId;
        int endpointIndex = row.endpoint->findData(endpointId);
        if (endpointIndex < 0 && !endpointId.isEmpty()) {
            row.endpoint->addItem(tr("%1 (missing)").arg(endpointId), endpointId); // keep it visible, flagged
            endpointIndex = row.endpoint->count() - 1;
        }
        row.endpoint->setCurrentIndex(qMax(0, endpointIndex));
        if (row.weight) {
            const QSignalBlocker blockWeight(row.weight);
            row.weight->setValue(target.weight);
        }
    }
    updateShares();
}

std::vector<ModelRouterConfig::Target> RouterTargetList::targets() const {
    std::vector<ModelRouterConfig::Target> list;
    for (const Row& row : m_rows) {
        ModelRouterConfig::Target target;
        target.model = row.model->currentText().trimmed();
        target.endpointId = row.endpoint->currentData().toString();
        target.endpointName = row.endpoint->currentText();
        target.weight = row.weight ? row.weight->value() : 1;
        list.push_back(std::move(target));
    }
    return list;
}

void RouterTargetList::rebuildNames() {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const QString n = QString::number(i);
        m_rows[i].model->setObjectName(m_prefix + QStringLiteral("Model") + n);
        m_rows[i].endpoint->setObjectName(m_prefix + QStringLiteral("Endpoint") + n);
        if (m_rows[i].weight) {
            m_rows[i].weight->setObjectName(m_prefix + QStringLiteral("Weight") + n);
            m_rows[i].share->setObjectName(m_prefix + QStringLiteral("Share") + n);
        }
        if (m_rows[i].remove)
            m_rows[i].remove->setObjectName(m_prefix + QStringLiteral("Remove") + n);
        m_rows[i].error->setObjectName(m_prefix + QStringLiteral("Error") + n);
        // The grid's column titles are not buddies of the row's fields: name them for screen readers.
        const int number = int(i) + 1;
        m_rows[i].model->setAccessibleName(tr("Model %1").arg(number));
        m_rows[i].endpoint->setAccessibleName(tr("Endpoint of model %1").arg(number));
        if (m_rows[i].weight)
            m_rows[i].weight->setAccessibleName(tr("Weight of model %1").arg(number));
        if (m_rows[i].remove)
            m_rows[i].remove->setAccessibleName(tr("Remove model %1").arg(number));
    }
}

void RouterTargetList::updateShares() {
    if (!m_options.weighted)
        return;
    double total = 0;
    for (const Row& row : m_rows)
        total += row.weight->value();
    for (const Row& row : m_rows) {
        const double share = total > 0 ? row.weight->value() / total * 100 : 0;
        row.share->setText(QString::number(share, 'f', share == std::floor(share) ? 0 : 1) +
                           QLatin1Char('%'));
    }
}

void RouterTargetList::setRowError(int row, const QString& message) {
    QLabel* label = row < 0                    ? m_listError
                    : row < int(m_rows.size()) ? m_rows[std::size_t(row)].error
                                               : nullptr;
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void RouterTargetList::clearErrors() {
    setRowError(-1, QString());
    for (int i = 0; i < int(m_rows.size()); ++i)
        setRowError(i, QString());
}

} // namespace gatehouse
