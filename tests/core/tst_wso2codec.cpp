// WSO2's single-quoted JSON attribute form: what WSO2 writes must come back byte for byte.

#include "core/Json.h"
#include "core/Wso2AttributeCodec.h"

#include <QTest>

using namespace gatehouse;

namespace {

const char* const seedConfiguration =
    "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
    "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],"
    "'suspendDuration':30}";

Json parseJson(const QString& text) {
    return Json::parse(toStdString(text), nullptr, false);
}

QString dump(const Json& value) {
    return toQString(dumpCompact(value));
}

} // namespace

class TestWso2Codec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedRoundTripsByteForByte();
    void doubleQuotedJsonDecodesToTheSameValue();
    void roundTrip_data();
    void roundTrip();
    void decodesOtherSpellings_data();
    void decodesOtherSpellings();
    void apostropheIsEncodedAsUnicodeEscape();
    void brokenTextReportsColumn_data();
    void brokenTextReportsColumn();
    void numberTooLargeForADoubleIsAnError();
};

void TestWso2Codec::seedRoundTripsByteForByte() {
    const QString seed = QString::fromUtf8(seedConfiguration);
    const Result<Json> decoded = Wso2AttributeCodec::decode(seed);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    const Json& value = decoded.value();
    QVERIFY(value.is_object());
    QCOMPARE(value.at("production").size(), std::size_t(2));
    QCOMPARE(value.at("production").at(1).at("model").get<std::string>(), std::string("gpt-4o-mini"));
    QCOMPARE(value.at("production").at(0).at("weight").get<int>(), 50);
    QVERIFY(value.at("sandbox").is_array());
    QVERIFY(value.at("sandbox").empty());
    QCOMPARE(value.at("suspendDuration").get<int>(), 30);

    const QString encoded = Wso2AttributeCodec::encode(value);
    QCOMPARE(encoded, seed);
    QCOMPARE(encoded.toUtf8(), QByteArray(seedConfiguration));
}

void TestWso2Codec::doubleQuotedJsonDecodesToTheSameValue() {
    const QString strict = QStringLiteral(
        R"({"production":[{"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},)"
        R"({"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],"sandbox":[],)"
        R"("suspendDuration":30})");
    const Result<Json> fromStrict = Wso2AttributeCodec::decode(strict);
    const Result<Json> fromSeed = Wso2AttributeCodec::decode(QString::fromUtf8(seedConfiguration));
    QVERIFY2(fromStrict.ok(), qPrintable(fromStrict.error()));
    QVERIFY2(fromSeed.ok(), qPrintable(fromSeed.error()));
    QCOMPARE(dump(fromStrict.value()), dump(fromSeed.value()));
    QVERIFY(fromStrict.value() == fromSeed.value());
    // Whatever came in, WSO2's form goes out.
    QCOMPARE(Wso2AttributeCodec::encode(fromStrict.value()), QString::fromUtf8(seedConfiguration));
}

// `wso2`: the text as WSO2 stores it; `json`: the same value as strict JSON. Decoding gives the value,
// encoding the value gives `wso2` again, byte for byte.
void TestWso2Codec::roundTrip_data() {
    QTest::addColumn<QString>("wso2");
    QTest::addColumn<QString>("json");

    QTest::newRow("seed") << QString::fromUtf8(seedConfiguration)
                          << QStringLiteral(
                                 R"({"production":[{"model":"gpt-4o","endpointId":)"
                                 R"("default_production_endpoint","weight":50},{"model":"gpt-4o-mini",)"
                                 R"("endpointId":"default_production_endpoint","weight":50}],)"
                                 R"("sandbox":[],"suspendDuration":30})");
    QTest::newRow("empty object") << QStringLiteral("{}") << QStringLiteral("{}");
    QTest::newRow("empty lists") << QStringLiteral("{'production':[],'sandbox':[]}")
                                 << QStringLiteral(R"({"production":[],"sandbox":[]})");
    QTest::newRow("key order kept") << QStringLiteral("{'z':1,'a':2,'m':3}")
                                    << QStringLiteral(R"({"z":1,"a":2,"m":3})");
    QTest::newRow("scalars") << QStringLiteral("{'n':1.5,'i':-3,'t':true,'f':false,'z':null}")
                             << QStringLiteral(R"({"n":1.5,"i":-3,"t":true,"f":false,"z":null})");
    QTest::newRow("nested quotes") << QStringLiteral(R"({'a':'say \'hi\''})")
                                   << QStringLiteral(R"({"a":"say \"hi\""})");
    QTest::newRow("quote at both ends")
        << QStringLiteral(R"({'a':'\'quoted\''})") << QStringLiteral(R"({"a":"\"quoted\""})");
    QTest::newRow("apostrophe") << QStringLiteral(R"({'a':'it\u0027s'})")
                                << QStringLiteral(R"({"a":"it's"})");
    QTest::newRow("apostrophe in a key")
        << QStringLiteral(R"({'it\u0027s':1})") << QStringLiteral(R"({"it's":1})");
    QTest::newRow("apostrophe and quote")
        << QStringLiteral(R"({'a':'\'it\u0027s\''})") << QStringLiteral(R"({"a":"\"it's\""})");
    QTest::newRow("backslash") << QStringLiteral(R"({'p':'C:\\models\\x'})")
                               << QStringLiteral(R"({"p":"C:\\models\\x"})");
    // Ordinary literals: moc's tokenizer trips over these two written as raw strings.
    QTest::newRow("backslash before apostrophe")
        << QStringLiteral("{'a':'x\\\\\\u0027'}") << QStringLiteral("{\"a\":\"x\\\\'\"}");
    QTest::newRow("backslash before quote")
        << QStringLiteral("{'a':'x\\\\\\''}") << QStringLiteral("{\"a\":\"x\\\\\\\"\"}");
    QTest::newRow("escaped newline and tab")
        << QStringLiteral(R"({'t':'a\nb\tc'})") << QStringLiteral(R"({"t":"a\nb\tc"})");
    QTest::newRow("unicode") << QStringLiteral(u"{'model':'modèle-日本'}")
                             << QStringLiteral(u"{\"model\":\"modèle-日本\"}");
    QTest::newRow("unicode key and emoji")
        << QStringLiteral(u"{'clé':'🚀 ok'}") << QStringLiteral(u"{\"clé\":\"🚀 ok\"}");
    QTest::newRow("array at top level") << QStringLiteral("[{'model':'gpt-4o'},1,'two']")
                                        << QStringLiteral(R"([{"model":"gpt-4o"},1,"two"])");
    QTest::newRow("string at top level") << QStringLiteral("'plain'") << QStringLiteral(R"("plain")");
}

void TestWso2Codec::roundTrip() {
    QFETCH(QString, wso2);
    QFETCH(QString, json);

    const Json expected = parseJson(json);
    QVERIFY2(!expected.is_discarded(), "the json column is not valid JSON");

    const Result<Json> decoded = Wso2AttributeCodec::decode(wso2);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(dump(decoded.value()), dump(expected));

    const QString encoded = Wso2AttributeCodec::encode(decoded.value());
    QCOMPARE(encoded, wso2);
    QCOMPARE(encoded.toUtf8(), wso2.toUtf8());
    QCOMPARE(Wso2AttributeCodec::encode(expected), wso2);

    // Strict JSON is accepted as input too.
    const Result<Json> fromStrict = Wso2AttributeCodec::decode(json);
    QVERIFY2(fromStrict.ok(), qPrintable(fromStrict.error()));
    QCOMPARE(dump(fromStrict.value()), dump(expected));
}

// Input WSO2 or a user may write that is not what encode() produces but means the same value.
void TestWso2Codec::decodesOtherSpellings_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");

    QTest::newRow("raw double quote inside single quotes")
        << QStringLiteral(R"({'a':'say "hi"'})") << QStringLiteral(R"({"a":"say \"hi\""})");
    QTest::newRow("raw apostrophe inside double quotes")
        << QStringLiteral(R"({"a":"it's"})") << QStringLiteral(R"({"a":"it's"})");
    QTest::newRow("escaped quote outside a string") << QStringLiteral(R"({'a':"x",\"b\":1})") << QString();
    QTest::newRow("whitespace") << QStringLiteral(" { 'production' : [ ] ,\n 'sandbox' : [ ] } ")
                                << QStringLiteral(R"({"production":[],"sandbox":[]})");
    QTest::newRow("mixed keys") << QStringLiteral(R"({'a':"x","b":'y'})")
                                << QStringLiteral(R"({"a":"x","b":"y"})");
}

void TestWso2Codec::decodesOtherSpellings() {
    QFETCH(QString, text);
    QFETCH(QString, json);

    const Result<Json> decoded = Wso2AttributeCodec::decode(text);
    if (json.isEmpty()) {
        // Not JSON in either spelling: an error, not a crash or a guess.
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.error().contains(QLatin1String("column")));
        return;
    }
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(dump(decoded.value()), dump(parseJson(json)));
}

void TestWso2Codec::apostropheIsEncodedAsUnicodeEscape() {
    Json value = Json::object();
    value["note"] = "don't";
    value["quote"] = "say \"hi\"";
    const QString encoded = Wso2AttributeCodec::encode(value);
    QCOMPARE(encoded, QStringLiteral(R"({'note':'don\u0027t','quote':'say \'hi\''})"));
    // No bare apostrophe is left inside a value: WSO2 could not tell it from the closing quote.
    QVERIFY(!encoded.contains(QLatin1String("don't")));
    const Result<Json> decoded = Wso2AttributeCodec::decode(encoded);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(decoded.value().at("note").get<std::string>(), std::string("don't"));
    QCOMPARE(decoded.value().at("quote").get<std::string>(), std::string("say \"hi\""));
}

void TestWso2Codec::brokenTextReportsColumn_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column"); // 1-based character column of the offending character; 0: unchecked

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("unterminated object") << QStringLiteral("{'a':") << 0;
    QTest::newRow("unterminated string") << QStringLiteral("{'a':'b}") << 0;
    QTest::newRow("trailing comma") << QStringLiteral("{'production':[{'model':'gpt-4o',}]}") << 0;
    QTest::newRow("bare word") << QStringLiteral("{'a':x}") << 6;
    QTest::newRow("bare word after unicode") << QStringLiteral(u"{'日本':x}") << 7;
    QTest::newRow("bare word after quote escape") << QStringLiteral(R"({'a':'\'b\'',x})") << 14;
    QTest::newRow("missing colon") << QStringLiteral("{'a' 1}") << 6;
    QTest::newRow("garbage after value") << QStringLiteral("{'a':1} x") << 9;
}

void TestWso2Codec::brokenTextReportsColumn() {
    QFETCH(QString, text);
    QFETCH(int, column);

    const Result<Json> decoded = Wso2AttributeCodec::decode(text);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().contains(QLatin1String("column")), qPrintable(decoded.error()));
    if (column > 0)
        QVERIFY2(decoded.error().startsWith(QStringLiteral("column %1:").arg(column)),
                 qPrintable(decoded.error()));
}

// Found by tests/fuzz/fuzz_policy_config: a number too large for a double is valid JSON syntax that
// nlohmann refuses with out_of_range, not parse_error. It escaped decode() and ended the process
// (the policy editor, or a gateway compiling the deployment).
void TestWso2Codec::numberTooLargeForADoubleIsAnError() {
    const QString text = QStringLiteral("{'production':[],'sandbox':[],'suspendDuration':1e400}");
    const Result<Json> decoded = Wso2AttributeCodec::decode(text);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().startsWith(QLatin1String("column ")), qPrintable(decoded.error()));
    QVERIFY2(decoded.error().contains(QLatin1String("1e400")), qPrintable(decoded.error()));
    // The column points into the number.
    const int column = decoded.error().mid(7, decoded.error().indexOf(QLatin1Char(':')) - 7).toInt();
    const int numberStart = int(text.indexOf(QLatin1String("1e400"))) + 1;
    QVERIFY2(column >= numberStart && column < numberStart + 5, qPrintable(decoded.error()));
}

QTEST_GUILESS_MAIN(TestWso2Codec)
#include "tst_wso2codec.moc"
