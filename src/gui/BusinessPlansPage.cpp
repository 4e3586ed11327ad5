#include "gui/BusinessPlansPage.h"

#include "core/Api.h"
#include "core/Application.h"
#include "core/Workspace.h"
#include "gui/GatehouseSession.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <set>

namespace gatehouse {

namespace {

constexpr int metricColumn = 0;
constexpr int amountColumn = 1;
constexpr int periodColumn = 2;

QString metricText(PlanLimit::Metric metric) {
    switch (metric) {
    case PlanLimit::Metric::Requests:
        return BusinessPlansPage::tr("Requests");
    case PlanLimit::Metric::PromptTokens:
        return BusinessPlansPage::tr("Prompt tokens");
    case PlanLimit::Metric::CompletionTokens:
        return BusinessPlansPage::tr("Completion tokens");
    case PlanLimit::Metric::TotalTokens:
        return BusinessPlansPage::tr("Total tokens");
    case PlanLimit::Metric::Usd:
        return BusinessPlansPage::tr("US dollars");
    }
    return QString();
}

constexpr PlanLimit::Metric metrics[] = {PlanLimit::Metric::Requests, PlanLimit::Metric::PromptTokens,
                                         PlanLimit::Metric::CompletionTokens, PlanLimit::Metric::TotalTokens,
                                         PlanLimit::Metric::Usd};
constexpr PlanLimit::Period periods[] = {PlanLimit::Period::Minute, PlanLimit::Period::Hour,
                                         PlanLimit::Period::Day, PlanLimit::Period::Month};

// Dollars have cents and below (a cheap model's call costs millionths); requests and tokens are whole.
void fitAmountTo(QDoubleSpinBox* amount, PlanLimit::Metric metric) {
    const bool usd = metric == PlanLimit::Metric::Usd;
    amount->setDecimals(usd ? 4 : 0);
    amount->setMinimum(0);
    amount->setMaximum(usd ? 1e9 : 1e15);
    amount->setPrefix(usd ? QStringLiteral("$ ") : QString());
}

} // namespace

BusinessPlansPage::BusinessPlansPage(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_list(new QListWidget(this)),
      m_new(new QPushButton(tr("&New plan"), this)), m_delete(new QPushButton(tr("&Delete plan"), this)),
      m_name(new QLineEdit(this)), m_description(new QLineEdit(this)), m_limits(new QTableWidget(0, 3, this)),
      m_addLimit(new QPushButton(tr("&Add limit"), this)),
      m_removeLimit(new QPushButton(tr("&Remove limit"), this)), m_users(new QLabel(this)),
      m_problem(new QLabel(this)), m_save(new QPushButton(tr("&Save plan"), this)) {
    setObjectName(QStringLiteral("businessPlansPage"));
    m_list->setObjectName(QStringLiteral("businessPlanList"));
    m_new->setObjectName(QStringLiteral("businessPlanNew"));
    m_delete->setObjectName(QStringLiteral("businessPlanDelete"));
    m_name->setObjectName(QStringLiteral("businessPlanName"));
    m_description->setObjectName(QStringLiteral("businessPlanDescription"));
    m_limits->setObjectName(QStringLiteral("businessPlanLimits"));
    m_addLimit->setObjectName(QStringLiteral("businessPlanAddLimit"));
    m_removeLimit->setObjectName(QStringLiteral("businessPlanRemoveLimit"));
    m_users->setObjectName(QStringLiteral("businessPlanUsers"));
    m_problem->setObjectName(QStringLiteral("businessPlanProblem"));
    m_save->setObjectName(QStringLiteral("businessPlanSave"));

    m_list->setAccessibleName(tr("Business plans"));
    m_name->setPlaceholderText(tr("Gold, 10PerMin, TeamBudget..."));
    m_limits->setHorizontalHeaderLabels({tr("Limit"), tr("Amount"), tr("Period")});
    m_limits->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_limits->verticalHeader()->hide();
    m_limits->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_limits->setAccessibleName(tr("Limits"));
    m_users->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout();
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_delete);
    leftLayout->addLayout(listButtons);

    auto* right = new QWidget(this);
    auto* form = new QFormLayout();
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("D&escription:"), m_description);
    auto* limitButtons = new QHBoxLayout();
    limitButtons->addWidget(m_addLimit);
    limitButtons->addWidget(m_removeLimit);
    limitButtons->addStretch(1);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(form);
    auto* limitsLabel = new QLabel(tr("&Limits (a call is refused with 429 once any of them is reached; "
                                      "windows are whole UTC minutes, hours, days and months):"),
                                   this);
    limitsLabel->setWordWrap(true);
    limitsLabel->setBuddy(m_limits);
    rightLayout->addWidget(limitsLabel);
    rightLayout->addWidget(m_limits, 1);
    rightLayout->addLayout(limitButtons);
    rightLayout->addWidget(m_users);
    rightLayout->addWidget(m_problem);
    auto* saveRow = new QHBoxLayout();
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    rightLayout->addLayout(saveRow);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("businessPlansSplitter"));
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (!name.isEmpty())
            showPlan(m_session->workspace()->businessPlan(name));
    });
    connect(m_new, &QPushButton::clicked, this, &BusinessPlansPage::newPlan);
    connect(m_addLimit, &QPushButton::clicked, this, [this] {
        addLimit({PlanLimit::Metric::Requests, PlanLimit::Period::Minute, 10});
    });
    connect(m_removeLimit, &QPushButton::clicked, this, [this] {
        if (m_limits->currentRow() >= 0)
            m_limits->removeRow(m_limits->currentRow());
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        QString error;
        save(&error);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        QString error;
        deleteCurrent(&error);
    });
    refresh();
}

void BusinessPlansPage::refresh() {
    const QString current = m_editing;
    m_list->clear();
    for (const BusinessPlan& plan : m_session->workspace()->businessPlans())
        m_list->addItem(plan.name);
    if (!current.isEmpty() && selectPlan(current))
        return;
    if (m_list->count() > 0 && m_editing.isEmpty() && m_name->text().isEmpty())
        m_list->setCurrentRow(0);
}

bool BusinessPlansPage::selectPlan(const QString& name) {
    const QList<QListWidgetItem*> found = m_list->findItems(name, Qt::MatchFixedString);
    if (found.isEmpty())
        return false;
    m_list->setCurrentItem(found.first());
    showPlan(m_session->workspace()->businessPlan(found.first()->text()));
    return true;
}

void BusinessPlansPage::newPlan() {
    m_list->setCurrentRow(-1);
    showPlan(nullptr);
    m_name->setFocus();
}

QStringList BusinessPlansPage::subscribers(const QString& plan) const {
    QStringList users;
    const Workspace& workspace = *m_session->workspace();
    for (const Application& application : workspace.applications()) {
        for (const Subscription& subscription : application.subscriptions) {
            if (subscription.plan.compare(plan, Qt::CaseInsensitive) != 0)
                continue;
            const Api* api = workspace.api(subscription.apiId);
            users << QStringLiteral("%1 (%2)").arg(application.name, api ? api->name : subscription.apiId);
        }
    }
    return users;
}

void BusinessPlansPage::showPlan(const BusinessPlan* plan) {
    m_editing = plan ? plan->name : QString();
    m_name->setText(plan ? plan->name : QString());
    // Subscriptions and WSO2 exports name the plan: a saved plan keeps its name.
    m_name->setReadOnly(plan != nullptr);
    m_description->setText(plan ? plan->description : QString());
    m_limits->setRowCount(0);
    if (plan) {
        for (const PlanLimit& limit : plan->allLimits())
            addLimit(limit);
    }
    const QStringList users = plan ? subscribers(plan->name) : QStringList();
    m_users->setText(users.isEmpty() ? tr("No subscription uses this plan.")
                                     : tr("Used by %n subscription(s): %1", nullptr, int(users.size()))
                                           .arg(users.join(QStringLiteral(", "))));
    m_delete->setEnabled(plan != nullptr);
    showProblem(QString());
}

void BusinessPlansPage::addLimit(const PlanLimit& limit) {
    const int row = m_limits->rowCount();
    m_limits->insertRow(row);
    auto* metric = new QComboBox(m_limits);
    metric->setObjectName(QStringLiteral("businessPlanMetric%1").arg(row));
    for (const PlanLimit::Metric each : metrics)
        metric->addItem(metricText(each), int(each));
    auto* amount = new QDoubleSpinBox(m_limits);
    amount->setObjectName(QStringLiteral("businessPlanAmount%1").arg(row));
    auto* period = new QComboBox(m_limits);
    period->setObjectName(QStringLiteral("businessPlanPeriod%1").arg(row));
    for (const PlanLimit::Period each : periods)
        period->addItem(PlanLimit::perPeriodText(each), int(each));
    m_limits->setCellWidget(row, metricColumn, metric);
    m_limits->setCellWidget(row, amountColumn, amount);
    m_limits->setCellWidget(row, periodColumn, period);
    connect(metric, qOverload<int>(&QComboBox::currentIndexChanged), amount,
            [metric, amount] { fitAmountTo(amount, PlanLimit::Metric(metric->currentData().toInt())); });
    setLimitRow(row, limit);
    m_limits->setCurrentCell(row, metricColumn);
}

void BusinessPlansPage::setLimitRow(int row, const PlanLimit& limit) {
    auto* metric = qobject_cast<QComboBox*>(m_limits->cellWidget(row, metricColumn));
    auto* amount = qobject_cast<QDoubleSpinBox*>(m_limits->cellWidget(row, amountColumn));
    auto* period = qobject_cast<QComboBox*>(m_limits->cellWidget(row, periodColumn));
    metric->setCurrentIndex(metric->findData(int(limit.metric)));
    fitAmountTo(amount, limit.metric);
    amount->setValue(limit.amount);
    period->setCurrentIndex(period->findData(int(limit.period)));
}

BusinessPlan BusinessPlansPage::formPlan(QStringList* problems) const {
    BusinessPlan plan;
    plan.name = m_name->text().trimmed();
    plan.description = m_description->text().trimmed();
    if (m_editing.isEmpty()) {
        if (!BusinessPlan::isValidName(plan.name))
            problems->append(tr("Name: at most 64 letters, digits, spaces, '.', '_' or '-', starting with a "
                                "letter or digit."));
        else if (const BusinessPlan* existing = m_session->workspace()->businessPlan(plan.name))
            problems->append(tr("A business plan \"%1\" exists already.").arg(existing->name));
    }
    std::set<std::pair<int, int>> seen;
    for (int row = 0; row < m_limits->rowCount(); ++row) {
        const auto* metric = qobject_cast<QComboBox*>(m_limits->cellWidget(row, metricColumn));
        const auto* amount = qobject_cast<QDoubleSpinBox*>(m_limits->cellWidget(row, amountColumn));
        const auto* period = qobject_cast<QComboBox*>(m_limits->cellWidget(row, periodColumn));
        PlanLimit limit;
        limit.metric = PlanLimit::Metric(metric->currentData().toInt());
        limit.period = PlanLimit::Period(period->currentData().toInt());
        limit.amount = amount->value();
        //: %1 is the limit's row number.
        if (limit.amount <= 0)
            problems->append(tr("Limit %1: the amount must be above 0.").arg(row + 1));
        if (!seen.insert({int(limit.metric), int(limit.period)}).second)
            //: %2 is a metric such as "Requests", %3 a period such as "per minute".
            problems->append(
                tr("Limit %1: a plan has one limit of %2 %3.")
                    .arg(row + 1)
                    .arg(metricText(limit.metric).toLower(), PlanLimit::perPeriodText(limit.period)));
        plan.limits.push_back(limit);
    }
    if (plan.limits.empty())
        problems->append(tr("Give the plan at least one limit: the Unlimited plan exists already."));
    return plan;
}

bool BusinessPlansPage::save(QString* error) {
    QStringList problems;
    BusinessPlan plan = formPlan(&problems);
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        showProblem(*error);
        return false;
    }
    std::vector<BusinessPlan> plans = m_session->workspace()->businessPlans();
    bool replaced = false;
    for (BusinessPlan& each : plans) {
        if (!m_editing.isEmpty() && each.name.compare(m_editing, Qt::CaseInsensitive) == 0) {
            plan.name = each.name;
            each = plan;
            replaced = true;
        }
    }
    if (!replaced)
        plans.push_back(plan);
    if (!m_session->workspace()->saveBusinessPlans(plans).ok(error)) {
        showProblem(*error);
        return false;
    }
    m_editing = plan.name;
    refresh();
    Q_EMIT statusMessage(tr("Business plan %1 saved: the gateway applies it to new calls").arg(plan.name));
    return true;
}

bool BusinessPlansPage::deleteCurrent(QString* error) {
    if (m_editing.isEmpty()) {
        *error = tr("Select a saved plan to delete.");
        showProblem(*error);
        return false;
    }
    const QStringList users = subscribers(m_editing);
    if (!users.isEmpty()) {
        *error = tr("%1 is used by %n subscription(s) (%2): subscribe them under another plan first.",
                    nullptr, int(users.size()))
                     .arg(m_editing, users.join(QStringLiteral(", ")));
        showProblem(*error);
        return false;
    }
    std::vector<BusinessPlan> plans;
    for (const BusinessPlan& each : m_session->workspace()->businessPlans()) {
        if (each.name.compare(m_editing, Qt::CaseInsensitive) != 0)
            plans.push_back(each);
    }
    if (!m_session->workspace()->saveBusinessPlans(plans).ok(error)) {
        showProblem(*error);
        return false;
    }
    const QString removed = m_editing;
    m_editing.clear();
    m_name->clear();
    refresh();
    Q_EMIT statusMessage(tr("Business plan %1 deleted").arg(removed));
    return true;
}

void BusinessPlansPage::showProblem(const QString& problem) {
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

} // namespace gatehouse
