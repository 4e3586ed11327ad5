#include "gui/ModelPricesPage.h"

#include "core/JsonFile.h"
#include "core/Workspace.h"
#include "gui/GatehouseSession.h"

#include <QDate>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

constexpr double perMillion = 1e6;
// The cached-input field's "none" value: below every price, shown as "as input".
constexpr double sameAsInput = -0.0001;

enum Column {
    ModelColumn,
    ProviderColumn,
    InputColumn,
    CachedColumn,
    OutputColumn,
    OriginColumn,
    DateColumn
};

QString money(double perToken) {
    // Up to four decimals per 1M tokens (0.075), without trailing zeros.
    QString text = QString::number(perToken * perMillion, 'f', 4);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QDoubleSpinBox* priceField(QWidget* parent, const QString& name) {
    auto* field = new QDoubleSpinBox(parent);
    field->setObjectName(name);
    field->setDecimals(4);
    field->setRange(0, 100000);
    field->setSingleStep(0.01);
    field->setPrefix(QStringLiteral("$ "));
    //: After a price: US dollars per million tokens.
    field->setSuffix(ModelPricesPage::tr(" / 1M tokens"));
    return field;
}

} // namespace

ModelPricesPage::ModelPricesPage(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_filter(new QLineEdit(this)),
      m_table(new QTableWidget(0, 7, this)), m_model(new QLineEdit(this)), m_provider(new QLineEdit(this)),
      m_input(priceField(this, QStringLiteral("priceInput"))),
      m_cachedInput(priceField(this, QStringLiteral("priceCachedInput"))),
      m_output(priceField(this, QStringLiteral("priceOutput"))), m_source(new QLineEdit(this)),
      m_origin(new QLabel(this)), m_problem(new QLabel(this)),
      m_save(new QPushButton(tr("&Save price"), this)),
      m_remove(new QPushButton(tr("&Remove workspace price"), this)),
      m_import(new QPushButton(tr("&Import LiteLLM price file..."), this)) {
    setObjectName(QStringLiteral("modelPricesPage"));
    m_filter->setObjectName(QStringLiteral("priceFilter"));
    m_filter->setPlaceholderText(tr("Filter by model or provider"));
    m_filter->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("priceTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Provider"), tr("Input USD/1M"),
                                        tr("Cached input USD/1M"), tr("Output USD/1M"), tr("Origin"),
                                        tr("Price date")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_model->setObjectName(QStringLiteral("priceModel"));
    m_provider->setObjectName(QStringLiteral("priceProvider"));
    m_provider->setPlaceholderText(tr("openai, anthropic, mistral..."));
    m_cachedInput->setMinimum(sameAsInput);
    m_cachedInput->setSpecialValueText(tr("as input"));
    m_source->setObjectName(QStringLiteral("priceSource"));
    m_source->setPlaceholderText(tr("https://... (the price page, for whoever checks it later)"));
    m_origin->setObjectName(QStringLiteral("priceOrigin"));
    m_origin->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("priceProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();
    m_save->setObjectName(QStringLiteral("priceSave"));
    m_remove->setObjectName(QStringLiteral("priceRemove"));
    m_import->setObjectName(QStringLiteral("priceImport"));

    auto* form = new QFormLayout();
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("&Input:"), m_input);
    form->addRow(tr("&Cached input:"), m_cachedInput);
    form->addRow(tr("&Output:"), m_output);
    form->addRow(tr("So&urce:"), m_source);
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_import);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_save);
    auto* note =
        new QLabel(tr("Prices are in US dollars per million tokens. Cached prompt tokens are charged at "
                      "the cached input price, reasoning tokens at the output price. A model is "
                      "found as WSO2 finds it: gpt-4o-2024-11-20 is priced as gpt-4o when it has no "
                      "price of its own. The Demo provider's models are free."),
                   this);
    note->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_origin);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ModelPricesPage::fillTable);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (const QTableWidgetItem* item = m_table->item(row, ModelColumn))
            selectModel(item->text());
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        QString error;
        savePrice(&error);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QString error;
        removeWorkspacePrice(&error);
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a LiteLLM price file"), QString(),
                                                          tr("JSON files (*.json)"));
        QString error;
        if (!path.isEmpty())
            importFile(path, &error);
    });
    refresh();
}

void ModelPricesPage::refresh() {
    Result<PriceCatalogue> read = PriceCatalogue::readWorkspace(m_session->workspace()->directory());
    m_readProblem = read ? QString() : read.error();
    m_workspace = read ? read.take() : PriceCatalogue();
    fillTable();
    showProblem(m_readProblem);
}

void ModelPricesPage::fillTable() {
    const QString filter = m_filter->text().trimmed();
    const PriceCatalogue effective = PriceCatalogue::shipped().overlaid(m_workspace);
    const QString selected = m_model->text();
    m_table->setRowCount(0);
    for (const PriceCatalogue::Entry& entry : effective.entries()) {
        const ModelPrice& price = entry.price;
        if (!filter.isEmpty() && !entry.key.contains(filter, Qt::CaseInsensitive) &&
            !price.litellmProvider.contains(filter, Qt::CaseInsensitive))
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const bool fromWorkspace = m_workspace.find(entry.key) != nullptr;
        const QStringList cells{entry.key,
                                price.litellmProvider,
                                money(price.inputCostPerToken),
                                price.cacheReadInputTokenCost ? money(*price.cacheReadInputTokenCost)
                                                              : tr("as input"),
                                money(price.outputCostPerToken),
                                fromWorkspace ? tr("Workspace") : tr("Shipped"),
                                price.sourceDate};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column >= InputColumn && column <= OutputColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!price.source.isEmpty())
                item->setToolTip(price.source);
            m_table->setItem(row, column, item);
        }
        if (entry.key.compare(selected, Qt::CaseInsensitive) == 0) {
            const QSignalBlocker quiet(m_table);
            m_table->selectRow(row);
        }
    }
}

bool ModelPricesPage::selectModel(const QString& model) {
    const PriceCatalogue effective = PriceCatalogue::shipped().overlaid(m_workspace);
    const ModelPrice* price = effective.find(model);
    if (!price)
        return false;
    const bool fromWorkspace = m_workspace.find(model) != nullptr;
    m_model->setText(effective.keyOf(model));
    m_provider->setText(price->litellmProvider);
    m_input->setValue(price->inputCostPerToken * perMillion);
    m_cachedInput->setValue(price->cacheReadInputTokenCost ? *price->cacheReadInputTokenCost * perMillion
                                                           : sameAsInput);
    m_output->setValue(price->outputCostPerToken * perMillion);
    m_source->setText(price->source);
    if (fromWorkspace)
        //: %1 is a date such as 2026-12-07.
        m_origin->setText(tr("Workspace price (prices.json), set %1.").arg(price->sourceDate));
    else
        //: %1 is a date such as 2026-12-07, %2 a web address.
        m_origin->setText(tr("Shipped list price of %1 from %2.").arg(price->sourceDate, price->source));
    m_remove->setEnabled(fromWorkspace);
    showProblem(m_readProblem);
    return true;
}

bool ModelPricesPage::changeWorkspace(const std::function<bool(PriceCatalogue&, QString*)>& change,
                                      QString* error) {
    Workspace& workspace = *m_session->workspace();
    Result<std::unique_ptr<Workspace::WriteLock>> lock = workspace.lock();
    if (!lock) {
        *error = lock.error();
        return false;
    }
    // Read again under the lock: gatehouse-ctl prices may have written since the page was filled.
    Result<PriceCatalogue> read = PriceCatalogue::readWorkspace(workspace.directory());
    if (!read) {
        *error = read.error();
        return false;
    }
    PriceCatalogue prices = read.take();
    if (!change(prices, error))
        return false;
    if (!prices.writeWorkspace(workspace.directory()).ok(error))
        return false;
    m_workspace = std::move(prices);
    m_readProblem.clear();
    return true;
}

bool ModelPricesPage::savePrice(QString* error) {
    const QString model = m_model->text().trimmed();
    const auto fail = [&](const QString& problem) {
        *error = problem;
        showProblem(problem);
        return false;
    };
    if (model.isEmpty())
        return fail(tr("Give the model's name as requests name it (gpt-4o, claude-3-5-sonnet-20241022)."));
    if (model == QLatin1String("sample_spec"))
        return fail(tr("sample_spec is LiteLLM's description of its format, not a model."));
    QString savedKey;
    const bool saved = changeWorkspace(
        [&](PriceCatalogue& prices, QString*) {
            auto [key, price] = PriceCatalogue::startingPoint(model, prices);
            price.inputCostPerToken = m_input->value() / perMillion;
            price.outputCostPerToken = m_output->value() / perMillion;
            if (m_cachedInput->value() >= 0)
                price.cacheReadInputTokenCost = m_cachedInput->value() / perMillion;
            else
                price.cacheReadInputTokenCost.reset();
            if (!m_provider->text().trimmed().isEmpty())
                price.litellmProvider = m_provider->text().trimmed();
            // The old source vouched for the old prices, not for these.
            price.source = m_source->text().trimmed();
            price.sourceDate = QDate::currentDate().toString(Qt::ISODate);
            prices.set(key, price);
            savedKey = key;
            return true;
        },
        error);
    if (!saved)
        return fail(*error);
    fillTable();
    selectModel(savedKey);
    Q_EMIT statusMessage(tr("Price of %1 saved: the gateway charges new calls at it").arg(savedKey));
    return true;
}

bool ModelPricesPage::removeWorkspacePrice(QString* error) {
    const QString model = m_model->text().trimmed();
    const bool removed = changeWorkspace(
        [&](PriceCatalogue& prices, QString* problem) {
            if (prices.remove(model))
                return true;
            *problem = tr("The workspace has no price of its own for %1.").arg(model);
            return false;
        },
        error);
    if (!removed) {
        showProblem(*error);
        return false;
    }
    fillTable();
    if (!selectModel(model)) {
        m_model->clear();
        m_origin->clear();
    }
    Q_EMIT statusMessage(tr("Workspace price of %1 removed").arg(model));
    return true;
}

bool ModelPricesPage::importFile(const QString& path, QString* error) {
    const Result<Json> document = JsonFile::read(path);
    if (!document) {
        *error = document.error();
        showProblem(*error);
        return false;
    }
    QStringList skipped;
    const Result<PriceCatalogue> imported = PriceCatalogue::fromForeignJson(document.value(), &skipped);
    if (!imported) {
        *error = path + QStringLiteral(": ") + imported.error().section(QLatin1Char('\n'), 0, 0);
        showProblem(*error);
        return false;
    }
    const bool saved = changeWorkspace(
        [&](PriceCatalogue& prices, QString*) {
            for (const PriceCatalogue::Entry& entry : imported->entries())
                prices.set(entry.key, entry.price);
            return true;
        },
        error);
    if (!saved) {
        showProblem(*error);
        return false;
    }
    fillTable();
    showProblem(QString());
    Q_EMIT statusMessage(tr("Imported %n model price(s); %1 entries without per-token prices skipped",
                            nullptr, imported->size())
                             .arg(skipped.size()));
    return true;
}

void ModelPricesPage::showProblem(const QString& problem) {
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

} // namespace gatehouse
