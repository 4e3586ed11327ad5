#include "gateway/JsonFieldScanner.h"

#include <QTest>

using gatehouse::Json;
using gatehouse::JsonFieldScanner;

namespace {
QByteArray spanOf(const QByteArray& text, const JsonFieldScanner::Field& field) {
    return text.mid(field.begin, field.end - field.begin);
}
} // namespace

// The cases live outside the class: moc's tokenizer trips over some of the JSON string literals.
class TestJsonFieldScanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsTopLevelAndNestedScalars();
    void stringSpanCoversEscapes_data();
    void stringSpanCoversEscapes();
    void membersInsideArraysOrDeeperObjectsDoNotMatch();
    void lastRepeatedMemberWins();
    void containerValueIsReportedAsSuch();
    void rejectsWhatIsNotAJsonObject_data();
    void rejectsWhatIsNotAJsonObject();
    void deepNestingFailsCleanly();
};

Q_DECLARE_METATYPE(JsonFieldScanner::Outcome)

void TestJsonFieldScanner::findsTopLevelAndNestedScalars() {
    const QByteArray text = QByteArrayLiteral(
        R"({"id":"x","model":"gpt-4o","usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42},)"
        R"("stream":true})");
    JsonFieldScanner scanner({{"model"}, {"usage", "total_tokens"}, {"stream"}, {"usage", "missing"}});
    QCOMPARE(scanner.scan(text), JsonFieldScanner::Outcome::Object);
    QVERIFY(scanner.field(0).found);
    QVERIFY(scanner.field(0).value == Json("gpt-4o"));
    QCOMPARE(spanOf(text, scanner.field(0)), QByteArrayLiteral("\"gpt-4o\""));
    QVERIFY(scanner.field(1).value == Json(42));
    QVERIFY(scanner.field(2).value == Json(true));
    QVERIFY(!scanner.field(3).found);
}

void TestJsonFieldScanner::stringSpanCoversEscapes_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("span");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QByteArrayLiteral(R"({"model":"o3-mini"})") << QByteArrayLiteral(R"("o3-mini")")
                           << QStringLiteral("o3-mini");
    QTest::newRow("escaped quote") << QByteArrayLiteral(R"({"model":"a\"b"})")
                                   << QByteArrayLiteral(R"("a\"b")") << QStringLiteral("a\"b");
    QTest::newRow("ends with escaped backslash")
        << QByteArrayLiteral(R"({"model":"a\\"})") << QByteArrayLiteral(R"("a\\")") << QStringLiteral("a\\");
    QTest::newRow("unicode escape and whitespace")
        << QByteArrayLiteral("{ \"model\" :\t\"\\u00e9t\\u00e9\" , \"n\":1}")
        << QByteArrayLiteral(R"("\u00e9t\u00e9")") << QString::fromUtf8("\xc3\xa9t\xc3\xa9");
    QTest::newRow("empty string") << QByteArrayLiteral(R"({"model":""})") << QByteArrayLiteral(R"("")")
                                  << QString();
    QTest::newRow("after nested strings with quotes")
        << QByteArrayLiteral(R"({"messages":[{"content":"say \"model\""}],"model":"m"})")
        << QByteArrayLiteral(R"("m")") << QStringLiteral("m");
}

void TestJsonFieldScanner::stringSpanCoversEscapes() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, span);
    QFETCH(QString, decoded);
    JsonFieldScanner scanner({{"model"}});
    QCOMPARE(scanner.scan(text), JsonFieldScanner::Outcome::Object);
    QCOMPARE(spanOf(text, scanner.field(0)), span);
    QCOMPARE(QString::fromStdString(scanner.field(0).value.get<std::string>()), decoded);
}

void TestJsonFieldScanner::membersInsideArraysOrDeeperObjectsDoNotMatch() {
    const QByteArray text = QByteArrayLiteral(R"({"choices":[{"model":"inner"}],"meta":{"model":"deeper"}})");
    JsonFieldScanner scanner({{"model"}});
    QCOMPARE(scanner.scan(text), JsonFieldScanner::Outcome::Object);
    QVERIFY(!scanner.field(0).found);
}

void TestJsonFieldScanner::lastRepeatedMemberWins() {
    const QByteArray text = QByteArrayLiteral(R"({"model":"first","model":"second"})");
    JsonFieldScanner scanner({{"model"}});
    QCOMPARE(scanner.scan(text), JsonFieldScanner::Outcome::Object);
    QVERIFY(scanner.field(0).value == Json("second"));
    QCOMPARE(spanOf(text, scanner.field(0)), QByteArrayLiteral(R"("second")"));
}

void TestJsonFieldScanner::containerValueIsReportedAsSuch() {
    JsonFieldScanner scanner({{"model"}});
    QCOMPARE(scanner.scan(QByteArrayLiteral(R"({"model":{"name":"x"}})")), JsonFieldScanner::Outcome::Object);
    QVERIFY(scanner.field(0).found);
    QVERIFY(scanner.field(0).isContainer);
    QVERIFY(scanner.field(0).value.is_null());
}

void TestJsonFieldScanner::rejectsWhatIsNotAJsonObject_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<JsonFieldScanner::Outcome>("outcome");
    QTest::newRow("empty") << QByteArray() << JsonFieldScanner::Outcome::Invalid;
    QTest::newRow("truncated") << QByteArrayLiteral(R"({"model":"x")") << JsonFieldScanner::Outcome::Invalid;
    QTest::newRow("trailing garbage")
        << QByteArrayLiteral(R"({"model":"x"} x)") << JsonFieldScanner::Outcome::Invalid;
    QTest::newRow("invalid UTF-8") << QByteArrayLiteral("{\"model\":\"\xff\"}")
                                   << JsonFieldScanner::Outcome::Invalid;
    QTest::newRow("array") << QByteArrayLiteral(R"([{"model":"x"}])") << JsonFieldScanner::Outcome::NotObject;
    QTest::newRow("string") << QByteArrayLiteral(R"("model")") << JsonFieldScanner::Outcome::NotObject;
    QTest::newRow("number") << QByteArrayLiteral("42") << JsonFieldScanner::Outcome::NotObject;
}

void TestJsonFieldScanner::rejectsWhatIsNotAJsonObject() {
    QFETCH(QByteArray, text);
    QFETCH(JsonFieldScanner::Outcome, outcome);
    JsonFieldScanner scanner({{"model"}});
    QCOMPARE(scanner.scan(text), outcome);
    QVERIFY(!scanner.field(0).found);
}

void TestJsonFieldScanner::deepNestingFailsCleanly() {
    // The SAX pass keeps a small frame per level and no document, so depth costs little memory.
    const QByteArray text = QByteArray(100000, '[') + QByteArray(100000, ']');
    JsonFieldScanner scanner({{"model"}});
    QCOMPARE(scanner.scan(text), JsonFieldScanner::Outcome::NotObject);
}

QTEST_GUILESS_MAIN(TestJsonFieldScanner)
#include "tst_jsonfieldscanner.moc"
