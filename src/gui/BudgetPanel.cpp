#include "gui/BudgetPanel.h"

#include "core/Application.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/GatehouseSession.h"
#include "usage/UsageQuery.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace gatehouse {

namespace {

enum Column { BudgetColumn, SpentColumn, RemainingColumn, ProgressColumn, ResetsColumn, ColumnCount };

QString dollars(double amount) {
    // Cents for budgets; a few calls to a cheap model cost less than a cent, so small sums get more.
    return QStringLiteral("$") + QLocale().toString(amount, 'f', amount != 0 && amount < 1 ? 4 : 2);
}

// What the application spent in each budget's current window (UTC), from the access logs.
std::vector<double> readSpend(const QString& logsFolder, const QString& applicationId,
                              const std::vector<PlanLimit>& budgets, qint64 nowMs) {
    std::vector<double> spend;
    for (const PlanLimit& budget : budgets) {
        UsageRequest request;
        request.logsFolder = logsFolder;
        request.sinceMs = PlanLimit::window(budget.period, nowMs).first;
        request.untilMs = nowMs + 1;
        request.groupBy = {UsageDimension::Application};
        const UsageReport report = UsageQuery::run(request);
        double spent = 0;
        for (const UsageRow& row : report.rows) {
            if (row.applicationId == applicationId)
                spent += row.counters.costUsd();
        }
        spend.push_back(spent);
    }
    return spend;
}

} // namespace

BudgetPanel::BudgetPanel(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_table(new QTableWidget(0, ColumnCount, this)),
      m_amount(new QDoubleSpinBox(this)), m_period(new QComboBox(this)),
      m_set(new QPushButton(tr("&Set budget"), this)), m_remove(new QPushButton(tr("&Remove budget"), this)),
      m_problem(new QLabel(this)) {
    setObjectName(QStringLiteral("budgetPanel"));
    m_table->setObjectName(QStringLiteral("applicationBudgets"));
    m_table->setHorizontalHeaderLabels(
        {tr("Budget"), tr("Spent"), tr("Remaining"), tr("Used"), tr("Window ends (UTC)")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProgressColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_amount->setObjectName(QStringLiteral("budgetAmount"));
    m_amount->setDecimals(2);
    m_amount->setRange(0.01, 1e9);
    m_amount->setValue(5);
    m_amount->setPrefix(QStringLiteral("$ "));
    m_amount->setAccessibleName(tr("Budget in US dollars"));
    m_period->setObjectName(QStringLiteral("budgetPeriod"));
    for (const PlanLimit::Period period : {PlanLimit::Period::Minute, PlanLimit::Period::Hour,
                                           PlanLimit::Period::Day, PlanLimit::Period::Month})
        m_period->addItem(PlanLimit::perPeriodText(period), int(period));
    m_period->setCurrentIndex(m_period->findData(int(PlanLimit::Period::Day)));
    m_period->setAccessibleName(tr("Budget period"));
    m_set->setObjectName(QStringLiteral("budgetSet"));
    m_remove->setObjectName(QStringLiteral("budgetRemove"));
    m_problem->setObjectName(QStringLiteral("budgetProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();

    auto* note =
        new QLabel(tr("The application's own limits in US dollars across every API it calls, on top of "
                      "its subscriptions' business plans. Calls are charged when their answers end, "
                      "streams included; once a budget is spent the next call is refused with 429 "
                      "until the window ends. Free models never use a budget."),
                   this);
    note->setWordWrap(true);
    auto* editRow = new QHBoxLayout();
    editRow->addWidget(m_amount);
    editRow->addWidget(m_period);
    editRow->addWidget(m_set);
    editRow->addWidget(m_remove);
    editRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addLayout(editRow);
    layout->addWidget(m_problem);

    connect(m_set, &QPushButton::clicked, this, [this] {
        PlanLimit limit;
        limit.metric = PlanLimit::Metric::Usd;
        limit.period = PlanLimit::Period(m_period->currentData().toInt());
        limit.amount = m_amount->value();
        QString error;
        setBudget(limit, &error);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const Application* application = m_session->workspace()->application(m_applicationId);
        const int row = m_table->currentRow();
        if (!application || row < 0 || row >= int(application->budgets.size()))
            return showProblem(tr("Select a budget to remove."));
        QString error;
        removeBudget(application->budgets[std::size_t(row)].period, &error);
    });
    connect(&m_watcher, &QFutureWatcher<std::vector<double>>::finished, this, [this] {
        if (m_refreshAgain) {
            // The application or its budgets changed meanwhile: these figures are for the old ones.
            m_refreshAgain = false;
            m_loading = false;
            refreshSpend();
            return;
        }
        m_loading = false;
        m_spend = m_watcher.result();
        fillTable();
        Q_EMIT spendReady();
    });
}

BudgetPanel::~BudgetPanel() {
    m_watcher.waitForFinished();
}

void BudgetPanel::setApplication(const QString& applicationId) {
    m_applicationId = applicationId;
    m_spend.clear();
    showProblem(QString());
    fillTable();
    refreshSpend();
}

void BudgetPanel::refreshSpend() {
    m_loading = true;
    if (m_watcher.isRunning()) {
        m_refreshAgain = true;
        return;
    }
    const Application* application = m_session->workspace()->application(m_applicationId);
    const std::vector<PlanLimit> budgets = application ? application->budgets : std::vector<PlanLimit>();
    const QString logs = m_session->workspace()->filePath(QStringLiteral("logs"));
    const QString applicationId = m_applicationId;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_watcher.setFuture(QtConcurrent::run(
        [logs, applicationId, budgets, now] { return readSpend(logs, applicationId, budgets, now); }));
}

void BudgetPanel::fillTable() {
    const Application* application = m_session->workspace()->application(m_applicationId);
    const std::vector<PlanLimit> budgets = application ? application->budgets : std::vector<PlanLimit>();
    const bool known = m_spend.size() == budgets.size();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_table->setRowCount(int(budgets.size()));
    for (int row = 0; row < int(budgets.size()); ++row) {
        const PlanLimit& budget = budgets[std::size_t(row)];
        const double spent = known ? m_spend[std::size_t(row)] : 0;
        const QString pending = tr("reading...");
        m_table->setItem(row, BudgetColumn,
                         new QTableWidgetItem(tr("%1 %2").arg(dollars(budget.amount),
                                                              PlanLimit::perPeriodText(budget.period))));
        m_table->setItem(row, SpentColumn, new QTableWidgetItem(known ? dollars(spent) : pending));
        m_table->setItem(
            row, RemainingColumn,
            new QTableWidgetItem(known ? dollars(std::max(0.0, budget.amount - spent)) : pending));
        auto* used = new QProgressBar(m_table);
        used->setObjectName(QStringLiteral("budgetUsed%1").arg(row));
        used->setRange(0, 1000);
        const double share = budget.amount > 0 ? spent / budget.amount : 0;
        used->setValue(int(std::clamp(share, 0.0, 1.0) * 1000));
        used->setFormat(known ? QStringLiteral("%1 %").arg(QLocale().toString(100 * share, 'f', 1))
                              : pending);
        used->setAccessibleName(tr("Share of the budget spent"));
        m_table->setCellWidget(row, ProgressColumn, used);
        const qint64 ends = PlanLimit::window(budget.period, now).second;
        m_table->setItem(
            row, ResetsColumn,
            new QTableWidgetItem(
                QDateTime::fromMSecsSinceEpoch(ends, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    m_set->setEnabled(application != nullptr);
    m_remove->setEnabled(application != nullptr && !budgets.empty());
}

bool BudgetPanel::setBudget(const PlanLimit& limit, QString* error) {
    const Application* application = m_session->workspace()->application(m_applicationId);
    if (!application) {
        *error = tr("Choose an application first.");
        showProblem(*error);
        return false;
    }
    if (limit.metric != PlanLimit::Metric::Usd || limit.amount <= 0) {
        *error = tr("A budget is an amount of US dollars above 0.");
        showProblem(*error);
        return false;
    }
    std::vector<PlanLimit> budgets = application->budgets;
    const auto same = std::find_if(budgets.begin(), budgets.end(),
                                   [&](const PlanLimit& each) { return each.period == limit.period; });
    if (same != budgets.end())
        *same = limit;
    else
        budgets.push_back(limit);
    return saveBudgets(std::move(budgets), error);
}

bool BudgetPanel::removeBudget(PlanLimit::Period period, QString* error) {
    const Application* application = m_session->workspace()->application(m_applicationId);
    if (!application) {
        *error = tr("Choose an application first.");
        showProblem(*error);
        return false;
    }
    std::vector<PlanLimit> budgets = application->budgets;
    budgets.erase(std::remove_if(budgets.begin(), budgets.end(),
                                 [&](const PlanLimit& each) { return each.period == period; }),
                  budgets.end());
    return saveBudgets(std::move(budgets), error);
}

bool BudgetPanel::saveBudgets(std::vector<PlanLimit> budgets, QString* error) {
    Application changed = *m_session->workspace()->application(m_applicationId);
    changed.budgets = std::move(budgets);
    if (!m_session->workspace()->saveApplication(changed).ok(error)) {
        showProblem(*error);
        return false;
    }
    // The gateway enforces budgets from its configuration: apply the change to new calls now.
    if (Gateway* gateway = m_session->gateway())
        gateway->reload(nullptr);
    showProblem(QString());
    m_spend.clear();
    fillTable();
    refreshSpend();
    Q_EMIT statusMessage(tr("Budgets of %1 saved").arg(changed.name));
    return true;
}

void BudgetPanel::showProblem(const QString& problem) {
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

} // namespace gatehouse
