#pragma once

#include "console/ConsoleTypes.h"
#include "console/InvokeTarget.h"
#include "console/RunStatistics.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace gatehouse {

class GatehouseSession;
class LatencyHistogramChart;
class ModelShareChart;
class RequestRunner;
class ResultsTableModel;
class TokenManager;

// The API console: pick an application and key type (the token panel fetches and refreshes the
// token), an API and an operation, edit the JSON body, then Execute once or Repeat N times with
// concurrency and delay, and see where the load went: a per-model chart next to the configured
// weights, the latency histogram and percentiles, every result, the streamed text.
//
// Results accumulate: each Execute click adds one row (a click during a run is queued, never lost)
// and Repeat N adds N, so clicking Execute again and again shows the distribution, as the founding
// scenario asks. Clear starts afresh, and so does choosing another API, operation, application or
// key type (results of different targets do not belong in one chart).
class TryOutConsole : public QWidget {
    Q_OBJECT
public:
    explicit TryOutConsole(GatehouseSession* session, QWidget* parent = nullptr);

    void selectApplication(const QString& applicationId, Stage keyType);
    void selectApi(const QString& apiId);
    bool selectOperation(const QString& operationKey);
    void refreshChoices();
    void fetchToken();
    void execute();
    // Repeats the current request; false (with a message) when the input is not valid.
    bool repeat(int count, int concurrency, int delayMs);
    void stop();
    // Empties the results table, the charts and the statistics.
    void clearResults();
    // Execute clicks waiting for the current run to finish.
    int queuedExecutes() const { return m_queuedExecutes; }
    QString curlCommand(bool revealToken) const;
    bool exportRun(const QString& filePath, QString* error) const;

    RequestRunner* runner() const { return m_runner; }
    TokenManager* tokens() const { return m_tokens; }
    const RunStatistics& statistics() const { return m_statistics; }
    ResultsTableModel* resultsModel() const { return m_results; }
    ModelShareChart* shareChart() const { return m_shareChart; }

Q_SIGNALS:
    void statusMessage(const QString& message);
    void runFinished();

private:
    std::optional<ConsoleCredentials> credentials(QString* error) const;
    // The chosen operation as the gateway serves it (its deployed revision), or why there is none.
    std::optional<InvokeTarget> resolveTarget(Stage keyType, QString* error) const;
    std::optional<InvokeRequest> buildRequest(const InvokeTarget& target, QString* error) const;
    // What the results so far were measured against; results of another target are cleared.
    struct Target {
        QString apiId;
        QString operationKey;
        QString applicationId;
        int keyType = 0;
        bool operator==(const Target& other) const {
            return apiId == other.apiId && operationKey == other.operationKey &&
                   applicationId == other.applicationId && keyType == other.keyType;
        }
    };
    Target currentTarget() const;
    void operationChanged();
    void validateBody();
    void onResult(const InvokeResult& result);
    void refreshCharts();
    void fitResultsTable();
    void refreshTokenStatus();
    void showResult(int row);

    GatehouseSession* m_session;
    TokenManager* m_tokens;
    RequestRunner* m_runner;
    RunStatistics m_statistics;
    ResultsTableModel* m_results;
    QComboBox* m_application;
    QComboBox* m_keyType;
    QPushButton* m_fetchToken;
    QCheckBox* m_autoRefresh;
    QLabel* m_tokenStatus;
    QComboBox* m_api;
    QListWidget* m_operations;
    QPlainTextEdit* m_body;
    QLabel* m_bodyError;
    QPushButton* m_execute;
    QSpinBox* m_repeatCount;
    QSpinBox* m_concurrency;
    QSpinBox* m_delay;
    QPushButton* m_repeat;
    QPushButton* m_stop;
    QPushButton* m_clear;
    QPushButton* m_copyCurl;
    QPushButton* m_export;
    QCheckBox* m_revealToken;
    QTableView* m_table;
    ModelShareChart* m_shareChart;
    LatencyHistogramChart* m_histogram;
    QLabel* m_percentiles;
    QPlainTextEdit* m_response;
    QPlainTextEdit* m_streamView;
    QTimer* m_chartTimer;
    QTimer* m_tokenTimer;
    QByteArray m_lastToken;
    int m_streamIndex = -1;
    // Every result since the last clear, with its full body (the table keeps a preview): exports.
    std::vector<InvokeResult> m_history;
    Target m_resultsTarget;
    int m_runOffset = 0; // rows before the current run: the runner numbers each run from 0
    int m_queuedExecutes = 0;
};

} // namespace gatehouse
