#include "gui/UsageView.h"

#include "core/Workspace.h"
#include "gui/ChartPalette.h"
#include "gui/GatehouseSession.h"
#include "gui/UsageChart.h"
#include "usage/UsageNames.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <map>

namespace gatehouse {

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
// More bars than this are not readable at any window size: a finer bucket is widened to fit.
constexpr qint64 maxBuckets = 1500;
// The chart names this many series; the rest are one "Other".
constexpr int namedSeries = 7;
// Live ranges ("the last hour") follow the gateway this often while the view is shown.
constexpr int autoRefreshMs = 15'000;

qint64 bucketLengthMs(UsageBucketSize size) {
    switch (size) {
    case UsageBucketSize::Minute:
        return minuteMs;
    case UsageBucketSize::Hour:
        return hourMs;
    case UsageBucketSize::Day:
        return dayMs;
    case UsageBucketSize::None:
        break;
    }
    return 0;
}

// The bucket that shows a range as 30 to a few hundred bars.
UsageBucketSize automaticBucket(qint64 rangeMs) {
    if (rangeMs <= 3 * hourMs)
        return UsageBucketSize::Minute;
    if (rangeMs <= 4 * dayMs)
        return UsageBucketSize::Hour;
    return UsageBucketSize::Day;
}

// USD from the report's exact units of 1e-10 USD, with every digit the log has (no binary rounding).
QString exactUsd(qint64 costE10) {
    const bool negative = costE10 < 0;
    const qint64 magnitude = negative ? -costE10 : costE10;
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(magnitude / 10'000'000'000LL)
        .arg(magnitude % 10'000'000'000LL, 10, 10, QLatin1Char('0'));
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QIcon swatch(const QColor& color) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2);
    return QIcon(pixmap);
}

QLabel* tile(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true); // the tokens' caption is long, and longer in German
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    return label;
}

QString tileText(const QString& value, const QString& caption) {
    return QStringLiteral("<span style=\"font-size:large; font-weight:600\">%1</span><br>%2")
        .arg(value.toHtmlEscaped(), caption.toHtmlEscaped());
}

QDateTimeEdit* utcEdit(QWidget* parent, const QString& name) {
    auto* edit = new QDateTimeEdit(parent);
    edit->setObjectName(name);
    edit->setTimeSpec(Qt::UTC);
    edit->setCalendarPopup(true);
    //: Format of the usage view's range fields; the logs and the chart are in UTC.
    edit->setDisplayFormat(UsageView::tr("yyyy-MM-dd HH:mm 'UTC'"));
    // Wide enough for the whole date and time: the default hint cuts "UTC" off in some styles.
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00 UTC")) +
                          edit->fontMetrics().height() * 3);
    return edit;
}

} // namespace

UsageView::UsageView(GatehouseSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_range(new QComboBox(this)),
      m_since(utcEdit(this, QStringLiteral("usageSince"))),
      m_until(utcEdit(this, QStringLiteral("usageUntil"))), m_bucket(new QComboBox(this)),
      m_stackBy(new QComboBox(this)), m_metric(new QComboBox(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_export(new QPushButton(tr("Export CSV..."), this)),
      m_requests(tile(this, QStringLiteral("usageRequests"))),
      m_errors(tile(this, QStringLiteral("usageErrors"))),
      m_tokens(tile(this, QStringLiteral("usageTokens"))), m_cost(tile(this, QStringLiteral("usageCost"))),
      m_cached(tile(this, QStringLiteral("usageCached"))),
      m_interventions(tile(this, QStringLiteral("usageInterventions"))),
      m_saved(tile(this, QStringLiteral("usageSaved"))), m_reading(new QLabel(this)),
      m_chart(new UsageChart(this)), m_top(new QTableWidget(this)), m_autoRefresh(new QTimer(this)) {
    setObjectName(QStringLiteral("usageView"));

    m_range->setObjectName(QStringLiteral("usageRange"));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("Custom range"), int(Range::Custom));
    m_range->setCurrentIndex(1);
    m_bucket->setObjectName(QStringLiteral("usageBucket"));
    m_bucket->addItem(tr("Automatic"), int(UsageBucketSize::None));
    m_bucket->addItem(tr("Minutes"), int(UsageBucketSize::Minute));
    m_bucket->addItem(tr("Hours"), int(UsageBucketSize::Hour));
    m_bucket->addItem(tr("Days"), int(UsageBucketSize::Day));
    m_stackBy->setObjectName(QStringLiteral("usageStackBy"));
    m_stackBy->addItem(tr("Model"), int(UsageDimension::Model));
    m_stackBy->addItem(tr("Application"), int(UsageDimension::Application));
    m_stackBy->addItem(tr("API"), int(UsageDimension::Api));
    m_metric->setObjectName(QStringLiteral("usageMetric"));
    m_metric->addItem(tr("Cost (USD)"), int(Metric::Cost));
    m_metric->addItem(tr("Tokens"), int(Metric::Tokens));
    m_metric->addItem(tr("Requests"), int(Metric::Requests));
    m_refresh->setObjectName(QStringLiteral("usageRefresh"));
    m_export->setObjectName(QStringLiteral("usageExport"));
    m_reading->setObjectName(QStringLiteral("usageReading"));
    m_reading->setWordWrap(true);
    m_reading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_since->setDateTime(now.addDays(-1));
    m_until->setDateTime(now);
    m_since->setEnabled(false);
    m_until->setEnabled(false);

    // Two rows: what range, then how to show it. One row needed more than 1280 pixels in German.
    auto* rangeRow = new QHBoxLayout();
    auto* shapeRow = new QHBoxLayout();
    const auto labelled = [this](QHBoxLayout* row, const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        row->addWidget(label);
        row->addWidget(field);
    };
    labelled(rangeRow, tr("&Range:"), m_range);
    labelled(rangeRow, tr("&From:"), m_since);
    labelled(rangeRow, tr("&To:"), m_until);
    rangeRow->addStretch(1);
    rangeRow->addWidget(m_refresh);
    labelled(shapeRow, tr("&Bars:"), m_bucket);
    labelled(shapeRow, tr("&Stack by:"), m_stackBy);
    labelled(shapeRow, tr("S&how:"), m_metric);
    shapeRow->addStretch(1);
    shapeRow->addWidget(m_export);

    auto* tiles = new QHBoxLayout();
    for (QLabel* label : {m_requests, m_errors, m_tokens, m_cost, m_cached, m_interventions, m_saved})
        tiles->addWidget(label, 1);

    m_top->setObjectName(QStringLiteral("usageTopConsumers"));
    m_top->setColumnCount(8);
    m_top->setHorizontalHeaderLabels({tr("Consumer"), tr("Requests"), tr("Errors"), tr("Prompt tokens"),
                                      tr("Completion tokens"), tr("Cached tokens"), tr("Total tokens"),
                                      tr("Cost (USD)")});
    m_top->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_top->horizontalHeader()->setStretchLastSection(true);
    m_top->verticalHeader()->hide();
    m_top->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_top->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_top->setTabKeyNavigation(false);

    auto* chartBox = new QGroupBox(tr("Over time"), this);
    (new QVBoxLayout(chartBox))->addWidget(m_chart);
    auto* topBox = new QGroupBox(tr("Top consumers"), this);
    (new QVBoxLayout(topBox))->addWidget(m_top);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("usageSplitter")); // the main window remembers it by name
    split->addWidget(chartBox);
    split->addWidget(topBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(rangeRow);
    layout->addLayout(shapeRow);
    layout->addLayout(tiles);
    layout->addWidget(split, 1);
    layout->addWidget(m_reading);

    const auto rangeChanged = [this] {
        const bool custom = Range(m_range->currentData().toInt()) == Range::Custom;
        m_since->setEnabled(custom);
        m_until->setEnabled(custom);
        refresh();
    };
    connect(m_range, qOverload<int>(&QComboBox::activated), this, rangeChanged);
    connect(m_since, &QDateTimeEdit::editingFinished, this, &UsageView::refresh);
    connect(m_until, &QDateTimeEdit::editingFinished, this, &UsageView::refresh);
    connect(m_bucket, qOverload<int>(&QComboBox::activated), this, &UsageView::refresh);
    connect(m_stackBy, qOverload<int>(&QComboBox::activated), this, &UsageView::refresh);
    // The metric only changes what is drawn from the report at hand.
    connect(m_metric, qOverload<int>(&QComboBox::activated), this, [this] {
        fillChart(m_report);
        fillTopConsumers(m_report);
    });
    connect(m_refresh, &QPushButton::clicked, this, &UsageView::refresh);
    connect(m_export, &QPushButton::clicked, this, &UsageView::exportWithDialog);
    connect(&m_watcher, &QFutureWatcher<UsageReport>::finished, this, [this] {
        const UsageReport report = m_watcher.result();
        if (m_refreshAgain) {
            // Asked again meanwhile: this report is for what was asked before; the next one is shown.
            m_refreshAgain = false;
            m_loading = false;
            refresh();
            return;
        }
        m_loading = false;
        showReport(report, QDateTime::currentMSecsSinceEpoch() - m_queryStartedMs);
    });
    m_autoRefresh->setInterval(autoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (Range(m_range->currentData().toInt()) != Range::Custom)
            refresh();
    });
    fillTotals(m_report);
}

UsageView::~UsageView() {
    // The query owns copies of what it reads; its result is dropped. Waiting keeps the thread pool from
    // running a query for a window that is gone when the application quits.
    m_watcher.waitForFinished();
}

void UsageView::setCustomRange(qint64 sinceMs, qint64 untilMs) {
    m_range->setCurrentIndex(m_range->findData(int(Range::Custom)));
    m_since->setEnabled(true);
    m_until->setEnabled(true);
    m_since->setDateTime(QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC));
    m_until->setDateTime(QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC));
    refresh();
}

void UsageView::setRange(Range range) {
    m_range->setCurrentIndex(m_range->findData(int(range)));
    m_since->setEnabled(range == Range::Custom);
    m_until->setEnabled(range == Range::Custom);
    refresh();
}

void UsageView::setStackBy(UsageDimension dimension) {
    m_stackBy->setCurrentIndex(m_stackBy->findData(int(dimension)));
    refresh();
}

void UsageView::setMetric(Metric metric) {
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
    fillChart(m_report);
    fillTopConsumers(m_report);
}

UsageDimension UsageView::stackBy() const {
    return UsageDimension(m_stackBy->currentData().toInt());
}

UsageView::Metric UsageView::shownMetric() const {
    return Metric(m_metric->currentData().toInt());
}

UsageRequest UsageView::currentRequest() const {
    UsageRequest request;
    request.logsFolder = m_session->workspace()->filePath(QStringLiteral("logs"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (Range(m_range->currentData().toInt())) {
    case Range::LastHour:
        request.sinceMs = now - hourMs;
        break;
    case Range::Last24Hours:
        request.sinceMs = now - dayMs;
        break;
    case Range::Last7Days:
        request.sinceMs = now - 7 * dayMs;
        break;
    case Range::Last30Days:
        request.sinceMs = now - 30 * dayMs;
        break;
    case Range::Custom:
        request.sinceMs = m_since->dateTime().toMSecsSinceEpoch();
        break;
    }
    request.untilMs = Range(m_range->currentData().toInt()) == Range::Custom
                          ? m_until->dateTime().toMSecsSinceEpoch()
                          : now;
    request.untilMs = std::max(request.untilMs, request.sinceMs + minuteMs);
    const qint64 span = request.untilMs - request.sinceMs;
    UsageBucketSize bucket = UsageBucketSize(m_bucket->currentData().toInt());
    if (bucket == UsageBucketSize::None)
        bucket = automaticBucket(span);
    while (bucket != UsageBucketSize::Day && span / bucketLengthMs(bucket) > maxBuckets)
        bucket = bucket == UsageBucketSize::Minute ? UsageBucketSize::Hour : UsageBucketSize::Day;
    request.bucket = bucket;
    request.groupBy = {stackBy()};
    return request;
}

void UsageView::refresh() {
    if (m_watcher.isRunning()) {
        m_loading = true;
        m_refreshAgain = true;
        return;
    }
    m_loading = true;
    const UsageRequest request = currentRequest();
    m_queryStartedMs = QDateTime::currentMSecsSinceEpoch();
    m_reading->setText(tr("Reading the access logs..."));
    m_watcher.setFuture(QtConcurrent::run([request] { return UsageQuery::run(request); }));
}

void UsageView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_autoRefresh->start();
    refresh();
}

void UsageView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_autoRefresh->stop();
}

void UsageView::showReport(const UsageReport& report, qint64 elapsedMs) {
    m_report = report;
    m_names = UsageNames(*m_session->workspace()); // applications are renamed, added and deleted
    fillTotals(report);
    fillChart(report);
    fillTopConsumers(report);
    const QLocale locale;
    QStringList notes;
    //: %n: log files, %1: milliseconds, %2: megabytes read from the logs themselves
    notes << tr("%n log file(s) read in %1 ms (%2 MB scanned; the rest came from their indexes).", nullptr,
                report.reading.files)
                 .arg(elapsedMs)
                 .arg(locale.toString(double(report.reading.bytesRead) / 1e6, 'f', 1));
    if (report.totals.estimatedUsage > 0)
        notes << tr("%n request(s) with estimated token counts (the upstream reported none).", nullptr,
                    int(std::min<qint64>(report.totals.estimatedUsage, INT_MAX)));
    if (report.totals.notCalculatedCosts > 0)
        notes << tr("%n request(s) at a model without a price: add it in Settings > Model Prices.", nullptr,
                    int(std::min<qint64>(report.totals.notCalculatedCosts, INT_MAX)));
    if (report.reading.skippedLines > 0)
        notes << tr("%n damaged line(s) skipped.", nullptr,
                    int(std::min<qint64>(report.reading.skippedLines, INT_MAX)));
    notes << report.warnings;
    m_reading->setText(notes.join(QLatin1Char(' ')));
    Q_EMIT reportReady();
}

void UsageView::fillTotals(const UsageReport& report) {
    const QLocale locale;
    const UsageCounters& totals = report.totals;
    m_requests->setText(tileText(locale.toString(totals.requests), tr("requests")));
    const double errorShare =
        totals.requests > 0 ? 100.0 * double(totals.errors) / double(totals.requests) : 0;
    m_errors->setText(tileText(locale.toString(totals.errors),
                               tr("errors (%1 %)").arg(locale.toString(errorShare, 'f', 1))));
    m_tokens->setText(
        tileText(locale.toString(totals.totalTokens),
                 tr("tokens (%1 prompt, %2 completion)")
                     .arg(locale.toString(totals.promptTokens), locale.toString(totals.completionTokens))));
    m_cost->setText(
        tileText(QStringLiteral("$") + locale.toString(totals.costUsd(), 'f', totals.costUsd() < 1 ? 4 : 2),
                 tr("cost")));
    m_cached->setText(tileText(locale.toString(100.0 * totals.cachedShare(), 'f', 1) + QStringLiteral(" %"),
                               tr("of prompt tokens from the cache")));
    m_interventions->setText(tileText(locale.toString(totals.interventions), tr("guardrail interventions")));
    //: %1 answers the response cache gave; %2 what the model would have charged for them.
    m_saved->setText(
        tileText(locale.toString(totals.savedTokens),
                 tr("tokens saved by %1 cache hits ($%2)")
                     .arg(locale.toString(totals.cacheHits))
                     .arg(locale.toString(totals.savedCostUsd(), 'f', totals.savedCostUsd() < 1 ? 4 : 2))));
}

double UsageView::metricValue(const UsageCounters& counters) const {
    switch (shownMetric()) {
    case Metric::Cost:
        return counters.costUsd();
    case Metric::Tokens:
        return double(counters.totalTokens);
    case Metric::Requests:
        return double(counters.requests);
    }
    return 0;
}

QString UsageView::groupName(const UsageRow& row, UsageDimension dimension) const {
    const UsageNames& names = m_names;
    switch (dimension) {
    case UsageDimension::Model:
        return row.model.isEmpty() ? tr("(no model)") : row.model;
    case UsageDimension::Application: {
        const QString name = names.application(row.applicationId);
        return name.isEmpty() ? tr("(not authenticated)") : name;
    }
    case UsageDimension::Api:
        return names.api(row.apiId, row.apiName);
    }
    return QString();
}

void UsageView::fillChart(const UsageReport& report) {
    UsageChart::Data data;
    const qint64 length = bucketLengthMs(report.bucket);
    const Metric shown = shownMetric();
    data.unit = shown == Metric::Cost     ? QStringLiteral("USD")
                : shown == Metric::Tokens ? tr("tokens")
                                          : tr("requests");
    if (length <= 0 || report.untilMs <= report.sinceMs) {
        m_chart->setData(std::move(data));
        return;
    }
    data.bucketLengthMs = length;
    const qint64 firstMinute = usageBucketStartMinute(report.sinceMs / minuteMs, report.bucket);
    for (qint64 start = firstMinute * minuteMs; start < report.untilMs; start += length)
        data.bucketStartsMs.push_back(start);
    if (data.bucketStartsMs.empty()) {
        m_chart->setData(std::move(data));
        return;
    }

    // The series, in the order of their share of the metric over the range: the largest at the bottom.
    const UsageDimension dimension = stackBy();
    std::vector<UsageRow> groups = report.topConsumers();
    std::stable_sort(groups.begin(), groups.end(), [this](const UsageRow& a, const UsageRow& b) {
        return metricValue(a.counters) > metricValue(b.counters);
    });
    std::map<QString, int> seriesOf;
    for (const UsageRow& group : groups) {
        const QString name = groupName(group, dimension);
        if (seriesOf.count(name) || metricValue(group.counters) <= 0)
            continue;
        if (int(data.series.size()) == namedSeries) {
            data.series.append(tr("Other"));
            data.lastIsOther = true;
            break;
        }
        seriesOf[name] = int(data.series.size());
        data.series.append(name);
    }
    data.values.assign(std::size_t(data.series.size()), std::vector<double>(data.bucketStartsMs.size(), 0.0));
    double peak = 0;
    for (const UsageRow& row : report.rows) {
        const qint64 index = (row.bucketStartMs - data.bucketStartsMs.front()) / length;
        if (index < 0 || index >= qint64(data.bucketStartsMs.size()))
            continue;
        const auto found = seriesOf.find(groupName(row, dimension));
        const int series = found != seriesOf.end() ? found->second : int(data.series.size()) - 1;
        if (series < 0 || (found == seriesOf.end() && !data.lastIsOther))
            continue;
        double& value = data.values[std::size_t(series)][std::size_t(index)];
        value += metricValue(row.counters);
        peak = std::max(peak, value);
    }
    data.decimals = shown != Metric::Cost ? 0 : peak >= 10 ? 2 : peak >= 0.1 ? 3 : 5;
    m_chart->setData(std::move(data));
}

void UsageView::fillTopConsumers(const UsageReport& report) {
    const QLocale locale;
    const UsageDimension dimension = stackBy();
    std::vector<UsageRow> groups = report.topConsumers();
    std::stable_sort(groups.begin(), groups.end(), [this](const UsageRow& a, const UsageRow& b) {
        return metricValue(a.counters) > metricValue(b.counters);
    });
    const QStringList series = m_chart->data().series;
    m_top->setRowCount(int(groups.size()));
    for (int row = 0; row < int(groups.size()); ++row) {
        const UsageRow& group = groups[std::size_t(row)];
        const UsageCounters& counters = group.counters;
        const QString name = groupName(group, dimension);
        auto* nameItem = new QTableWidgetItem(name);
        const int seriesIndex = int(series.indexOf(name));
        nameItem->setIcon(swatch(seriesIndex >= 0 ? chartSeriesColor(seriesIndex) : chartOtherColor()));
        // The ids, for those who need them (and the tests).
        nameItem->setData(Qt::UserRole, dimension == UsageDimension::Model         ? group.model
                                        : dimension == UsageDimension::Application ? group.applicationId
                                                                                   : group.apiId);
        m_top->setItem(row, 0, nameItem);
        const qint64 numbers[] = {counters.requests,         counters.errors,       counters.promptTokens,
                                  counters.completionTokens, counters.cachedTokens, counters.totalTokens};
        for (int column = 0; column < 6; ++column) {
            auto* item = new QTableWidgetItem(locale.toString(numbers[column]));
            item->setData(Qt::UserRole, numbers[column]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_top->setItem(row, column + 1, item);
        }
        // Six decimals, as gatehouse-ctl usage prints them: a cheap model's call costs millionths.
        auto* cost = new QTableWidgetItem(locale.toString(counters.costUsd(), 'f', 6));
        cost->setData(Qt::UserRole, counters.costE10);
        cost->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_top->setItem(row, 7, cost);
    }
}

bool UsageView::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const UsageNames& names = m_names;
    QString text =
        QStringLiteral("start,api,apiId,app,appId,model,requests,errors,promptTokens,completionTokens,"
                       "cachedTokens,reasoningTokens,totalTokens,costUsd,estimatedCosts,"
                       "estimatedUsage,notCalculatedCosts,interventions,cacheHits,savedTokens,"
                       "savedCostUsd\n");
    const auto grouped = [this](UsageDimension dimension) {
        return std::find(m_report.groupBy.begin(), m_report.groupBy.end(), dimension) !=
               m_report.groupBy.end();
    };
    for (const UsageRow& row : m_report.rows) {
        const UsageCounters& c = row.counters;
        QStringList fields;
        fields << (row.bucketStartMs >= 0
                       ? QDateTime::fromMSecsSinceEpoch(row.bucketStartMs, Qt::UTC).toString(Qt::ISODate)
                       : QString());
        fields << (grouped(UsageDimension::Api) ? names.api(row.apiId, row.apiName) : QString()) << row.apiId;
        fields << (grouped(UsageDimension::Application) ? names.application(row.applicationId) : QString())
               << row.applicationId << row.model;
        for (const qint64 number : {c.requests, c.errors, c.promptTokens, c.completionTokens, c.cachedTokens,
                                    c.reasoningTokens, c.totalTokens})
            fields << QString::number(number);
        fields << exactUsd(c.costE10);
        for (const qint64 number : {c.estimatedCosts, c.estimatedUsage, c.notCalculatedCosts, c.interventions,
                                    c.cacheHits, c.savedTokens})
            fields << QString::number(number);
        fields << exactUsd(c.savedCostE10);
        for (QString& field : fields)
            field = csvField(field);
        text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void UsageView::exportWithDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export usage as CSV"), QStringLiteral("gatehouse-usage.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        Q_EMIT statusMessage(tr("Usage exported to %1").arg(path));
    else
        m_reading->setText(error);
}

} // namespace gatehouse
