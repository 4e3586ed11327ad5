#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

// What a Gatehouse access token says about its bearer.
struct JwtClaims {
    QString consumerKey;
    QString applicationId;
    QString applicationName;
    QString keyType; // "PRODUCTION" / "SANDBOX"
    QString scope = QStringLiteral("default");
    qint64 issuedAt = 0;  // seconds since the epoch
    qint64 expiresAt = 0; // seconds since the epoch
    qint64 notBefore = 0; // seconds since the epoch; 0 when the token has no nbf claim
    QString jti;
};

// Self-contained access tokens: HS256 JSON Web Tokens, so gateway replicas need no shared session
// state. Verification accepts exactly the algorithm it issues (no "none", no algorithm confusion)
// and compares signatures in constant time.
class Jwt {
public:
    enum class Failure { None, Malformed, UnsupportedAlgorithm, BadSignature, Expired, NotYetValid };

    static QByteArray sign(const JwtClaims& claims, const QByteArray& key);

    struct Verification {
        Failure failure = Failure::None;
        QString reason; // for the error description
        JwtClaims claims;
        bool ok() const { return failure == Failure::None; }
    };
    static Verification verify(const QByteArray& token, const QByteArray& key, qint64 now,
                               qint64 leewaySeconds = 30);
    // The time checks of verify() alone, for claims verified earlier (VerifiedTokenCache).
    static Verification checkTimes(const JwtClaims& claims, qint64 now, qint64 leewaySeconds = 30);

    static bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
};

} // namespace gatehouse
