#include "gateway/Jwt.h"
#include "gateway/VerifiedTokenCache.h"

#include <QTest>
#include <limits>

using gatehouse::Jwt;
using gatehouse::JwtClaims;
using gatehouse::VerifiedTokenCache;

namespace {
const QByteArray signingKey = QByteArrayLiteral("a-signing-key-of-the-gateway-0123456789");
constexpr qint64 issued = 1'800'000'000;

JwtClaims claims(const QString& jti = QStringLiteral("jti-1")) {
    JwtClaims c;
    c.consumerKey = QStringLiteral("ck");
    c.applicationId = QStringLiteral("app");
    c.applicationName = QStringLiteral("App");
    c.keyType = QStringLiteral("PRODUCTION");
    c.issuedAt = issued;
    c.expiresAt = issued + 3600;
    c.jti = jti;
    return c;
}
} // namespace

class TestVerifiedTokenCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cachedTokenKeepsItsClaims() {
        VerifiedTokenCache cache;
        const QByteArray token = Jwt::sign(claims(), signingKey);
        QVERIFY(cache.verify(token, signingKey, issued + 1).ok());
        QCOMPARE(cache.size(), 1);
        const Jwt::Verification again = cache.verify(token, signingKey, issued + 2);
        QVERIFY(again.ok());
        QCOMPARE(again.claims.jti, QStringLiteral("jti-1"));
        QCOMPARE(again.claims.consumerKey, QStringLiteral("ck"));
        QCOMPARE(again.claims.expiresAt, issued + 3600);
    }

    void aHitStillExpires() {
        VerifiedTokenCache cache;
        const QByteArray token = Jwt::sign(claims(), signingKey);
        QVERIFY(cache.verify(token, signingKey, issued + 1).ok());
        const Jwt::Verification late = cache.verify(token, signingKey, issued + 3600 + 31);
        QCOMPARE(late.failure, Jwt::Failure::Expired);
        QCOMPARE(cache.size(), 0);
    }

    void alteredTokenIsVerifiedAndRefused() {
        VerifiedTokenCache cache;
        const QByteArray token = Jwt::sign(claims(), signingKey);
        QVERIFY(cache.verify(token, signingKey, issued + 1).ok());
        QByteArray tampered = token;
        tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
        QCOMPARE(cache.verify(tampered, signingKey, issued + 1).failure, Jwt::Failure::BadSignature);
        QCOMPARE(cache.size(), 1); // failures are never cached
    }

    // Found by tests/fuzz/fuzz_jwt: the expiry check computed exp + leeway, a signed overflow (UB)
    // for a validly signed token whose exp is near the largest qint64; the cache checks it again.
    void farFutureExpiryIsValidWithoutOverflow() {
        JwtClaims forever = claims();
        forever.expiresAt = std::numeric_limits<qint64>::max();
        const QByteArray token = Jwt::sign(forever, signingKey);
        QVERIFY(Jwt::verify(token, signingKey, issued + 1).ok());
        VerifiedTokenCache cache;
        QVERIFY(cache.verify(token, signingKey, issued + 1).ok());
        QVERIFY(cache.verify(token, signingKey, issued + 2).ok());
    }

    void newSigningKeyForgetsEverything() {
        VerifiedTokenCache cache;
        const QByteArray token = Jwt::sign(claims(), signingKey);
        QVERIFY(cache.verify(token, signingKey, issued + 1).ok());
        QCOMPARE(cache.verify(token, QByteArrayLiteral("another-key-entirely-0123456789abcdef"), issued + 1)
                     .failure,
                 Jwt::Failure::BadSignature);
        QCOMPARE(cache.size(), 0);
    }

    void stayingWithinCapacity() {
        VerifiedTokenCache cache(4);
        for (int i = 0; i < 10; ++i)
            QVERIFY(
                cache.verify(Jwt::sign(claims(QString::number(i)), signingKey), signingKey, issued + 1).ok());
        QVERIFY(cache.size() <= 4);
        QVERIFY(cache.size() >= 1);
    }

    void notYetValidTokenIsRefusedWithoutCaching() {
        VerifiedTokenCache cache;
        const QByteArray token = Jwt::sign(claims(), signingKey);
        QCOMPARE(cache.verify(token, signingKey, issued - 600).failure, Jwt::Failure::NotYetValid);
        QCOMPARE(cache.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVerifiedTokenCache)
#include "tst_verifiedtokencache.moc"
