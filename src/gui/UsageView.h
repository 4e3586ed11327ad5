#pragma once

#include "usage/UsageDimension.h"
#include "usage/UsageNames.h"
#include "usage/UsageQuery.h"
#include "usage/UsageReport.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace gatehouse {

class GatehouseSession;
class UsageChart;

// The Usage mode: tokens, cost and requests over a time range from the gateway's access logs, as
// `gatehouse-ctl usage` reads them (the same UsageQuery, so the two cannot disagree). A stacked chart
// by model, application or API in minute, hour or day buckets; the range's totals (requests, errors,
// tokens, cost, the share of cached prompt tokens, guardrail interventions); the top consumers; and
// CSV export. Queries run on a worker thread: a month of logs never freezes the window.
class UsageView : public QWidget {
    Q_OBJECT
public:
    enum class Metric { Cost, Tokens, Requests };
    enum class Range { LastHour, Last24Hours, Last7Days, Last30Days, Custom };

    explicit UsageView(GatehouseSession* session, QWidget* parent = nullptr);
    ~UsageView() override;

    // Shows [sinceMs, untilMs) (epoch ms, UTC): the range picker switches to Custom.
    void setCustomRange(qint64 sinceMs, qint64 untilMs);
    void setRange(Range range);
    void setStackBy(UsageDimension dimension);
    void setMetric(Metric metric);
    // Reads the logs again (on a worker thread); reportReady() follows.
    void refresh();

    // The last report shown, and what it was asked for.
    const UsageReport& report() const { return m_report; }
    // From refresh() until its report is shown (the worker may be done before the window hears of it).
    bool isLoading() const { return m_loading; }
    UsageChart* chart() const { return m_chart; }
    QTableWidget* topConsumers() const { return m_top; }

    // Writes the report's rows as CSV (one line per bucket and group, the columns of
    // `gatehouse-ctl usage --json`); false with a one-line reason.
    bool exportCsv(const QString& path, QString* error) const;

Q_SIGNALS:
    void reportReady();
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    UsageRequest currentRequest() const;
    UsageDimension stackBy() const;
    Metric shownMetric() const;
    void showReport(const UsageReport& report, qint64 elapsedMs);
    void fillTotals(const UsageReport& report);
    void fillChart(const UsageReport& report);
    void fillTopConsumers(const UsageReport& report);
    void exportWithDialog();
    QString groupName(const UsageRow& row, UsageDimension dimension) const;
    double metricValue(const UsageCounters& counters) const;

    GatehouseSession* m_session;
    QComboBox* m_range;
    QDateTimeEdit* m_since;
    QDateTimeEdit* m_until;
    QComboBox* m_bucket;
    QComboBox* m_stackBy;
    QComboBox* m_metric;
    QPushButton* m_refresh;
    QPushButton* m_export;
    QLabel* m_requests;
    QLabel* m_errors;
    QLabel* m_tokens;
    QLabel* m_cost;
    QLabel* m_cached;
    QLabel* m_interventions;
    QLabel* m_saved; // what the response cache's hits did not spend
    QLabel* m_reading;
    UsageChart* m_chart;
    QTableWidget* m_top;
    QTimer* m_autoRefresh;
    QFutureWatcher<UsageReport> m_watcher;
    qint64 m_queryStartedMs = 0;
    bool m_refreshAgain = false;
    bool m_loading = false; // asked again while a query ran: run once more when it ends
    UsageReport m_report;
    UsageNames m_names;
};

} // namespace gatehouse
