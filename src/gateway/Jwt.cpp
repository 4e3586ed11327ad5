#include "gateway/Jwt.h"

#include "core/Json.h"

#include <QMessageAuthenticationCode>

namespace gatehouse {

namespace {

constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodeSegment(const Json& json) {
    const std::string text = dumpCompact(json);
    return QByteArray(text.data(), qsizetype(text.size())).toBase64(base64Url);
}

std::optional<Json> decodeSegment(const QByteArray& segment) {
    const auto decoded =
        QByteArray::fromBase64Encoding(segment, base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    Json json = Json::parse(decoded.decoded.cbegin(), decoded.decoded.cend(), nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    return json;
}

QByteArray hmac(const QByteArray& data, const QByteArray& key) {
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QString stringClaim(const Json& payload, const char* name) {
    const auto it = payload.find(name);
    return it != payload.end() && it->is_string() ? toQString(it->get_ref<const std::string&>()) : QString();
}

} // namespace

bool Jwt::constantTimeEquals(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

QByteArray Jwt::sign(const JwtClaims& claims, const QByteArray& key) {
    Json header = Json::object();
    header["alg"] = "HS256";
    header["typ"] = "JWT";
    Json payload = Json::object();
    payload["iss"] = "gatehouse";
    payload["sub"] = claims.consumerKey.toStdString();
    payload["azp"] = claims.consumerKey.toStdString();
    payload["application"] = Json::object(
        {{"id", claims.applicationId.toStdString()}, {"name", claims.applicationName.toStdString()}});
    payload["keytype"] = claims.keyType.toStdString();
    payload["scope"] = claims.scope.toStdString();
    payload["iat"] = claims.issuedAt;
    payload["nbf"] = claims.issuedAt;
    payload["exp"] = claims.expiresAt;
    payload["jti"] = claims.jti.toStdString();
    const QByteArray signingInput = encodeSegment(header) + '.' + encodeSegment(payload);
    return signingInput + '.' + hmac(signingInput, key).toBase64(base64Url);
}

Jwt::Verification Jwt::verify(const QByteArray& token, const QByteArray& key, qint64 now,
                              qint64 leewaySeconds) {
    Verification result;
    const auto fail = [&](Failure failure, const QString& reason) {
        result.failure = failure;
        result.reason = reason;
        return result;
    };
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return fail(Failure::Malformed, QStringLiteral("the token is not a JWT (header.payload.signature)"));
    const std::optional<Json> header = decodeSegment(parts[0]);
    if (!header)
        return fail(Failure::Malformed, QStringLiteral("the token header is not base64url-encoded JSON"));
    const auto alg = header->find("alg");
    if (alg == header->end() || !alg->is_string() || alg->get_ref<const std::string&>() != "HS256")
        return fail(Failure::UnsupportedAlgorithm, QStringLiteral("the token is not signed with HS256"));
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    const auto signature =
        QByteArray::fromBase64Encoding(parts[2], base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || !constantTimeEquals(signature.decoded, hmac(signingInput, key)))
        return fail(Failure::BadSignature, QStringLiteral("the token signature does not verify"));
    const std::optional<Json> payload = decodeSegment(parts[1]);
    if (!payload)
        return fail(Failure::Malformed, QStringLiteral("the token payload is not base64url-encoded JSON"));
    const auto number = [&](const char* name) -> std::optional<qint64> {
        const auto it = payload->find(name);
        if (it == payload->end() || !it->is_number_integer())
            return std::nullopt;
        return it->get<qint64>();
    };
    const auto exp = number("exp");
    const auto iat = number("iat");
    if (!exp || !iat)
        return fail(Failure::Malformed, QStringLiteral("the token has no exp or iat claim"));
    result.claims.consumerKey = stringClaim(*payload, "sub");
    result.claims.keyType = stringClaim(*payload, "keytype");
    result.claims.scope = stringClaim(*payload, "scope");
    result.claims.jti = stringClaim(*payload, "jti");
    if (const auto application = payload->find("application");
        application != payload->end() && application->is_object()) {
        result.claims.applicationId = stringClaim(*application, "id");
        result.claims.applicationName = stringClaim(*application, "name");
    }
    result.claims.issuedAt = *iat;
    result.claims.expiresAt = *exp;
    result.claims.notBefore = number("nbf").value_or(0);
    if (result.claims.consumerKey.isEmpty() || result.claims.keyType.isEmpty())
        return fail(Failure::Malformed, QStringLiteral("the token has no subject or key type"));
    return checkTimes(result.claims, now, leewaySeconds);
}

Jwt::Verification Jwt::checkTimes(const JwtClaims& claims, qint64 now, qint64 leewaySeconds) {
    Verification result;
    // now - leeway, not exp + leeway: a validly signed exp near the largest qint64 must not overflow.
    if (now - leewaySeconds > claims.expiresAt) {
        result.failure = Failure::Expired;
        result.reason = QStringLiteral("the token expired");
    } else if ((claims.notBefore != 0 && now + leewaySeconds < claims.notBefore) ||
               now + leewaySeconds < claims.issuedAt) {
        result.failure = Failure::NotYetValid;
        result.reason = QStringLiteral("the token is not valid yet");
    }
    result.claims = claims;
    return result;
}

} // namespace gatehouse
