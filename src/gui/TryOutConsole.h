#pragma once

#include "ConsoleTypes.h"
#include "RunStatistics.h"

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
    std::optional<InvokeRequest> buildRequest(QString* error) const;
    void operationChanged();
    void validateBody();
    void onResult(const InvokeResult& result);
    void refreshCharts();
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
};

} // namespace gatehouse
