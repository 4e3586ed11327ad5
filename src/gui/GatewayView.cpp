#include "gui/GatewayView.h"

#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gui/GatehouseSession.h"
#include "gui/SharedStateDialog.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers) {
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    // Every column fits its text, the last takes the rest. Only the visible rows are measured: the
    // access log refreshes 200 rows every second.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setResizeContentsPrecision(0);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // read-only: Tab moves on, the arrow keys move between rows
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}
QGroupBox* boxed(QWidget* parent, const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}
} // namespace

GatewayView::GatewayView(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_state(new QLabel(this)), m_listen(new QLineEdit(this)),
      m_deployments(makeTable(this, QStringLiteral("gatewayDeployments"),
                              {tr("API"), tr("Base path"), tr("Revision")})),
      m_log(
          makeTable(this, QStringLiteral("gatewayAccessLog"),
                    {tr("Time"), tr("API"), tr("Operation"), tr("Model"), tr("Status"), tr("Latency (ms)")})),
      m_models(makeTable(this, QStringLiteral("gatewayModelCounters"), {tr("Model"), tr("Requests")})),
      m_interventions(makeTable(this, QStringLiteral("gatewayGuardrailCounters"),
                                {tr("Guardrail"), tr("API"), tr("Direction"), tr("Interventions")})),
      m_cache(makeTable(
          this, QStringLiteral("gatewayCacheCounters"),
          {tr("API"), tr("Hit rate"), tr("Hits"), tr("Misses"), tr("Bypassed"), tr("Tokens saved")})),
      m_suspensions(
          makeTable(this, QStringLiteral("gatewaySuspensions"),
                    {tr("API"), tr("Endpoint"), tr("Model"), tr("Failures"), tr("Recovers in"), tr("")})),
      m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("gatewayView"));
    m_state->setObjectName(QStringLiteral("gatewayState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wrapped: on one line its width (the address, the revisions, in German) was the view's minimum.
    m_state->setWordWrap(true);
    m_listen->setObjectName(QStringLiteral("gatewayListen"));
    m_listen->setText(session->workspace()->settings().gatewayHost + QLatin1Char(':') +
                      QString::number(session->workspace()->settings().gatewayPort));
    auto* apply = new QPushButton(tr("Apply and restart"), this);
    apply->setObjectName(QStringLiteral("gatewayApplyListen"));
    auto* sharedState = new QPushButton(tr("Shared state..."), this);
    sharedState->setObjectName(QStringLiteral("gatewaySharedState"));
    sharedState->setToolTip(tr("Where replicas of this gateway share suspensions, quotas and budgets"));
    auto* top = new QHBoxLayout();
    top->addWidget(m_state, 1);
    top->addWidget(new QLabel(tr("Listen on:"), this));
    top->addWidget(m_listen);
    top->addWidget(apply);
    top->addWidget(sharedState);

    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->setObjectName(QStringLiteral("gatewayUpperSplitter")); // the main window remembers it by name
    upper->addWidget(boxed(this, tr("Deployed"), m_deployments));
    // Models and guardrails share a box: two tables of counts, one shown at a time.
    auto* counts = new QTabWidget(this);
    counts->setObjectName(QStringLiteral("gatewayCountTabs"));
    counts->addTab(m_models, tr("Per model"));
    counts->addTab(m_interventions, tr("Guardrails"));
    counts->setTabToolTip(1, tr("Calls a guardrail blocked or cut off, per guardrail"));
    counts->addTab(m_cache, tr("Cache"));
    counts->setTabToolTip(2, tr("How often the response cache answered, per API"));
    upper->addWidget(boxed(this, tr("Requests"), counts));
    upper->addWidget(boxed(this, tr("Suspended (endpoint, model) pairs"), m_suspensions));
    // The suspensions have six columns, the others two or three: equal thirds made them scroll.
    upper->setStretchFactor(0, 2);
    upper->setStretchFactor(1, 2);
    upper->setStretchFactor(2, 3);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("gatewaySplitter"));
    vertical->addWidget(upper);
    vertical->addWidget(boxed(this, tr("Last calls"), m_log));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(vertical, 1);

    connect(apply, &QPushButton::clicked, this, &GatewayView::applyListenAddress);
    connect(sharedState, &QPushButton::clicked, this, &GatewayView::editSharedState);
    connect(m_listen, &QLineEdit::returnPressed, this, &GatewayView::applyListenAddress);
    connect(m_timer, &QTimer::timeout, this, &GatewayView::refresh);
    connect(session, &GatehouseSession::gatewayStateChanged, this, &GatewayView::refresh);
    m_timer->start(500);
    refresh();
}

void GatewayView::applyListenAddress() {
    QString error;
    if (!m_session->startGateway(m_listen->text().trimmed(), &error)) {
        QMessageBox::warning(this, tr("Gateway not started"), error);
        return;
    }
    Q_EMIT statusMessage(tr("Gateway listening on %1").arg(m_session->gateway()->baseUrl()));
}

void GatewayView::editSharedState() {
    SharedStateDialog dialog(m_session->workspace(), m_session->secrets(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyListenAddress(); // the gateway reads the setting when it starts
}

QString GatewayView::sharedStateText(const SharedStateStatus& shared) {
    if (!shared.isShared())
        return tr("state kept locally");
    if (shared.isConnected())
        //: %1 the Redis URL; %n the replicas sharing it, this one included.
        return tr("state shared through %1 · %n live replica(s)", nullptr, shared.liveReplicas())
            .arg(shared.settings().url.toHtmlEscaped());
    return shared.settings().failureMode == SharedStateSettings::FailureMode::Closed
               ? tr("<b>Redis unreachable</b> (%1): requests with a quota are refused")
                     .arg(shared.lastError().toHtmlEscaped())
               : tr("<b>Redis unreachable</b> (%1): counting locally")
                     .arg(shared.lastError().toHtmlEscaped());
}

void GatewayView::refresh() {
    Gateway* gateway = m_session->gateway();
    if (!gateway || !gateway->isRunning()) {
        m_state->setText(tr("<b>Stopped</b> %1").arg(m_session->gatewayError().toHtmlEscaped()));
        return;
    }
    const auto runtime = gateway->runtime();
    const auto config = runtime->config();
    const GatewayMetrics::Snapshot counters = runtime->metrics().snapshot();
    m_state->setText(tr("<b>Running</b> on %1 · admin on 127.0.0.1:%2 · %3 requests · %4 in flight · %5")
                         .arg(gateway->baseUrl())
                         .arg(gateway->adminPort())
                         .arg(counters.requests)
                         .arg(runtime->inFlight().load())
                         .arg(sharedStateText(runtime->sharedState())));
    m_deployments->setRowCount(int(config->apis().size()));
    for (int row = 0; row < int(config->apis().size()); ++row) {
        const auto& api = config->apis()[std::size_t(row)];
        m_deployments->setItem(row, 0, new QTableWidgetItem(api->name));
        m_deployments->setItem(
            row, 1, new QTableWidgetItem(QLatin1Char('/') + api->context + QLatin1Char('/') + api->version));
        m_deployments->setItem(row, 2, new QTableWidgetItem(QString::number(api->revision)));
    }
    m_models->setRowCount(int(counters.byModel.size()));
    int row = 0;
    for (const auto& [model, count] : counters.byModel) {
        m_models->setItem(row, 0, new QTableWidgetItem(model));
        auto* countItem = new QTableWidgetItem();
        countItem->setData(Qt::DisplayRole, count);
        m_models->setItem(row++, 1, countItem);
    }
    m_interventions->setRowCount(int(counters.interventions.size()));
    row = 0;
    for (const auto& [key, count] : counters.interventions) {
        m_interventions->setItem(row, 0, new QTableWidgetItem(key.guardrail));
        m_interventions->setItem(row, 1, new QTableWidgetItem(key.api));
        m_interventions->setItem(
            row, 2,
            new QTableWidgetItem(key.direction == QLatin1String("REQUEST") ? tr("Request") : tr("Response")));
        auto* countItem = new QTableWidgetItem();
        countItem->setData(Qt::DisplayRole, count);
        m_interventions->setItem(row++, 3, countItem);
    }
    m_cache->setRowCount(int(counters.cacheByApi.size()));
    row = 0;
    const QLocale locale;
    for (const auto& [api, totals] : counters.cacheByApi) {
        m_cache->setItem(row, 0, new QTableWidgetItem(api));
        auto* rate =
            new QTableWidgetItem(totals.hits + totals.misses > 0
                                     ? locale.toString(totals.hitRate() * 100, 'f', 1) + QLatin1Char('%')
                                     : QStringLiteral("–"));
        rate->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_cache->setItem(row, 1, rate);
        const qint64 figures[] = {totals.hits, totals.misses, totals.bypasses, totals.savedTokens};
        for (int column = 0; column < 4; ++column) {
            auto* item = new QTableWidgetItem();
            item->setData(Qt::DisplayRole, figures[column]);
            m_cache->setItem(row, 2 + column, item);
        }
        ++row;
    }
    const std::vector<AccessRecord> recent = runtime->accessLog().recent(200);
    m_log->setRowCount(int(recent.size()));
    for (int i = 0; i < int(recent.size()); ++i) {
        const AccessRecord& record = recent[recent.size() - 1 - std::size_t(i)]; // newest first
        m_log->setItem(
            i, 0,
            new QTableWidgetItem(
                QDateTime::fromMSecsSinceEpoch(record.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"))));
        m_log->setItem(i, 1, new QTableWidgetItem(record.apiName));
        m_log->setItem(i, 2, new QTableWidgetItem(record.operation));
        m_log->setItem(i, 3, new QTableWidgetItem(record.model));
        m_log->setItem(i, 4, new QTableWidgetItem(QString::number(record.status)));
        m_log->setItem(i, 5, new QTableWidgetItem(QString::number(record.latencyMs, 'f', 1)));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto entries = runtime->suspensions().entries(now);
    m_suspensions->setRowCount(int(entries.size()));
    for (int i = 0; i < int(entries.size()); ++i) {
        const SuspensionTable::Entry& entry = entries[std::size_t(i)];
        const qint64 left = qMax<qint64>(0, entry.untilMs - now);
        m_suspensions->setItem(i, 0, new QTableWidgetItem(entry.pair.apiId));
        m_suspensions->setItem(i, 1, new QTableWidgetItem(entry.pair.endpointId));
        m_suspensions->setItem(i, 2, new QTableWidgetItem(entry.pair.model));
        m_suspensions->setItem(i, 3, new QTableWidgetItem(QString::number(entry.failures)));
        m_suspensions->setItem(i, 4,
                               new QTableWidgetItem(left > 0 ? tr("%1 s").arg((left + 999) / 1000)
                                                             : tr("next request is a trial")));
        auto* readmit = new QPushButton(tr("Readmit now"), m_suspensions);
        readmit->setObjectName(QStringLiteral("readmit%1").arg(i));
        const SuspensionTable::Pair pair = entry.pair;
        connect(readmit, &QPushButton::clicked, this, [this, pair] {
            if (Gateway* current = m_session->gateway())
                current->runtime()->suspensions().readmit(pair);
            Q_EMIT statusMessage(tr("%1 on %2 readmitted").arg(pair.model, pair.endpointId));
            refresh();
        });
        m_suspensions->setCellWidget(i, 5, readmit);
    }
}

} // namespace gatehouse
