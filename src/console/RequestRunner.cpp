#include "console/RequestRunner.h"

#include "console/ConsoleNetwork.h"
#include "console/TokenManager.h"
#include "core/Json.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <algorithm>

namespace gatehouse {

namespace {

const QByteArray invalidCredentialsCode = QByteArrayLiteral("900901");

QString scalarText(const Json& value) {
    if (value.is_string())
        return toQString(value.get_ref<const std::string&>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_number())
        return QString::number(value.get<double>());
    return {};
}

QString stringField(const Json& object, const char* name) {
    const auto it = object.find(name);
    return it != object.end() ? scalarText(*it).trimmed() : QString();
}

qint64 integerAt(const Json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_number())
        return -1;
    return jsonInteger(*it).value_or(-1);
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& name) {
    return std::any_of(headers.begin(), headers.end(), [&](const auto& header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

// The error of an answer: the gateway's {"code","message","description"}, OpenAI's
// {"error":{"message","type","code"}} or OAuth's {"error","error_description"}.
void readError(const Json& body, const QByteArray& raw, int status, InvokeResult& result) {
    if (body.is_object()) {
        if (body.contains("code") || body.contains("message") || body.contains("description")) {
            result.errorCode = stringField(body, "code");
            const QString message = stringField(body, "message");
            const QString description = stringField(body, "description");
            result.errorMessage = message.isEmpty() || description.isEmpty() || message == description
                                      ? (message.isEmpty() ? description : message)
                                      : message + QStringLiteral(": ") + description;
        } else if (const auto error = body.find("error"); error != body.end() && error->is_object()) {
            result.errorCode = stringField(*error, "code");
            if (result.errorCode.isEmpty())
                result.errorCode = stringField(*error, "type");
            result.errorMessage = stringField(*error, "message");
        } else if (error != body.end() && error->is_string()) {
            result.errorCode = scalarText(*error);
            result.errorMessage = stringField(body, "error_description");
        }
    }
    if (result.errorMessage.isEmpty()) {
        QString text = QString::fromUtf8(raw.left(400)).simplified();
        if (text.size() > 200)
            text = text.left(200) + QStringLiteral("…");
        result.errorMessage =
            text.isEmpty() ? QCoreApplication::translate("gatehouse::RequestRunner", "HTTP %1 without a body")
                                 .arg(status)
                           : text;
    }
}

} // namespace

RequestRunner::RequestRunner(TokenManager* tokens, QObject* parent) : QObject(parent), m_tokens(tokens) {
}

RequestRunner::~RequestRunner() {
    for (std::unique_ptr<Call>& call : m_lanes) {
        if (call)
            detach(call.get());
    }
}

void RequestRunner::setCredentials(const ConsoleCredentials& credentials) {
    m_credentials = credentials;
}

QNetworkAccessManager* RequestRunner::managerFor(int lane) {
    return m_managers.at(std::size_t(lane / LanesPerManager));
}

void RequestRunner::start(const Plan& plan) {
    if (m_running)
        return;
    m_plan = plan;
    m_plan.repeat = qMax(1, plan.repeat);
    m_plan.concurrency = std::clamp(plan.concurrency, 1, qMin(m_plan.repeat, MaxConcurrency));
    m_plan.delayMs = qMax(0, plan.delayMs);
    m_plan.timeoutMs = qMax(0, plan.timeoutMs);
    m_results.clear();
    m_results.shrink_to_fit();
    // Results never move while a run fills them, up to a sensible size.
    m_results.reserve(std::size_t(qMin(m_plan.repeat, 100000)));
    m_failure.clear();
    ++m_runId;
    m_nextIndex = 0;
    m_active = 0;
    m_stopping = false;
    m_running = true;

    const std::size_t managers = std::size_t((m_plan.concurrency + LanesPerManager - 1) / LanesPerManager);
    while (m_managers.size() < managers)
        m_managers.push_back(new QNetworkAccessManager(this));
    for (QNetworkAccessManager* manager : m_managers)
        ConsoleNetwork::bypassProxyForLoopback(*manager, m_plan.request.url);
    m_lanes.clear();
    m_lanes.resize(std::size_t(m_plan.concurrency));
    const quint64 runId = m_runId;
    for (int lane = 0; lane < m_plan.concurrency && m_runId == runId; ++lane)
        launch(lane);
}

void RequestRunner::launch(int lane) {
    if (!m_running || m_stopping || !m_failure.isEmpty() || m_nextIndex >= m_plan.repeat) {
        checkFinished();
        return;
    }
    auto call = std::make_unique<Call>();
    call->index = m_nextIndex++;
    call->lane = lane;
    call->result.index = call->index;
    Call* raw = call.get();
    m_lanes[std::size_t(lane)] = std::move(call);
    ++m_active;
    acquireToken(raw);
}

void RequestRunner::acquireToken(Call* call) {
    if (std::optional<AccessToken> token =
            m_tokens->usable(m_credentials.applicationId, m_credentials.keyType)) {
        call->token = token->value;
        send(call);
        return;
    }
    QPointer<RequestRunner> self(this);
    const quint64 runId = m_runId;
    const int lane = call->lane;
    const int index = call->index;
    m_tokens->fetch(m_credentials, [self, runId, lane, index](Result<AccessToken> token) {
        if (self)
            self->onToken(lane, index, runId, token);
    });
}

void RequestRunner::onToken(int lane, int index, quint64 runId, const Result<AccessToken>& token) {
    if (runId != m_runId || !m_running)
        return;
    Call* call = m_lanes.at(std::size_t(lane)).get();
    if (!call || call->index != index)
        return;
    if (!token) {
        call->result.startedAt = QDateTime::currentDateTimeUtc();
        call->result.errorCode = QStringLiteral("no-token");
        call->result.errorMessage = token.error();
        m_failure = token.error(); // every further request would fail the same way
        complete(lane);
        return;
    }
    call->token = token->value;
    send(call);
}

void RequestRunner::send(Call* call) {
    const InvokeRequest& request = m_plan.request;
    QNetworkRequest network(request.url);
    for (const auto& [name, value] : request.headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) != 0)
            network.setRawHeader(name, value);
    }
    network.setRawHeader("Authorization", "Bearer " + call->token);
    if (!request.body.isEmpty() && !hasHeader(request.headers, "Content-Type"))
        network.setRawHeader("Content-Type", "application/json");
    if (request.stream && !hasHeader(request.headers, "Accept"))
        network.setRawHeader("Accept", "text/event-stream");
    network.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    network.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    network.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    network.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // Bodies are measured as the gateway sends them, not after QNAM's transparent gzip.
    network.setRawHeader("Accept-Encoding", "identity");
    if (m_plan.timeoutMs > 0)
        network.setTransferTimeout(m_plan.timeoutMs);

    QNetworkAccessManager* manager = managerFor(call->lane);
    call->result.startedAt = QDateTime::currentDateTimeUtc();
    call->clock.start();
    const bool bodyless = request.body.isEmpty() && (request.method == "GET" || request.method == "HEAD");
    call->reply = bodyless ? manager->sendCustomRequest(network, request.method)
                           : manager->sendCustomRequest(network, request.method, request.body);
    connect(call->reply, &QNetworkReply::readyRead, this, [this, call] { onReadyRead(call); });
    connect(call->reply, &QNetworkReply::finished, this, [this, call] { onFinished(call); });
}

void RequestRunner::onReadyRead(Call* call, bool announce) {
    QNetworkReply* reply = call->reply;
    if (!reply)
        return;
    if (!call->sawFirstByte) {
        call->sawFirstByte = true;
        call->firstByteMs = double(call->clock.nsecsElapsed()) / 1e6;
        // Only an event stream is parsed as one: a 401 answer to a stream request is plain JSON.
        call->sse = reply->header(QNetworkRequest::ContentTypeHeader)
                        .toString()
                        .startsWith(QLatin1String("text/event-stream"), Qt::CaseInsensitive);
    }
    const QByteArray data = reply->readAll();
    if (data.isEmpty())
        return;
    QByteArray& body = call->result.body;
    if (body.size() < MaxStoredBodyBytes)
        body.append(data.left(MaxStoredBodyBytes - body.size()));
    if (!call->sse)
        return;
    const qsizetype before = call->reader.assembledText().size();
    call->reader.feed(data);
    const QString text = call->reader.assembledText();
    if (text.size() > before) {
        if (!call->sawFirstToken) {
            call->sawFirstToken = true;
            call->firstTokenMs = double(call->clock.nsecsElapsed()) / 1e6;
        }
        if (announce)
            Q_EMIT streamText(call->index, text.mid(before));
    }
}

void RequestRunner::onFinished(Call* call) {
    QNetworkReply* reply = call->reply;
    if (!reply)
        return;
    const quint64 runId = m_runId;
    QPointer<RequestRunner> self(this);
    onReadyRead(call); // whatever arrived with the end
    if (!self || runId != m_runId)
        return; // a streamText slot stopped the run: the call is gone
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 && !call->retried) {
        const Json body = Json::parse(call->result.body.cbegin(), call->result.body.cend(), nullptr, false);
        if (body.is_object() && stringField(body, "code").toUtf8() == invalidCredentialsCode) {
            // The token was revoked or expired early: forget it (unless another request already
            // replaced it) and try once more with a fresh one.
            const std::optional<AccessToken> cached =
                m_tokens->cached(m_credentials.applicationId, m_credentials.keyType);
            if (cached && cached->value == call->token)
                m_tokens->invalidate(m_credentials.applicationId, m_credentials.keyType);
            detach(call);
            const int index = call->index;
            const int lane = call->lane;
            m_lanes[std::size_t(lane)] = std::make_unique<Call>();
            call = m_lanes[std::size_t(lane)].get();
            call->index = index;
            call->lane = lane;
            call->result.index = index;
            call->retried = true;
            call->result.tokenRefetched = true;
            acquireToken(call);
            return;
        }
    }
    fillResult(call, false);
    complete(call->lane);
}

void RequestRunner::fillResult(Call* call, bool stopped) {
    QNetworkReply* reply = call->reply;
    InvokeResult& result = call->result;
    result.latencyMs = double(call->clock.nsecsElapsed()) / 1e6;
    result.status = reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    if (reply) {
        result.headers = reply->rawHeaderPairs();
        result.model = QString::fromUtf8(reply->rawHeader("X-Gatehouse-Model")).trimmed();
        result.cacheStatus = QString::fromLatin1(reply->rawHeader("X-Cache-Status")).trimmed();
    }
    Json body;
    if (!call->sse)
        body = Json::parse(result.body.cbegin(), result.body.cend(), nullptr, false);

    if (call->sse) {
        const SseReader& reader = call->reader;
        result.chunks = reader.chunkCount();
        result.text = reader.assembledText();
        if (result.model.isEmpty())
            result.model = reader.model();
        result.promptTokens = reader.promptTokens().value_or(-1);
        result.completionTokens = reader.completionTokens().value_or(-1);
        result.totalTokens = reader.totalTokens().value_or(-1);
        // Time to first token; a stream without text has only its first byte to show.
        result.firstByteMs = call->sawFirstToken ? call->firstTokenMs : call->firstByteMs;
        const qint64 pieces =
            result.completionTokens > 0 ? result.completionTokens : reader.contentChunkCount();
        const double spanMs = result.latencyMs - result.firstByteMs;
        if (call->sawFirstToken && pieces > 1 && spanMs > 0)
            result.tokensPerSecond = double(pieces - 1) * 1000.0 / spanMs;
    } else {
        result.firstByteMs = call->sawFirstByte ? call->firstByteMs : result.latencyMs;
        if (body.is_object()) {
            if (result.model.isEmpty())
                result.model = stringField(body, "model");
            if (const auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
                result.promptTokens = integerAt(*usage, "prompt_tokens");
                result.completionTokens = integerAt(*usage, "completion_tokens");
                result.totalTokens = integerAt(*usage, "total_tokens");
            }
        }
    }
    if (result.totalTokens < 0 && result.promptTokens >= 0 && result.completionTokens >= 0)
        result.totalTokens = result.promptTokens + result.completionTokens;

    if (stopped) {
        result.errorCode = QStringLiteral("stopped");
        result.errorMessage = tr("Stopped before the answer was complete.");
    } else if (result.status == 0) {
        const QNetworkReply::NetworkError error = reply ? reply->error() : QNetworkReply::UnknownNetworkError;
        const bool timedOut =
            error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        result.errorMessage = timedOut ? tr("No answer within %1 s.").arg(m_plan.timeoutMs / 1000.0)
                              : reply  ? reply->errorString()
                                       : tr("No answer.");
    } else if (result.status >= 400) {
        readError(body, result.body, result.status, result);
    } else if (reply && reply->error() != QNetworkReply::NoError &&
               reply->error() < QNetworkReply::ContentAccessDenied) {
        // The connection broke after the headers: a truncated answer is not a success.
        result.errorCode = QStringLiteral("incomplete");
        result.errorMessage = tr("The answer broke off: %1").arg(reply->errorString());
    }
}

void RequestRunner::detach(Call* call) {
    if (!call->reply)
        return;
    QNetworkReply* reply = call->reply;
    call->reply = nullptr;
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

void RequestRunner::complete(int lane) {
    std::unique_ptr<Call> call = std::move(m_lanes[std::size_t(lane)]);
    --m_active;
    detach(call.get());
    m_results.push_back(std::move(call->result));
    call.reset();

    const quint64 runId = m_runId;
    QPointer<RequestRunner> self(this);
    // A copy, so that a slot that stops the run (and so adds results) cannot leave it dangling.
    const InvokeResult result = m_results.back();
    Q_EMIT resultReady(result);
    if (!self || runId != m_runId || !m_running)
        return;
    const bool more = !m_stopping && m_failure.isEmpty() && m_nextIndex < m_plan.repeat;
    if (more && m_plan.delayMs > 0) {
        QTimer::singleShot(m_plan.delayMs, this, [this, runId, lane] {
            if (runId == m_runId && m_running)
                launch(lane);
        });
        return;
    }
    launch(lane);
}

void RequestRunner::checkFinished() {
    if (!m_running || m_active > 0)
        return;
    if (!m_stopping && m_failure.isEmpty() && m_nextIndex < m_plan.repeat)
        return; // lanes are pausing between requests
    m_running = false;
    Q_EMIT finished(false);
}

void RequestRunner::stop() {
    if (!m_running)
        return;
    m_stopping = true;
    ++m_runId; // token answers and lane timers still on their way find nothing to continue
    std::vector<InvokeResult> partial;
    for (std::unique_ptr<Call>& call : m_lanes) {
        if (!call)
            continue;
        if (call->reply) {
            call->reply->disconnect(this);
            if (call->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
                onReadyRead(call.get(), false);
                fillResult(call.get(), true);
                partial.push_back(std::move(call->result));
            }
        }
        detach(call.get());
        call.reset();
    }
    m_active = 0;
    m_running = false;
    QPointer<RequestRunner> self(this);
    for (InvokeResult& result : partial) {
        m_results.push_back(std::move(result));
        const InvokeResult copy = m_results.back();
        Q_EMIT resultReady(copy);
        if (!self)
            return;
    }
    Q_EMIT finished(true);
}

} // namespace gatehouse
