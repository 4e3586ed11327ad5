// Usage on every answer, over loopback sockets against the mock LLM (which streams usage only when
// asked, as OpenAI does) and a recording upstream: the gateway asks for a stream's usage on the
// client's behalf and takes the extra chunk out of what the client receives, a client that asked gets
// it, cached and reasoning tokens are recorded apart, and an upstream that reports nothing gives
// estimated counts. Also the usage filter on its own, with the stream cut at every byte.
#include "GatewayFixture.h"
#include "RecordingUpstream.h"
#include "TestHttpClient.h"
#include "core/Workspace.h"
#include "gateway/AccessLog.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/StreamUsageFilter.h"
#include "gateway/UsageEstimate.h"

#include <QFile>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// A streamed chat completion for gpt-4o, with `extra` members (such as stream_options) first.
QByteArray streamBody(const QByteArray& extra = {}) {
    return "{" + extra + (extra.isEmpty() ? "" : ",") +
           "\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say this is "
           "a "
           "test\"}]}";
}

// The mock counts a prompt as its words plus 5, and answers "This is a test! Answered by gpt-4o.".
constexpr qint64 mockPromptTokens = 5 + 5;
constexpr qint64 mockCompletionTokens = 7;

QList<QByteArray> eventsOf(const QByteArray& stream) {
    QList<QByteArray> events;
    for (const QByteArray& event : stream.split('\n')) {
        if (event.startsWith("data:"))
            events << event;
    }
    return events;
}

PolicyAttachment costPolicy(bool headers, bool streamComment) {
    PolicyAttachment attachment;
    attachment.policyName = QStringLiteral("LLMCost");
    attachment.policyVersion = QStringLiteral("v1.0");
    attachment.parameters = {{"sendCostHeaders", headers}, {"streamCostComment", streamComment}};
    return attachment;
}

} // namespace

class TestGatewayUsage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QString error;
        GatewayFixture::ApiSpec spec;
        spec.chatResponsePolicies = {costPolicy(true, true)};
        QVERIFY2(m_scenario.setUp(spec, &error), qPrintable(error));
        // Round prices, so that every cost below can be worked out by hand.
        QFile prices(m_scenario.fixture.workspaceDirectory() + QStringLiteral("/prices.json"));
        QVERIFY(prices.open(QIODevice::WriteOnly));
        prices.write(R"({"gpt-4o":{"input_cost_per_token":1e-06,"output_cost_per_token":2e-06,)"
                     R"("cache_read_input_token_cost":5e-07,"output_cost_per_reasoning_token":3e-06,)"
                     R"("litellm_provider":"openai","mode":"chat"}})");
        prices.close();
        QVERIFY2(m_scenario.fixture.reloadGateway(&error), qPrintable(error));
    }

    void init() {
        QString error;
        QVERIFY2(m_scenario.fixture.clearFaults(&error), qPrintable(error));
    }

    // The mock is OpenAI here: no usage in a stream unless asked, then one extra chunk without
    // choices; stream_options without a stream is refused.
    void mockStreamsUsageOnlyWhenAsked() {
        const QUrl url = m_scenario.fixture.mockUrl(QStringLiteral("/v1/chat/completions"));
        TestRequest request = TestRequest::postJson(url, streamBody());
        const TestResponse plain = sendRequest(request);
        QVERIFY2(plain.status == 200, qPrintable(plain.describe()));
        QVERIFY2(!plain.body.contains("usage"), plain.body.constData());
        request.body = streamBody("\"stream_options\":{\"include_usage\":true}");
        const TestResponse asked = sendRequest(request);
        const QList<QByteArray> events = eventsOf(asked.body);
        QVERIFY2(events.size() >= 3, asked.body.constData());
        QCOMPARE(events.last(), QByteArray("data: [DONE]"));
        const Json usageChunk = Json::parse(events.at(events.size() - 2).mid(6).constData());
        QVERIFY(usageChunk["choices"] == Json::array());
        QCOMPARE(usageChunk["usage"]["total_tokens"].get<qint64>(), mockPromptTokens + mockCompletionTokens);
        request.body = "{\"model\":\"gpt-4o\",\"stream_options\":{\"include_usage\":true},\"messages\":[]}";
        QCOMPARE(sendRequest(request).status, 400);
    }

    void streamWithoutUsageIsCountedAndTheClientGetsNoUsageChunk() {
        const AccessRecord record = chatAndRecord(streamBody());
        QVERIFY2(!m_last.body.contains("usage"), m_last.body.constData());
        QVERIFY(m_last.body.endsWith("data: [DONE]\n\n"));
        QCOMPARE(record.promptTokens, mockPromptTokens);
        QCOMPARE(record.completionTokens, mockCompletionTokens);
        QCOMPARE(record.totalTokens, mockPromptTokens + mockCompletionTokens);
        QCOMPARE(record.usage, QStringLiteral("reported"));
        QVERIFY(record.streamed);
        QCOMPARE(record.costStatus, QStringLiteral("calculated"));
        QCOMPARE(formatCostUsd(record.costUsd), formatCostUsd(10 * 1e-6 + 7 * 2e-6));
        // The LLMCost policy's comment, before the final event; SSE clients skip comments.
        QVERIFY2(m_last.body.endsWith(
                     ": x-llm-cost=0.0000240000 x-llm-cost-status=calculated\n\ndata: [DONE]\n\n"),
                 m_last.body.constData());
    }

    void clientThatAskedForUsageGetsIt() {
        const AccessRecord record = chatAndRecord(streamBody("\"stream_options\":{\"include_usage\":true}"));
        QVERIFY2(m_last.body.contains("\"choices\":[],\"usage\""), m_last.body.constData());
        QCOMPARE(record.totalTokens, mockPromptTokens + mockCompletionTokens);
        // Said no: it still gets none, and the gateway still counts.
        const AccessRecord declined =
            chatAndRecord(streamBody("\"stream_options\":{\"include_usage\":false,\"other\":1}"));
        QVERIFY2(!m_last.body.contains("usage"), m_last.body.constData());
        QCOMPARE(declined.totalTokens, mockPromptTokens + mockCompletionTokens);
        QCOMPARE(declined.usage, QStringLiteral("reported"));
    }

    // What the upstream receives: the client's body with the one member added.
    void upstreamIsAskedForUsage() {
        RecordingUpstream upstream;
        QString error;
        QVERIFY2(upstream.listen(&error), qPrintable(error));
        upstream.setResponse(200,
                             "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n"
                             "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,"
                             "\"total_tokens\":4}}\n\ndata: [DONE]\n\n",
                             {{"Content-Type", "text/event-stream"}});
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = upstream.origin() + QStringLiteral("/v1");
        Scenario scenario;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        const TestResponse response = scenario.fixture.chat(scenario.token, streamBody());
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.body,
                 QByteArray("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n"
                            "data: [DONE]\n\n"));
        QCOMPARE(upstream.requests().size(), 1);
        QCOMPARE(upstream.requests().front().body,
                 "{\"stream_options\":{\"include_usage\":true}," + streamBody().mid(1));
        // A request that is not a stream goes exactly as sent.
        scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QCOMPARE(upstream.requests().size(), 2);
        QCOMPARE(upstream.requests().at(1).body, chatBody(QStringLiteral("gpt-4o")));
    }

    void cachedAndReasoningTokensAreRecordedApart() {
        QString error;
        QVERIFY2(m_scenario.fixture.setFault(R"({"cachedTokens":4,"reasoningTokens":10})", &error),
                 qPrintable(error));
        for (const bool stream : {false, true}) {
            const AccessRecord record =
                chatAndRecord(stream ? streamBody() : chatBody(QStringLiteral("gpt-4o")));
            QCOMPARE(record.promptTokens, mockPromptTokens);
            QCOMPARE(record.cachedTokens, 4);
            QCOMPARE(record.completionTokens, mockCompletionTokens + 10);
            QCOMPARE(record.reasoningTokens, 10);
            QCOMPARE(record.usage, QStringLiteral("reported"));
            // 6 uncached and 4 cached prompt tokens, 7 answer and 10 reasoning tokens.
            QCOMPARE(formatCostUsd(record.costUsd),
                     formatCostUsd(6 * 1e-6 + 4 * 5e-7 + 7 * 2e-6 + 10 * 3e-6));
        }
    }

    void upstreamWithoutUsageGivesEstimatedCounts() {
        QString error;
        QVERIFY2(m_scenario.fixture.setFault(R"({"omitUsage":true})", &error), qPrintable(error));
        const AccessRecord whole = chatAndRecord(chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(!m_last.body.contains("usage"), m_last.body.constData());
        QCOMPARE(whole.usage, QStringLiteral("estimated"));
        QVERIFY(whole.promptTokens > 3 && whole.completionTokens > 0);
        QCOMPARE(whole.totalTokens, whole.promptTokens + whole.completionTokens);
        const AccessRecord streamed = chatAndRecord(streamBody());
        QCOMPARE(streamed.usage, QStringLiteral("estimated"));
        QCOMPARE(streamed.completionTokens, mockCompletionTokens); // one event per word
        QCOMPARE(streamed.promptTokens, whole.promptTokens);
        QCOMPARE(streamed.cachedTokens, -1);
        QCOMPARE(streamed.costStatus, QStringLiteral("estimated"));
        QCOMPARE(formatCostUsd(streamed.costUsd), formatCostUsd(double(streamed.promptTokens) * 1e-6 +
                                                                double(streamed.completionTokens) * 2e-6));
    }

    // The LLMCost policy's headers on a plain answer, as WSO2 writes them.
    void costHeadersOnAPlainAnswer() {
        const AccessRecord record = chatAndRecord(chatBody(QStringLiteral("gpt-4o")));
        QCOMPARE(m_last.header("x-llm-cost"), QByteArray("0.0000240000"));
        QCOMPARE(m_last.header("x-llm-cost-status"), QByteArray("calculated"));
        QCOMPARE(formatCostUsd(record.costUsd), formatCostUsd(10 * 1e-6 + 7 * 2e-6));
    }

    // WSO2's lookup: a dated name the catalogue does not list is priced as its family; an unknown model
    // is not_calculated.
    void datedModelIsPricedAsItsFamily() {
        const AccessRecord dated = chatAndRecord(chatBody(QStringLiteral("gpt-4o-2099-01-01")));
        QCOMPARE(dated.model, QStringLiteral("gpt-4o-2099-01-01"));
        QCOMPARE(formatCostUsd(dated.costUsd), formatCostUsd(10 * 1e-6 + 7 * 2e-6));
        QCOMPARE(m_last.header("x-llm-cost-status"), QByteArray("calculated"));
        const AccessRecord unknown = chatAndRecord(chatBody(QStringLiteral("llama-local")));
        QCOMPARE(unknown.costStatus, QStringLiteral("not_calculated"));
        QCOMPARE(unknown.costReason, QStringLiteral("no price for model llama-local"));
        QCOMPARE(unknown.costUsd, -1.0);
        QCOMPARE(m_last.header("x-llm-cost-status"), QByteArray("not_calculated"));
    }

    // The Demo provider's models cost nothing, though they are named like OpenAI's.
    void demoModelsAreFree() {
        GatewayFixture::ApiSpec spec;
        spec.provider = QStringLiteral("demo");
        Scenario scenario;
        QString error;
        QVERIFY2(scenario.setUp(spec, &error), qPrintable(error));
        AccessLog& log = scenario.fixture.gateway().runtime()->accessLog();
        const TestResponse response =
            scenario.fixture.chat(scenario.token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY(QTest::qWaitFor([&] { return log.totalRecords() > 0; }, 5000));
        const AccessRecord record = log.recent(1).front();
        QCOMPARE(record.costUsd, 0.0);
        QCOMPARE(record.costStatus, QStringLiteral("calculated"));
    }

    // A dollar budget holds on streams: each answer is charged when it ends, a stream that crosses
    // the budget finishes, and the next request is refused until the day is over.
    void dollarBudgetStopsTheRequestAfterTheStreamThatCrossedIt() {
        BusinessPlan plan;
        plan.name = QStringLiteral("ThreeCentsPerMillion");
        plan.limits = {PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Day, 0.00003}};
        QString error;
        QVERIFY2(m_scenario.fixture.addPlan(plan, &error), qPrintable(error));
        const auto credentials = m_scenario.fixture.addApplication(
            QStringLiteral("Budgeted"), {m_scenario.apiId}, plan.name, Stage::Production, &error);
        QVERIFY2(credentials, qPrintable(error));
        QVERIFY2(m_scenario.fixture.reloadGateway(&error), qPrintable(error));
        const QByteArray token = m_scenario.fixture.token(*credentials, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        AccessLog& log = m_scenario.fixture.gateway().runtime()->accessLog();
        // Each stream costs 10 prompt tokens at 1e-6 and 7 answer tokens at 2e-6: 0.000024 USD.
        const QByteArray remaining[] = {"0.0000300000", "0.0000060000"};
        for (const QByteArray& expected : remaining) {
            const qint64 before = log.totalRecords();
            const TestResponse response = m_scenario.fixture.chat(token, streamBody());
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(response.header("x-ratelimit-cost-limit-dollars"), QByteArray("0.0000300000"));
            QCOMPARE(response.header("x-ratelimit-cost-remaining-dollars"), expected);
            QVERIFY(QTest::qWaitFor([&] { return log.totalRecords() > before; }, 5000));
        }
        const TestResponse refused = m_scenario.fixture.chat(token, streamBody());
        QVERIFY2(refused.status == 429, qPrintable(refused.describe()));
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("900804"));
        QVERIFY2(
            refused.json().value(QLatin1String("description")).toString().contains(QLatin1String("USD/day")),
            qPrintable(refused.describe()));
        QCOMPARE(refused.header("x-ratelimit-cost-remaining-dollars"), QByteArray("0.0000000000"));
        bool numeric = false;
        const qint64 retryAfter = refused.header("Retry-After").toLongLong(&numeric);
        QVERIFY2(numeric && retryAfter >= 1 && retryAfter <= 86400, qPrintable(refused.describe()));
    }

    // An application's own budget, across its APIs and whatever its plan: WSO2's application-level
    // throttling code once it is spent.
    void applicationBudgetStopsTheNextRequest() {
        QString error;
        auto credentials =
            m_scenario.fixture.addApplication(QStringLiteral("Frugal"), {m_scenario.apiId},
                                              QStringLiteral("Unlimited"), Stage::Production, &error);
        QVERIFY2(credentials, qPrintable(error));
        Application application = *m_scenario.fixture.workspace().application(credentials->applicationId);
        application.budgets = {PlanLimit{PlanLimit::Metric::Usd, PlanLimit::Period::Month, 0.00001}};
        QVERIFY2(m_scenario.fixture.workspace().saveApplication(application).ok(&error), qPrintable(error));
        QVERIFY2(m_scenario.fixture.reloadGateway(&error), qPrintable(error));
        const QByteArray token = m_scenario.fixture.token(*credentials, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        AccessLog& log = m_scenario.fixture.gateway().runtime()->accessLog();
        const qint64 before = log.totalRecords();
        const TestResponse first = m_scenario.fixture.chat(token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(first.status == 200, qPrintable(first.describe())); // crosses the budget, and finishes
        QCOMPARE(first.header("x-ratelimit-cost-remaining-dollars"), QByteArray("0.0000100000"));
        QVERIFY(QTest::qWaitFor([&] { return log.totalRecords() > before; }, 5000));
        const TestResponse refused = m_scenario.fixture.chat(token, chatBody(QStringLiteral("gpt-4o")));
        QVERIFY2(refused.status == 429, qPrintable(refused.describe()));
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("900803"));
        QVERIFY2(
            refused.json().value(QLatin1String("description")).toString().contains(QLatin1String("Frugal")),
            qPrintable(refused.describe()));
    }

    void prometheusCountsTokensAndDollars() {
        chatAndRecord(chatBody(QStringLiteral("gpt-4o")));
        const TestResponse metrics =
            sendRequest(TestRequest::get(m_scenario.fixture.adminUrl(QStringLiteral("/metrics"))));
        QVERIFY2(metrics.status == 200, qPrintable(metrics.describe()));
        const QByteArray labels = "api=\"SmartChat\",app=\"" + m_scenario.credentials.applicationId.toUtf8() +
                                  "\",model=\"gpt-4o\"";
        QVERIFY2(metrics.body.contains(QByteArray("gatehouse_tokens_total{" + labels + ",kind=\"prompt\"} ")),
                 metrics.body.constData());
        QVERIFY2(metrics.body.contains(QByteArray("gatehouse_cost_usd_total{" + labels + "} 0.0")),
                 metrics.body.constData());
    }

    void estimateFollowsTheDocumentedRule() {
        // 3 for the reply, 3 per message, a token per 4 bytes of text (rounded up).
        QCOMPARE(UsageEstimate::promptTokens(R"({"messages":[{"role":"user","content":"12345678"}]})"),
                 3 + 3 + 2);
        QCOMPARE(UsageEstimate::promptTokens(
                     R"({"messages":[{"role":"user","content":[{"type":"text","text":"123456789"}]}]})"),
                 3 + 3 + 3);
        QCOMPARE(UsageEstimate::promptTokens(R"({"prompt":"1234"})"), 1);
        QCOMPARE(UsageEstimate::promptTokens("{}"), -1);
        QCOMPARE(UsageEstimate::promptTokens("not json"), -1);
        QCOMPARE(UsageEstimate::completionTokens(R"({"choices":[{"message":{"content":"12345"}}]})"), 2);
        QCOMPARE(UsageEstimate::textEvents("data: {\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}\n\n"
                                           "data: {\"delta\":{\"content\":\"a\"}}\n\n"),
                 1);
    }

    // The filter sees the stream cut anywhere: the client's bytes are the stream minus the usage event.
    void usageFilterHandlesEveryCut() {
        const QByteArray text = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"usage\"}}]}\n\n";
        const QByteArray usage = "data: {\"id\":\"x\",\"choices\":[],\"usage\":{\"total_tokens\":4}}\n\n";
        const QByteArray done = "data: [DONE]\n\n";
        const QByteArray stream = text + text + usage + done;
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            for (qsizetype second = cut; second <= stream.size(); second += 7) {
                StreamUsageFilter filter;
                QByteArray out;
                for (QByteArray piece :
                     {stream.left(cut), stream.mid(cut, second - cut), stream.mid(second)}) {
                    filter.onChunk(piece);
                    out += piece;
                }
                QByteArray tail;
                filter.onEnd(tail);
                out += tail;
                QCOMPARE(out, text + text + done);
            }
        }
        QCOMPARE(StreamUsageFilter::withoutUsageChunks(stream), text + text + done);
        // Usage inside a choice's text, or next to choices, is the answer's own.
        QVERIFY(!StreamUsageFilter::isUsageChunk(text));
        QVERIFY(!StreamUsageFilter::isUsageChunk(
            "data: {\"choices\":[{\"delta\":{}}],\"usage\":{\"total_tokens\":4}}\n\n"));
        QVERIFY(StreamUsageFilter::isUsageChunk(usage));
    }

private:
    AccessRecord chatAndRecord(const QByteArray& body) {
        AccessLog& log = m_scenario.fixture.gateway().runtime()->accessLog();
        const qint64 before = log.totalRecords();
        m_last = m_scenario.fixture.chat(m_scenario.token, body);
        if (m_last.status != 200)
            qWarning("%s", qPrintable(m_last.describe()));
        if (!QTest::qWaitFor([&] { return log.totalRecords() > before; }, 5000))
            return {};
        return log.recent(1).front();
    }

    Scenario m_scenario;
    TestResponse m_last;
};

QTEST_GUILESS_MAIN(TestGatewayUsage)
#include "tst_gatewayusage.moc"
