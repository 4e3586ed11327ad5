// The token manager against a real gateway over loopback: caching, shared requests, re-fetching
// before expiry, decoded claims and the errors users see.
#include "GatewayFixture.h"
#include "console/TokenManager.h"
#include "core/Workspace.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

ConsoleCredentials consoleCredentials(const GatewayFixture::Credentials& credentials) {
    return {credentials.applicationId, credentials.keyType, credentials.consumerKey,
            credentials.consumerSecret};
}

// Fetches and waits for the answer.
Result<AccessToken> fetchNow(TokenManager& tokens, const ConsoleCredentials& credentials,
                             bool force = false) {
    std::optional<Result<AccessToken>> answer;
    tokens.fetch(
        credentials, [&answer](Result<AccessToken> result) { answer = std::move(result); }, force);
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        return Result<AccessToken>::failure(QStringLiteral("no answer within 10 s"));
    return std::move(*answer);
}

} // namespace

class TestTokenManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cachedTokenIsReusedAndClaimsDecoded() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        QSignalSpy changed(&tokens, &TokenManager::tokenChanged);
        const ConsoleCredentials credentials = consoleCredentials(scenario.credentials);

        const Result<AccessToken> first = fetchNow(tokens, credentials);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        const Result<AccessToken> second = fetchNow(tokens, credentials);
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QCOMPARE(second->value, first->value);
        QCOMPARE(tokens.requestsSent(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), credentials.applicationId);
        QCOMPARE(changed.at(0).at(1).value<Stage>(), Stage::Production);

        // Decoded claims and expiry: an hour, the application's default validity.
        const AccessToken& token = first.value();
        QVERIFY(token.claims.is_object());
        QCOMPARE(toQString(token.claims.value("keytype", std::string())), QStringLiteral("PRODUCTION"));
        QCOMPARE(toQString(token.claims["application"].value("id", std::string())),
                 credentials.applicationId);
        QCOMPARE(toQString(token.claims.value("azp", std::string())), credentials.consumerKey);
        QCOMPARE(token.scope, QStringLiteral("default"));
        QVERIFY(qAbs(token.issuedAt.secsTo(token.expiresAt) - 3600) <= 1);
        QVERIFY(tokens.cached(credentials.applicationId, Stage::Production));
        QVERIFY(!tokens.cached(credentials.applicationId, Stage::Sandbox));
        // The token works at the gateway.
        const TestResponse response = scenario.fixture.chat(token.value, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));

        // A forced refresh asks again; invalidate() forgets.
        const Result<AccessToken> forced = fetchNow(tokens, credentials, true);
        QVERIFY2(forced.ok(), qPrintable(forced.error()));
        QVERIFY(forced->value != first->value);
        QCOMPARE(tokens.requestsSent(), 2);
        tokens.invalidate(credentials.applicationId, Stage::Production);
        QVERIFY(!tokens.cached(credentials.applicationId, Stage::Production));
        QCOMPARE(changed.count(), 3);
    }

    void concurrentFetchesShareOneRequest() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        const ConsoleCredentials credentials = consoleCredentials(scenario.credentials);
        QStringList values;
        for (int i = 0; i < 5; ++i) {
            tokens.fetch(credentials, [&values](Result<AccessToken> result) {
                values.append(result ? QString::fromUtf8(result->value)
                                     : QStringLiteral("!") + result.error());
            });
        }
        QVERIFY(tokens.isFetching(credentials.applicationId, Stage::Production));
        QVERIFY(values.isEmpty()); // never called back before fetch() returns
        QTRY_COMPARE_WITH_TIMEOUT(values.size(), 5, 10000);
        QCOMPARE(tokens.requestsSent(), 1);
        QCOMPARE(values.count(values.first()), 5);
        QVERIFY2(!values.first().startsWith(QLatin1Char('!')), qPrintable(values.first()));
    }

    void refetchBeforeExpiry() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        // Three-second tokens, re-fetched when two seconds or less remain: usable for about one second.
        Application application =
            *scenario.fixture.workspace().application(scenario.credentials.applicationId);
        application.tokenValiditySeconds = 3;
        QVERIFY2(scenario.fixture.workspace().saveApplication(application).ok(&error), qPrintable(error));
        QVERIFY2(scenario.fixture.reloadGateway(&error), qPrintable(error));

        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        const ConsoleCredentials credentials = consoleCredentials(scenario.credentials);
        const Result<AccessToken> first = fetchNow(tokens, credentials);
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QVERIFY(qAbs(first->issuedAt.msecsTo(first->expiresAt) - 3000) < 50);
        // The default 60 s margin is longer than the token lives: it is capped, not applied.
        const Result<AccessToken> again = fetchNow(tokens, credentials);
        QCOMPARE(again->value, first->value);
        tokens.setRefreshMarginSeconds(2);
        QCOMPARE(fetchNow(tokens, credentials)->value, first->value);
        QCOMPARE(tokens.requestsSent(), 1);
        QCOMPARE(tokens.refreshAt(credentials.applicationId, Stage::Production),
                 first->expiresAt.addSecs(-2));

        QTest::qWait(1200); // now inside the margin
        QVERIFY(!tokens.usable(credentials.applicationId, Stage::Production));
        QVERIFY(tokens.cached(credentials.applicationId, Stage::Production)); // still shown, not expired
        const Result<AccessToken> renewed = fetchNow(tokens, credentials);
        QVERIFY2(renewed.ok(), qPrintable(renewed.error()));
        QVERIFY(renewed->value != first->value);
        QCOMPARE(tokens.requestsSent(), 2);
        QCOMPARE(tokens.cached(credentials.applicationId, Stage::Production)->value, renewed->value);
    }

    void errorsAreOneClearSentence() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        TokenManager tokens;
        tokens.setGatewayUrl(scenario.fixture.gatewayUrl(QString()));
        ConsoleCredentials wrong = consoleCredentials(scenario.credentials);
        wrong.consumerSecret = QStringLiteral("not-the-secret");
        Result<AccessToken> result = fetchNow(tokens, wrong);
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), QStringLiteral("The gateway refused the token request (HTTP 401): unknown "
                                                "consumer key or wrong consumer secret."));
        QVERIFY(!tokens.cached(wrong.applicationId, Stage::Production));

        ConsoleCredentials none = wrong;
        none.consumerSecret.clear();
        result = fetchNow(tokens, none);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QStringLiteral("generate its keys")), qPrintable(result.error()));

        // A port nobody listens on.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        TokenManager unreachable;
        unreachable.setGatewayUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        result = fetchNow(unreachable, consoleCredentials(scenario.credentials));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().startsWith(
                     QStringLiteral("Cannot get a token from http://127.0.0.1:%1/oauth2/token: ").arg(port)),
                 qPrintable(result.error()));
        QVERIFY(result.error().endsWith(QLatin1Char('.')));

        TokenManager unset;
        result = fetchNow(unset, consoleCredentials(scenario.credentials));
        QVERIFY(!result.ok());
    }

    void claimsOfAnythingButAJwtAreNull() {
        QVERIFY(TokenManager::decodeClaims("opaque-token").is_null());
        QVERIFY(TokenManager::decodeClaims("a.!!!.c").is_null());
        const QByteArray payload =
            QByteArray(R"({"sub":"x"})")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QVERIFY(TokenManager::decodeClaims("e30." + payload + ".sig") == Json::parse(R"({"sub":"x"})"));
    }
};

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
