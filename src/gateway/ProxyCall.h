#pragma once

#include "gateway/AccessRecord.h"
#include "gateway/CachedAnswer.h"
#include "gateway/GatewayConfig.h"
#include "gateway/HttpHeaders.h"
#include "gateway/ModelRouter.h"
#include "gateway/QuotaTracker.h"
#include "gateway/RequestBodyModel.h"
#include "gateway/ResponseCacheKey.h"
#include "gateway/RoutingDecision.h"
#include "gateway/SuspensionTable.h"
#include "gateway/UpstreamAttempt.h"
#include "gateway/policies/GatewayPolicy.h"
#include "gateway/policies/SemanticCachePolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

class QNetworkReply;
class QTimerEvent;

namespace gatehouse {

class GatewayRuntime;
class HttpExchange;
class ResponseCachePolicy;
class SharedStateSession;
class UpstreamPool;

// One authenticated request on its way upstream: runs the request flow, asks its RoutingDecision
// for (endpoint, model), rewrites the model, calls the upstream, streams the answer back as it arrives
// (with back-pressure) through the response flow, tells the decision each verdict and retries where
// it says (another pair, or the failover chain) while nothing has reached the client yet. A child of
// its exchange: when the client leaves, the upstream call is aborted and everything is freed with it.
class ProxyCall : public QObject {
    Q_OBJECT
public:
    struct Context {
        std::shared_ptr<const GatewayConfig> config; // keeps the snapshot alive for the whole call
        const RuntimeApi* api = nullptr;
        const RuntimeOperation* operation = nullptr;
        Stage stage = Stage::Production;
        QByteArray resourcePath;
        GatewayRuntime* runtime = nullptr;
        UpstreamPool* pool = nullptr;
        SharedStateSession* shared = nullptr; // the worker's Redis session, with shared state
        AccessRecord record;
        QElapsedTimer started;
        HttpHeaders responseHeaders;    // the gateway's own on the answer (a budget's state)
        bool applicationBudget = false; // the application has budgets of its own to charge
        // With shared state, the windows (bits by PlanLimit::Period) the plan's and the budgets'
        // token and dollar limits count in: only those are charged in Redis after the answer.
        quint8 planChargePeriods = 0;
        quint8 budgetChargePeriods = 0;
    };

    ProxyCall(HttpExchange* exchange, Context context);
    ~ProxyCall() override;

    void start();

    // An error the gateway itself answers: JSON body, fault-flow headers, access log.
    static void respondError(HttpExchange* exchange, const RuntimeOperation* operation,
                             GatewayRuntime* runtime, AccessRecord& record, const QElapsedTimer& started,
                             int status, const QString& code, const QString& message,
                             const QString& description, HttpHeaders headers = {},
                             const Json& extra = Json());

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    using Target = RoutingDecision::Target;

    // Reads the model the client asked for when a router applies, and whether it asked for a stream
    // and its usage; false when it answered 400 (a router needs a JSON object).
    bool readRequestBody();
    // The first attempt, once the request's model is read (and its turn known, with a shared rotation).
    void routeFirst();
    // The chosen target failed (suspended here and, with shared state, on every replica) or answered
    // well (readmitted if it was on trial).
    void suspendTarget(qint64 suspendMs, const QString& reason);
    void readmitTarget();
    // Tokens and dollars of the answer, to the shared counters or this replica's.
    void chargeQuota(const QString& key, const QuotaTracker::Charge& charge, quint8 sharedPeriods);
    void retryOrFail(const QString& reason, int fallbackStatus, const QString& fallbackCode);
    void startAttempt(const Target& target);
    // The response cache: whether this call may read or fill it (the client's Cache-Control, a JSON
    // body), the lookup once the first target is known (true when it answers or looks up), the
    // answer replayed, and the answer kept once it went out whole.
    void prepareCache();
    bool lookUpCache(const Target& first);
    bool lookUpSemanticCache(const Target& first);
    void setCacheStatus(const QByteArray& status);
    ResponseCacheKey::Parts cacheParts(const Target& target) const; // all but the body digests
    QByteArray cacheKey(const Target& target) const;
    // The target a lookup held while it waited, unless the call ended meanwhile (its claim given back).
    std::optional<Target> resumePendingTarget();
    QByteArray cacheScope() const;
    void answerFromCache(const Target& target, const CachedAnswer& answer);
    void keepInCache();
    // The answer's head and body to the client, through the cache's capture.
    void beginClientResponse(int status, HttpHeaders& headers, qint64 contentLength);
    void sendBody(const QByteArray& data);
    void answerInstead(PolicyAnswer answer);
    // The request flow from policy m_nextPolicy on, then the upstream; an asynchronous policy resumes it.
    void runRequestFlow();
    void callUpstream();
    void releaseHeldResponse();
    void detachReply();
    QNetworkReply* reply() const { return m_attempt ? m_attempt->reply() : nullptr; }
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onClientDrained();
    void onClientAborted();
    void pump();
    void finish();
    // finish() and keepInCache(), then the answer's end to the client.
    void completeAnswer();
    void noteIntervention(const PolicyIntervention& intervention);
    void stopStream(const PolicyIntervention& intervention);
    void fail(int status, const QString& code, const QString& message, const QString& description,
              HttpHeaders headers = {});
    void allPairsSuspended();
    // The answer's token counts: as the upstream reported them, else estimated; then priced and
    // charged to quotas.
    void extractUsage();
    void estimateUsage();
    void chargeUsage();
    qint64 nowMs() const;

    QPointer<HttpExchange> m_exchange;
    Context m_context;
    HttpHeaders m_forwardHeaders;
    QByteArray m_queryForward;
    QByteArray m_requestBody;     // after the request flow's policies
    PolicyCallState m_callState;  // what the request flow's policies leave for the response flow's
    std::size_t m_nextPolicy = 0; // the next policy of the flow being run (request, then response)

    std::optional<RoutingDecision> m_routing; // where this call goes, and where next after a failure
    std::optional<RequestBodyModel> m_body;   // what was read of the request body, when anything needed it
    bool m_rewritesModel = false;             // a router picks the model sent upstream
    bool m_filtersUsageChunk = false;         // the gateway asked for a stream's usage: the client gets none
    QString m_requestedModel;

    Target m_target;
    std::optional<Target> m_pendingTarget;    // a retry queued until QNAM is done with the failed reply
    std::optional<UpstreamAttempt> m_attempt; // the current attempt: its reply, connection and deadlines
    bool m_verdictGiven = false;
    bool m_committed = false;
    bool m_paused = false;
    bool m_done = false;
    bool m_streaming = false;
    bool m_captureBody = false;
    QByteArray m_captured;         // the response (or an SSE tail) kept for token counting
    qint64 m_streamTextEvents = 0; // events that added text to a stream: its tokens, when not reported
    bool m_holding = false;        // a response policy inspects the whole answer before the client gets it
    HttpHeaders m_heldHeaders;
    QByteArray m_heldBody;
    std::vector<std::unique_ptr<StreamObserver>> m_streamObservers; // this call's, for a streamed answer

    const ResponseCachePolicy* m_cache = nullptr; // the operation's response cache, if it has one
    bool m_cacheReads = false;                    // the client takes an answer from the cache
    bool m_cacheStores = false;                   // the client's answer may be kept
    QByteArray m_cacheStatus;                     // X-Cache-Status: Hit, Miss or Bypass
    QByteArray m_clientBody;                      // as the client sent it, to see if the flow changed it
    QByteArray m_clientDigest;
    QByteArray m_upstreamDigest;
    bool m_cacheCapturing = false; // what the client gets is kept, to be stored when it ends well
    // SemanticCache instead: what the client's body is to it, the scope a hit must share, the
    // embedding of the compared text, and the target it was looked up for (a failover's answer is not
    // kept under another model's scope).
    const SemanticCachePolicy* m_semantic = nullptr;
    std::optional<SemanticCachePolicy::Query> m_clientQuery;
    QByteArray m_semanticScope;
    std::vector<float> m_embedding;
    Target m_cacheTarget;
    CachedAnswer m_cacheCapture;
};

} // namespace gatehouse
