// PromptTemplate and PromptDecorator through the gateway, over loopback, with a recording upstream:
// what the model receives is what WSO2's policies would send (templates filled, decorations placed
// with WSO2's space, messages put first or last), and a request with holes in it never reaches the
// model.
#include "GatewayFixture.h"
#include "RecordingUpstream.h"
#include "core/Json.h"

#include <QJsonObject>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

PolicyAttachment promptPolicy(const QString& kind, const Json& parameters) {
    PolicyAttachment attachment;
    attachment.policyName = kind;
    attachment.policyVersion = QStringLiteral("v1.0");
    attachment.parameters = parameters;
    return attachment;
}

// WSO2 keeps the template list as a string of JSON: so does every test here.
PolicyAttachment translateTemplates() {
    return promptPolicy(QStringLiteral("PromptTemplate"),
                        {{"name", "Translator"},
                         {"promptTemplateConfig",
                          R"([{"name":"translate","prompt":"Translate [[text]] into [[lang]]."},)"
                          R"({"name":"summarize","prompt":"Summarize in [[words]] words: [[text]]"}])"}});
}

PolicyAttachment decorator(const char* config, const char* path, bool append) {
    return promptPolicy(
        QStringLiteral("PromptDecorator"),
        {{"name", "Persona"}, {"promptDecoratorConfig", config}, {"jsonPath", path}, {"append", append}});
}

QByteArray chatWith(const Json& messages) {
    return QByteArray::fromStdString(dumpCompact(Json{{"model", "gpt-4o"}, {"messages", messages}}));
}

QByteArray userPrompt(const std::string& content) {
    return chatWith(Json::array({{{"role", "user"}, {"content", content}}}));
}

QByteArray answer() {
    return R"({"object":"chat.completion","model":"gpt-4o","choices":[{"index":0,"message":)"
           R"({"role":"assistant","content":"fine"}}],"usage":{"prompt_tokens":3,"completion_tokens":1,)"
           R"("total_tokens":4}})";
}

// moc 6.4 misreads raw string literals in a class body: the decorations live here.
const char* const germanText = R"({"decoration":"Answer in German."})";
const char* const receptionist = R"({"decoration":[{"role":"system","content":"You are a receptionist."}]})";
const char* const twoRules =
    R"({"decoration":[{"role":"system","content":"Rule one."},{"role":"system","content":"Rule two."}]})";
const char* const kindText = R"({"decoration":"Be kind."})";
const char* const exactPersona = R"({"decoration":[{"role":"system","content":"Be exact."}]})";

} // namespace

class TestGatewayPrompts : public QObject {
    Q_OBJECT

private:
    RecordingUpstream m_upstream;

    std::unique_ptr<Scenario> scenarioWith(std::vector<PolicyAttachment> policies) {
        GatewayFixture::ApiSpec spec;
        spec.productionUrl = m_upstream.origin() + QStringLiteral("/v1");
        spec.chatPolicies = std::move(policies);
        auto scenario = std::make_unique<Scenario>();
        QString error;
        if (!scenario->setUp(spec, &error))
            qFatal("%s", qPrintable(error));
        return scenario;
    }

    // The request the model last received, as JSON.
    Json lastUpstreamBody() const {
        if (m_upstream.requests().isEmpty())
            return Json();
        const QByteArray& body = m_upstream.requests().last().body;
        return Json::parse(body.cbegin(), body.cend(), nullptr, false);
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(m_upstream.listen(&error), qPrintable(error));
        m_upstream.setResponse(200, answer(), {{"Content-Type", "application/json"}});
    }

    void templateReferenceBecomesTheFilledPrompt() {
        auto scenario = scenarioWith({translateTemplates()});
        // Percent-encoded values, as in a URI query; '+' is not a space there.
        const TestResponse response = scenario->fixture.chat(
            scenario->token, userPrompt("template://translate?text=Guten%20Morgen%2C%20Welt&lang=C%2B%2B"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const Json sent = lastUpstreamBody();
        QVERIFY2(sent["messages"][0]["content"] == Json("Translate Guten Morgen, Welt into C++."),
                 m_upstream.requests().last().body.constData());
        QVERIFY(sent["model"] == Json("gpt-4o"));
    }

    void referencesInsideTextAndSeveralMessages() {
        auto scenario = scenarioWith({translateTemplates()});
        const QByteArray body = chatWith(Json::array(
            {{{"role", "system"},
              {"content", "Be brief. template://summarize?words=5&text=A%20long%20story"}},
             {{"role", "user"}, {"content", "template://translate?lang=fr&text=cat&unused=1 please"}}}));
        const TestResponse response = scenario->fixture.chat(scenario->token, body);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const Json sent = lastUpstreamBody();
        QVERIFY(sent["messages"][0]["content"] == Json("Be brief. Summarize in 5 words: A long story"));
        QVERIFY(sent["messages"][1]["content"] == Json("Translate cat into fr. please"));
    }

    void requestWithoutReferencePassesUntouched() {
        auto scenario = scenarioWith({translateTemplates()});
        const QByteArray body =
            "{ \"model\" : \"gpt-4o\", \"messages\" : [ {\"role\":\"user\",\"content\":\"hi\"} ] }";
        QCOMPARE(scenario->fixture.chat(scenario->token, body).status, 200);
        QCOMPARE(m_upstream.requests().last().body, body); // byte for byte: not even re-serialised
    }

    void unknownTemplateOrMissingValueIsRefused_data() {
        QTest::addColumn<QByteArray>("prompt");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown template")
            << QByteArray("template://translat?text=x&lang=de")
            << QStringLiteral("Translator: template://translat: there is no template "
                              "translat (templates: translate, summarize)");
        QTest::newRow("missing value")
            << QByteArray("template://translate?text=Hallo")
            << QStringLiteral("Translator: template://translate: no value for lang (the "
                              "template needs text, lang)");
    }

    void unknownTemplateOrMissingValueIsRefused() {
        QFETCH(QByteArray, prompt);
        QFETCH(QString, reason);
        auto scenario = scenarioWith({translateTemplates()});
        const qsizetype before = m_upstream.requests().size();
        const TestResponse refused =
            scenario->fixture.chat(scenario->token, userPrompt(prompt.toStdString()));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(QLatin1String("code")).toString(), QStringLiteral("102511"));
        QCOMPARE(refused.json().value(QLatin1String("description")).toString(), reason);
        QCOMPARE(m_upstream.requests().size(), before); // the model never saw it
    }

    void decoratorText_data() {
        QTest::addColumn<bool>("append");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prepend") << false << QStringLiteral("Answer in German. What is a cat?");
        QTest::newRow("append") << true << QStringLiteral("What is a cat? Answer in German.");
    }

    void decoratorText() {
        QFETCH(bool, append);
        QFETCH(QString, expected);
        auto scenario = scenarioWith({decorator(germanText, "$.messages[-1].content", append)});
        const TestResponse response = scenario->fixture.chat(scenario->token, userPrompt("What is a cat?"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY2(lastUpstreamBody()["messages"][0]["content"] == Json(expected.toStdString()),
                 m_upstream.requests().last().body.constData());
    }

    void decoratorMessages() {
        const char* persona = receptionist;
        for (const bool append : {false, true}) {
            auto scenario = scenarioWith({decorator(persona, "$.messages", append)});
            const TestResponse response = scenario->fixture.chat(scenario->token, userPrompt("Book a room"));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const Json messages = lastUpstreamBody()["messages"];
            QCOMPARE(messages.size(), std::size_t(2));
            const Json& system = messages[append ? 1 : 0];
            QVERIFY(system["role"] == Json("system"));
            QVERIFY(system["content"] == Json("You are a receptionist."));
            QVERIFY(messages[append ? 0 : 1]["content"] == Json("Book a room"));
        }
    }

    // Messages aimed at a string become its text, joined by newlines.
    void decoratorMessagesIntoAString() {
        auto scenario = scenarioWith({decorator(twoRules, "$.messages[0].content", false)});
        QCOMPARE(scenario->fixture.chat(scenario->token, userPrompt("Go")).status, 200);
        QVERIFY(lastUpstreamBody()["messages"][0]["content"] == Json("Rule one.\nRule two. Go"));
    }

    // Where the path finds no string or list, WSO2's fault sequence answers: 500, 900967.
    void decoratorPathNotFound() {
        auto scenario = scenarioWith({decorator(kindText, "$.prompt", false)});
        const qsizetype before = m_upstream.requests().size();
        const TestResponse failed = scenario->fixture.chat(scenario->token, userPrompt("hi"));
        QCOMPARE(failed.status, 500);
        QCOMPARE(failed.json().value(QLatin1String("code")).toString(), QStringLiteral("900967"));
        QCOMPARE(failed.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("Error occurred during PromptDecorator mediation"));
        QCOMPARE(failed.json().value(QLatin1String("description")).toString(),
                 QStringLiteral("$.prompt matches nothing in the request"));
        QCOMPARE(m_upstream.requests().size(), before);
    }

    // Policies run in attachment order: the template is filled, then the persona goes first.
    void templateThenDecorator() {
        auto scenario = scenarioWith({translateTemplates(), decorator(exactPersona, "$.messages", false)});
        QCOMPARE(scenario->fixture.chat(scenario->token, userPrompt("template://translate?text=Hund&lang=en"))
                     .status,
                 200);
        const Json messages = lastUpstreamBody()["messages"];
        QVERIFY(messages[0]["content"] == Json("Be exact."));
        QVERIFY(messages[1]["content"] == Json("Translate Hund into en."));
    }
};

QTEST_GUILESS_MAIN(TestGatewayPrompts)
#include "tst_gatewayprompts.moc"
