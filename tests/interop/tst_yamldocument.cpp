#include "interop/YamlDocument.h"

#include <QTest>

using namespace gatehouse;

class TestYamlDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scalarsFollowTheCoreSchema();
    void jsonIsYaml();
    void brokenDocumentNamesLineAndColumn();
    void writtenYamlReadsBackTheSameValue();
    void aliasBombIsRefusedNotExpanded();
};

void TestYamlDocument::scalarsFollowTheCoreSchema() {
    const Result<Json> parsed = YamlDocument::parse("a: 42\nb: 1.5\nc: true\nd: ~\ne: '42'\nf: hello world\n"
                                                    "g: 0x1F\nh: [1, two]\ni: \"true\"\nj: v4.5.0\n",
                                                    QStringLiteral("t.yaml"));
    QVERIFY2(parsed, qPrintable(parsed.error()));
    const Json& v = parsed.value();
    QVERIFY(v["a"] == Json(42));
    QVERIFY(v["b"] == Json(1.5));
    QVERIFY(v["c"] == Json(true));
    QVERIFY(v["d"].is_null());
    QVERIFY(v["e"] == Json("42")); // quoted: a string whatever it says
    QVERIFY(v["f"] == Json("hello world"));
    QVERIFY(v["g"] == Json(31));
    QVERIFY(v["h"] == Json::parse(R"([1,"two"])"));
    QVERIFY(v["i"] == Json("true"));
    QVERIFY(v["j"] == Json("v4.5.0"));
}

void TestYamlDocument::jsonIsYaml() {
    const Result<Json> parsed =
        YamlDocument::parse(R"({"openapi": "3.1.0", "paths": {"/a": {"get": {}}}, "n": [1, 2.5, null]})",
                            QStringLiteral("t.json"));
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QVERIFY(parsed.value() ==
            Json::parse(R"({"openapi":"3.1.0","paths":{"/a":{"get":{}}},"n":[1,2.5,null]})"));
}

void TestYamlDocument::brokenDocumentNamesLineAndColumn() {
    const Result<Json> parsed =
        YamlDocument::parse("openapi: 3.0.3\npaths:\n  /a:\n    get: [1, 2\n", QStringLiteral("broken.yaml"));
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().startsWith(QStringLiteral("broken.yaml:")), qPrintable(parsed.error()));
    QVERIFY2(parsed.error().contains(QRegularExpression(QStringLiteral("^broken\\.yaml:[45]:\\d+: "))),
             qPrintable(parsed.error()));
}

void TestYamlDocument::writtenYamlReadsBackTheSameValue() {
    const Json value = Json::parse(R"({
        "type": "api", "version": "v4.5.0",
        "data": {"name": "SmartChat", "context": "/smartchat", "version": "1.0.0",
                 "tricky": ["true", "1.0", "", "null", " lead", "a: b", "#x", "x #y", "-", "multi\nline", "0x1F"],
                 "numbers": [0, -3, 2.5, 1e20, 100.0], "flags": [true, false, null],
                 "empty": {}, "none": [],
                 "parameters": {"weightedRoundRobinConfigs": "{'production':[{'model':'gpt-4o','weight':50}]}"}}
    })");
    const QByteArray text = YamlDocument::write(value);
    const Result<Json> back = YamlDocument::parse(text, QStringLiteral("roundtrip.yaml"));
    QVERIFY2(back, qPrintable(back.error() + QStringLiteral("\n") + QString::fromUtf8(text)));
    QVERIFY2(back.value() == value, qPrintable(QString::fromUtf8(text)));
    QVERIFY(text.startsWith("type: api\n"));
}

void TestYamlDocument::aliasBombIsRefusedNotExpanded() {
    // Nine lines that expand to 10^9 values ("billion laughs"): an error, quickly, not an exhausted machine.
    QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        const char previous = char(level - 1);
        bomb += QByteArray(1, level) + ": &" + level + " [";
        for (int i = 0; i < 10; ++i)
            bomb += (i ? ", *" : "*") + QByteArray(1, previous);
        bomb += "]\n";
    }
    for (const bool located : {false, true}) {
        const QString error = located ? YamlDocument::parseLocated(bomb, QStringLiteral("bomb.yaml")).error()
                                      : YamlDocument::parse(bomb, QStringLiteral("bomb.yaml")).error();
        QVERIFY2(error.startsWith(QStringLiteral("bomb.yaml: the document expands to more than")),
                 qPrintable(error));
    }
    // A small alias is still fine.
    const Result<Json> small =
        YamlDocument::parse("base: &b {model: gpt-4o}\ncopy: *b\n", QStringLiteral("ok.yaml"));
    QVERIFY2(small, qPrintable(small.error()));
    QVERIFY(small.value()["copy"] == small.value()["base"]);
    // Beyond the size limit: refused before parsing.
    QVERIFY(!YamlDocument::parse(QByteArray(65 * 1024 * 1024, ' '), QStringLiteral("huge.yaml")));
}

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
