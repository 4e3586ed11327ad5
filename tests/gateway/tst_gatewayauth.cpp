// End to end through real loopback sockets: the key manager (token endpoint) and every
// authentication and authorisation answer of the gateway, each with its status, code and JSON body.
#include "GatewayFixture.h"
#include "TestHttpClient.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/Jwt.h"
#include "mock-llm/MockLlmServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <memory>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString codeOf(const TestResponse& response) {
    return response.json().value(QLatin1String("code")).toString();
}

// Empty when `response` is the gateway's error answer with this status and code; else what differs.
QString errorMismatch(const TestResponse& response, int status, const char* code) {
    if (response.status != status)
        return QStringLiteral("expected status %1, got %2").arg(status).arg(response.describe());
    if (!response.isJsonObject() || !response.header("Content-Type").startsWith("application/json"))
        return QStringLiteral("expected a JSON body, got %1").arg(response.describe());
    const QJsonObject json = response.json();
    if (json.value(QLatin1String("code")).toString() != QLatin1String(code))
        return QStringLiteral("expected code %1, got %2").arg(QLatin1String(code), response.describe());
    for (const char* field : {"message", "description"}) {
        if (json.value(QLatin1String(field)).toString().isEmpty())
            return QStringLiteral("no %1 in %2").arg(QLatin1String(field), response.describe());
    }
    return {};
}

QJsonObject payloadOf(const QByteArray& token) {
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), base64Url)).object();
}

QByteArray segment(const QByteArray& json) {
    return json.toBase64(base64Url);
}

// An HS256 token with exactly these claims, signed with `key`.
QByteArray signedWith(const QJsonObject& payload, const QByteArray& key) {
    const QByteArray input = segment(R"({"alg":"HS256","typ":"JWT"})") + '.' +
                             segment(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return input + '.' +
           QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256).toBase64(base64Url);
}

} // namespace

class TestGatewayAuth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_fixture = std::make_unique<GatewayFixture>();
        GatewayFixture& fixture = *m_fixture;
        QVERIFY2(fixture.init(&error), qPrintable(error));
        GatewayFixture::ApiSpec spec;
        m_apiId = fixture.addApi(spec, &error); // production endpoint only
        QVERIFY2(!m_apiId.isEmpty(), qPrintable(error));
        GatewayFixture::ApiSpec limitedSpec;
        limitedSpec.name = QStringLiteral("Limited");
        limitedSpec.context = QStringLiteral("limited");
        const QString limitedId = fixture.addApi(limitedSpec, &error);
        QVERIFY2(!limitedId.isEmpty(), qPrintable(error));
        BusinessPlan plan;
        plan.name = QStringLiteral("ThreePerMinute");
        plan.requestsPerMinute = 3;
        QVERIFY2(fixture.addPlan(plan, &error), qPrintable(error));

        const auto app = fixture.addApplication(QStringLiteral("App"), {m_apiId}, QStringLiteral("Unlimited"),
                                                Stage::Production, &error);
        QVERIFY2(app, qPrintable(error));
        m_app = *app;
        const auto sandbox = fixture.generateKeys(m_app.applicationId, Stage::Sandbox, &error);
        QVERIFY2(sandbox, qPrintable(error));
        m_sandbox = *sandbox;
        const auto stranger = fixture.addApplication(QStringLiteral("Stranger"), {},
                                                     QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(stranger, qPrintable(error));
        m_stranger = *stranger;
        const auto limited =
            fixture.addApplication(QStringLiteral("LimitedApp"), {limitedId},
                                   QStringLiteral("ThreePerMinute"), Stage::Production, &error);
        QVERIFY2(limited, qPrintable(error));
        m_limited = *limited;
        // Token quotas, counted from what the upstream reports, streams included.
        GatewayFixture::ApiSpec tokensSpec;
        tokensSpec.name = QStringLiteral("Tokens");
        tokensSpec.context = QStringLiteral("tokens");
        const QString tokensId = fixture.addApi(tokensSpec, &error);
        QVERIFY2(!tokensId.isEmpty(), qPrintable(error));
        BusinessPlan tokenPlan;
        tokenPlan.name = QStringLiteral("TwentyTokens");
        tokenPlan.totalTokensPerMinute = 20;
        QVERIFY2(fixture.addPlan(tokenPlan, &error), qPrintable(error));
        const auto tokenApp =
            fixture.addApplication(QStringLiteral("TokenApp"), {tokensId}, QStringLiteral("TwentyTokens"),
                                   Stage::Production, &error);
        QVERIFY2(tokenApp, qPrintable(error));
        m_tokenLimited = *tokenApp;
        // An application whose tokens live 15 minutes.
        const auto shortLived = fixture.addApplication(
            QStringLiteral("ShortLived"), {m_apiId}, QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(shortLived, qPrintable(error));
        m_shortLived = *shortLived;
        Application changed = *fixture.workspace().application(m_shortLived.applicationId);
        changed.tokenValiditySeconds = 900;
        QVERIFY2(fixture.workspace().saveApplication(changed).ok(&error), qPrintable(error));

        QVERIFY2(fixture.startGateway(&error), qPrintable(error));
        m_token = fixture.token(m_app, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        // The control: this token works.
        const TestResponse ok = fixture.chat(m_token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(ok.status == 200, qPrintable(ok.describe()));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void missingTokenIs401With900902() {
        const TestResponse response = m_fixture->chat(QByteArray(), chatBody(QStringLiteral("gpt-4o")));
        const QString mismatch = errorMismatch(response, 401, "900902");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY2(response.header("WWW-Authenticate").startsWith("Bearer"), qPrintable(response.describe()));
    }

    void badTokensAre401With900901_data() {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("reasonContains");
        const QByteArray key = signingKey();
        const QList<QByteArray> parts = m_token.split('.');
        QVERIFY(parts.size() == 3);
        const QByteArray payload = parts.at(1);

        JwtClaims claims = claimsFor(m_app);
        QTest::newRow("signed with another key")
            << "Bearer " + Jwt::sign(claims, "not-the-signing-key") << QStringLiteral("signature");
        // The payload changed after signing (a sandbox token made a production one, say).
        QJsonObject tampered = payloadOf(m_token);
        tampered.insert(QStringLiteral("exp"), tampered.value(QLatin1String("exp")).toInteger() + 86400);
        QTest::newRow("tampered payload")
            << "Bearer " + parts.at(0) + '.' +
                   segment(QJsonDocument(tampered).toJson(QJsonDocument::Compact)) + '.' + parts.at(2)
            << QStringLiteral("signature");
        QTest::newRow("alg none") << "Bearer " + segment(R"({"alg":"none","typ":"JWT"})") + '.' + payload +
                                         '.'
                                  << QStringLiteral("HS256");
        const QByteArray hs512Input = segment(R"({"alg":"HS512","typ":"JWT"})") + '.' + payload;
        QTest::newRow("alg HS512, properly signed")
            << "Bearer " + hs512Input + '.' +
                   QMessageAuthenticationCode::hash(hs512Input, key, QCryptographicHash::Sha512)
                       .toBase64(base64Url)
            << QStringLiteral("HS256");
        QTest::newRow("alg HS512 header, HS256 signature")
            << "Bearer " + segment(R"({"alg":"HS512","typ":"JWT"})") + '.' + payload + '.' + parts.at(2)
            << QStringLiteral("HS256");
        // Algorithm confusion the other way: an asymmetric algorithm named over an HMAC signature.
        QTest::newRow("alg RS256 header, HS256 signature")
            << "Bearer " + segment(R"({"alg":"RS256","typ":"JWT"})") + '.' + payload + '.' + parts.at(2)
            << QStringLiteral("HS256");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        claims.issuedAt = now;
        claims.expiresAt = now - 120; // beyond the verifier's 30 s leeway
        QTest::newRow("expired") << "Bearer " + Jwt::sign(claims, key) << QStringLiteral("expired");
        // Valid later, beyond the verifier's 30 s leeway for clock skew.
        QJsonObject early = payloadOf(m_token);
        early.insert(QStringLiteral("iat"), now);
        early.insert(QStringLiteral("nbf"), now + 120);
        early.insert(QStringLiteral("exp"), now + 600);
        QTest::newRow("nbf in the future")
            << "Bearer " + signedWith(early, key) << QStringLiteral("not valid yet");
        claims.issuedAt = now + 120;
        claims.expiresAt = now + 720;
        QTest::newRow("iat in the future")
            << "Bearer " + Jwt::sign(claims, key) << QStringLiteral("not valid yet");
        QTest::newRow("not a JWT") << QByteArray("Bearer not-a-jwt") << QString();
        QTest::newRow("two segments") << "Bearer " + parts.at(0) + '.' + parts.at(1) << QString();
        QTest::newRow("header not JSON")
            << "Bearer " + segment("header") + '.' + payload + '.' + parts.at(2) << QString();
        QTest::newRow("not base64") << QByteArray("Bearer !!!.???.***") << QString();
        QTest::newRow("Basic scheme") << "Basic " + QByteArray("user:password").toBase64() << QString();
        QTest::newRow("token without scheme") << m_token << QString();
    }
    void badTokensAre401With900901() {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, reasonContains);
        const TestResponse response = sendRequest(TestRequest::postJson(
            m_fixture->gatewayUrl(GatewayFixture::chatPath()), chatBody(QStringLiteral("gpt-4o")), {},
            {{"Authorization", authorization}}));
        const QString mismatch = errorMismatch(response, 401, "900901");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY2(response.header("WWW-Authenticate").startsWith("Bearer"), qPrintable(response.describe()));
        if (!reasonContains.isEmpty())
            QVERIFY2(response.json().value(QLatin1String("description")).toString().contains(reasonContains),
                     qPrintable(response.describe()));
    }

    void tokenWithinTheClockLeewayIsAccepted() {
        // The control for the time claims above: a few seconds of clock skew between machines is fine.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject claims = payloadOf(m_token);
        claims.insert(QStringLiteral("iat"), now + 10);
        claims.insert(QStringLiteral("nbf"), now + 10);
        claims.insert(QStringLiteral("exp"), now + 600);
        const TestResponse response =
            m_fixture->chat(signedWith(claims, signingKey()), chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
    }

    void tokenSignedWithTheWorkspaceKeyIsAccepted() {
        // The control for the crafted tokens above: same key, same claims, valid times.
        JwtClaims claims = claimsFor(m_app);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        claims.issuedAt = now;
        claims.expiresAt = now + 600;
        const TestResponse response =
            m_fixture->chat(Jwt::sign(claims, signingKey()), chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
    }

    void unsubscribedApplicationIs403With900908() {
        QString error;
        const QByteArray token = m_fixture->token(m_stranger, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        const TestResponse response = m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o")));
        const QString mismatch = errorMismatch(response, 403, "900908");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(m_fixture->mockStats().value(QStringLiteral("o3-mini")), 0);
    }

    void sandboxTokenWithoutSandboxEndpointIs401() {
        QString error;
        const QByteArray token = m_fixture->token(m_sandbox, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        QCOMPARE(payloadOf(token).value(QLatin1String("keytype")).toString(), QStringLiteral("SANDBOX"));
        const TestResponse response = m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o")));
        QCOMPARE(response.status, 401);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
        QVERIFY(!codeOf(response).isEmpty());
        const QJsonObject json = response.json();
        const QString text = json.value(QLatin1String("message")).toString() + QLatin1Char(' ') +
                             json.value(QLatin1String("description")).toString();
        QVERIFY2(text.contains(QLatin1String("sandbox"), Qt::CaseInsensitive),
                 qPrintable(response.describe()));
    }

    void planQuotaIs429With900804() {
        // The quota window is the calendar minute: do not straddle its end.
        const qint64 intoMinute = QDateTime::currentMSecsSinceEpoch() % 60000;
        if (intoMinute > 55000)
            QTest::qWait(int(60000 - intoMinute) + 100);
        QString error;
        const QByteArray token = m_fixture->token(m_limited, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        for (int i = 0; i < 3; ++i) {
            const TestResponse response =
                m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o")), QStringLiteral("/limited/1.0.0"));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
        }
        const TestResponse response =
            m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o")), QStringLiteral("/limited/1.0.0"));
        const QString mismatch = errorMismatch(response, 429, "900804");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        bool numeric = false;
        const int retryAfter = response.header("Retry-After").toInt(&numeric);
        QVERIFY2(numeric && retryAfter >= 1 && retryAfter <= 60, qPrintable(response.describe()));
        const QDateTime next = QDateTime::fromString(
            response.json().value(QLatin1String("nextAccessTime")).toString(), Qt::ISODate);
        QVERIFY2(next.isValid(), qPrintable(response.describe()));
        const qint64 untilNext = QDateTime::currentDateTimeUtc().secsTo(next);
        QVERIFY2(untilNext >= 0 && untilNext <= 60, qPrintable(response.describe()));
        QVERIFY2(qAbs(untilNext - retryAfter) <= 2, qPrintable(response.describe()));
    }

    void tokenQuotaCountsStreamedUsage() {
        const qint64 intoMinute = QDateTime::currentMSecsSinceEpoch() % 60000;
        if (intoMinute > 55000)
            QTest::qWait(int(60000 - intoMinute) + 100);
        QString error;
        const QByteArray token = m_fixture->token(m_tokenLimited, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        AccessLog& log = m_fixture->gateway().runtime()->accessLog();
        // Each streamed answer uses 17 tokens (the gateway asks the mock for the usage the client did not
        // ask for): two fit under 20 (the second starts at 17), the third does not.
        for (int i = 0; i < 2; ++i) {
            const qint64 before = log.totalRecords();
            const TestResponse response = m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o"), true),
                                                          QStringLiteral("/tokens/1.0.0"));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QVERIFY2(!response.body.contains("usage"), response.body.constData());
            QTRY_COMPARE(log.totalRecords(), before + 1); // usage is counted when the stream ends
            QCOMPARE(log.recent(1).front().totalTokens, 17);
        }
        const TestResponse response =
            m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o"), true), QStringLiteral("/tokens/1.0.0"));
        const QString mismatch = errorMismatch(response, 429, "900804");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY2(
            response.json().value(QLatin1String("description")).toString().contains(QLatin1String("tokens")),
            qPrintable(response.describe()));
        QVERIFY(response.hasHeader("Retry-After"));
    }

    void tokenValidityIsTheApplications() {
        const TestResponse response = tokenRequest("grant_type=client_credentials", basicAuth(m_shortLived));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QLatin1String("expires_in")).toInteger(), 900);
        const QJsonObject claims =
            payloadOf(response.json().value(QLatin1String("access_token")).toString().toUtf8());
        QCOMPARE(claims.value(QLatin1String("exp")).toInteger() -
                     claims.value(QLatin1String("iat")).toInteger(),
                 900);
    }

    void unknownApiOrResourceIs404With900906_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown context") << QStringLiteral("/nothing/1.0.0/chat/completions");
        QTest::newRow("unknown version") << QStringLiteral("/smartchat/9.9.9/chat/completions");
        QTest::newRow("unknown resource") << QStringLiteral("/smartchat/1.0.0/no/such/resource");
        QTest::newRow("root") << QStringLiteral("/");
    }
    void unknownApiOrResourceIs404With900906() {
        QFETCH(QString, path);
        const TestResponse response = sendRequest(
            TestRequest::postJson(m_fixture->gatewayUrl(path), chatBody(QStringLiteral("gpt-4o")), m_token));
        const QString mismatch = errorMismatch(response, 404, "900906");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void knownResourceWrongMethodIs405() {
        const TestResponse response = sendRequest(TestRequest::get(
            m_fixture->gatewayUrl(GatewayFixture::chatPath()), {{"Authorization", "Bearer " + m_token}}));
        QCOMPARE(response.status, 405);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
        QVERIFY(!codeOf(response).isEmpty());
        QVERIFY2(response.header("Allow").contains("POST"), qPrintable(response.describe()));
    }

    void regeneratingKeysRevokesEarlierTokens() {
        GatewayFixture& fixture = *m_fixture;
        QString error;
        const auto rotating = fixture.addApplication(QStringLiteral("Rotating"), {m_apiId},
                                                     QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(rotating, qPrintable(error));
        QVERIFY2(fixture.reloadGateway(&error), qPrintable(error));
        const QByteArray before = fixture.token(*rotating, &error);
        QVERIFY2(!before.isEmpty(), qPrintable(error));
        TestResponse response = fixture.chat(before, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));

        const auto regenerated = fixture.generateKeys(rotating->applicationId, Stage::Production, &error);
        QVERIFY2(regenerated, qPrintable(error));
        QVERIFY2(fixture.reloadGateway(&error), qPrintable(error));
        response = fixture.chat(before, chatBody(QStringLiteral("gpt-4o")));
        const QString mismatch = errorMismatch(response, 401, "900901");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY2(response.header("WWW-Authenticate").startsWith("Bearer") &&
                     response.header("WWW-Authenticate").contains("invalid_token"),
                 qPrintable(response.describe()));
        // The old credentials get no new token; the new ones do, and it works.
        const TestResponse refused = tokenRequest("grant_type=client_credentials", basicAuth(*rotating));
        QCOMPARE(refused.status, 401);
        const QByteArray after = fixture.token(*regenerated, &error);
        QVERIFY2(!after.isEmpty(), qPrintable(error));
        response = fixture.chat(after, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
    }

    void newApplicationsAreNoticedWithoutReload() {
        // Whoever creates an application (GUI, gatehouse-ctl), the running gateway picks it up.
        QString error;
        const auto late = m_fixture->addApplication(QStringLiteral("Late"), {m_apiId},
                                                    QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(late, qPrintable(error));
        const QByteArray basic = basicAuth(*late);
        QTRY_COMPARE_WITH_TIMEOUT(tokenRequest("grant_type=client_credentials", basic).status, 200, 1500);
        const QByteArray token = m_fixture->token(*late, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        const TestResponse response = m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
    }

    void unsubscribingOrRemovingAnApplicationEndsItsAccess() {
        GatewayFixture& fixture = *m_fixture;
        QString error;
        const auto leaving = fixture.addApplication(QStringLiteral("Leaving"), {m_apiId},
                                                    QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(leaving, qPrintable(error));
        QVERIFY2(fixture.reloadGateway(&error), qPrintable(error));
        const QByteArray token = fixture.token(*leaving, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        TestResponse response = fixture.chat(token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));

        Application unsubscribed = *fixture.workspace().application(leaving->applicationId);
        unsubscribed.subscriptions.clear();
        QVERIFY2(fixture.workspace().saveApplication(unsubscribed).ok(&error), qPrintable(error));
        QVERIFY2(fixture.reloadGateway(&error), qPrintable(error));
        response = fixture.chat(token, chatBody(QStringLiteral("gpt-4o")));
        QString mismatch = errorMismatch(response, 403, "900908");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

        QVERIFY2(fixture.workspace().removeApplication(leaving->applicationId).ok(&error), qPrintable(error));
        QVERIFY2(fixture.reloadGateway(&error), qPrintable(error));
        response = fixture.chat(token, chatBody(QStringLiteral("gpt-4o")));
        mismatch = errorMismatch(response, 401, "900901");
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void tokenEndpointAnswersClientCredentials() {
        const TestResponse response = tokenRequest("grant_type=client_credentials", basicAuth(m_app));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject json = response.json();
        const QByteArray token = json.value(QLatin1String("access_token")).toString().toUtf8();
        QCOMPARE(token.count('.'), 2);
        QCOMPARE(json.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(json.value(QLatin1String("expires_in")).toInteger(), 3600);
        QCOMPARE(json.value(QLatin1String("scope")).toString(), QStringLiteral("default"));
        const QJsonObject claims = payloadOf(token);
        QCOMPARE(claims.value(QLatin1String("sub")).toString(), m_app.consumerKey);
        QCOMPARE(claims.value(QLatin1String("keytype")).toString(), QStringLiteral("PRODUCTION"));
        QVERIFY(!claims.value(QLatin1String("jti")).toString().isEmpty());
        QCOMPARE(claims.value(QLatin1String("exp")).toInteger() -
                     claims.value(QLatin1String("iat")).toInteger(),
                 3600);
        QCOMPARE(claims.value(QLatin1String("application")).toObject().value(QLatin1String("id")).toString(),
                 m_app.applicationId);
    }

    void tokenEndpointAcceptsFormCredentialsAndValidity() {
        const QByteArray form =
            "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(m_app.consumerKey) +
            "&client_secret=" + QUrl::toPercentEncoding(m_app.consumerSecret) + "&validity_period=120";
        const TestResponse response = tokenRequest(form, {});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QLatin1String("expires_in")).toInteger(), 120);
        const QByteArray token = response.json().value(QLatin1String("access_token")).toString().toUtf8();
        const TestResponse call = m_fixture->chat(token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(call.status == 200, qPrintable(call.describe()));
    }

    void tokenEndpointRefusesBadRequests_data() {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<bool>("withBasic");
        QTest::addColumn<bool>("wrongSecret");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("oauthError");
        QTest::newRow("wrong secret") << QByteArray("grant_type=client_credentials") << true << true << 401
                                      << QStringLiteral("invalid_client");
        QTest::newRow("no credentials") << QByteArray("grant_type=client_credentials") << false << false
                                        << 401 << QStringLiteral("invalid_client");
        QTest::newRow("unknown client_id")
            << QByteArray("grant_type=client_credentials&client_id=nobody&client_secret=x") << false << false
            << 401 << QStringLiteral("invalid_client");
        QTest::newRow("password grant") << QByteArray("grant_type=password&username=a&password=b") << true
                                        << false << 400 << QStringLiteral("unsupported_grant_type");
        QTest::newRow("no grant_type")
            << QByteArray("scope=default") << true << false << 400 << QStringLiteral("invalid_request");
    }
    void tokenEndpointRefusesBadRequests() {
        QFETCH(QByteArray, form);
        QFETCH(bool, withBasic);
        QFETCH(bool, wrongSecret);
        QFETCH(int, status);
        QFETCH(QString, oauthError);
        GatewayFixture::Credentials credentials = m_app;
        if (wrongSecret)
            credentials.consumerSecret += QLatin1Char('x');
        const TestResponse response = tokenRequest(form, withBasic ? basicAuth(credentials) : QByteArray());
        QCOMPARE(response.status, status);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
        QCOMPARE(response.json().value(QLatin1String("error")).toString(), oauthError);
        QVERIFY(!response.json().value(QLatin1String("error_description")).toString().isEmpty());
        QVERIFY(!response.json().contains(QLatin1String("access_token")));
        if (status == 401)
            QVERIFY(response.hasHeader("WWW-Authenticate"));
    }

    void tokenEndpointWantsPost() {
        const TestResponse response =
            sendRequest(TestRequest::get(m_fixture->gatewayUrl(QStringLiteral("/oauth2/token"))));
        QCOMPARE(response.status, 405);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
    }

private:
    QByteArray signingKey() const {
        return m_fixture->secrets().read(SecretStore::tokenSigningKeyName()).value.toUtf8();
    }

    static JwtClaims claimsFor(const GatewayFixture::Credentials& credentials) {
        JwtClaims claims;
        claims.consumerKey = credentials.consumerKey;
        claims.applicationId = credentials.applicationId;
        claims.applicationName = QStringLiteral("App");
        claims.keyType = stageKeyTypeName(credentials.keyType);
        claims.issuedAt = QDateTime::currentSecsSinceEpoch();
        claims.expiresAt = claims.issuedAt + 600;
        claims.jti = QStringLiteral("crafted-by-the-test");
        return claims;
    }

    static QByteArray basicAuth(const GatewayFixture::Credentials& credentials) {
        return "Basic " +
               (credentials.consumerKey + QLatin1Char(':') + credentials.consumerSecret).toUtf8().toBase64();
    }

    TestResponse tokenRequest(const QByteArray& form, const QByteArray& authorization) const {
        HeaderList headers{{"Content-Type", "application/x-www-form-urlencoded"}};
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        return sendRequest(
            TestRequest::post(m_fixture->gatewayUrl(QStringLiteral("/oauth2/token")), form, headers));
    }

    std::unique_ptr<GatewayFixture> m_fixture;
    QString m_apiId;
    GatewayFixture::Credentials m_app;
    GatewayFixture::Credentials m_sandbox;
    GatewayFixture::Credentials m_stranger;
    GatewayFixture::Credentials m_limited;
    GatewayFixture::Credentials m_tokenLimited;
    GatewayFixture::Credentials m_shortLived;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(TestGatewayAuth)
#include "tst_gatewayauth.moc"
