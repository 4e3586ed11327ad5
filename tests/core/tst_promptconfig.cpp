// The configurations of WSO2's PromptTemplate and PromptDecorator: what is accepted (the list or WSO2's
// string of it), what is refused and how the refusal reads, and how references and decorations
// apply. The gateway tests show the same over the wire.
#include "core/JsonPath.h"
#include "core/PolicyCatalogue.h"
#include "core/PromptDecoration.h"
#include "core/PromptTemplates.h"
#include "core/SemanticRoutingConfig.h"
#include "core/SemanticRules.h"

#include <QTest>

using namespace gatehouse;

class TestPromptConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templatesAcceptTheListAndWso2sString() {
        const Json list =
            Json::parse(R"([{"name":"translate","prompt":"Translate [[text]] into [[lang]]. [[text]]!"}])");
        for (const Json& value : {list, Json(dumpCompact(list))}) {
            const Result<PromptTemplates> templates = PromptTemplates::parse(value);
            QVERIFY2(templates, qPrintable(templates.error()));
            QCOMPARE(templates->templates().size(), std::size_t(1));
            QCOMPARE(templates->find(QStringLiteral("translate"))->variables,
                     QStringList({QStringLiteral("text"), QStringLiteral("lang")}));
        }
    }

    void templateRefusals_data() {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("\"[{\\\"name\\\":\"") << QStringLiteral("is not JSON");
        QTest::newRow("empty list") << QByteArray("[]") << QStringLiteral("must list at least one template");
        QTest::newRow("no prompt") << QByteArray(R"([{"name":"a"}])") << QStringLiteral("[0] must be");
        QTest::newRow("unreachable name")
            << QByteArray(R"([{"name":"a.b","prompt":"x"}])") << QStringLiteral("could not reach it");
        QTest::newRow("twice") << QByteArray(R"([{"name":"a","prompt":"x"},{"name":"a","prompt":"y"}])")
                               << QStringLiteral("[1].name: \"a\" is there twice");
        QTest::newRow("empty prompt")
            << QByteArray(R"([{"name":"a","prompt":"  "}])") << QStringLiteral("[0].prompt is empty");
    }

    void templateRefusals() {
        QFETCH(QByteArray, config);
        QFETCH(QString, message);
        const Result<PromptTemplates> templates = PromptTemplates::parse(Json::parse(config.constData()));
        QVERIFY(!templates);
        QVERIFY2(templates.error().contains(message), qPrintable(templates.error()));
    }

    void expandFillsEveryReferenceOnce() {
        const Result<PromptTemplates> templates =
            PromptTemplates::parse(Json::parse(R"([{"name":"t","prompt":"<[[a]]|[[b]]>"}])"));
        QVERIFY(templates);
        bool changed = false;
        // A value that looks like a placeholder or a reference stays text: nothing is expanded twice.
        const Result<QString> text = templates->expand(
            QStringLiteral(
                "x template://t?a=%5B%5Bb%5D%5D&b=template%3A%2F%2Ft%3Fa%3D1 y template://t?b=2&a=1"),
            &changed);
        QVERIFY2(text, qPrintable(text.error()));
        QVERIFY(changed);
        QCOMPARE(text.value(), QStringLiteral("x <[[b]]|template://t?a=1> y <1|2>"));
        const Result<QString> plain = templates->expand(QStringLiteral("no reference here"), &changed);
        QVERIFY(plain && !changed);
        // Without '?', WSO2's pattern does not take it for a reference.
        QCOMPARE(templates->expand(QStringLiteral("see template://t")).value(),
                 QStringLiteral("see template://t"));
    }

    void decorationShapes() {
        const Result<PromptDecoration> text = PromptDecoration::parse(Json(R"({"decoration":"Be brief."})"));
        QVERIFY2(text, qPrintable(text.error()));
        QCOMPARE(text->kind(), PromptDecoration::Kind::Text);
        const Result<PromptDecoration> messages =
            PromptDecoration::parse(Json::parse(R"({"decoration":[{"role":"system","content":"A"}]})"));
        QVERIFY(messages);
        QCOMPARE(messages->kind(), PromptDecoration::Kind::Messages);
        // WSO2's own default leaves the role empty: a model would refuse such a message.
        const Result<PromptDecoration> wso2Default =
            PromptDecoration::parse(Json::parse(R"({"decoration":[{"role":"","content":""}]})"));
        QVERIFY(!wso2Default);
        QVERIFY2(wso2Default.error().contains(QLatin1String("decoration[0].role is empty")),
                 qPrintable(wso2Default.error()));
        QVERIFY(!PromptDecoration::parse(Json::parse(R"({"decoration":5})")));
        QVERIFY(!PromptDecoration::parse(Json::parse(R"({"text":"x"})")));
    }

    void decorationApplies() {
        Json document = Json::parse(R"({"messages":[{"role":"user","content":"Hi"}]})");
        const Result<PromptDecoration> text =
            PromptDecoration::parse(Json::parse(R"({"decoration":"Please:"})"));
        const Result<JsonPath> last = JsonPath::compile(QStringLiteral("$.messages[-1].content"));
        QVERIFY(text && last);
        QVERIFY(text->apply(document, last.value(), false));
        QVERIFY(document["messages"][0]["content"] == Json("Please: Hi"));
        const Result<JsonPath> messages = JsonPath::compile(QStringLiteral("$.messages"));
        const Status intoList = text->apply(document, messages.value(), false);
        QVERIFY(!intoList);
        QVERIFY2(intoList.error().contains(QLatin1String("is a list")), qPrintable(intoList.error()));
        const Result<JsonPath> wildcard = JsonPath::compile(QStringLiteral("$.messages[*].role"));
        Json two = Json::parse(R"({"messages":[{"role":"user"},{"role":"user"}]})");
        QVERIFY(!text->apply(two, wildcard.value(), false));
    }

    // The catalogue knows both, on the request flow only, with WSO2's attribute names.
    void semanticRulesAcceptTheObjectAndWso2sString();
    void semanticRulesRefusals_data();
    void semanticRulesRefusals();
    void semanticRoutingRefusals_data();
    void semanticRoutingRefusals();

    void catalogueEntries() {
        const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
        const PolicyDefinition* templates = catalogue.find(QStringLiteral("PromptTemplate"));
        const PolicyDefinition* decorator = catalogue.find(QStringLiteral("PromptDecorator"));
        QVERIFY(templates && decorator);
        QVERIFY(templates->attribute(QStringLiteral("promptTemplateConfig")));
        QVERIFY(decorator->attribute(QStringLiteral("promptDecoratorConfig")));
        QVERIFY(decorator->attribute(QStringLiteral("jsonPath")));
        QVERIFY(decorator->attribute(QStringLiteral("append")));
        QVERIFY(decorator->allowsFlow(FlowKind::Request));
        QVERIFY(!decorator->allowsFlow(FlowKind::Response));
    }
};

// SemanticPromptGuardrail's rules: the object or WSO2's string of it, bounded, every prompt a text.
void TestPromptConfig::semanticRulesAcceptTheObjectAndWso2sString() {
    const Json rules = Json::parse(R"({"allowPrompts":["billing"],"denyPrompts":["passwords"]})");
    for (const Json& value : {rules, Json(dumpCompact(rules))}) {
        const Result<SemanticRules> parsed = SemanticRules::parse(value);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->allowPrompts, QStringList{QStringLiteral("billing")});
        QCOMPARE(parsed->denyPrompts, QStringList{QStringLiteral("passwords")});
    }
}

void TestPromptConfig::semanticRulesRefusals_data() {
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing to compare")
        << QByteArray(R"({"allowPrompts":[],"denyPrompts":[]})") << QStringLiteral("at least one prompt");
    QTest::newRow("a number") << QByteArray(R"({"denyPrompts":["a",7]})")
                              << QStringLiteral("denyPrompts[1] must be a prompt");
    QTest::newRow("misspelt") << QByteArray(R"({"denyPrompt":["a"]})")
                              << QStringLiteral("unknown member denyPrompt");
    QTest::newRow("not a list") << QByteArray(R"({"allowPrompts":"a"})")
                                << QStringLiteral("allowPrompts must be a list");
    QTest::newRow("not json") << QByteArray(R"("{allowPrompts")") << QStringLiteral("is not JSON");
    QByteArray many = "{\"denyPrompts\":[";
    for (int i = 0; i <= SemanticRules::maxPrompts; ++i)
        many += (i ? ",\"p" : "\"p") + QByteArray::number(i) + '"';
    many += "]}";
    QTest::newRow("too many") << many << QStringLiteral("at most 100");
}

void TestPromptConfig::semanticRulesRefusals() {
    QFETCH(QByteArray, rules);
    QFETCH(QString, message);
    const Result<SemanticRules> parsed = SemanticRules::parse(Json::parse(rules.constData()));
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(message), qPrintable(parsed.error()));
}

// semanticRouting's configuration, WSO2's shape: what is refused, with the path to it.
void TestPromptConfig::semanticRoutingRefusals_data() {
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("message");
    QTest::newRow("routes without a default")
        << QByteArray(R"({"production":{"routes":[{"model":"m","endpointId":"e","utterances":["a"]}]}})")
        << QStringLiteral("production.defaultModel is required");
    QTest::newRow("no utterance") << QByteArray(
                                         R"({"production":{"defaultModel":{"model":"m","endpointId":"e"},)"
                                         R"("routes":[{"model":"m","endpointId":"e","utterances":[]}]}})")
                                  << QStringLiteral("production.routes[0].utterances must list");
    QTest::newRow("threshold not a number")
        << QByteArray(
               R"({"production":{"defaultModel":{"model":"m","endpointId":"e"},)"
               R"("routes":[{"model":"m","endpointId":"e","utterances":["a"],"scorethreshold":"high"}]}})")
        << QStringLiteral("scorethreshold must be a number from 0 to 1");
    QTest::newRow("default without endpoint")
        << QByteArray(R"({"sandbox":{"defaultModel":{"model":"m"}}})")
        << QStringLiteral("sandbox.defaultModel.endpointId is required");
    QTest::newRow("nothing configured") << QByteArray(R"({"production":{},"sandbox":{}})")
                                        << QStringLiteral("must configure the production or the sandbox");
    QTest::newRow("bad path") << QByteArray(
                                     R"({"production":{"defaultModel":{"model":"m","endpointId":"e"}},)"
                                     R"("path":{"contentpath":"messages"}})")
                              << QStringLiteral("path.contentpath");
}

void TestPromptConfig::semanticRoutingRefusals() {
    QFETCH(QByteArray, config);
    QFETCH(QString, message);
    const Result<SemanticRoutingConfig> parsed =
        SemanticRoutingConfig::parse(Json::parse(config.constData()));
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(message), qPrintable(parsed.error()));
}

QTEST_GUILESS_MAIN(TestPromptConfig)
#include "tst_promptconfig.moc"
