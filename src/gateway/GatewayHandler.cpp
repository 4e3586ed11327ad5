#include "gateway/GatewayHandler.h"

#include "gateway/GatewayRuntime.h"
#include "gateway/HttpExchange.h"
#include "gateway/Jwt.h"
#include "gateway/ProxyCall.h"
#include "gateway/SharedStateSession.h"
#include "gateway/TokenEndpoint.h"
#include "gateway/UpstreamPool.h"

#include <QDateTime>
#include <QPointer>

namespace gatehouse {

namespace {
const QString realm = QStringLiteral("Bearer realm=\"gatehouse\"");
}

GatewayHandler::GatewayHandler(std::shared_ptr<GatewayRuntime> runtime)
    : m_runtime(std::move(runtime)), m_pool(std::make_unique<UpstreamPool>()) {
    if (m_runtime->sharedState().isShared())
        m_shared = std::make_unique<SharedStateSession>(*m_runtime);
}

GatewayHandler::~GatewayHandler() = default;

struct GatewayHandler::Call {
    HttpExchange* exchange = nullptr;
    ProxyCall::Context context;
    const RuntimeApi* api = nullptr;
    const RuntimeOperation* operation = nullptr; // set once routed: errors after it run its fault flow
    QByteArray resourcePath;
    const GatewayConfig::Credential* credential = nullptr;
    JwtClaims claims;
    QString planName; // the subscription's business plan
};

void GatewayHandler::handle(HttpExchange* exchange) {
    Call call;
    call.exchange = exchange;
    call.context.started.start();
    call.context.config = m_runtime->config();
    call.context.runtime = m_runtime.get();
    call.context.pool = m_pool.get();
    call.context.shared = m_shared.get();
    const HttpRequest& request = exchange->request();
    if (request.path == "/oauth2/token")
        return TokenEndpoint::handle(exchange, *call.context.config);
    call.context.record.timeMs = QDateTime::currentMSecsSinceEpoch();
    call.context.record.clientAddress = request.peer.toString();
    if (!route(call) || !authenticate(call) || !authorise(call))
        return;
    std::vector<QuotaCheck> checks = quotaChecks(call);
    if (checks.empty())
        return proxy(call);
    if (m_shared)
        return admitShared(std::make_unique<Call>(std::move(call)), std::move(checks));
    if (applyDecisions(call, checks, admitLocally(checks, 1)))
        proxy(call);
}

void GatewayHandler::reject(Call& call, int status, const char* code, const QString& message,
                            const QString& description, HttpHeaders headers, const Json& extra) {
    ProxyCall::respondError(call.exchange, call.operation, m_runtime.get(), call.context.record,
                            call.context.started, status, QLatin1String(code), message, description,
                            std::move(headers), extra);
}

// Route: /<context>/<version>/<resource> to an API and one of its operations.
bool GatewayHandler::route(Call& call) {
    const HttpRequest& request = call.exchange->request();
    const GatewayConfig::Route route = call.context.config->route(request.path);
    if (!route.api) {
        reject(call, 404, "900906", QStringLiteral("No matching resource found for given API Request"),
               QStringLiteral("No API is deployed at %1").arg(QString::fromUtf8(request.path)));
        return false;
    }
    const RuntimeApi& api = *route.api;
    call.api = &api;
    call.resourcePath = route.resourcePath;
    call.context.record.apiId = api.id;
    call.context.record.apiName = api.name;
    const RuntimeApi::Match match = api.match(request.method, route.resourcePath);
    if (!match.operation) {
        if (match.pathKnown) {
            HttpHeaders headers;
            QByteArrayList verbs;
            const auto segments = RuntimeApi::splitPath(route.resourcePath);
            for (const RuntimeOperation& operation : api.operations) {
                if (operation.matchesPath(segments))
                    verbs.append(operation.verb);
            }
            headers.add("Allow", verbs.join(", "));
            reject(call, 405, "900906", QStringLiteral("Method not allowed for given API resource"),
                   QStringLiteral("%1 %2 accepts %3")
                       .arg(api.name, QString::fromUtf8(route.resourcePath),
                            QString::fromUtf8(verbs.join(", "))),
                   headers);
            return false;
        }
        reject(call, 404, "900906", QStringLiteral("No matching resource found for given API Request"),
               QStringLiteral("%1 has no resource %2 %3")
                   .arg(api.name, QString::fromUtf8(request.method), QString::fromUtf8(route.resourcePath)));
        return false;
    }
    call.operation = match.operation;
    call.context.record.operation = match.operation->key;
    return true;
}

// Authenticate: a JWT issued by this gateway's token endpoint, for consumer keys that still exist.
bool GatewayHandler::authenticate(Call& call) {
    const RuntimeApi& api = *call.api;
    const QByteArray authorization = call.exchange->request().headers.value("Authorization").trimmed();
    if (authorization.isEmpty()) {
        HttpHeaders headers;
        headers.add("WWW-Authenticate", realm.toUtf8());
        reject(call, 401, "900902", QStringLiteral("Missing Credentials"),
               QStringLiteral("Make sure your API invocation call has a header: 'Authorization: Bearer "
                              "ACCESS_TOKEN'"),
               headers);
        return false;
    }
    const auto invalid = [&](const QString& reason) {
        HttpHeaders headers;
        headers.add(
            "WWW-Authenticate",
            (realm + QStringLiteral(", error=\"invalid_token\", error_description=\"%1\"").arg(reason))
                .toUtf8());
        reject(call, 401, "900901", QStringLiteral("Invalid Credentials"),
               QStringLiteral("Access failure for API: %1, version: %2: %3")
                   .arg(api.context, api.version, reason),
               headers);
        return false;
    };
    if (authorization.size() < 8 || qstrnicmp(authorization.constData(), "Bearer ", 7) != 0)
        return invalid(QStringLiteral("the Authorization header is not of the form 'Bearer <token>'"));
    const GatewayConfig& config = *call.context.config;
    const Jwt::Verification verification = m_tokens.verify(authorization.mid(7).trimmed(), config.signingKey,
                                                           QDateTime::currentSecsSinceEpoch());
    if (!verification.ok())
        return invalid(verification.reason);
    call.claims = verification.claims;
    call.context.record.tokenId = call.claims.jti;
    const auto credential = config.credentials.constFind(call.claims.consumerKey);
    if (credential == config.credentials.constEnd())
        return invalid(QStringLiteral("the token's consumer key no longer exists"));
    if (call.claims.issuedAt < credential->tokensValidAfterSeconds)
        return invalid(QStringLiteral("the token was revoked when the application's keys were regenerated"));
    if (stageKeyTypeName(credential->keyType) != call.claims.keyType)
        return invalid(QStringLiteral("the token's key type does not match its keys"));
    call.credential = &*credential;
    call.context.stage = credential->keyType;
    call.context.record.applicationId = credential->applicationId;
    call.context.record.keyType = call.claims.keyType;
    return true;
}

// Authorise: an API that is not blocked, an endpoint for the key type, and a subscription.
bool GatewayHandler::authorise(Call& call) {
    const RuntimeApi& api = *call.api;
    const Stage stage = call.context.stage;
    if (api.lifecycle == LifecycleState::Blocked) {
        reject(call, 503, "700700", QStringLiteral("API blocked"),
               QStringLiteral("%1 is blocked by its publisher").arg(api.name));
        return false;
    }
    if (!api.primaryEndpoint(stage)) {
        reject(
            call, 401, "900901", QStringLiteral("Invalid Key Type"),
            stage == Stage::Sandbox
                ? QStringLiteral("%1 has no sandbox endpoint: call it with a production token").arg(api.name)
                : QStringLiteral("%1 has no production endpoint: call it with a sandbox token")
                      .arg(api.name));
        return false;
    }
    const GatewayConfig& config = *call.context.config;
    const auto application = config.applications.constFind(call.credential->applicationId);
    const QString planName =
        application == config.applications.constEnd() ? QString() : application->planByApiId.value(api.id);
    if (planName.isEmpty()) {
        reject(call, 403, "900908", QStringLiteral("Resource forbidden"),
               QStringLiteral("%1 is not subscribed to %2")
                   .arg(application == config.applications.constEnd() ? call.claims.applicationName
                                                                      : application->name,
                        api.name));
        return false;
    }
    call.planName = planName;
    return true;
}

// Admit: within the application's budgets (WSO2's application-level throttling, 900803) and the
// subscription plan's limits (900804).
std::vector<GatewayHandler::QuotaCheck> GatewayHandler::quotaChecks(const Call& call) const {
    std::vector<QuotaCheck> checks;
    const GatewayConfig& config = *call.context.config;
    const auto application = config.applications.constFind(call.credential->applicationId);
    if (application != config.applications.constEnd() && !application->budgets.empty())
        checks.push_back(
            {QuotaTracker::applicationKey(application->id), application->budgets, application->name, true});
    const BusinessPlan* plan = config.plan(call.planName);
    if (plan && !plan->isUnlimited())
        checks.push_back({call.credential->applicationId + QLatin1Char('|') + call.api->id, plan->allLimits(),
                          plan->name, false});
    return checks;
}

std::vector<QuotaTracker::Decision> GatewayHandler::admitLocally(const std::vector<QuotaCheck>& checks,
                                                                 int replicas) {
    std::vector<QuotaTracker::Decision> decisions;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QuotaCheck& check : checks) {
        decisions.push_back(
            m_runtime->quotas().admit(check.key, QuotaTracker::shareOf(check.limits, replicas), now));
        if (!decisions.back().allowed)
            break;
    }
    return decisions;
}

bool GatewayHandler::applyDecisions(Call& call, const std::vector<QuotaCheck>& checks,
                                    const std::vector<QuotaTracker::Decision>& decisions) {
    for (std::size_t i = 0; i < checks.size() && i < decisions.size(); ++i) {
        if (!decisions[i].allowed) {
            if (checks[i].applicationBudget)
                refuse(call, decisions[i], "900803",
                       QStringLiteral("You have exceeded the budget of %1 for the application %2")
                           .arg(decisions[i].exceeded, checks[i].subject));
            else
                refuse(call, decisions[i], "900804",
                       QStringLiteral("You have exceeded your quota of %1 under the %2 plan")
                           .arg(decisions[i].exceeded, checks[i].subject));
            return false;
        }
        const quint8 charged = SharedQuotaStore::periodsOf(checks[i].limits, true);
        if (checks[i].applicationBudget) {
            call.context.applicationBudget = true;
            call.context.budgetChargePeriods = charged;
        } else {
            call.context.planChargePeriods = charged;
        }
        addBudgetHeaders(call.context.responseHeaders, decisions[i]);
    }
    return true;
}

void GatewayHandler::admitShared(std::unique_ptr<Call> call, std::vector<QuotaCheck> checks) {
    std::vector<SharedQuotaStore::Check> shared;
    shared.reserve(checks.size());
    for (const QuotaCheck& check : checks)
        shared.push_back({check.key, check.limits});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QPointer<HttpExchange> exchange(call->exchange);
    // The callback runs on this worker's thread; the client (and so the callback) never outlives this
    // handler. The exchange may be gone by then: the client left while Redis was asked.
    m_shared->quotas().admit(
        shared, now,
        [this, exchange, now, call = std::shared_ptr<Call>(std::move(call)),
         checks = std::move(checks)](const SharedQuotaStore::Answer& answer) {
            if (!exchange || exchange->isAborted())
                return;
            SharedStateStatus& status = m_runtime->sharedState();
            std::vector<QuotaTracker::Decision> decisions;
            if (answer.answered) {
                for (std::size_t i = 0; i < checks.size() && i < answer.used.size(); ++i)
                    decisions.push_back(QuotaTracker::decide(checks[i].limits, answer.used[i], now));
            } else if (status.settings().failureMode == SharedStateSettings::FailureMode::Closed) {
                status.countRefusal();
                reject(*call, 503, "900890", QStringLiteral("Quota check unavailable"),
                       QStringLiteral("The shared quota store cannot be reached (%1) and its failure mode is "
                                      "closed")
                           .arg(answer.error));
                return;
            } else {
                // Open: this replica counts alone, at its share of each limit.
                status.countFallback();
                decisions = admitLocally(checks, status.liveReplicas());
            }
            if (applyDecisions(*call, checks, decisions))
                proxy(*call);
        });
}

void GatewayHandler::addBudgetHeaders(HttpHeaders& headers, const QuotaTracker::Decision& decision) {
    // The API Platform's llm-cost-based-ratelimit headers, before this request is charged; with both
    // an application budget and a plan's, the one with less room left.
    if (!decision.usdLimit)
        return;
    bool known = false;
    const double remaining = headers.value("x-ratelimit-cost-remaining-dollars").toDouble(&known);
    if (known && remaining <= decision.usdRemaining)
        return;
    headers.set("x-ratelimit-cost-limit-dollars", QByteArray::number(*decision.usdLimit, 'f', 10));
    headers.set("x-ratelimit-cost-remaining-dollars", QByteArray::number(decision.usdRemaining, 'f', 10));
}

void GatewayHandler::refuse(Call& call, const QuotaTracker::Decision& decision, const char* code,
                            const QString& description) {
    HttpHeaders headers;
    addBudgetHeaders(headers, decision);
    const qint64 waitSeconds =
        qMax<qint64>(1, (decision.nextAccessTimeMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000);
    headers.add("Retry-After", QByteArray::number(waitSeconds));
    Json extra = Json::object();
    extra["nextAccessTime"] = QDateTime::fromMSecsSinceEpoch(decision.nextAccessTimeMs, Qt::UTC)
                                  .toString(Qt::ISODate)
                                  .toStdString();
    reject(call, 429, code, QStringLiteral("Message throttled out"), description, headers, extra);
}

// Proxy: the upstream part, owned by the exchange from here on.
void GatewayHandler::proxy(Call& call) {
    call.context.api = call.api;
    call.context.operation = call.operation;
    call.context.resourcePath = call.resourcePath;
    auto* proxyCall = new ProxyCall(call.exchange, std::move(call.context)); // a child of the exchange
    proxyCall->start();
}

} // namespace gatehouse
