// End to end through real loopback sockets: the model routers of the seed tutorial, the request
// model rewrite, bypass for an empty key-type list, and what the gateway forwards upstream.
#include "GatewayFixture.h"
#include "RecordingUpstream.h"
#include "TestHttpClient.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "mock-llm/MockLlmServer.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// The tutorial's router configuration (WSO2's Publisher stores the same JSON single-quoted).
const QByteArray seedConfig = R"({"production":[
    {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},
    {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],
    "sandbox":[],"suspendDuration":30})";

QString modelOf(const TestResponse& response) {
    return response.json().value(QLatin1String("model")).toString();
}

// The models a sequence of requests for `requested` was sent to, as the client saw them; an entry
// "!<status>" for a failed request.
QStringList routeSequence(Scenario& scenario, int requests,
                          const QString& requested = QStringLiteral("o3-mini")) {
    QStringList models;
    for (int i = 0; i < requests; ++i) {
        const TestResponse response = scenario.fixture.chat(scenario.token, chatBody(requested));
        models.append(response.status == 200 ? modelOf(response) : QStringLiteral("!") + response.describe());
    }
    return models;
}

} // namespace

class TestGatewayRouting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seedSplitsExactlyTenTenAlternating() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(
                     specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), seedConfig)),
                     &error),
                 qPrintable(error));

        QStringList models;
        int gpt4o = 0;
        int gpt4oMini = 0;
        for (int i = 0; i < 20; ++i) {
            const TestResponse response =
                scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const QString model = modelOf(response);
            // The answer says which model served it, and the gateway's header agrees.
            QCOMPARE(QString::fromUtf8(response.header("X-Gatehouse-Model")), model);
            QCOMPARE(response.header("X-Gatehouse-Endpoint"), QByteArray("default_production_endpoint"));
            models.append(model);
            gpt4o += model == QLatin1String("gpt-4o");
            gpt4oMini += model == QLatin1String("gpt-4o-mini");
        }
        QCOMPARE(gpt4o, 10);
        QCOMPARE(gpt4oMini, 10);
        for (int i = 1; i < models.size(); ++i)
            QVERIFY2(models.at(i) != models.at(i - 1), qPrintable(models.join(QLatin1Char(' '))));

        // The upstream agrees: nothing reached it under the client's model.
        const QMap<QString, qint64> stats = scenario.fixture.mockStats(&error);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 10);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 10);
        QCOMPARE(stats.value(QStringLiteral("o3-mini")), 0);

        // The endpoint key lives in the secret store only.
        scenario.fixture.gateway().stop();
        QDirIterator files(scenario.fixture.workspaceDirectory(), QDir::Files | QDir::Hidden,
                           QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("sk-test"), qPrintable(file.fileName()));
            ++checked;
        }
        QVERIFY(checked >= 4); // workspace.json, api.json, a revision, deployments.json, the application...
    }

    void roundRobinCyclesEvenly() {
        Scenario scenario;
        QString error;
        const QByteArray config = R"({"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint"},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint"},
            {"model":"o3-mini","endpointId":"default_production_endpoint"}],"sandbox":[],"suspendDuration":0})";
        QVERIFY2(scenario.setUp(specWith(GatewayFixture::router(QStringLiteral("modelRoundRobin"), config)),
                                &error),
                 qPrintable(error));
        const QStringList models = routeSequence(scenario, 9, QStringLiteral("some-model"));
        QCOMPARE(models,
                 QStringList(
                     {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"), QStringLiteral("o3-mini"),
                      QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"), QStringLiteral("o3-mini"),
                      QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"), QStringLiteral("o3-mini")}));
        const QMap<QString, qint64> stats = scenario.fixture.mockStats();
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 3);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 3);
        QCOMPARE(stats.value(QStringLiteral("o3-mini")), 3);
    }

    void weightedThreeToOneNeverBursts() {
        Scenario scenario;
        QString error;
        const QByteArray config = R"({"production":[
            {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":3},
            {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]})";
        QVERIFY2(
            scenario.setUp(
                specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), config)), &error),
            qPrintable(error));
        const QString a = QStringLiteral("gpt-4o");
        const QString b = QStringLiteral("gpt-4o-mini");
        QCOMPARE(routeSequence(scenario, 8), QStringList({a, a, b, a, a, a, b, a}));
    }

    void bodyWithoutModelGetsOneInserted() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(
                     specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), seedConfig)),
                     &error),
                 qPrintable(error));
        // The mock answers 400 to a body without a model: a 200 proves the gateway inserted one.
        const TestResponse response = scenario.fixture.chat(scenario.token, chatBody(QString()));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(modelOf(response), QStringLiteral("gpt-4o"));
        QCOMPARE(response.header("X-Gatehouse-Model"), QByteArray("gpt-4o"));
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o")), 1);
    }

    void bodyThatIsNotAnObjectIs400_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array") << QByteArray(R"([{"model":"gpt-4o"}])");
        QTest::newRow("string") << QByteArray(R"("gpt-4o")");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("not JSON") << QByteArray("model=gpt-4o");
        QTest::newRow("truncated JSON") << QByteArray(R"({"model":"gpt-4o")");
        QTest::newRow("empty") << QByteArray();
    }
    void bodyThatIsNotAnObjectIs400() {
        QFETCH(QByteArray, body);
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(
                     specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), seedConfig)),
                     &error),
                 qPrintable(error));
        const TestResponse response = scenario.fixture.chat(scenario.token, body);
        QCOMPARE(response.status, 400);
        QVERIFY2(response.isJsonObject(), qPrintable(response.describe()));
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        const QJsonObject json = response.json();
        QCOMPARE(json.value(QLatin1String("code")).toString(), QStringLiteral("102511"));
        for (const char* field : {"code", "message", "description"})
            QVERIFY2(!json.value(QLatin1String(field)).toString().isEmpty(), field);
        QVERIFY(scenario.fixture.mockStats().isEmpty()); // nothing went upstream
    }

    void emptySandboxListBypassesRouting() {
        GatewayFixture fixture;
        QString error;
        QVERIFY2(fixture.init(&error), qPrintable(error));
        GatewayFixture::ApiSpec spec =
            specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), seedConfig));
        spec.sandboxUrl = fixture.mock().baseUrl();
        const QString apiId = fixture.addApi(spec, &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const auto sandbox = fixture.addApplication(QStringLiteral("SandboxApp"), {apiId},
                                                    QStringLiteral("Unlimited"), Stage::Sandbox, &error);
        QVERIFY2(sandbox, qPrintable(error));
        const auto production = fixture.generateKeys(sandbox->applicationId, Stage::Production, &error);
        QVERIFY2(production, qPrintable(error));
        QVERIFY2(fixture.startGateway(&error), qPrintable(error));
        const QByteArray sandboxToken = fixture.token(*sandbox, &error);
        QVERIFY2(!sandboxToken.isEmpty(), qPrintable(error));

        for (int i = 0; i < 3; ++i) {
            const TestResponse response = fixture.chat(sandboxToken, chatBody(QStringLiteral("o3-mini")));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(modelOf(response), QStringLiteral("o3-mini"));
            QCOMPARE(response.header("X-Gatehouse-Endpoint"), QByteArray("default_sandbox_endpoint"));
            const QByteArray modelHeader = response.header("X-Gatehouse-Model");
            QVERIFY2(modelHeader.isEmpty() || modelHeader == "o3-mini", modelHeader.constData());
        }
        QMap<QString, qint64> stats = fixture.mockStats();
        QCOMPARE(stats.value(QStringLiteral("o3-mini")), 3);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o")), 0);
        QCOMPARE(stats.value(QStringLiteral("gpt-4o-mini")), 0);

        // The same API still routes production tokens.
        const QByteArray productionToken = fixture.token(*production, &error);
        QVERIFY2(!productionToken.isEmpty(), qPrintable(error));
        const TestResponse routed = fixture.chat(productionToken, chatBody(QStringLiteral("o3-mini")));
        QVERIFY2(routed.status == 200, qPrintable(routed.describe()));
        QCOMPARE(modelOf(routed), QStringLiteral("gpt-4o"));
        QCOMPARE(routed.header("X-Gatehouse-Endpoint"), QByteArray("default_production_endpoint"));
    }

    void upstreamGetsEndpointKeyNotClientCredentials() {
        RecordingUpstream upstream;
        QString error;
        QVERIFY2(upstream.listen(&error), qPrintable(error));
        upstream.setResponse(200, R"({"id":"x","object":"chat.completion","model":"gpt-4o","choices":[]})",
                             {{"Content-Type", "application/json"},
                              {"Connection", "close, X-Upstream-Hop"},
                              {"X-Upstream-Hop", "hop"},
                              {"Keep-Alive", "timeout=5"},
                              {"X-Upstream-End", "kept"}});
        GatewayFixture fixture;
        QVERIFY2(fixture.init(&error), qPrintable(error));
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = upstream.origin() + QStringLiteral("/v1");
        spec.endpointKey = QStringLiteral("sk-upstream-secret");
        spec.chatPolicies = {
            GatewayFixture::router(
                QStringLiteral("modelWeightedRoundRobin"),
                R"({"production":[{"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],
                                       "sandbox":[]})"),
            GatewayFixture::header(QStringLiteral("addHeader"), QStringLiteral("X-Added"),
                                   QStringLiteral("by-policy")),
            GatewayFixture::header(QStringLiteral("removeHeader"), QStringLiteral("X-Remove-Me"))};
        const QString apiId = fixture.addApi(spec, &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const auto keys = fixture.addApplication(QStringLiteral("App"), {apiId}, QStringLiteral("Unlimited"),
                                                 Stage::Production, &error);
        QVERIFY2(keys, qPrintable(error));
        QVERIFY2(fixture.startGateway(&error), qPrintable(error));
        const QByteArray token = fixture.token(*keys, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));

        const TestResponse response =
            fixture.chat(token, chatBody(QStringLiteral("o3-mini")), QStringLiteral("/smartchat/1.0.0"),
                         {{"Connection", "keep-alive, X-Foo"},
                          {"X-Foo", "hop-by-hop"},
                          {"Keep-Alive", "timeout=5"},
                          {"TE", "trailers"},
                          {"Proxy-Authorization", "Basic cHJveHk6c2VjcmV0"},
                          {"X-Remove-Me", "please"},
                          {"X-End-To-End", "kept"}});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(upstream.requests().size(), 1);
        const RecordingUpstream::Request& seen = upstream.requests().first();
        const QByteArray head = seen.rawHead();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.target, QByteArray("/v1/chat/completions"));
        // The endpoint key, in the provider's header, once; the client's token nowhere.
        QCOMPARE(seen.count("Authorization"), 1);
        QCOMPARE(seen.header("Authorization"), QByteArray("Bearer sk-upstream-secret"));
        QVERIFY2(!head.contains(token), head.constData());
        QVERIFY2(!head.contains(token.split('.').last()), head.constData());
        QVERIFY2(!seen.body.contains(token), seen.body.constData());
        // Hop-by-hop headers stop at the gateway, including those the client's Connection names.
        for (const char* name : {"X-Foo", "TE", "Proxy-Authorization"})
            QVERIFY2(seen.count(name) == 0,
                     qPrintable(QStringLiteral("%1 was forwarded:\n%2")
                                    .arg(QLatin1String(name), QString::fromUtf8(head))));
        QVERIFY2(!seen.header("Keep-Alive").contains("timeout=5"), head.constData());
        QVERIFY2(!seen.header("Connection").contains("X-Foo"), head.constData());
        QCOMPARE(seen.header("Host"), upstream.origin().mid(7).toUtf8());
        // End-to-end headers and the request policies.
        QCOMPARE(seen.header("X-End-To-End"), QByteArray("kept"));
        QCOMPARE(seen.header("X-Added"), QByteArray("by-policy"));
        QCOMPARE(seen.count("X-Remove-Me"), 0);
        // The model was rewritten in the body.
        const QJsonObject sentBody = QJsonDocument::fromJson(seen.body).object();
        QCOMPARE(sentBody.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(sentBody.value(QLatin1String("messages")).toArray().size(), 1);

        // And on the way back: the upstream's hop-by-hop headers stay behind too.
        QCOMPARE(response.header("X-Upstream-End"), QByteArray("kept"));
        QVERIFY2(!response.hasHeader("X-Upstream-Hop"), qPrintable(response.describe()));
        QVERIFY(!response.header("Keep-Alive").contains("timeout=5"));
        QCOMPARE(response.header("X-Gatehouse-Model"), QByteArray("gpt-4o"));
    }

    void policyFlowsRunInOrderAndQueryPassesThrough() {
        RecordingUpstream upstream;
        QString error;
        QVERIFY2(upstream.listen(&error), qPrintable(error));
        upstream.setResponse(200, R"({"model":"gpt-4o"})",
                             {{"Content-Type", "application/json"}, {"X-Drop", "upstream"}});
        GatewayFixture fixture;
        QVERIFY2(fixture.init(&error), qPrintable(error));
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = upstream.origin() + QStringLiteral("/v1");
        // API-level policies run first, then the operation's: the operation's value wins.
        spec.apiRequestPolicies = {GatewayFixture::header(QStringLiteral("addHeader"),
                                                          QStringLiteral("X-Order"), QStringLiteral("api")),
                                   GatewayFixture::header(QStringLiteral("addHeader"),
                                                          QStringLiteral("X-Api-Only"),
                                                          QStringLiteral("yes"))};
        spec.chatPolicies = {GatewayFixture::header(QStringLiteral("addHeader"), QStringLiteral("X-Order"),
                                                    QStringLiteral("operation"))};
        spec.chatResponsePolicies = {
            GatewayFixture::header(QStringLiteral("addHeader"), QStringLiteral("X-Response-Flow"),
                                   QStringLiteral("ran")),
            GatewayFixture::header(QStringLiteral("removeHeader"), QStringLiteral("X-Drop"))};
        spec.chatFaultPolicies = {GatewayFixture::header(
            QStringLiteral("addHeader"), QStringLiteral("X-Fault-Flow"), QStringLiteral("ran"))};
        const QString apiId = fixture.addApi(spec, &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const auto keys = fixture.addApplication(QStringLiteral("App"), {apiId}, QStringLiteral("Unlimited"),
                                                 Stage::Production, &error);
        QVERIFY2(keys, qPrintable(error));
        QVERIFY2(fixture.startGateway(&error), qPrintable(error));
        const QByteArray token = fixture.token(*keys, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));

        const TestResponse response = sendRequest(
            TestRequest::postJson(fixture.gatewayUrl(GatewayFixture::chatPath() +
                                                     QStringLiteral("?api-version=2024-06-01&x=a%20b")),
                                  chatBody(QStringLiteral("gpt-4o")), token));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(upstream.requests().size(), 1);
        const RecordingUpstream::Request& seen = upstream.requests().first();
        QCOMPARE(seen.target, QByteArray("/v1/chat/completions?api-version=2024-06-01&x=a%20b"));
        QCOMPARE(seen.count("X-Order"), 1);
        QCOMPARE(seen.header("X-Order"), QByteArray("operation"));
        QCOMPARE(seen.header("X-Api-Only"), QByteArray("yes"));
        QCOMPARE(seen.count("X-Response-Flow"), 0);
        QCOMPARE(seen.count("X-Fault-Flow"), 0);
        // No routing policy: the body goes as it came.
        QCOMPARE(seen.body, chatBody(QStringLiteral("gpt-4o")));
        QCOMPARE(response.header("X-Response-Flow"), QByteArray("ran"));
        QVERIFY(!response.hasHeader("X-Drop"));
        QVERIFY(!response.hasHeader("X-Fault-Flow"));

        // An error the gateway answers runs the fault flow, not the response flow.
        const TestResponse denied = fixture.chat("not-a-token", chatBody(QStringLiteral("gpt-4o")));
        QCOMPARE(denied.status, 401);
        QCOMPARE(denied.header("X-Fault-Flow"), QByteArray("ran"));
        QVERIFY(!denied.hasHeader("X-Response-Flow"));
        QCOMPARE(upstream.requests().size(), 1);
    }

    void otherOperationsPassThrough() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(
                     specWith(GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), seedConfig)),
                     &error),
                 qPrintable(error));
        const HeaderList auth{{"Authorization", "Bearer " + scenario.token}};
        // GET /models: no routing policy there, the upstream's list comes back.
        TestResponse response = sendRequest(
            TestRequest::get(scenario.fixture.gatewayUrl(QStringLiteral("/smartchat/1.0.0/models")), auth));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QLatin1String("object")).toString(), QStringLiteral("list"));
        QCOMPARE(response.header("X-Gatehouse-Endpoint"), QByteArray("default_production_endpoint"));
        // GET /models/{model} matches the template; the mock has no such path, and its own 404
        // (OpenAI's error shape, not the gateway's 900906) is what the client gets.
        response = sendRequest(TestRequest::get(
            scenario.fixture.gatewayUrl(QStringLiteral("/smartchat/1.0.0/models/gpt-4o")), auth));
        QCOMPARE(response.status, 404);
        QVERIFY2(response.json().contains(QLatin1String("error")), qPrintable(response.describe()));
        QVERIFY(!response.json().contains(QLatin1String("code")));
        QVERIFY(scenario.fixture.mockStats().isEmpty()); // no chat completion was asked for
    }

    void redeployWithTheSameConfigKeepsTheSequence() {
        Scenario scenario;
        QString error;
        const PolicyAttachment router =
            GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), seedConfig);
        QVERIFY2(scenario.setUp(specWith(router), &error), qPrintable(error));
        QCOMPARE(routeSequence(scenario, 1), QStringList({QStringLiteral("gpt-4o")}));
        // A new revision with the same router configuration continues where the last one was...
        QVERIFY2(scenario.fixture.redeploy(scenario.apiId, {router}, &error), qPrintable(error));
        QVERIFY2(scenario.fixture.reloadGateway(&error), qPrintable(error));
        QCOMPARE(scenario.fixture.gateway().runtime()->config()->apis().front()->revision, 2);
        QCOMPARE(routeSequence(scenario, 3),
                 QStringList({QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o"),
                              QStringLiteral("gpt-4o-mini")}));
        // ...while a changed configuration starts afresh.
        const PolicyAttachment swapped =
            GatewayFixture::router(QStringLiteral("modelWeightedRoundRobin"), R"({
            "production":[{"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":1},
                          {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]})");
        QVERIFY2(scenario.fixture.redeploy(scenario.apiId, {swapped}, &error), qPrintable(error));
        QVERIFY2(scenario.fixture.reloadGateway(&error), qPrintable(error));
        QCOMPARE(routeSequence(scenario, 2),
                 QStringList({QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o")}));
    }
};

QTEST_GUILESS_MAIN(TestGatewayRouting)
#include "tst_gatewayrouting.moc"
