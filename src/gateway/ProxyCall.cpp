#include "gateway/ProxyCall.h"

#include "gateway/CallCost.h"
#include "gateway/ErrorBody.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/HttpExchange.h"
#include "gateway/JsonPointer.h"
#include "gateway/RequestBodyModel.h"
#include "gateway/ResponseCacheKey.h"
#include "gateway/SharedStateSession.h"
#include "gateway/StreamUsageFilter.h"
#include "gateway/UsageEstimate.h"
#include "gateway/UsageReader.h"
#include "gateway/policies/ResponseCachePolicy.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimerEvent>
#include <QUrl>
#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <string_view>
#include <utility>

namespace gatehouse {

namespace {
constexpr qint64 captureLimit = 1024 * 1024; // bodies larger than this are not parsed for token counts
constexpr qint64 sseTailBytes = 8 * 1024;    // the usage of a stream is in its last events

bool isHopByHop(const QByteArray& name) {
    static const char* const names[] = {"connection",
                                        "keep-alive",
                                        "proxy-connection",
                                        "proxy-authenticate",
                                        "proxy-authorization",
                                        "te",
                                        "trailer",
                                        "transfer-encoding",
                                        "upgrade"};
    for (const char* candidate : names) {
        if (HttpHeaders::nameEquals(name, QByteArray::fromRawData(candidate, qsizetype(qstrlen(candidate)))))
            return true;
    }
    return false;
}

// Header names the sender lists in Connection are hop-by-hop too (RFC 9110, 7.6.1).
QList<QByteArray> connectionListed(const HttpHeaders& headers) {
    QList<QByteArray> names;
    for (const auto& [name, value] : headers.fields()) {
        if (!HttpHeaders::nameEquals(name, "Connection"))
            continue;
        for (const QByteArray& token : value.split(','))
            names.append(token.trimmed());
    }
    return names;
}

bool isListed(const QList<QByteArray>& names, const QByteArray& name) {
    return std::any_of(names.begin(), names.end(),
                       [&](const QByteArray& each) { return HttpHeaders::nameEquals(each, name); });
}

constexpr qint64 heldResponseLimit = 16 * 1024 * 1024; // a whole answer held for the response flow

qint64 retryAfterMs(const QByteArray& value) {
    bool numeric = false;
    const qint64 seconds = value.trimmed().toLongLong(&numeric);
    if (numeric)
        return qMax<qint64>(0, seconds) * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return when.isValid() ? qMax<qint64>(0, when.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch())
                          : 0;
}

} // namespace

ProxyCall::ProxyCall(HttpExchange* exchange, Context context)
    : QObject(exchange), m_exchange(exchange), m_context(std::move(context)) {
    connect(exchange, &HttpExchange::aborted, this, &ProxyCall::onClientAborted);
    connect(exchange, &HttpExchange::outputDrained, this, &ProxyCall::onClientDrained);
    m_context.runtime->inFlight().fetch_add(1);
}

ProxyCall::~ProxyCall() {
    if (!m_done && m_target.pair && !m_verdictGiven)
        m_context.runtime->suspensions().abandonAttempt(*m_target.pair);
    if (m_pendingTarget && m_pendingTarget->pair) // a retry claimed but never started
        m_context.runtime->suspensions().abandonAttempt(*m_pendingTarget->pair);
    detachReply();
    m_context.runtime->inFlight().fetch_sub(1);
}

qint64 ProxyCall::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

void ProxyCall::respondError(HttpExchange* exchange, const RuntimeOperation* operation,
                             GatewayRuntime* runtime, AccessRecord& record, const QElapsedTimer& started,
                             int status, const QString& code, const QString& message,
                             const QString& description, HttpHeaders headers, const Json& extra) {
    if (!exchange || exchange->hasStarted())
        return;
    headers.set("Content-Type", "application/json");
    if (operation) {
        for (const RuntimePolicy& policy : operation->flows.fault)
            policy->onFault(headers);
    }
    QByteArray body;
    if (extra.is_object()) {
        Json json = Json::object();
        json["code"] = code.toStdString();
        json["message"] = message.toStdString();
        json["description"] = description.toStdString();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            json[it.key()] = it.value();
        const std::string text = dumpCompact(json);
        body = QByteArray(text.data(), qsizetype(text.size()));
    } else {
        body = errorBody(code, message, description);
    }
    record.status = status;
    record.errorCode = code;
    record.latencyMs = double(started.nsecsElapsed()) / 1e6;
    runtime->metrics().record(record);
    runtime->accessLog().append(record);
    exchange->respond(status, headers, body);
}

void ProxyCall::fail(int status, const QString& code, const QString& message, const QString& description,
                     HttpHeaders headers) {
    if (m_done)
        return;
    m_done = true;
    if (!m_cacheStatus.isEmpty())
        headers.set("X-Cache-Status", m_cacheStatus);
    respondError(m_exchange, m_context.operation, m_context.runtime, m_context.record, m_context.started,
                 status, code, message, description, std::move(headers));
}

void ProxyCall::start() {
    const HttpRequest& request = m_exchange->request();
    // What goes upstream: the client's headers without hop-by-hop ones, its credentials, or what
    // QNetworkAccessManager sets itself.
    const QList<QByteArray> listed = connectionListed(request.headers);
    for (const auto& [name, value] : request.headers.fields()) {
        if (isHopByHop(name) || HttpHeaders::nameEquals(name, "Host") ||
            HttpHeaders::nameEquals(name, "Content-Length") ||
            HttpHeaders::nameEquals(name, "Authorization") || HttpHeaders::nameEquals(name, "Expect") ||
            HttpHeaders::nameEquals(name, "Accept-Encoding"))
            continue;
        if (!isListed(listed, name))
            m_forwardHeaders.add(name, value);
    }
    // Bodies pass through byte for byte: ask for the client's encoding, never QNAM's transparent gzip.
    const QByteArray encoding = request.headers.value("Accept-Encoding");
    m_forwardHeaders.set("Accept-Encoding", encoding.isEmpty() ? QByteArray("identity") : encoding);
    m_queryForward = request.query;
    m_requestBody = request.body;
    prepareCache();
    runRequestFlow();
}

void ProxyCall::runRequestFlow() {
    const std::vector<RuntimePolicy>& flow = m_context.operation->flows.request;
    while (m_nextPolicy < flow.size()) {
        const RuntimePolicy& policy = flow[m_nextPolicy++];
        PolicyRequest request{*m_context.api,
                              *m_context.operation,
                              m_context.stage,
                              m_forwardHeaders,
                              m_requestBody,
                              m_callState,
                              this};
        if (policy->decidesAsynchronously()) {
            // The call waits, the worker does not: the flow goes on when the policy has decided.
            policy->decideRequest(request,
                                  [self = QPointer<ProxyCall>(this)](std::optional<PolicyAnswer> answer) {
                                      if (!self || self->m_done)
                                          return;
                                      if (answer)
                                          self->answerInstead(std::move(*answer));
                                      else
                                          self->runRequestFlow();
                                  });
            return;
        }
        if (std::optional<PolicyAnswer> answer = policy->onRequest(request)) {
            answerInstead(std::move(*answer));
            return;
        }
    }
    callUpstream();
}

void ProxyCall::callUpstream() {
    m_routing.emplace(*m_context.api, *m_context.operation, m_context.stage, m_context.runtime->suspensions(),
                      [] { return QDateTime::currentMSecsSinceEpoch(); });
    if (!readRequestBody())
        return;
    if (m_context.shared && m_routing->balances() &&
        m_context.runtime->sharedState().settings().strictRotation) {
        // The strict shared rotation: this request's turn comes from Redis; without an answer in time
        // it takes this replica's own next turn.
        const QByteArray rotation = m_context.api->id.toUtf8() + '|' + m_context.operation->key.toUtf8() +
                                    '|' + stageName(m_context.stage).toUtf8();
        m_context.shared->rotation().next(rotation,
                                          [self = QPointer<ProxyCall>(this)](std::optional<qint64> position) {
                                              if (!self || self->m_done)
                                                  return;
                                              if (position)
                                                  self->m_routing->setSharedPosition(*position);
                                              self->routeFirst();
                                          });
        return;
    }
    routeFirst();
}

void ProxyCall::routeFirst() {
    if (const std::optional<PolicyCallState::RoutedTarget>& routed = m_callState.routedTarget()) {
        // semanticRouting chose: its endpoint must be one of this stage's.
        const RuntimeEndpoint* endpoint = m_context.api->endpoint(routed->endpointId);
        if (!endpoint || endpoint->stage != m_context.stage) {
            fail(503, QStringLiteral("101503"), QStringLiteral("No endpoint"),
                 QStringLiteral("semanticRouting chose endpoint %1, which %2 has not for %3 keys")
                     .arg(routed->endpointId, m_context.api->name, stageName(m_context.stage)));
            return;
        }
        const Target target{endpoint, routed->model, std::nullopt};
        if (!lookUpCache(target))
            startAttempt(target);
        return;
    }
    const std::optional<Target> first = m_routing->first();
    if (!first) {
        allPairsSuspended();
        return;
    }
    if (!first->endpoint) {
        fail(503, QStringLiteral("101503"), QStringLiteral("No endpoint"),
             QStringLiteral("%1 has no %2 endpoint").arg(m_context.api->name, stageName(m_context.stage)));
        return;
    }
    if (lookUpCache(*first))
        return;
    startAttempt(*first);
}

bool ProxyCall::readRequestBody() {
    const bool routedByMeaning = m_callState.routedTarget().has_value();
    const bool routes = m_routing->routes() || routedByMeaning;
    // OpenAI-style providers count a stream's tokens only when asked: the gateway reads whether the
    // client asked, and asks for it otherwise.
    const bool countsStreams = m_context.api->provider.streamUsage == Provider::StreamUsage::WhenAsked;
    const QByteArray& raw = m_requestBody;
    if (!routes && (!countsStreams || raw.isEmpty()))
        return true;
    RequestBodyModel body(m_context.api->provider.requestModel.identifier);
    const JsonFieldScanner::Outcome outcome = body.scan(raw);
    if (outcome != JsonFieldScanner::Outcome::Object) {
        if (!routes)
            return true; // not the gateway's to judge: the upstream answers what it makes of it
        fail(400, QStringLiteral("102511"), QStringLiteral("Invalid request payload"),
             raw.trimmed().isEmpty()
                 ? QStringLiteral("The request has no body; model routing needs a JSON object")
             : outcome == JsonFieldScanner::Outcome::Invalid
                 ? QStringLiteral("The request body is not valid JSON")
                 : QStringLiteral("The request body must be a JSON object"));
        return false;
    }
    m_requestedModel = body.requestedModel();
    if (routedByMeaning) {
        m_rewritesModel = true;
    } else if (routes) {
        m_routing->setRequestedModel(m_requestedModel);
        // Else failover does not apply to this model: the model goes as the client named it.
        m_rewritesModel = m_routing->routes();
    }
    m_body = std::move(body);
    return true;
}

void ProxyCall::allPairsSuspended() {
    const qint64 waitMs =
        m_context.runtime->suspensions().millisecondsUntilRecovery(m_routing->candidatePairs(), nowMs());
    const qint64 seconds = qMax<qint64>(1, (waitMs + 999) / 1000);
    HttpHeaders headers;
    headers.add("Retry-After", QByteArray::number(seconds));
    fail(503, QStringLiteral("900808"),
         QStringLiteral("No active endpoints available. Please try again later."),
         QStringLiteral(
             "Every model of %1 for %2 keys is suspended after failures; the first recovers in %3 s")
             .arg(m_context.operation->key, stageName(m_context.stage))
             .arg(seconds),
         headers);
}

void ProxyCall::retryOrFail(const QString& reason, int fallbackStatus, const QString& fallbackCode) {
    if (const std::optional<Target> next = m_routing->next()) {
        m_context.record.retried = true;
        startAttempt(*next);
        return;
    }
    fail(fallbackStatus, fallbackCode,
         fallbackStatus == 504 ? QStringLiteral("Backend timeout")
                               : QStringLiteral("Error connecting to the backend"),
         reason);
}

void ProxyCall::startAttempt(const Target& target) {
    detachReply();
    m_target = target;
    m_verdictGiven = false;
    m_context.record.model = target.model.isEmpty() ? m_requestedModel : target.model;
    m_context.record.endpointId = target.endpoint->id;

    QByteArray body = !target.model.isEmpty() && m_rewritesModel && m_body
                          ? m_body->withModel(m_requestBody, target.model)
                          : m_requestBody;
    m_streaming = m_body && m_body->streamRequested();
    m_filtersUsageChunk = m_streaming && !m_body->streamUsageRequested() &&
                          m_context.api->provider.streamUsage == Provider::StreamUsage::WhenAsked;
    if (m_filtersUsageChunk)
        body = m_body->withStreamUsage(body);

    QByteArray url = target.endpoint->baseUrl.toUtf8() + m_context.resourcePath;
    QByteArray query = m_queryForward;
    if (target.endpoint->authInQuery && !target.endpoint->authValue.isEmpty()) {
        query += (query.isEmpty() ? "" : "&") +
                 QUrl::toPercentEncoding(QString::fromUtf8(target.endpoint->authHeader)) + '=' +
                 QUrl::toPercentEncoding(QString::fromUtf8(target.endpoint->authValue));
    }
    if (!query.isEmpty())
        url += '?' + query;
    QNetworkRequest request(QUrl::fromEncoded(url));
    for (const auto& [name, value] : m_forwardHeaders.fields())
        request.setRawHeader(name, value);
    if (!target.endpoint->authInQuery && !target.endpoint->authValue.isEmpty())
        request.setRawHeader(target.endpoint->authHeader, target.endpoint->authValue);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    qint64 total = target.endpoint->timeoutMs;
    if (const qint64 deadline = m_routing->deadlineMs(); deadline > 0)
        total = qMin(total, qMax<qint64>(1, deadline - nowMs()));
    m_attempt.emplace(*m_context.pool, this, request, m_exchange->request().method, body,
                      m_exchange->request().isHead(), target.endpoint->connectTimeoutMs, total);
    connect(reply(), &QNetworkReply::metaDataChanged, this, &ProxyCall::onMetaData);
    connect(reply(), &QNetworkReply::readyRead, this, &ProxyCall::onReadyRead);
    connect(reply(), &QNetworkReply::finished, this, &ProxyCall::onFinished);
    connect(reply(), &QNetworkReply::requestSent, this, [this] {
        if (m_attempt)
            m_attempt->requestSent();
    });
}

void ProxyCall::timerEvent(QTimerEvent* event) {
    // The upstream did not connect, or did not finish, in time: the attempt aborts its reply, and
    // onFinished() answers 504.
    if (m_attempt && m_attempt->handleTimer(event->timerId()))
        return;
    QObject::timerEvent(event);
}

void ProxyCall::detachReply() {
    m_attempt.reset();
}

void ProxyCall::onMetaData() {
    if (m_committed || !reply() || m_done)
        return;
    const QVariant statusAttribute = reply()->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid())
        return;
    const int status = statusAttribute.toInt();
    m_attempt->answered();
    m_context.record.upstreamLatencyMs = m_attempt->elapsedMs();
    const qint64 suspendMs = m_routing->suspendMs(retryAfterMs(reply()->rawHeader("Retry-After")));
    if (m_target.pair) {
        m_verdictGiven = true;
        if (RoutingDecision::isFailure(status)) {
            suspendTarget(suspendMs, QStringLiteral("HTTP %1").arg(status));
            if (const std::optional<Target> next = m_routing->next()) {
                m_context.record.retried = true;
                // Retry once QNAM has finished announcing this answer: tearing the reply down inside
                // its own metaDataChanged() makes Qt report its error twice. Until then nothing of
                // it is read.
                disconnect(reply(), nullptr, this, nullptr);
                m_pendingTarget = *next;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        const std::optional<Target> target = std::exchange(m_pendingTarget, std::nullopt);
                        if (target && !m_done)
                            startAttempt(*target);
                        else if (target && target->pair)
                            m_context.runtime->suspensions().abandonAttempt(*target->pair);
                    },
                    Qt::QueuedConnection);
                return;
            }
        } else {
            const ValueLocation& remaining = m_context.api->provider.remainingTokens;
            bool exhausted = false;
            if (remaining.source == ValueLocation::Source::Header && !remaining.identifier.isEmpty()) {
                const QByteArray value = reply()->rawHeader(remaining.identifier.toUtf8());
                bool numeric = false;
                const qint64 left = value.trimmed().toLongLong(&numeric);
                exhausted = numeric && left <= 0;
            }
            if (exhausted)
                suspendTarget(suspendMs, QStringLiteral("remaining tokens 0"));
            else
                readmitTarget();
        }
    }

    HttpHeaders headers;
    const QList<QByteArray> listed = [&] {
        HttpHeaders upstream;
        for (const auto& pair : reply()->rawHeaderPairs())
            upstream.add(pair.first, pair.second);
        return connectionListed(upstream);
    }();
    qint64 contentLength = -1;
    QByteArray contentType;
    for (const auto& [name, value] : reply()->rawHeaderPairs()) {
        if (HttpHeaders::nameEquals(name, "Content-Length")) {
            bool numeric = false;
            contentLength = value.toLongLong(&numeric);
            if (!numeric)
                contentLength = -1;
            continue;
        }
        if (isHopByHop(name) || isListed(listed, name))
            continue;
        if (HttpHeaders::nameEquals(name, "Content-Type"))
            contentType = value;
        headers.add(name, value);
    }
    if (!m_target.model.isEmpty())
        headers.set("X-Gatehouse-Model", m_target.model.toUtf8());
    headers.set("X-Gatehouse-Endpoint", m_target.endpoint->id.toUtf8());
    for (const auto& [name, value] : m_context.responseHeaders.fields())
        headers.set(name, value);
    m_streaming = m_streaming || contentType.startsWith("text/event-stream");
    m_captureBody = m_streaming || contentType.contains("json");
    m_callState.setRequestBody(m_requestBody);
    m_context.record.streamed = m_streaming;
    m_context.record.status = status;
    m_committed = true;

    const auto& responseFlow = m_context.operation->flows.response;
    PolicyResponse response{*m_context.api, *m_context.operation, m_context.stage, status,
                            headers,        m_callState,          m_streaming,     this};
    for (const RuntimePolicy& policy : responseFlow)
        policy->onResponseHeaders(response);
    const auto holdsStream = [](const RuntimePolicy& policy) {
        return policy->holdsStream();
    };
    if (m_exchange->request().isHead()) {
        // No body to inspect or observe.
    } else if (m_streaming && std::any_of(responseFlow.begin(), responseFlow.end(), holdsStream)) {
        // A policy judges the whole stream before the client gets any of it (a status can still change).
        m_holding = true;
        m_heldHeaders = std::move(headers);
        return;
    } else if (m_streaming) {
        for (const RuntimePolicy& policy : responseFlow) {
            if (std::unique_ptr<StreamObserver> observer = policy->observeStream(response))
                m_streamObservers.push_back(std::move(observer));
        }
        // Last, so that the policies see the usage the gateway asked for (the cost of the answer).
        if (m_filtersUsageChunk && contentType.startsWith("text/event-stream"))
            m_streamObservers.push_back(std::make_unique<StreamUsageFilter>());
        // Observers may rewrite events, cut the stream short or add to it: the upstream's length no
        // longer holds, so the answer goes out chunked.
        if (!m_streamObservers.empty())
            contentLength = -1;
    } else if (std::any_of(responseFlow.begin(), responseFlow.end(),
                           [](const RuntimePolicy& policy) { return policy->inspectsWholeResponse(); })) {
        // The response flow decides on the whole answer: nothing reaches the client before it has.
        m_holding = true;
        m_heldHeaders = std::move(headers);
        return;
    }
    beginClientResponse(status, headers, contentLength);
}

void ProxyCall::answerInstead(PolicyAnswer answer) {
    if (m_done || !m_exchange)
        return;
    m_done = true;
    if (!answer.errorCode.isEmpty()) {
        for (const RuntimePolicy& policy : m_context.operation->flows.fault)
            policy->onFault(answer.headers);
    }
    if (!m_cacheStatus.isEmpty())
        answer.headers.set("X-Cache-Status", m_cacheStatus);
    m_context.record.status = answer.status;
    m_context.record.errorCode = answer.errorCode;
    noteIntervention(answer.intervention);
    m_context.record.latencyMs = double(m_context.started.nsecsElapsed()) / 1e6;
    m_context.runtime->metrics().record(m_context.record);
    m_context.runtime->accessLog().append(m_context.record);
    detachReply();
    m_exchange->respond(answer.status, answer.headers, answer.body);
}

void ProxyCall::releaseHeldResponse() {
    m_holding = false;
    const std::vector<RuntimePolicy>& flow = m_context.operation->flows.response;
    while (m_nextPolicy < flow.size()) {
        const RuntimePolicy& policy = flow[m_nextPolicy++];
        if (!policy->inspectsWholeResponse())
            continue;
        PolicyResponse response{
            *m_context.api, *m_context.operation, m_context.stage, m_context.record.status,
            m_heldHeaders,  m_callState,          m_streaming,     this};
        if (policy->decidesAsynchronously()) {
            policy->decideResponse(response, m_heldBody,
                                   [self = QPointer<ProxyCall>(this)](std::optional<PolicyAnswer> answer) {
                                       if (!self || self->m_done)
                                           return;
                                       if (!answer) {
                                           self->releaseHeldResponse();
                                           return;
                                       }
                                       self->extractUsage();
                                       self->answerInstead(std::move(*answer));
                                   });
            return;
        }
        if (std::optional<PolicyAnswer> answer = policy->onResponseBody(response, m_heldBody)) {
            extractUsage(); // the upstream's tokens were spent whatever the client gets
            answerInstead(std::move(*answer));
            return;
        }
    }
    if (m_streaming && m_filtersUsageChunk)
        m_heldBody = StreamUsageFilter::withoutUsageChunks(m_heldBody);
    beginClientResponse(m_context.record.status, m_heldHeaders, m_heldBody.size());
    sendBody(m_heldBody);
    m_heldBody.clear();
    completeAnswer();
}

void ProxyCall::onReadyRead() {
    if (!m_committed)
        return; // headers first; a retried attempt's body is never forwarded
    pump();
}

void ProxyCall::pump() {
    if (!reply() || !m_exchange || m_done)
        return;
    while (reply()->bytesAvailable() > 0) {
        if (m_exchange->pendingOutputBytes() > 256 * 1024) {
            m_paused =
                true; // the client is slower than the upstream: let QNAM's buffer fill and stop reading
            return;
        }
        QByteArray data = reply()->read(qMin<qint64>(reply()->bytesAvailable(), 64 * 1024));
        if (data.isEmpty())
            break;
        if (m_holding) {
            if (m_heldBody.size() + data.size() > heldResponseLimit) {
                fail(502, QStringLiteral("101500"), QStringLiteral("Response too large"),
                     QStringLiteral("The answer is larger than the %1 MiB the response flow's policies "
                                    "inspect")
                         .arg(heldResponseLimit / (1024 * 1024)));
                detachReply();
                return;
            }
            m_heldBody += data;
        } else {
            const QByteArray original = m_captureBody ? data : QByteArray();
            std::optional<PolicyIntervention> stop;
            for (const std::unique_ptr<StreamObserver>& observer : m_streamObservers) {
                stop = observer->onChunk(data);
                if (stop)
                    break;
            }
            if (!data.isEmpty())
                sendBody(data);
            if (!m_streamObservers.empty())
                data = original; // usage is counted on what the upstream sent
            if (stop) {
                m_captured += data;
                stopStream(*stop);
                return;
            }
        }
        if (m_captureBody) {
            if (m_streaming) {
                m_streamTextEvents += UsageEstimate::textEvents(data);
                m_captured += data;
                if (m_captured.size() > 2 * sseTailBytes)
                    m_captured = m_captured.right(sseTailBytes);
            } else if (m_captured.size() + data.size() <= captureLimit) {
                m_captured += data;
            } else {
                m_captureBody = false;
                m_captured.clear();
            }
        }
    }
    m_paused = false;
}

void ProxyCall::onClientDrained() {
    if (m_paused) {
        pump();
        if (!m_paused && reply() && reply()->isFinished())
            onFinished();
    }
}

void ProxyCall::onFinished() {
    if (!reply() || m_done)
        return;
    if (!m_committed && reply()->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
        onMetaData(); // an answer whose headers were not announced separately
        if (!reply() || m_done)
            return;
    }
    if (!m_committed) {
        // No HTTP answer at all: refused, reset, timed out, DNS, TLS.
        const QString reason =
            m_attempt->timedOut()
                ? QStringLiteral("%1 did not answer within the endpoint's timeout").arg(m_target.endpoint->id)
                : QStringLiteral("%1: %2").arg(m_target.endpoint->id, reply()->errorString());
        const int status = m_attempt->timedOut() ? 504 : 502;
        const QString code = m_attempt->timedOut() ? QStringLiteral("101504") : QStringLiteral("101503");
        if (m_target.pair) {
            m_verdictGiven = true;
            const qint64 suspendMs = m_routing->suspendMs(0);
            suspendTarget(suspendMs, reason);
        }
        detachReply();
        retryOrFail(reason, status, code);
        return;
    }
    pump();
    if (m_done || !reply())
        return; // pump() answered already (a held answer over its limit)
    if (m_paused)
        return; // onClientDrained() comes back here once the client has taken the rest
    // A transport (1-199) or protocol (301-399) failure mid-body. The content and server errors Qt
    // derives from an HTTP status (201-299, 401-499) describe an answer that was delivered whole.
    const QNetworkReply::NetworkError error = reply()->error();
    bool broken =
        error != QNetworkReply::NoError &&
        (error < QNetworkReply::ContentAccessDenied ||
         (error >= QNetworkReply::ProtocolUnknownError && error < QNetworkReply::InternalServerError));
    // Qt 6.4 reports a chunked answer cut off between two chunks as complete. A stream is complete
    // only when the provider's final event arrived ("data: [DONE]" for OpenAI-style APIs).
    const QByteArray terminator = m_context.api->provider.streamTerminator.toUtf8();
    if (!broken && m_streaming && m_context.record.status >= 200 && m_context.record.status < 300 &&
        !terminator.isEmpty() && !m_captured.contains(terminator))
        broken = true;
    if (broken && m_holding) {
        // Nothing reached the client yet: it gets an error instead of a truncated answer.
        m_holding = false;
        m_heldBody.clear();
        fail(502, QStringLiteral("101505"), QStringLiteral("Error connecting to the backend"),
             QStringLiteral("%1 closed the connection before the answer was complete")
                 .arg(m_target.endpoint->id));
        detachReply();
        return;
    }
    if (broken) {
        // The upstream went away mid-body: the client must see a truncated answer, not a complete one.
        m_context.record.errorCode =
            m_attempt->timedOut() ? QStringLiteral("101504") : QStringLiteral("101505");
        m_done = true;
        extractUsage();
        m_context.record.latencyMs = double(m_context.started.nsecsElapsed()) / 1e6;
        m_context.runtime->metrics().record(m_context.record);
        m_context.runtime->accessLog().append(m_context.record);
        detachReply();
        m_exchange->abortConnection();
        return;
    }
    if (m_holding) {
        m_nextPolicy = 0; // the response flow, from its first policy
        releaseHeldResponse();
        return;
    }
    if (!m_streamObservers.empty()) {
        // What one observer still had to say goes through the observers after it, as a chunk would.
        QByteArray tail;
        for (const std::unique_ptr<StreamObserver>& observer : m_streamObservers) {
            std::optional<PolicyIntervention> stop = tail.isEmpty() ? std::nullopt : observer->onChunk(tail);
            if (!stop) {
                QByteArray own;
                stop = observer->onEnd(own);
                tail += own;
            }
            if (stop) {
                noteIntervention(*stop);
                break;
            }
        }
        if (!tail.isEmpty())
            sendBody(tail);
    }
    completeAnswer();
}

void ProxyCall::noteIntervention(const PolicyIntervention& intervention) {
    if (intervention.isEmpty())
        return;
    m_context.record.guardrail = intervention.policy;
    m_context.record.guardrailKind = intervention.kind;
    m_context.record.guardrailDirection = intervention.direction;
}

void ProxyCall::stopStream(const PolicyIntervention& intervention) {
    // The client has its last event: no more upstream bytes, and the upstream call ends here.
    noteIntervention(intervention);
    finish();
    if (m_exchange)
        m_exchange->endResponse();
}

void ProxyCall::completeAnswer() {
    // The bookkeeping first: the answer's last bytes leave with endResponse(), so a client that has the
    // whole answer can count on its access-log line, its charge and its cache entry being there.
    finish();
    keepInCache();
    if (m_exchange)
        m_exchange->endResponse();
}

void ProxyCall::finish() {
    m_done = true;
    if (m_attempt)
        m_attempt->stopTimers();
    extractUsage();
    m_context.record.latencyMs = double(m_context.started.nsecsElapsed()) / 1e6;
    m_context.runtime->metrics().record(m_context.record);
    m_context.runtime->accessLog().append(m_context.record);
    detachReply();
}

void ProxyCall::extractUsage() {
    if (m_captured.isEmpty())
        return;
    AccessRecord& record = m_context.record;
    const ReportedUsage usage =
        UsageReader(m_context.api->provider).read(m_captured, m_streaming, record.model.isEmpty());
    if (!usage.reported()) {
        estimateUsage();
        return;
    }
    m_captured.clear();
    record.promptTokens = usage.promptTokens;
    record.completionTokens = usage.completionTokens;
    record.totalTokens = usage.totalTokens;
    record.cachedTokens = usage.cachedTokens;
    record.reasoningTokens = usage.reasoningTokens;
    if (record.model.isEmpty())
        record.model = usage.model;
    record.usage = QStringLiteral("reported");
    chargeUsage();
}

void ProxyCall::estimateUsage() {
    AccessRecord& record = m_context.record;
    const qint64 prompt = UsageEstimate::promptTokens(m_requestBody);
    // Only a completion that was answered spent tokens; a model list or an error did not.
    if (record.status < 200 || record.status >= 300 || prompt < 0) {
        m_captured.clear();
        return;
    }
    record.promptTokens = prompt;
    record.completionTokens = m_streaming ? m_streamTextEvents : UsageEstimate::completionTokens(m_captured);
    record.totalTokens = record.promptTokens + record.completionTokens;
    record.usage = QStringLiteral("estimated");
    m_captured.clear();
    chargeUsage();
}

void ProxyCall::chargeUsage() {
    AccessRecord& record = m_context.record;
    TokenUsage usage;
    usage.promptTokens = qMax<qint64>(0, record.promptTokens);
    usage.completionTokens = qMax<qint64>(0, record.completionTokens);
    usage.cachedPromptTokens = qMax<qint64>(0, record.cachedTokens);
    usage.reasoningTokens = qMax<qint64>(0, record.reasoningTokens);
    const bool estimated = record.usage == QLatin1String("estimated");
    const CallCost cost = CallCost::of(m_context.api->provider, *m_context.config->prices, record.model,
                                       usage, !estimated, estimated);
    record.costUsd = cost.usd;
    record.costStatus = cost.status;
    record.costReason = cost.reason;
    // Free models (cost 0) never consume a dollar budget; tokens count whatever they cost.
    if (record.totalTokens > 0 || record.costUsd > 0)
        chargeQuota(record.applicationId + QLatin1Char('|') + m_context.api->id,
                    {usage.promptTokens, usage.completionTokens, qMax<qint64>(0, record.totalTokens),
                     qMax(0.0, record.costUsd)},
                    m_context.planChargePeriods);
    if (m_context.applicationBudget && record.costUsd > 0)
        chargeQuota(QuotaTracker::applicationKey(record.applicationId), {0, 0, 0, record.costUsd},
                    m_context.budgetChargePeriods);
}

void ProxyCall::chargeQuota(const QString& key, const QuotaTracker::Charge& charge, quint8 sharedPeriods) {
    GatewayRuntime* runtime = m_context.runtime;
    const qint64 now = nowMs();
    if (!m_context.shared)
        return runtime->quotas().charge(key, now, charge);
    if (sharedPeriods == 0)
        return; // no token or dollar limit to charge (an unlimited plan, or requests only)
    const qint64 total =
        charge.totalTokens > 0 ? charge.totalTokens : charge.promptTokens + charge.completionTokens;
    // Redis gone: counted here, and merged back into the shared counts when it returns. The callback
    // may outlive this call, not the worker's session (nor so the runtime).
    m_context.shared->quotas().add(key, now,
                                   {0, charge.promptTokens, charge.completionTokens, total, charge.usd},
                                   sharedPeriods, [runtime, key, now, charge](bool taken) {
                                       if (!taken)
                                           runtime->quotas().charge(key, now, charge);
                                   });
}

void ProxyCall::suspendTarget(qint64 suspendMs, const QString& reason) {
    // WSO2's suspendDuration 0 (its default): the pair is never left out. This request still moves on
    // to the next one.
    if (suspendMs <= 0)
        return;
    m_context.runtime->suspensions().recordFailure(*m_target.pair, nowMs(), suspendMs, reason);
    // Every replica hears of it (this one too, harmlessly): the deadline is Redis's, only ever extended.
    if (m_context.shared)
        m_context.shared->suspensions().suspend(m_target.pair->sharedId(), suspendMs);
}

void ProxyCall::readmitTarget() {
    // Only a trial's success is news worth a Redis command; most successes are of active pairs.
    if (m_context.runtime->suspensions().recordSuccess(*m_target.pair) && m_context.shared)
        m_context.shared->suspensions().readmit(m_target.pair->sharedId(), false);
}

void ProxyCall::onClientAborted() {
    if (m_done)
        return;
    // A client never has a whole answer before completeAnswer(): one that leaves earlier abandoned it.
    m_done = true;
    if (m_target.pair && !m_verdictGiven) {
        m_context.runtime->suspensions().abandonAttempt(*m_target.pair);
        m_verdictGiven = true;
    }
    m_context.record.status = 499; // nginx's "client closed request"
    m_context.record.errorCode = QStringLiteral("client-closed");
    m_context.record.latencyMs = double(m_context.started.nsecsElapsed()) / 1e6;
    m_context.runtime->metrics().record(m_context.record);
    m_context.runtime->accessLog().append(m_context.record);
    detachReply();
}

void ProxyCall::prepareCache() {
    // One cache per call: the exact one when an operation has both.
    for (const RuntimePolicy& policy : m_context.operation->flows.request) {
        if ((m_cache = policy->responseCache()))
            break;
    }
    for (const RuntimePolicy& policy : m_context.operation->flows.request) {
        if (m_cache || (m_semantic = policy->semanticCache()))
            break;
    }
    if (!m_cache && !m_semantic)
        return;
    // Until the lookup: a request the request flow answers, or one the cache may not serve, bypasses it.
    setCacheStatus(QByteArrayLiteral("Bypass"));
    const HttpRequest& request = m_exchange->request();
    if (request.isHead())
        return;
    bool noStore = false;
    bool noCache = false;
    for (const QByteArray& directive : request.headers.value("Cache-Control").split(',')) {
        const QByteArray name = directive.trimmed().toLower();
        noStore = noStore || name == "no-store";
        noCache = noCache || name == "no-cache";
    }
    noCache = noCache || request.headers.value("Pragma").trimmed().toLower() == "no-cache";
    if (noStore)
        return;
    if (m_semantic) {
        m_clientQuery = m_semantic->queryOf(request.body);
        if (!m_clientQuery || !m_semantic->provider().isConfigured())
            return; // no text to compare, or nothing to embed it with
        m_clientBody = request.body;
    } else {
        const std::optional<QByteArray> digest = ResponseCacheKey::bodyDigest(request.body);
        if (!digest)
            return; // no JSON object: nothing to key it by
        m_clientBody = request.body;
        m_clientDigest = *digest;
    }
    m_cacheReads = !noCache;
    m_cacheStores = true;
}

bool ProxyCall::lookUpCache(const Target& first) {
    if (!m_cacheReads && !m_cacheStores)
        return false;
    if (m_semantic)
        return lookUpSemanticCache(first);
    if (m_requestBody.constData() == m_clientBody.constData() || m_requestBody == m_clientBody) {
        m_upstreamDigest = m_clientDigest;
    } else if (const std::optional<QByteArray> digest = ResponseCacheKey::bodyDigest(m_requestBody)) {
        m_upstreamDigest = *digest;
    } else {
        m_cacheReads = m_cacheStores = false; // the request flow made something else of it
        return false;
    }
    if (!m_cacheReads)
        return false; // no-cache: the fresh answer replaces what was kept
    setCacheStatus(QByteArrayLiteral("Miss"));
    const QByteArray key = cacheKey(first);
    if (!m_context.shared) {
        if (const std::shared_ptr<const CachedAnswer> answer = m_cache->store().find(key, nowMs())) {
            answerFromCache(first, *answer);
            return true;
        }
        return false;
    }
    // Redis's answer comes on this worker's loop; meanwhile the target's claim is held as a queued
    // retry's would be (and given back if the client leaves).
    m_pendingTarget = first;
    m_context.shared->responseCache().find(
        cacheScope(), key, [self = QPointer<ProxyCall>(this)](std::optional<QByteArray> bytes) {
            if (!self)
                return;
            const std::optional<Target> target = self->resumePendingTarget();
            if (!target)
                return;
            const std::optional<CachedAnswer> answer =
                bytes ? CachedAnswer::parse(*bytes) : std::optional<CachedAnswer>();
            if (answer)
                self->answerFromCache(*target, *answer);
            else
                self->startAttempt(*target);
        });
    return true;
}

void ProxyCall::setCacheStatus(const QByteArray& status) {
    m_cacheStatus = status;
    m_context.record.cache = QString::fromLatin1(status).toLower();
}

ResponseCacheKey::Parts ProxyCall::cacheParts(const Target& target) const {
    ResponseCacheKey::Parts parts;
    parts.apiId = m_context.api->id;
    parts.operation = m_context.operation->key;
    parts.stage = m_context.stage;
    parts.endpointId = target.endpoint->id;
    parts.endpointUrl = target.endpoint->baseUrl;
    parts.model = target.model;
    parts.query = m_queryForward;
    return parts;
}

QByteArray ProxyCall::cacheKey(const Target& target) const {
    ResponseCacheKey::Parts parts = cacheParts(target);
    parts.clientDigest = m_clientDigest;
    parts.upstreamDigest = m_upstreamDigest;
    return ResponseCacheKey::of(parts);
}

std::optional<ProxyCall::Target> ProxyCall::resumePendingTarget() {
    std::optional<Target> target = std::exchange(m_pendingTarget, std::nullopt);
    if (target && m_done) {
        // The call ended while it waited (the client left): the claim routing made goes back.
        if (target->pair)
            m_context.runtime->suspensions().abandonAttempt(*target->pair);
        return std::nullopt;
    }
    return target;
}

bool ProxyCall::lookUpSemanticCache(const Target& first) {
    const bool unchanged =
        m_requestBody.constData() == m_clientBody.constData() || m_requestBody == m_clientBody;
    const std::optional<SemanticCachePolicy::Query> upstream =
        unchanged ? m_clientQuery : m_semantic->queryOf(m_requestBody);
    if (!upstream || upstream->text != m_clientQuery->text) {
        // The request flow changed the text compared by meaning (masked it, filled a template): an
        // answer to a near text could hold another client's values. Only an exact cache is safe then.
        m_cacheReads = m_cacheStores = false;
        return false;
    }
    ResponseCacheKey::Parts parts = cacheParts(first);
    parts.clientDigest = m_clientQuery->restDigest;
    parts.upstreamDigest = upstream->restDigest;
    m_semanticScope = ResponseCacheKey::of(parts);
    m_cacheTarget = first;
    if (m_cacheReads)
        setCacheStatus(QByteArrayLiteral("Miss"));
    // The embedding comes on this worker's loop; meanwhile the target's claim is held as a queued
    // retry's would be (and given back if the client leaves).
    m_pendingTarget = first;
    EmbeddingClient::embed(
        m_semantic->provider(), m_clientQuery->text, this,
        [self = QPointer<ProxyCall>(this)](Result<std::vector<float>> embedding) {
            if (!self)
                return;
            const std::optional<Target> target = self->resumePendingTarget();
            if (!target)
                return;
            if (!embedding) {
                // Served as if there were no cache: the answer is neither looked up nor kept.
                self->m_cacheStores = false;
                self->startAttempt(*target);
                return;
            }
            self->m_embedding = embedding.take();
            if (self->m_cacheReads) {
                const std::optional<SemanticCacheStore::Hit> hit = self->m_semantic->store().find(
                    self->m_semanticScope, self->m_embedding, self->m_semantic->threshold(), self->nowMs());
                if (hit) {
                    self->answerFromCache(*target, *hit->answer);
                    return;
                }
            }
            self->startAttempt(*target);
        });
    return true;
}

QByteArray ProxyCall::cacheScope() const {
    return m_context.api->id.toUtf8() + '|' + m_context.operation->key.toUtf8() + '|' +
           stageName(m_context.stage).toUtf8();
}

void ProxyCall::answerFromCache(const Target& target, const CachedAnswer& answer) {
    if (target.pair) // claimed by routing, never tried
        m_context.runtime->suspensions().abandonAttempt(*target.pair);
    m_done = true;
    setCacheStatus(QByteArrayLiteral("Hit"));
    HttpHeaders headers = answer.headers;
    headers.set("X-Cache-Status", m_cacheStatus);
    headers.set("Age", QByteArray::number(qMax<qint64>(0, (nowMs() - answer.storedAtMs) / 1000)));
    for (const auto& [name, value] : m_context.responseHeaders.fields())
        headers.set(name, value);
    if (headers.contains("x-llm-cost")) { // LLMCost's headers: this answer cost nothing
        headers.set("x-llm-cost", QByteArray::fromStdString(formatCostUsd(0)));
        headers.set("x-llm-cost-status", "calculated");
    }
    AccessRecord& record = m_context.record;
    record.model = target.model.isEmpty() ? answer.model : target.model;
    record.endpointId = target.endpoint->id;
    record.status = answer.status;
    record.streamed = answer.streamed;
    record.savedTokens = answer.totalTokens;
    record.savedCostUsd = answer.costUsd;
    record.costUsd = 0;
    record.costStatus = QStringLiteral("calculated");
    record.costReason = QStringLiteral("answered from the response cache");
    record.latencyMs = double(m_context.started.nsecsElapsed()) / 1e6;
    m_context.runtime->metrics().record(record);
    m_context.runtime->accessLog().append(record);
    if (answer.streamed) {
        // Replayed as it was sent: a chunked stream of the same events.
        m_exchange->beginResponse(answer.status, headers, -1);
        m_exchange->writeBody(answer.body);
        m_exchange->endResponse();
    } else {
        m_exchange->respond(answer.status, headers, answer.body);
    }
}

void ProxyCall::beginClientResponse(int status, HttpHeaders& headers, qint64 contentLength) {
    if (!m_cacheStatus.isEmpty())
        headers.set("X-Cache-Status", m_cacheStatus);
    bool upstreamForbids = false;
    for (const QByteArray& directive : headers.value("Cache-Control").split(',')) {
        const QByteArray name = directive.trimmed().toLower();
        upstreamForbids = upstreamForbids || name == "no-store" || name == "private";
    }
    m_cacheCapturing =
        m_cacheStores && status >= 200 && status < 300 && !upstreamForbids && !m_exchange->request().isHead();
    if (m_cacheCapturing) {
        m_cacheCapture = CachedAnswer();
        m_cacheCapture.status = status;
        m_cacheCapture.streamed = m_streaming;
        m_cacheCapture.headers = headers;
        // Per call, not per answer: set again on each hit.
        m_cacheCapture.headers.remove("X-Cache-Status");
        for (const auto& [name, value] : m_context.responseHeaders.fields())
            m_cacheCapture.headers.remove(name);
    }
    m_exchange->beginResponse(status, headers, contentLength);
}

void ProxyCall::sendBody(const QByteArray& data) {
    m_exchange->writeBody(data);
    if (!m_cacheCapturing)
        return;
    if (m_cacheCapture.body.size() + data.size() > ResponseCachePolicy::maxAnswerBytes) {
        m_cacheCapturing = false; // too large to keep: it passes through
        m_cacheCapture = CachedAnswer();
        return;
    }
    m_cacheCapture.body += data;
}

void ProxyCall::keepInCache() {
    if (!std::exchange(m_cacheCapturing, false) || (!m_cache && !m_semantic))
        return;
    const AccessRecord& record = m_context.record;
    // A guardrail that stopped a stream, or an upstream that broke it off, leaves an answer that is not
    // the one to give again.
    if (!record.guardrail.isEmpty() || !record.guardrailKind.isEmpty() || !record.errorCode.isEmpty())
        return;
    CachedAnswer& answer = m_cacheCapture;
    answer.model = record.model;
    answer.totalTokens = qMax<qint64>(0, record.totalTokens);
    answer.costUsd = qMax(0.0, record.costUsd);
    answer.storedAtMs = nowMs();
    if (m_semantic) {
        if (m_embedding.empty() || m_target.endpoint != m_cacheTarget.endpoint ||
            m_target.model != m_cacheTarget.model)
            return;
        const qint64 expiresAtMs = answer.storedAtMs + m_semantic->ttlMs();
        m_semantic->store().insert(m_semanticScope, m_embedding,
                                   std::make_shared<const CachedAnswer>(std::move(answer)), expiresAtMs);
        return;
    }
    const QByteArray key = cacheKey(m_target);
    if (m_context.shared) {
        m_context.shared->responseCache().insert(cacheScope(), key, answer.serialize(), m_cache->ttlMs(),
                                                 qint64(m_cache->maxEntries()));
    } else {
        const qint64 expiresAtMs = answer.storedAtMs + m_cache->ttlMs();
        m_cache->store().insert(key, std::make_shared<const CachedAnswer>(std::move(answer)), expiresAtMs);
    }
    m_cacheCapture = CachedAnswer();
}

} // namespace gatehouse
