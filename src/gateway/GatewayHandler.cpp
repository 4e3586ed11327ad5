#include "gateway/GatewayHandler.h"

#include "gateway/GatewayRuntime.h"
#include "gateway/HttpExchange.h"
#include "gateway/Jwt.h"
#include "gateway/ProxyCall.h"
#include "gateway/TokenEndpoint.h"
#include "gateway/UpstreamPool.h"

#include <QDateTime>

namespace gatehouse {

namespace {
const QString realm = QStringLiteral("Bearer realm=\"gatehouse\"");
}

GatewayHandler::GatewayHandler(std::shared_ptr<GatewayRuntime> runtime)
    : m_runtime(std::move(runtime)), m_pool(std::make_unique<UpstreamPool>()) {
}

GatewayHandler::~GatewayHandler() = default;

void GatewayHandler::handle(HttpExchange* exchange) {
    ProxyCall::Context context;
    context.started.start();
    context.config = m_runtime->config();
    context.runtime = m_runtime.get();
    context.pool = m_pool.get();
    const HttpRequest& request = exchange->request();
    const GatewayConfig& config = *context.config;
    if (request.path == "/oauth2/token")
        return TokenEndpoint::handle(exchange, config);

    AccessRecord& record = context.record;
    record.timeMs = QDateTime::currentMSecsSinceEpoch();
    record.clientAddress = request.peer.toString();
    const auto reject = [&](const RuntimeOperation* operation, int status, const char* code,
                            const QString& message, const QString& description, HttpHeaders headers = {},
                            const Json& extra = Json()) {
        ProxyCall::respondError(exchange, operation, m_runtime.get(), record, context.started, status,
                                QLatin1String(code), message, description, std::move(headers), extra);
    };

    const GatewayConfig::Route route = config.route(request.path);
    if (!route.api)
        return reject(nullptr, 404, "900906",
                      QStringLiteral("No matching resource found for given API Request"),
                      QStringLiteral("No API is deployed at %1").arg(QString::fromUtf8(request.path)));
    const RuntimeApi& api = *route.api;
    record.apiId = api.id;
    record.apiName = api.name;
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
            return reject(nullptr, 405, "900906", QStringLiteral("Method not allowed for given API resource"),
                          QStringLiteral("%1 %2 accepts %3")
                              .arg(api.name, QString::fromUtf8(route.resourcePath),
                                   QString::fromUtf8(verbs.join(", "))),
                          headers);
        }
        return reject(
            nullptr, 404, "900906", QStringLiteral("No matching resource found for given API Request"),
            QStringLiteral("%1 has no resource %2 %3")
                .arg(api.name, QString::fromUtf8(request.method), QString::fromUtf8(route.resourcePath)));
    }
    const RuntimeOperation* operation = match.operation;
    record.operation = operation->key;

    // Authentication: a JWT issued by this gateway's token endpoint.
    const QByteArray authorization = request.headers.value("Authorization").trimmed();
    if (authorization.isEmpty()) {
        HttpHeaders headers;
        headers.add("WWW-Authenticate", realm.toUtf8());
        return reject(
            operation, 401, "900902", QStringLiteral("Missing Credentials"),
            QStringLiteral("Make sure your API invocation call has a header: 'Authorization: Bearer "
                           "ACCESS_TOKEN'"),
            headers);
    }
    const auto invalid = [&](const QString& reason) {
        HttpHeaders headers;
        headers.add(
            "WWW-Authenticate",
            (realm + QStringLiteral(", error=\"invalid_token\", error_description=\"%1\"").arg(reason))
                .toUtf8());
        reject(operation, 401, "900901", QStringLiteral("Invalid Credentials"),
               QStringLiteral("Access failure for API: %1, version: %2: %3")
                   .arg(api.context, api.version, reason),
               headers);
    };
    if (authorization.size() < 8 || qstrnicmp(authorization.constData(), "Bearer ", 7) != 0)
        return invalid(QStringLiteral("the Authorization header is not of the form 'Bearer <token>'"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Jwt::Verification verification =
        m_tokens.verify(authorization.mid(7).trimmed(), config.signingKey, now);
    if (!verification.ok())
        return invalid(verification.reason);
    const JwtClaims& claims = verification.claims;
    record.tokenId = claims.jti;
    const auto credential = config.credentials.constFind(claims.consumerKey);
    if (credential == config.credentials.constEnd())
        return invalid(QStringLiteral("the token's consumer key no longer exists"));
    if (claims.issuedAt < credential->tokensValidAfterSeconds)
        return invalid(QStringLiteral("the token was revoked when the application's keys were regenerated"));
    if (stageKeyTypeName(credential->keyType) != claims.keyType)
        return invalid(QStringLiteral("the token's key type does not match its keys"));
    const Stage stage = credential->keyType;
    record.applicationId = credential->applicationId;
    record.keyType = claims.keyType;

    if (api.lifecycle == LifecycleState::Blocked)
        return reject(operation, 503, "700700", QStringLiteral("API blocked"),
                      QStringLiteral("%1 is blocked by its publisher").arg(api.name));
    if (!api.primaryEndpoint(stage)) {
        if (stage == Stage::Sandbox)
            return reject(
                operation, 401, "900901", QStringLiteral("Invalid Key Type"),
                QStringLiteral("%1 has no sandbox endpoint: call it with a production token").arg(api.name));
        return reject(
            operation, 401, "900901", QStringLiteral("Invalid Key Type"),
            QStringLiteral("%1 has no production endpoint: call it with a sandbox token").arg(api.name));
    }

    // Authorisation: a subscription, within its plan's quota.
    const auto application = config.applications.constFind(credential->applicationId);
    const QString planName =
        application == config.applications.constEnd() ? QString() : application->planByApiId.value(api.id);
    if (planName.isEmpty())
        return reject(operation, 403, "900908", QStringLiteral("Resource forbidden"),
                      QStringLiteral("%1 is not subscribed to %2")
                          .arg(application == config.applications.constEnd() ? claims.applicationName
                                                                             : application->name,
                               api.name));
    if (const BusinessPlan* plan = config.plan(planName)) {
        const QuotaTracker::Decision decision =
            m_runtime->quotas().admit(credential->applicationId + QLatin1Char('|') + api.id, *plan,
                                      QDateTime::currentMSecsSinceEpoch());
        if (!decision.allowed) {
            const qint64 waitSeconds = qMax<qint64>(
                1, (decision.nextAccessTimeMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000);
            HttpHeaders headers;
            headers.add("Retry-After", QByteArray::number(waitSeconds));
            Json extra = Json::object();
            extra["nextAccessTime"] = QDateTime::fromMSecsSinceEpoch(decision.nextAccessTimeMs, Qt::UTC)
                                          .toString(Qt::ISODate)
                                          .toStdString();
            return reject(operation, 429, "900804", QStringLiteral("Message throttled out"),
                          QStringLiteral("You have exceeded your quota of %1 per minute under the %2 plan")
                              .arg(decision.exceeded, plan->name),
                          headers, extra);
        }
    }

    context.api = &api;
    context.operation = operation;
    context.stage = stage;
    context.resourcePath = route.resourcePath;
    auto* call = new ProxyCall(exchange, std::move(context));
    call->start();
}

} // namespace gatehouse
