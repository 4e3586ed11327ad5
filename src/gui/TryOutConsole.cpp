#include "gui/TryOutConsole.h"

#include "console/CurlCommand.h"
#include "console/GuardrailNotice.h"
#include "console/InvokeTarget.h"
#include "console/RequestRunner.h"
#include "console/RunExport.h"
#include "console/TokenManager.h"
#include "core/ApplicationKeys.h"
#include "core/JsonFile.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/GatehouseSession.h"
#include "gui/JsonHighlighter.h"
#include "gui/LatencyHistogramChart.h"
#include "gui/ModelShareChart.h"
#include "gui/ResultsTableModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
QPushButton* button(QWidget* parent, const QString& text, const QString& name) {
    auto* push = new QPushButton(text, parent);
    push->setObjectName(name);
    return push;
}
QSpinBox* spin(QWidget* parent, const QString& name, int minimum, int maximum, int value,
               const QString& suffix = {}) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
} // namespace

TryOutConsole::TryOutConsole(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_tokens(new TokenManager(this)),
      m_runner(new RequestRunner(m_tokens, this)), m_results(new ResultsTableModel(this)),
      m_application(new QComboBox(this)), m_keyType(new QComboBox(this)),
      m_fetchToken(button(this, tr("Get token"), QStringLiteral("consoleFetchToken"))),
      m_autoRefresh(new QCheckBox(tr("Refresh automatically"), this)), m_tokenStatus(new QLabel(this)),
      m_api(new QComboBox(this)), m_operations(new QListWidget(this)), m_body(new QPlainTextEdit(this)),
      m_bodyError(new QLabel(this)), m_execute(button(this, tr("Execute"), QStringLiteral("consoleExecute"))),
      m_repeatCount(spin(this, QStringLiteral("consoleRepeatCount"), 1, 100000, 20, tr(" times"))),
      m_concurrency(spin(this, QStringLiteral("consoleConcurrency"), 1, 1000, 4, tr(" at once"))),
      m_delay(spin(this, QStringLiteral("consoleDelay"), 0, 60000, 0, tr(" ms apart"))),
      m_repeat(button(this, tr("Repeat"), QStringLiteral("consoleRepeat"))),
      m_stop(button(this, tr("Stop"), QStringLiteral("consoleStop"))),
      m_clear(button(this, tr("Clear"), QStringLiteral("consoleClear"))),
      m_copyCurl(button(this, tr("Copy as cURL"), QStringLiteral("consoleCopyCurl"))),
      m_export(button(this, tr("Export..."), QStringLiteral("consoleExport"))),
      m_revealToken(new QCheckBox(tr("with the token"), this)), m_table(new QTableView(this)),
      m_shareChart(new ModelShareChart(this)), m_histogram(new LatencyHistogramChart(this)),
      m_percentiles(new QLabel(this)), m_response(new QPlainTextEdit(this)),
      m_streamView(new QPlainTextEdit(this)), m_chartTimer(new QTimer(this)), m_tokenTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("tryOutConsole"));
    m_application->setObjectName(QStringLiteral("consoleApplication"));
    m_keyType->setObjectName(QStringLiteral("consoleKeyType"));
    m_keyType->addItem(stageDisplayName(Stage::Production), int(Stage::Production));
    m_keyType->addItem(stageDisplayName(Stage::Sandbox), int(Stage::Sandbox));
    m_autoRefresh->setObjectName(QStringLiteral("consoleAutoRefresh"));
    m_autoRefresh->setChecked(true);
    m_tokenStatus->setObjectName(QStringLiteral("consoleTokenStatus"));
    m_tokenStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_api->setObjectName(QStringLiteral("consoleApi"));
    m_operations->setObjectName(QStringLiteral("consoleOperations"));
    m_operations->setMaximumWidth(260);
    m_body->setObjectName(QStringLiteral("consoleBody"));
    m_body->setFont(QFont(QStringLiteral("monospace")));
    // Tab moves on to Execute and Repeat (JSON needs no tab characters): the editor must not trap a
    // keyboard user.
    m_body->setTabChangesFocus(true);
    new JsonHighlighter(m_body->document());
    m_bodyError->setObjectName(QStringLiteral("consoleBodyError"));
    m_bodyError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_stop->setEnabled(false);
    m_revealToken->setObjectName(QStringLiteral("consoleRevealToken"));
    m_table->setObjectName(QStringLiteral("consoleResults"));
    m_table->setModel(m_results);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Every column as wide as its content (the model is the one that matters, so it is never cut);
    // the error message takes what is left, so the table never scrolls sideways.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ResultsTableModel::ErrorColumn, QHeaderView::Stretch);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in the rest of the console
    m_percentiles->setObjectName(QStringLiteral("consolePercentiles"));
    m_percentiles->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_response->setObjectName(QStringLiteral("consoleResponse"));
    m_response->setReadOnly(true);
    m_response->setTabChangesFocus(true);
    m_response->setFont(QFont(QStringLiteral("monospace")));
    new JsonHighlighter(m_response->document());
    m_streamView->setObjectName(QStringLiteral("consoleStreamView"));
    m_streamView->setReadOnly(true);
    m_streamView->setTabChangesFocus(true);
    // What a screen reader says for the controls whose label is not their own text.
    m_application->setAccessibleName(tr("Application"));
    m_keyType->setAccessibleName(tr("Key type"));
    m_api->setAccessibleName(tr("API"));
    m_operations->setAccessibleName(tr("Operation"));
    m_body->setAccessibleName(tr("Request body"));
    m_repeatCount->setAccessibleName(tr("Number of requests to repeat"));
    m_concurrency->setAccessibleName(tr("Requests at once"));
    m_delay->setAccessibleName(tr("Pause between requests"));
    m_table->setAccessibleName(tr("Results"));
    m_response->setAccessibleName(tr("Selected response"));
    m_streamView->setAccessibleName(tr("Streamed text"));
    m_percentiles->setAccessibleName(tr("Run summary"));

    auto* tokenRow = new QHBoxLayout();
    tokenRow->addWidget(new QLabel(tr("Application:"), this));
    tokenRow->addWidget(m_application, 1);
    tokenRow->addWidget(m_keyType);
    tokenRow->addWidget(m_fetchToken);
    tokenRow->addWidget(m_autoRefresh);
    tokenRow->addWidget(m_tokenStatus, 2);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_api);
    leftLayout->addWidget(m_operations, 1);

    auto* request = new QWidget(this);
    auto* requestLayout = new QVBoxLayout(request);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addWidget(new QLabel(tr("Request body:"), request));
    requestLayout->addWidget(m_body, 1);
    requestLayout->addWidget(m_bodyError);
    auto* runRow = new QHBoxLayout();
    runRow->addWidget(m_execute);
    runRow->addSpacing(12);
    runRow->addWidget(m_repeatCount);
    runRow->addWidget(m_concurrency);
    runRow->addWidget(m_delay);
    runRow->addWidget(m_repeat);
    runRow->addWidget(m_stop);
    runRow->addWidget(m_clear);
    runRow->addStretch();
    runRow->addWidget(m_copyCurl);
    runRow->addWidget(m_revealToken);
    runRow->addWidget(m_export);
    requestLayout->addLayout(runRow);

    auto* charts = new QWidget(this);
    auto* chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(new QLabel(tr("Where the load went (dashed: configured weight)"), charts));
    chartsLayout->addWidget(m_shareChart);
    chartsLayout->addWidget(m_histogram, 1);
    chartsLayout->addWidget(m_percentiles);
    auto* detail = new QTabWidget(this);
    detail->setObjectName(QStringLiteral("consoleDetailTabs"));
    detail->addTab(m_response, tr("Response"));
    detail->addTab(m_streamView, tr("Stream"));
    auto* results = new QSplitter(Qt::Horizontal, this);
    results->setObjectName(QStringLiteral("consoleResultsSplitter"));
    results->addWidget(m_table);
    results->addWidget(detail);
    results->addWidget(charts);
    results->setStretchFactor(0, 2);
    results->setStretchFactor(1, 2);
    results->setStretchFactor(2, 3);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->setObjectName(QStringLiteral("consoleTopSplitter"));
    top->addWidget(left);
    top->addWidget(request);
    top->setStretchFactor(1, 3);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("consoleSplitter"));
    vertical->addWidget(top);
    vertical->addWidget(results);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3); // results and charts are what a run is for
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tokenRow);
    layout->addWidget(vertical, 1);

    connect(m_fetchToken, &QPushButton::clicked, this, &TryOutConsole::fetchToken);
    connect(m_application, &QComboBox::currentIndexChanged, this, &TryOutConsole::refreshTokenStatus);
    connect(m_keyType, &QComboBox::currentIndexChanged, this, &TryOutConsole::refreshTokenStatus);
    connect(m_api, &QComboBox::currentIndexChanged, this,
            [this] { selectApi(m_api->currentData().toString()); });
    connect(m_operations, &QListWidget::currentRowChanged, this, &TryOutConsole::operationChanged);
    connect(m_body, &QPlainTextEdit::textChanged, this, &TryOutConsole::validateBody);
    connect(m_execute, &QPushButton::clicked, this, &TryOutConsole::execute);
    connect(m_repeat, &QPushButton::clicked, this,
            [this] { repeat(m_repeatCount->value(), m_concurrency->value(), m_delay->value()); });
    connect(m_stop, &QPushButton::clicked, this, &TryOutConsole::stop);
    connect(m_clear, &QPushButton::clicked, this, &TryOutConsole::clearResults);
    // Ctrl+Return executes from anywhere in the console (the body editor included), as in other
    // API consoles; Ctrl+Enter on the keypad too.
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &TryOutConsole::execute);
    }
    m_execute->setToolTip(tr("Send the request once (Ctrl+Return); the result is added to the ones above"));
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(curlCommand(m_revealToken->isChecked()));
        Q_EMIT statusMessage(m_revealToken->isChecked() ? tr("cURL command copied, with the token")
                                                        : tr("cURL command copied (token masked)"));
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export run"), QStringLiteral("run.json"),
                                                          tr("JSON (*.json);;CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportRun(path, &error))
            Q_EMIT statusMessage(error);
    });
    connect(m_runner, &RequestRunner::resultReady, this, &TryOutConsole::onResult);
    connect(m_runner, &RequestRunner::streamText, this, [this](int runIndex, const QString& delta) {
        const int index = m_runOffset + runIndex;
        if (index != m_streamIndex) {
            m_streamIndex = index;
            m_streamView->clear();
        }
        m_streamView->moveCursor(QTextCursor::End);
        m_streamView->insertPlainText(delta);
    });
    connect(m_runner, &RequestRunner::finished, this, [this](bool stopped) {
        m_stop->setEnabled(false);
        m_repeat->setEnabled(true);
        refreshCharts();
        refreshTokenStatus();
        const QString failure = m_runner->failure();
        if (stopped || !failure.isEmpty())
            m_queuedExecutes = 0;
        Q_EMIT statusMessage(!failure.isEmpty() ? failure
                             : stopped
                                 ? tr("Stopped; %n request(s) in the results", nullptr, m_statistics.count())
                                 : tr("%n request(s) in the results", nullptr, m_statistics.count()));
        Q_EMIT runFinished();
        // The Execute clicks that came during the run, one after the other.
        if (m_queuedExecutes > 0 && !m_runner->isRunning()) {
            --m_queuedExecutes;
            if (!repeat(1, 1, 0)) // the request cannot be sent any more (keys removed, say): drop the rest
                m_queuedExecutes = 0;
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showResult(current.row()); });
    connect(m_tokens, &TokenManager::tokenChanged, this, &TryOutConsole::refreshTokenStatus);
    m_chartTimer->setSingleShot(true);
    m_chartTimer->setInterval(100); // charts repaint at most ten times a second during a run
    connect(m_chartTimer, &QTimer::timeout, this, &TryOutConsole::refreshCharts);
    connect(m_tokenTimer, &QTimer::timeout, this, [this] {
        refreshTokenStatus();
        // Auto-refresh: fetching is free while the cached token is fresh, and renews it near expiry.
        if (m_autoRefresh->isChecked() && m_tokens->cached(m_application->currentData().toString(),
                                                           Stage(m_keyType->currentData().toInt())))
            fetchToken();
    });
    m_tokenTimer->start(5000);

    Workspace* workspace = session->workspace();
    connect(workspace, &Workspace::applicationSaved, this, &TryOutConsole::refreshChoices);
    connect(workspace, &Workspace::applicationRemoved, this, &TryOutConsole::refreshChoices);
    connect(workspace, &Workspace::apiSaved, this, &TryOutConsole::refreshChoices);
    connect(workspace, &Workspace::reloaded, this, &TryOutConsole::refreshChoices);
    connect(session, &GatehouseSession::gatewayStateChanged, this, &TryOutConsole::refreshChoices);
    refreshChoices();
    refreshCharts();
}

void TryOutConsole::refreshChoices() {
    if (Gateway* gateway = m_session->gateway())
        m_tokens->setGatewayUrl(QUrl(gateway->baseUrl()));
    const Workspace* workspace = m_session->workspace();
    const QString application = m_application->currentData().toString();
    {
        const QSignalBlocker block(m_application);
        m_application->clear();
        for (const Application& each : workspace->applications())
            m_application->addItem(each.name, each.id);
        m_application->setCurrentIndex(qMax(0, m_application->findData(application)));
    }
    const QString api = m_api->currentData().toString();
    {
        const QSignalBlocker block(m_api);
        m_api->clear();
        for (const Api& each : workspace->apis()) {
            if (each.lifecycle == LifecycleState::Retired)
                continue;
            m_api->addItem(QStringLiteral("%1 %2").arg(each.name, each.version), each.id);
        }
        m_api->setCurrentIndex(qMax(0, m_api->findData(api)));
    }
    if (m_api->currentData().toString() != api || m_operations->count() == 0)
        selectApi(m_api->currentData().toString());
    refreshTokenStatus();
}

void TryOutConsole::selectApplication(const QString& applicationId, Stage keyType) {
    refreshChoices();
    m_application->setCurrentIndex(qMax(0, m_application->findData(applicationId)));
    m_keyType->setCurrentIndex(m_keyType->findData(int(keyType)));
}

void TryOutConsole::selectApi(const QString& apiId) {
    if (m_api->currentData().toString() != apiId) {
        const QSignalBlocker block(m_api);
        m_api->setCurrentIndex(qMax(0, m_api->findData(apiId)));
    }
    const Api* api = m_session->workspace()->api(apiId);
    const QString previous = m_operations->currentItem() ? m_operations->currentItem()->text() : QString();
    m_operations->clear();
    if (!api)
        return;
    for (const Operation& operation : api->operations)
        m_operations->addItem(operation.key());
    // The chat operation is what people come to try; start there.
    if (!selectOperation(previous) && !selectOperation(QStringLiteral("POST /chat/completions")))
        m_operations->setCurrentRow(0);
}

bool TryOutConsole::selectOperation(const QString& operationKey) {
    const QList<QListWidgetItem*> found = m_operations->findItems(operationKey, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_operations->setCurrentItem(found.first());
    return true;
}

void TryOutConsole::operationChanged() {
    const Api* api = m_session->workspace()->api(m_api->currentData().toString());
    const Operation* operation = api && m_operations->currentItem()
                                     ? api->operationByKey(m_operations->currentItem()->text())
                                     : nullptr;
    if (!operation)
        return;
    m_body->setPlainText(operation->sampleBody.is_null() ? QString()
                                                         : toQString(dumpPretty(operation->sampleBody)));
    validateBody();
}

void TryOutConsole::validateBody() {
    const QByteArray text = m_body->toPlainText().toUtf8();
    if (text.trimmed().isEmpty()) {
        m_bodyError->clear();
        return;
    }
    const Result<Json> parsed = JsonFile::parse(text, tr("body"));
    m_bodyError->setText(parsed ? QString() : parsed.error());
}

std::optional<ConsoleCredentials> TryOutConsole::credentials(QString* error) const {
    const Application* application =
        m_session->workspace()->application(m_application->currentData().toString());
    if (!application) {
        *error = tr("Create an application and subscribe it first (Developer Portal > Applications)");
        return std::nullopt;
    }
    const Stage keyType = Stage(m_keyType->currentData().toInt());
    const KeyPair* keys = application->keyPair(keyType);
    if (!keys) {
        *error =
            tr("%1 has no %2 keys: generate them first").arg(application->name, stageDisplayName(keyType));
        return std::nullopt;
    }
    const Result<QString> secret =
        ApplicationKeys::consumerSecret(*m_session->secrets(), application->id, keyType);
    if (!secret) {
        *error = secret.error();
        return std::nullopt;
    }
    return ConsoleCredentials{application->id, keyType, keys->consumerKey, secret.value()};
}

void TryOutConsole::fetchToken() {
    QString error;
    const auto creds = credentials(&error);
    if (!creds) {
        m_tokenStatus->setText(error);
        return;
    }
    if (Gateway* gateway = m_session->gateway())
        m_tokens->setGatewayUrl(QUrl(gateway->baseUrl()));
    m_tokens->fetch(*creds, [this](Result<AccessToken> token) {
        if (!token) {
            m_tokenStatus->setText(
                QStringLiteral("<span style='color:#c62828'>%1</span>").arg(token.error().toHtmlEscaped()));
            return;
        }
        m_lastToken = token->value;
        refreshTokenStatus();
    });
}

void TryOutConsole::refreshTokenStatus() {
    const auto token =
        m_tokens->cached(m_application->currentData().toString(), Stage(m_keyType->currentData().toInt()));
    if (!token) {
        m_tokenStatus->setText(tr("No token yet"));
        return;
    }
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(token->expiresAt);
    m_tokenStatus->setText(seconds > 0 ? tr("Token %1… expires in %2:%3")
                                             .arg(QString::fromLatin1(token->value.left(12)))
                                             .arg(seconds / 60)
                                             .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                                       : tr("Token expired"));
    m_tokenStatus->setToolTip(toQString(dumpPretty(token->claims)));
}

std::optional<InvokeTarget> TryOutConsole::resolveTarget(Stage keyType, QString* error) const {
    const Api* api = m_session->workspace()->api(m_api->currentData().toString());
    const Operation* operation = api && m_operations->currentItem()
                                     ? api->operationByKey(m_operations->currentItem()->text())
                                     : nullptr;
    Gateway* gateway = m_session->gateway();
    if (!operation) {
        *error = tr("Choose an API and an operation");
        return std::nullopt;
    }
    if (!gateway || !gateway->isRunning()) {
        *error = tr("The gateway is not running (Gateway mode)");
        return std::nullopt;
    }
    // What the gateway serves: the deployed revision's operation, as gatehouse-ctl invoke resolves it.
    Result<InvokeTarget> target =
        InvokeTarget::resolve(*m_session->workspace(), api->id, operation->verb, operation->path, QString(),
                              keyType, QUrl(gateway->baseUrl()));
    if (!target) {
        *error = target.error();
        return std::nullopt;
    }
    return target.take();
}

std::optional<InvokeRequest> TryOutConsole::buildRequest(const InvokeTarget& target, QString* error) const {
    InvokeRequest request;
    request.url = target.url();
    request.method = target.operation().verb.toUtf8();
    const QByteArray body = m_body->toPlainText().toUtf8();
    if (!body.trimmed().isEmpty()) {
        const Result<Json> parsed = JsonFile::parse(body, tr("body"));
        if (!parsed) {
            *error = parsed.error();
            return std::nullopt;
        }
        request.body = body;
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        request.stream = parsed.value().is_object() && parsed.value().value("stream", false) == true;
    }
    return request;
}

void TryOutConsole::execute() {
    if (m_runner->isRunning()) {
        ++m_queuedExecutes;
        Q_EMIT statusMessage(tr("%n more request(s) queued", nullptr, m_queuedExecutes));
        return;
    }
    repeat(1, 1, 0);
}

TryOutConsole::Target TryOutConsole::currentTarget() const {
    return {m_api->currentData().toString(),
            m_operations->currentItem() ? m_operations->currentItem()->text() : QString(),
            m_application->currentData().toString(), m_keyType->currentData().toInt()};
}

void TryOutConsole::clearResults() {
    m_results->clear();
    m_statistics.clear();
    m_history.clear();
    m_streamView->clear();
    m_response->clear();
    m_streamIndex = -1;
    m_runOffset = 0;
    refreshCharts();
    Q_EMIT statusMessage(tr("Results cleared"));
}

bool TryOutConsole::repeat(int count, int concurrency, int delayMs) {
    QString error;
    const auto creds = credentials(&error);
    const auto resolved = creds ? resolveTarget(creds->keyType, &error) : std::nullopt;
    const auto request = resolved ? buildRequest(*resolved, &error) : std::nullopt;
    if (!creds || !request) {
        m_bodyError->setText(error);
        Q_EMIT statusMessage(error);
        return false;
    }
    if (m_runner->isRunning())
        return false;
    const Target target = currentTarget();
    if (!(target == m_resultsTarget)) {
        clearResults();
        m_resultsTarget = target;
    }
    m_runOffset = m_results->rowCount();
    m_statistics.setConfiguredWeights(resolved->configuredWeights());
    if (Gateway* gateway = m_session->gateway())
        m_tokens->setGatewayUrl(QUrl(gateway->baseUrl()));
    m_runner->setCredentials(*creds);
    RequestRunner::Plan plan;
    plan.request = *request;
    plan.repeat = count;
    plan.concurrency = concurrency;
    plan.delayMs = delayMs;
    // Execute stays enabled: a click during the run is queued (see execute()).
    m_repeat->setEnabled(false);
    m_stop->setEnabled(true);
    m_runner->start(plan);
    refreshCharts();
    return true;
}

void TryOutConsole::stop() {
    m_queuedExecutes = 0;
    m_runner->stop();
}

void TryOutConsole::onResult(const InvokeResult& runResult) {
    InvokeResult result = runResult;
    result.index += m_runOffset; // numbered across the runs the table holds
    m_results->append(result);
    m_statistics.add(result);
    m_history.push_back(std::move(result));
    if (!m_chartTimer->isActive())
        m_chartTimer->start();
    if (m_results->rowCount() == 1)
        m_table->selectRow(0);
}

void TryOutConsole::fitResultsTable() {
    // The table's pane is at least as wide as the columns up to Tokens (sized to their content) plus
    // a little of Error: the model and the token counts are never cut off, and nothing scrolls sideways.
    const QHeaderView* header = m_table->horizontalHeader();
    int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width() +
                header->sectionSizeHint(ResultsTableModel::ErrorColumn);
    for (int column = 0; column < ResultsTableModel::ErrorColumn; ++column)
        width += header->sectionSize(column);
    if (width > m_table->minimumWidth())
        m_table->setMinimumWidth(width);
}

void TryOutConsole::refreshCharts() {
    fitResultsTable();
    std::map<QString, double> configured;
    for (const QString& model : m_statistics.models()) {
        if (m_statistics.configuredShare(model) > 0)
            configured[model] = m_statistics.configuredShare(model);
    }
    for (const auto& [model, weight] : m_statistics.configuredWeights()) {
        if (m_statistics.configuredShare(model) > 0)
            configured[model] = m_statistics.configuredShare(model);
    }
    m_shareChart->setData(m_statistics.byModel(), configured);
    const LatencyStatistics& latency = m_statistics.latency();
    m_histogram->setData(m_statistics.histogram(20), latency.min(), latency.max(), latency.percentile(50),
                         latency.percentile(90), latency.percentile(99));
    QStringList statuses;
    for (const auto& [status, count] : m_statistics.statusCounts())
        statuses.append(QStringLiteral("%1 × %2")
                            .arg(status == 0 ? tr("no answer") : QString::number(status))
                            .arg(count));
    m_percentiles->setText(
        m_statistics.count() == 0
            ? QString()
            : tr("%1 requests · %2 errors · %3 req/s · min %4 · avg %5 · p50 %6 · p90 %7 · p99 %8 · max "
                 "%9 ms · %10")
                      .arg(m_statistics.count())
                      .arg(m_statistics.errors())
                      .arg(m_statistics.requestsPerSecond(), 0, 'f', 1)
                      .arg(latency.min(), 0, 'f', 1)
                      .arg(latency.mean(), 0, 'f', 1)
                      .arg(latency.percentile(50), 0, 'f', 1)
                      .arg(latency.percentile(90), 0, 'f', 1)
                      .arg(latency.percentile(99), 0, 'f', 1)
                      .arg(latency.max(), 0, 'f', 1)
                      .arg(statuses.join(QStringLiteral(", "))) +
                  (m_statistics.cacheHits() > 0
                       ? tr(" · %n answered from the cache", nullptr, m_statistics.cacheHits())
                       : QString()));
}

void TryOutConsole::showResult(int row) {
    const InvokeResult* result = m_results->result(row);
    if (!result) {
        m_response->clear();
        return;
    }
    QString text;
    if (const std::optional<QString> notice = GuardrailNotice::of(result->status, result->body))
        text = *notice + QStringLiteral("\n\n");
    if (result->cacheStatus == QLatin1String("Hit"))
        text = tr("Answered from the response cache: the model was not called.") + QStringLiteral("\n\n");
    text += QStringLiteral("HTTP %1 · %2 ms").arg(result->status).arg(result->latencyMs, 0, 'f', 1);
    if (result->firstByteMs > 0)
        text += tr(" · first byte after %1 ms").arg(result->firstByteMs, 0, 'f', 1);
    text += QLatin1Char('\n');
    for (const auto& [name, value] : result->headers)
        text += QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value) + QLatin1Char('\n');
    text += QLatin1Char('\n');
    const Json body = Json::parse(result->body.cbegin(), result->body.cend(), nullptr, false);
    text += body.is_discarded() ? QString::fromUtf8(result->body) : toQString(dumpPretty(body));
    m_response->setPlainText(text);
    if (!result->text.isEmpty() && m_streamIndex != result->index) {
        m_streamView->setPlainText(result->text);
        m_streamView->appendPlainText(tr("\n— %1 chunks · first token after %2 ms · %3 tokens/s")
                                          .arg(result->chunks)
                                          .arg(result->firstByteMs, 0, 'f', 1)
                                          .arg(result->tokensPerSecond, 0, 'f', 1));
    }
}

QString TryOutConsole::curlCommand(bool revealToken) const {
    QString error;
    const Stage keyType = Stage(m_keyType->currentData().toInt());
    const auto target = resolveTarget(keyType, &error);
    const auto request = target ? buildRequest(*target, &error) : std::nullopt;
    if (!request)
        return error;
    const auto token = m_tokens->cached(m_application->currentData().toString(), keyType);
    return CurlCommand::build(*request, token ? token->value : QByteArray(), revealToken);
}

bool TryOutConsole::exportRun(const QString& filePath, QString* error) const {
    const QByteArray bytes = filePath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                 ? RunExport::toCsv(m_history)
                                 : RunExport::toJson(m_statistics, m_history);
    return JsonFile::writeBytes(filePath, bytes, error);
}

} // namespace gatehouse
