#pragma once

#include "console/ConsoleTypes.h"
#include "console/SseReader.h"
#include "core/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace gatehouse {

class TokenManager;

// Executes a request once or N times against the gateway, with C requests in flight at most and an
// optional pause between the requests of each worker lane, and records what each answer says
// (status, timings, the model that served it, tokens, errors). Streams ("stream": true) are read as
// Server-Sent Events while they arrive. Everything runs on the caller's event loop without blocking;
// each result costs constant work, so a GUI stays responsive through long runs.
class RequestRunner : public QObject {
    Q_OBJECT
public:
    struct Plan {
        InvokeRequest request;
        int repeat = 1;
        int concurrency = 1;
        int delayMs = 0;
        // A request that receives nothing for this long is given up (status 0); 0: never.
        int timeoutMs = 0;
    };

    static constexpr qsizetype MaxStoredBodyBytes = 1024 * 1024;
    static constexpr int MaxConcurrency = 1000;
    // QNetworkAccessManager opens at most six HTTP/1.1 connections per host (Qt 6.4 cannot raise
    // it): lanes beyond six share another manager instead of queueing behind the first six.
    static constexpr int LanesPerManager = 6;

    explicit RequestRunner(TokenManager* tokens, QObject* parent = nullptr);
    ~RequestRunner() override;

    void setCredentials(const ConsoleCredentials& credentials);
    const ConsoleCredentials& credentials() const { return m_credentials; }

    // Starts a run (ignored while one is running). The results of the previous run are cleared.
    void start(const Plan& plan);
    // Aborts the requests in flight and starts no more; finished(true) follows, once. Requests whose
    // answer had begun (a stream half read) are kept as results, marked as stopped.
    void stop();
    bool isRunning() const { return m_running; }
    // Requests started and not yet finished (waiting for a token included).
    int inFlight() const { return m_active; }
    // The results so far, in the order they finished.
    const std::vector<InvokeResult>& results() const { return m_results; }
    // Why the run ended before its last request (no token could be had); empty otherwise.
    const QString& failure() const { return m_failure; }
    const Plan& plan() const { return m_plan; }

Q_SIGNALS:
    void resultReady(const gatehouse::InvokeResult& result);
    void finished(bool stopped);
    // Streams: the text a request's latest chunks added, as it arrives.
    void streamText(int index, const QString& delta);

private:
    struct Call {
        int index = 0;
        int lane = 0;
        QNetworkReply* reply = nullptr;
        QByteArray token;
        bool retried = false;
        QElapsedTimer clock;
        InvokeResult result;
        bool sse = false;
        bool sawFirstByte = false;
        bool sawFirstToken = false;
        double firstByteMs = 0;
        double firstTokenMs = 0;
        SseReader reader;
    };

    void launch(int lane);
    void acquireToken(Call* call);
    void onToken(int lane, int index, quint64 runId, const Result<AccessToken>& token);
    void send(Call* call);
    void onReadyRead(Call* call, bool announce = true);
    void onFinished(Call* call);
    void fillResult(Call* call, bool stopped);
    void complete(int lane);
    void checkFinished();
    void detach(Call* call);
    QNetworkAccessManager* managerFor(int lane);

    TokenManager* m_tokens;
    ConsoleCredentials m_credentials;
    Plan m_plan;
    std::vector<QNetworkAccessManager*> m_managers; // children of this runner
    std::vector<std::unique_ptr<Call>> m_lanes;     // one slot per lane: its call in flight
    std::vector<InvokeResult> m_results;
    QString m_failure;
    quint64 m_runId = 0; // token answers and lane timers of an earlier run see a different id
    int m_nextIndex = 0;
    int m_active = 0;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace gatehouse
