// Fuzzes the gateway's access-token verifier (Jwt::verify) and its signer.
//
// The input is read twice. As a token: whatever it is, verify() must not crash, and it may accept
// it only if the checks it promises all hold when redone here independently: three segments, an
// HS256 header, a signature that is the HMAC-SHA256 of the first two segments with the key, a
// subject and a key type, and the time window. A token accepted with one key is refused with
// another. As claims (lines of the input: consumer key, application id and name, key type, scope,
// jti, iat, lifetime, key): sign() then verify() gives the same claims back whenever they are
// valid, and the signed token fails as it should when it is expired, not yet valid, cut, or
// changed in one byte.
#include "FuzzCheck.h"
#include "FuzzRandom.h"
#include "core/Json.h"
#include "gateway/Jwt.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>
#include <cstdint>
#include <limits>

namespace gatehouse::fuzz {
namespace {

const QByteArray gatewayKey = QByteArrayLiteral("fuzz-signing-key-0123456789abcdef0123456789abcdef");
// A fixed clock, so that a crash replays: 2026-11-26T04:10:00Z, a minute after the corpus's token
// from gatehouse-gateway was issued (it is valid at this time when its signature is redone).
constexpr qint64 now = 1795666200;
constexpr qint64 leeway = 30;

constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray hmac(const QByteArray& data, const QByteArray& key) {
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

std::optional<Json> segmentJson(const QByteArray& segment) {
    const auto decoded =
        QByteArray::fromBase64Encoding(segment, base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    Json json = Json::parse(decoded.decoded.cbegin(), decoded.decoded.cend(), nullptr, false);
    if (json.is_discarded())
        return std::nullopt;
    return json;
}

QString name(Jwt::Failure failure) {
    switch (failure) {
    case Jwt::Failure::None:
        return QStringLiteral("None");
    case Jwt::Failure::Malformed:
        return QStringLiteral("Malformed");
    case Jwt::Failure::UnsupportedAlgorithm:
        return QStringLiteral("UnsupportedAlgorithm");
    case Jwt::Failure::BadSignature:
        return QStringLiteral("BadSignature");
    case Jwt::Failure::Expired:
        return QStringLiteral("Expired");
    case Jwt::Failure::NotYetValid:
        return QStringLiteral("NotYetValid");
    }
    return QStringLiteral("?");
}

// Everything verify() promises about a token it accepted, checked without its code.
void checkAccepted(const QByteArray& token, const QByteArray& key, const Jwt::Verification& verification) {
    const QList<QByteArray> parts = token.split('.');
    require(parts.size() == 3, "an accepted token has three segments", token);
    const std::optional<Json> header = segmentJson(parts[0]);
    require(header && header->is_object() && header->contains("alg") && (*header)["alg"] == "HS256",
            "an accepted token says HS256", token);
    const auto signature =
        QByteArray::fromBase64Encoding(parts[2], base64Url | QByteArray::AbortOnBase64DecodingErrors);
    require(signature && signature.decoded == hmac(parts[0] + '.' + parts[1], key),
            "an accepted token carries the HMAC of its first two segments with the key", token);
    const std::optional<Json> payload = segmentJson(parts[1]);
    require(payload && payload->is_object(), "an accepted token has a JSON object payload", token);
    const JwtClaims& claims = verification.claims;
    require(!claims.consumerKey.isEmpty() && !claims.keyType.isEmpty(),
            "an accepted token names its subject and key type", token);
    // Written so that nothing here can overflow, whatever the claims.
    require(claims.expiresAt >= now - leeway, "an accepted token has not expired", token);
    require(claims.issuedAt <= now + leeway, "an accepted token was issued by now", token);
    require(claims.notBefore <= now + leeway, "an accepted token is valid already", token);

    const Jwt::Verification otherKey = Jwt::verify(token, key + 'x', now, leeway);
    require(otherKey.failure == Jwt::Failure::BadSignature,
            "a token accepted with one key fails with another", token);
}

qint64 integerLine(const QByteArray& line, qint64 fallback) {
    bool ok = false;
    const qint64 value = line.trimmed().toLongLong(&ok);
    return ok ? value : fallback;
}

// Claims from the lines of the input, signed, verified and tampered with.
void roundTrip(const QList<QByteArray>& lines, FuzzRandom& random) {
    const auto line = [&](qsizetype index) {
        return index < lines.size() ? lines[index] : QByteArray();
    };
    JwtClaims claims;
    claims.consumerKey = QString::fromUtf8(line(0));
    claims.applicationId = QString::fromUtf8(line(1));
    claims.applicationName = QString::fromUtf8(line(2));
    claims.keyType = QString::fromUtf8(line(3));
    claims.scope = QString::fromUtf8(line(4));
    claims.jti = QString::fromUtf8(line(5));
    claims.issuedAt = integerLine(line(6), now - qint64(random.below(7200)));
    const qint64 lifetime = integerLine(line(7), qint64(random.below(7200)));
    // sign() is handed the times the token endpoint computes; a lifetime that overflows is a
    // separate question from what the signer does with the result.
    if (lifetime > 0 && claims.issuedAt > std::numeric_limits<qint64>::max() - lifetime)
        return;
    if (lifetime < 0 && claims.issuedAt < std::numeric_limits<qint64>::min() - lifetime)
        return;
    claims.expiresAt = claims.issuedAt + lifetime;
    claims.notBefore = claims.issuedAt; // sign() writes nbf = iat
    const QByteArray key = lines.size() > 8 ? line(8) : gatewayKey;

    const QByteArray token = Jwt::sign(claims, key);
    const Jwt::Verification verification = Jwt::verify(token, key, now, leeway);
    if (claims.consumerKey.isEmpty() || claims.keyType.isEmpty()) {
        require(verification.failure == Jwt::Failure::Malformed,
                "a token without subject or key type is malformed",
                [&] { return name(verification.failure); });
        return;
    }
    const Jwt::Verification times = Jwt::checkTimes(claims, now, leeway);
    require(verification.failure == times.failure, "a signed token fails only on its times", [&] {
        return QString(name(verification.failure) + QStringLiteral(" vs ") + name(times.failure));
    });
    if (verification.ok()) {
        checkAccepted(token, key, verification);
        const JwtClaims& back = verification.claims;
        require(back.consumerKey == claims.consumerKey && back.keyType == claims.keyType &&
                    back.applicationId == claims.applicationId &&
                    back.applicationName == claims.applicationName && back.scope == claims.scope &&
                    back.jti == claims.jti && back.issuedAt == claims.issuedAt &&
                    back.expiresAt == claims.expiresAt && back.notBefore == claims.notBefore,
                "verify(sign(claims)) gives the claims back", token);
    }

    // Any change to the token's bytes, or a cut, and it no longer verifies (a changed signature
    // byte may still decode to the same bytes only in base64's unused low bits of the last char).
    if (!token.isEmpty()) {
        QByteArray changed = token;
        const qsizetype at = qsizetype(random.below(std::uint64_t(token.size())));
        changed[at] = char(changed.at(at) ^ char(1 + random.below(255)));
        const Jwt::Verification tampered = Jwt::verify(changed, key, now, leeway);
        if (tampered.ok())
            checkAccepted(changed, key, tampered);
        const qsizetype cut = qsizetype(random.below(std::uint64_t(token.size())));
        const Jwt::Verification shortened = Jwt::verify(token.left(cut), key, now, leeway);
        if (shortened.ok())
            checkAccepted(token.left(cut), key, shortened);
    }
}

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_jwt";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse;
    using namespace gatehouse::fuzz;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    FuzzRandom random(data, size);

    // The input as a token, as a client sends it after "Bearer ".
    for (const QByteArray& key : {gatewayKey, QByteArray()}) {
        const Jwt::Verification verification = Jwt::verify(input, key, now, leeway);
        if (verification.ok())
            checkAccepted(input, key, verification);
        else
            require(!verification.reason.isEmpty(), "a refusal says why");
    }
    // A token re-signed with the gateway's key keeps its header and payload: whatever they say,
    // the verifier must read them without crashing, and accept them only when they are valid.
    if (const QList<QByteArray> parts = input.split('.'); parts.size() >= 2) {
        const QByteArray signingInput = parts[0] + '.' + parts[1];
        const QByteArray resigned = signingInput + '.' + hmac(signingInput, gatewayKey).toBase64(base64Url);
        const Jwt::Verification verification = Jwt::verify(resigned, gatewayKey, now, leeway);
        if (verification.ok())
            checkAccepted(resigned, gatewayKey, verification);
    }

    roundTrip(input.split('\n'), random);
    return 0;
}
