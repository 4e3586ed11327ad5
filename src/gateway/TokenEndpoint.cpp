#include "gateway/TokenEndpoint.h"

#include "core/Json.h"
#include "gateway/GatewayConfig.h"
#include "gateway/HttpExchange.h"
#include "gateway/Jwt.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace gatehouse {

namespace {

void oauthError(HttpExchange* exchange, int status, const char* error, const QString& description) {
    Json body = Json::object();
    body["error"] = error;
    body["error_description"] = description.toStdString();
    HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    headers.add("Cache-Control", "no-store");
    if (status == 401)
        headers.add("WWW-Authenticate", "Basic realm=\"gatehouse\"");
    const std::string text = dumpCompact(body);
    exchange->respond(status, headers, QByteArray(text.data(), qsizetype(text.size())));
}

QString randomId() {
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex());
}

} // namespace

void TokenEndpoint::handle(HttpExchange* exchange, const GatewayConfig& config) {
    const HttpRequest& request = exchange->request();
    if (request.method != "POST")
        return oauthError(exchange, 405, "invalid_request", QStringLiteral("Use POST"));
    const QUrlQuery form(QString::fromUtf8(request.body));
    const QString grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    if (grantType.isEmpty())
        return oauthError(exchange, 400, "invalid_request", QStringLiteral("grant_type is required"));
    if (grantType != QLatin1String("client_credentials"))
        return oauthError(exchange, 400, "unsupported_grant_type",
                          QStringLiteral("only the client_credentials grant is supported"));

    QString clientId = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    QByteArray clientSecret =
        form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded).toUtf8();
    const QByteArray authorization = request.headers.value("Authorization");
    if (authorization.startsWith("Basic ") || authorization.startsWith("basic ")) {
        const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
        if (colon < 0)
            return oauthError(
                exchange, 401, "invalid_client",
                QStringLiteral("the Basic credentials are not base64(consumerKey:consumerSecret)"));
        clientId = QString::fromUtf8(decoded.decoded.left(colon));
        clientSecret = decoded.decoded.mid(colon + 1);
    }
    if (clientId.isEmpty() || clientSecret.isEmpty())
        return oauthError(
            exchange, 401, "invalid_client",
            QStringLiteral("client credentials are required (HTTP Basic or client_id and client_secret)"));

    const auto credential = config.credentials.constFind(clientId);
    // The secret comparison runs even for an unknown key, so timing does not reveal which keys exist.
    const QByteArray expected =
        credential != config.credentials.constEnd() ? credential->secret : QByteArray(40, 'x');
    const bool secretMatches = Jwt::constantTimeEquals(clientSecret, expected);
    if (credential == config.credentials.constEnd() || !secretMatches)
        return oauthError(exchange, 401, "invalid_client",
                          QStringLiteral("unknown consumer key or wrong consumer secret"));
    const auto application = config.applications.constFind(credential->applicationId);
    if (application == config.applications.constEnd())
        return oauthError(exchange, 401, "invalid_client",
                          QStringLiteral("the application no longer exists"));

    qint64 validity = application->tokenValiditySeconds;
    const QString requested = form.queryItemValue(QStringLiteral("validity_period"));
    if (!requested.isEmpty()) {
        bool numeric = false;
        const qint64 seconds = requested.toLongLong(&numeric);
        if (!numeric || seconds < 1 || seconds > 31536000)
            return oauthError(
                exchange, 400, "invalid_request",
                QStringLiteral("validity_period must be a number of seconds from 1 to 31536000"));
        validity = seconds;
    }
    JwtClaims claims;
    claims.consumerKey = clientId;
    claims.applicationId = application->id;
    claims.applicationName = application->name;
    claims.keyType = stageKeyTypeName(credential->keyType);
    const QString scope = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
    claims.scope = scope.isEmpty() ? QStringLiteral("default") : scope;
    claims.issuedAt = QDateTime::currentSecsSinceEpoch();
    claims.expiresAt = claims.issuedAt + validity;
    claims.jti = randomId();

    Json body = Json::object();
    body["access_token"] = Jwt::sign(claims, config.signingKey).toStdString();
    body["token_type"] = "Bearer";
    body["expires_in"] = validity;
    body["scope"] = claims.scope.toStdString();
    HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    headers.add("Cache-Control", "no-store");
    const std::string text = dumpCompact(body);
    exchange->respond(200, headers, QByteArray(text.data(), qsizetype(text.size())));
}

} // namespace gatehouse
