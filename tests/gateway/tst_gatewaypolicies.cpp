// The policy framework end to end over loopback sockets: every hook a policy kind has (request
// rewrite, answering instead of the upstream, whole-answer inspection, stream observation, fault
// headers) does what its contract says, with kinds written here the way a new policy is written.
// And the registry and the catalogue name the same kinds.
#include "GatewayFixture.h"
#include "RecordingUpstream.h"
#include "TestHttpClient.h"
#include "core/PolicyCatalogue.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayConfig.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/policies/PolicyRegistry.h"

#include <QTest>
#include <atomic>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// Refuses requests whose body mentions `word`, as a guardrail does.
class RefuseWordPolicy final : public GatewayPolicy {
public:
    explicit RefuseWordPolicy(QByteArray word) : m_word(std::move(word)) {}
    QString name() const override { return QStringLiteral("testRefuseWord"); }
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override {
        if (!request.body.contains(m_word))
            return std::nullopt;
        return PolicyAnswer::error(446, QStringLiteral("900514"), QStringLiteral("Refused"),
                                   QStringLiteral("the request mentions ") + QString::fromUtf8(m_word));
    }

private:
    QByteArray m_word;
};

// Rewrites text in the request body and adds a header saying so.
class RewriteRequestPolicy final : public GatewayPolicy {
public:
    QString name() const override { return QStringLiteral("testRewriteRequest"); }
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override {
        request.body.replace("Say this is a test!", "Say this was rewritten!");
        request.headers.set("X-Rewritten", "yes");
        return std::nullopt;
    }
};

// Sees whole answers before the client: upper-cases a marker, refuses answers naming `model`.
class InspectAnswerPolicy final : public GatewayPolicy {
public:
    explicit InspectAnswerPolicy(QByteArray refusedModel) : m_refusedModel(std::move(refusedModel)) {}
    QString name() const override { return QStringLiteral("testInspectAnswer"); }
    bool inspectsWholeResponse() const override { return true; }
    std::optional<PolicyAnswer> onResponseBody(PolicyResponse& response, QByteArray& body) const override {
        if (!m_refusedModel.isEmpty() && body.contains(QByteArray("\"" + m_refusedModel + "\"")))
            return PolicyAnswer::error(446, QStringLiteral("900515"), QStringLiteral("Answer refused"),
                                       QStringLiteral("the answer came from ") +
                                           QString::fromUtf8(m_refusedModel));
        body.replace("chat.completion", "CHAT.COMPLETION (inspected)");
        response.headers.set("X-Inspected", QByteArray::number(response.status));
        return std::nullopt;
    }

private:
    QByteArray m_refusedModel;
};

// Counts a stream's chunks and bytes and, at its end, sends a comment event with the counts.
class StreamTapPolicy final : public GatewayPolicy {
public:
    QString name() const override { return QStringLiteral("testStreamTap"); }
    std::unique_ptr<StreamObserver> observeStream(const PolicyResponse&) const override {
        class Tap final : public StreamObserver {
        public:
            explicit Tap(std::atomic<int>* streams) : m_streams(streams) {}
            std::optional<PolicyIntervention> onChunk(QByteArray& chunk) override {
                ++m_chunks;
                m_bytes += chunk.size();
                return std::nullopt;
            }
            std::optional<PolicyIntervention> onEnd(QByteArray& tail) override {
                ++*m_streams;
                tail += ": tapped " + QByteArray::number(m_bytes) + " bytes\n\n";
                return std::nullopt;
            }

        private:
            std::atomic<int>* m_streams;
            int m_chunks = 0;
            qint64 m_bytes = 0;
        };
        return std::make_unique<Tap>(&m_completedStreams);
    }
    int completedStreams() const { return m_completedStreams; }

private:
    mutable std::atomic<int> m_completedStreams{0};
};

// Serves the deployed APIs with `request` and `response` policies appended to the flows of
// POST /chat/completions, by swapping the runtime's configuration snapshot as a deployment does.
void appendPolicies(Gateway& gateway, const std::vector<RuntimePolicy>& request,
                    const std::vector<RuntimePolicy>& response) {
    const std::shared_ptr<const GatewayConfig> current = gateway.runtime()->config();
    auto config = std::make_shared<GatewayConfig>();
    config->credentials = current->credentials;
    config->applications = current->applications;
    config->plans = current->plans;
    config->signingKey = current->signingKey;
    for (const auto& api : current->apis()) {
        auto copy = std::make_shared<RuntimeApi>(*api);
        for (RuntimeOperation& operation : copy->operations) {
            if (operation.key != QLatin1String("POST /chat/completions"))
                continue;
            operation.flows.request.insert(operation.flows.request.end(), request.begin(), request.end());
            operation.flows.response.insert(operation.flows.response.end(), response.begin(), response.end());
        }
        config->addApi(std::move(copy));
    }
    gateway.runtime()->setConfig(std::move(config));
}

GatewayFixture::ApiSpec specWithFaultHeader() {
    GatewayFixture::ApiSpec spec;
    spec.chatFaultPolicies = {GatewayFixture::header(QStringLiteral("addHeader"),
                                                     QStringLiteral("X-Fault-Flow"), QStringLiteral("ran"))};
    return spec;
}

} // namespace

class TestGatewayPolicies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Adding a kind is a catalogue file plus a line in the registry: the two name the same kinds.
    void everyCataloguePolicyHasAKind() {
        QStringList catalogued;
        for (const PolicyDefinition& definition : PolicyCatalogue::builtin().definitions())
            catalogued.append(definition.name);
        QStringList registered;
        for (const PolicyRegistry::Kind& kind : PolicyRegistry::builtin().kinds())
            registered.append(kind.name);
        catalogued.sort();
        registered.sort();
        QCOMPARE(registered, catalogued);
    }

    void unknownKindIsRefusedWithItsName() {
        const PolicyRegistry empty({});
        const PolicyDefinition& definition = *PolicyCatalogue::builtin().find(QStringLiteral("addHeader"));
        const PolicyAttachment attachment =
            GatewayFixture::header(QStringLiteral("addHeader"), QStringLiteral("X-A"), QStringLiteral("b"));
        const PolicyBuildResult built = empty.build({definition, attachment, nullptr});
        QVERIFY(!built);
        QVERIFY2(built.error().contains(definition.displayName), qPrintable(built.error()));
        QVERIFY(PolicyRegistry::builtin().build({definition, attachment, nullptr}));
    }

    // A request-flow answer replaces the upstream call: the client gets it, with the fault flow's
    // headers, and the model is never asked.
    void requestPolicyAnswersInsteadOfTheUpstream() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWithFaultHeader(), &error), qPrintable(error));
        appendPolicies(scenario.fixture.gateway(), {std::make_shared<RefuseWordPolicy>("forbidden")}, {});

        const QByteArray refusedBody =
            R"({"model":"gpt-4o","messages":[{"role":"user","content":"a forbidden topic"}]})";
        const TestResponse refused = scenario.fixture.chat(scenario.token, refusedBody);
        QCOMPARE(refused.status, 446);
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("900514"));
        QCOMPARE(refused.header("X-Fault-Flow"), QByteArray("ran"));
        QVERIFY(scenario.fixture.mockStats().isEmpty());

        const TestResponse allowed =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(allowed.status == 200, qPrintable(allowed.describe()));
        QVERIFY(!allowed.hasHeader("X-Fault-Flow"));
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o")), 1);
    }

    // What a request policy writes is what goes upstream, body and headers.
    void requestPolicyRewritesBodyAndHeaders() {
        RecordingUpstream upstream;
        QString error;
        QVERIFY2(upstream.listen(&error), qPrintable(error));
        upstream.setResponse(200, R"({"model":"gpt-4o"})", {{"Content-Type", "application/json"}});
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = upstream.origin() + QStringLiteral("/v1");
        Scenario scenario;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        appendPolicies(scenario.fixture.gateway(), {std::make_shared<RewriteRequestPolicy>()}, {});

        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(upstream.requests().size(), 1);
        const RecordingUpstream::Request& seen = upstream.requests().first();
        QVERIFY2(seen.body.contains("Say this was rewritten!"), seen.body.constData());
        QCOMPARE(seen.header("Content-Length"), QByteArray::number(seen.body.size()));
        QCOMPARE(seen.header("X-Rewritten"), QByteArray("yes"));
    }

    // A policy that inspects whole answers sees the body before the client, may change it (the
    // length follows) or refuse it.
    void responsePolicyInspectsTheWholeAnswer() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(specWithFaultHeader(), &error), qPrintable(error));
        appendPolicies(scenario.fixture.gateway(), {},
                       {std::make_shared<InspectAnswerPolicy>("gpt-4o-mini")});

        const TestResponse changed =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
        QVERIFY2(changed.body.contains("CHAT.COMPLETION (inspected)"), changed.body.constData());
        QCOMPARE(changed.header("Content-Length"), QByteArray::number(changed.body.size()));
        QCOMPARE(changed.header("X-Inspected"), QByteArray("200"));
        QVERIFY(changed.isJsonObject());

        const TestResponse refused =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o-mini")));
        QCOMPARE(refused.status, 446);
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("900515"));
        QCOMPARE(refused.header("X-Fault-Flow"), QByteArray("ran"));
        QVERIFY(!refused.body.contains("chat.completion"));
        // The upstream answered (and spent its tokens) both times.
        QCOMPARE(scenario.fixture.mockStats().value(QStringLiteral("gpt-4o-mini")), 1);
    }

    // An answer too large to hold for whole-answer inspection is refused with a clear error, never
    // passed on uninspected, and the gateway keeps serving.
    void answerTooLargeToInspectIsRefused() {
        RecordingUpstream upstream;
        QString error;
        QVERIFY2(upstream.listen(&error), qPrintable(error));
        upstream.setResponse(200, "{\"text\":\"" + QByteArray(17 * 1024 * 1024, 'a') + "\"}",
                             {{"Content-Type", "application/json"}});
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = upstream.origin() + QStringLiteral("/v1");
        Scenario scenario;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        appendPolicies(scenario.fixture.gateway(), {}, {std::make_shared<InspectAnswerPolicy>("")});

        const TestResponse refused = scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")),
                                                           QStringLiteral("/smartchat/1.0.0"), {}, 30000);
        QCOMPARE(refused.status, 502);
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("101500"));

        upstream.setResponse(200, R"({"object":"chat.completion"})", {{"Content-Type", "application/json"}});
        const TestResponse next = scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(next.status == 200, qPrintable(next.describe()));
        QVERIFY(next.body.contains("(inspected)"));
    }

    // A streamed answer passes chunk by chunk through each observer, which adds its tail at the end;
    // whole-answer inspection leaves streams alone.
    void streamObserversSeeEveryChunkAndEndTheStream() {
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
        auto tap = std::make_shared<StreamTapPolicy>();
        appendPolicies(scenario.fixture.gateway(), {}, {tap, std::make_shared<InspectAnswerPolicy>("")});

        // The request asks for the stream's usage: the gateway then takes nothing out after the observers.
        QByteArray body = chatBody(QStringLiteral("gpt-4o"), true);
        body.insert(1, "\"stream_options\":{\"include_usage\":true},");
        const TestResponse streamed = scenario.fixture.chat(scenario.token, body);
        QVERIFY2(streamed.status == 200, qPrintable(streamed.describe()));
        QVERIFY(streamed.header("Content-Type").startsWith("text/event-stream"));
        const qsizetype done = streamed.body.indexOf("data: [DONE]");
        QVERIFY2(done > 0, streamed.body.constData());
        const QByteArray tail = streamed.body.mid(streamed.body.indexOf("\n\n", done) + 2);
        QCOMPARE(tail, ": tapped " + QByteArray::number(streamed.body.size() - tail.size()) + " bytes\n\n");
        QVERIFY(!streamed.body.contains("(inspected)"));
        QCOMPARE(tap->completedStreams(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGatewayPolicies)
#include "tst_gatewaypolicies.moc"
