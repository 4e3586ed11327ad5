// The JSONSchemaGuardrail's validator against the official JSON Schema Test Suite (Debian's
// json-schema-test-suite, the draft-07 folder), and the limits that keep a schema or a document from
// hanging or crashing a gateway worker: compile errors that name their place, the evaluation budget,
// the nesting bound, code-point lengths, and sharing one validator between threads.

#include "core/Json.h"
#include "core/JsonSchemaValidator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace gatehouse;

namespace {

const char* const suiteDirectory = "/usr/share/json-schema-test-suite/tests/draft7";

// Suite files this validator does not take on as a whole.
struct UnsupportedFile {
    const char* file;
    const char* reason;
};
const UnsupportedFile unsupportedFiles[] = {
    {"refRemote.json",
     "needs the suite's schema server at localhost:1234; remote references are not fetched"},
};

// Single cases of supported files that need what the validator deliberately lacks.
struct SkippedCase {
    const char* file;
    const char* description;
    const char* reason;
};
const SkippedCase skippedCases[] = {
    {"ref.json", "remote ref, containing refs itself",
     "fetches the draft-07 meta-schema from json-schema.org"},
    {"definitions.json", "valid definition", "fetches the draft-07 meta-schema from json-schema.org"},
    {"definitions.json", "invalid definition", "fetches the draft-07 meta-schema from json-schema.org"},
};

// The keyword a suite file is about, as supportedKeywords() names it; empty for a file about
// something other than one keyword.
QString keywordOfFile(const QString& fileName) {
    const QString base = QFileInfo(fileName).completeBaseName();
    if (base == QLatin1String("if-then-else"))
        return QStringLiteral("if");
    if (base == QLatin1String("boolean_schema"))
        return QString();
    if (base == QLatin1String("ref") || base == QLatin1String("refRemote"))
        return QStringLiteral("$ref");
    return base;
}

const char* unsupportedReason(const QString& fileName) {
    for (const UnsupportedFile& file : unsupportedFiles) {
        if (fileName == QLatin1String(file.file))
            return file.reason;
    }
    return nullptr;
}

const char* skipReason(const QString& fileName, const std::string& description) {
    for (const SkippedCase& skipped : skippedCases) {
        if (fileName == QLatin1String(skipped.file) && description == skipped.description)
            return skipped.reason;
    }
    return nullptr;
}

Json parse(const QByteArray& text) {
    return Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

QByteArray serialised(const Json& value) {
    return QByteArray::fromStdString(dumpCompact(value));
}

Json draft07(Json schema) {
    schema["$schema"] = "http://json-schema.org/draft-07/schema#";
    return schema;
}

JsonSchemaValidator compiled(const Json& schema) {
    Result<JsonSchemaValidator> validator = JsonSchemaValidator::compile(schema);
    if (!validator.ok())
        qFatal("the test's schema does not compile: %s", qPrintable(validator.error()));
    return validator.take();
}

// 2^30 ways through: each level's anyOf tries the next level twice, and the last level never
// matches, so a validator without a budget would evaluate about two billion schemas.
Json exponentialSchema(int levels, const Json& leaf) {
    Json defs = Json::object();
    for (int level = 0; level < levels; ++level) {
        const std::string next = "#/$defs/l" + std::to_string(level + 1);
        defs["l" + std::to_string(level)] = {{"anyOf", Json::array({{{"$ref", next}}, {{"$ref", next}}})}};
    }
    defs["l" + std::to_string(levels)] = leaf;
    return {{"$ref", "#/$defs/l0"}, {"$defs", defs}};
}

Json nestedArrays(int depth) {
    Json document = Json::array();
    for (int level = 0; level < depth; ++level) {
        Json outer = Json::array();
        outer.push_back(std::move(document));
        document = std::move(outer);
    }
    return document;
}

} // namespace

class TestJsonSchemaSuite : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void suite_data();
    void suite();
    void compileErrorsNamePointer_data();
    void compileErrorsNamePointer();
    void nestingAndSizeLimits();
    void whyNamesKeywordAndLocation_data();
    void whyNamesKeywordAndLocation();
    void budgetStopsExponentialSchema();
    void depthBoundStopsCyclesAndDeepDocuments();
    void maxLengthCountsCodePoints();
    void numbersCompareAsJson();
    void refSiblingsFollowTheDialect();
    void patternIsEcmaScriptLike();
    void keywordsOnlyDraft2020Has();
    void hostilePatternGivesNoVerdict();
    void sharedBetweenThreads();
    void cleanupTestCase();

private:
    int m_cases = 0;
    int m_testsPassed = 0;
    QStringList m_skipped;
};

void TestJsonSchemaSuite::suite_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("tests");

    const QDir directory(QString::fromUtf8(suiteDirectory));
    if (!directory.exists()) {
        // One row, so that suite() fails with the reason instead of silently testing nothing.
        QTest::newRow("suite missing") << QString() << QByteArray() << QByteArray();
        return;
    }
    const QStringList supported = JsonSchemaValidator::supportedKeywords();
    m_skipped.clear();
    // Only the folder's own files: "optional/" holds formats and behaviour the drafts leave open.
    const QStringList files = directory.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& fileName : files) {
        if (const char* reason = unsupportedReason(fileName)) {
            m_skipped << QStringLiteral("%1 (%2)").arg(fileName, QString::fromUtf8(reason));
            continue;
        }
        const QString keyword = keywordOfFile(fileName);
        if (!keyword.isEmpty() && !supported.contains(keyword)) {
            m_skipped << QStringLiteral("%1 (keyword \"%2\" not supported)").arg(fileName, keyword);
            continue;
        }
        QFile file(directory.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            QFAIL(qPrintable(QStringLiteral("cannot read %1").arg(file.fileName())));
        const Json cases = parse(file.readAll());
        if (!cases.is_array())
            QFAIL(qPrintable(QStringLiteral("%1 is not a JSON array of cases").arg(file.fileName())));
        for (const Json& testCase : cases) {
            const std::string description = testCase.value("description", std::string());
            if (const char* reason = skipReason(fileName, description)) {
                m_skipped << QStringLiteral("%1 \"%2\" (%3)")
                                 .arg(fileName, toQString(description), QString::fromUtf8(reason));
                continue;
            }
            const QByteArray name = (fileName + QStringLiteral(": ") + toQString(description)).toUtf8();
            QTest::newRow(name.constData())
                << fileName << serialised(testCase.at("schema")) << serialised(testCase.at("tests"));
        }
    }
}

void TestJsonSchemaSuite::suite() {
    QFETCH(QString, file);
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, tests);
    if (file.isEmpty())
        QFAIL(qPrintable(QStringLiteral("the JSON Schema Test Suite is not installed (%1 is missing): run "
                                        "./dev deps, which installs Debian's json-schema-test-suite")
                             .arg(QString::fromUtf8(suiteDirectory))));

    Json document = parse(schema);
    // The folder names the dialect; the suite's later releases write it into every schema as
    // "$schema". It matters for one rule: draft-07 ignores the siblings of "$ref", and a schema
    // without "$schema" gets the stricter 2020-12 reading (see JsonSchemaValidator.h).
    if (document.is_object() && !document.contains("$schema"))
        document = draft07(std::move(document));
    const Result<JsonSchemaValidator> validator = JsonSchemaValidator::compile(document);
    QVERIFY2(validator.ok(), qPrintable(validator.error()));
    ++m_cases;

    QStringList failures;
    for (const Json& test : parse(tests)) {
        QString why;
        const bool expected = test.at("valid").get<bool>();
        const bool actual = validator.value().validate(test.at("data"), &why);
        if (actual == expected) {
            ++m_testsPassed;
            continue;
        }
        failures << QStringLiteral("\"%1\": data %2 should be %3%4")
                        .arg(toQString(test.value("description", std::string())),
                             toQString(dumpCompact(test.at("data"))),
                             expected ? QStringLiteral("valid") : QStringLiteral("invalid"),
                             why.isEmpty() ? QString() : QStringLiteral(" (validator: %1)").arg(why));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

void TestJsonSchemaSuite::compileErrorsNamePointer_data() {
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QString>("pointer");

    QTest::newRow("bad pattern") << QByteArray(
                                        R"({"properties":{"name":{"type":"string","pattern":"^(open"}}})")
                                 << QStringLiteral("/properties/name/pattern");
    QTest::newRow("minimum not a number") << QByteArray(R"({"properties":{"age":{"minimum":"x"}}})")
                                          << QStringLiteral("/properties/age/minimum");
    QTest::newRow("dangling $ref") << QByteArray(R"({"items":{"$ref":"#/definitions/missing"}})")
                                   << QStringLiteral("/items/$ref");
    QTest::newRow("remote $ref") << QByteArray(R"({"$ref":"https://example.com/schema.json"})")
                                 << QStringLiteral("/$ref");
    QTest::newRow("$ref into an array past its end")
        << QByteArray(R"({"allOf":[{"$ref":"#/allOf/1"}]})") << QStringLiteral("/allOf/0/$ref");
    QTest::newRow("schema not an object") << QByteArray(R"("string")") << QStringLiteral("(root)");
    QTest::newRow("subschema not an object")
        << QByteArray(R"({"anyOf":[{"type":"string"},3]})") << QStringLiteral("/anyOf/1");
    QTest::newRow("unknown type") << QByteArray(R"({"type":"text"})") << QStringLiteral("/type");
    QTest::newRow("negative maxLength") << QByteArray(R"({"maxLength":-1})") << QStringLiteral("/maxLength");
    QTest::newRow("multipleOf zero") << QByteArray(R"({"multipleOf":0})") << QStringLiteral("/multipleOf");
    QTest::newRow("escaped property name") << QByteArray(R"({"properties":{"a/b~c":{"maximum":[]}}})")
                                           << QStringLiteral("/properties/a~1b~0c/maximum");
    QTest::newRow("bad patternProperties key")
        << QByteArray(R"({"patternProperties":{"a(":{}}})") << QStringLiteral("/patternProperties/a(");
    QTest::newRow("error inside $defs")
        << QByteArray(R"({"$defs":{"x":{"required":"name"}}})") << QStringLiteral("/$defs/x/required");
    QTest::newRow("refused keyword") << QByteArray(R"({"unevaluatedProperties":false})")
                                     << QStringLiteral("/unevaluatedProperties");
}

void TestJsonSchemaSuite::compileErrorsNamePointer() {
    QFETCH(QByteArray, schema);
    QFETCH(QString, pointer);
    const Result<JsonSchemaValidator> validator = JsonSchemaValidator::compile(parse(schema));
    QVERIFY(!validator.ok());
    QVERIFY2(validator.error().startsWith(pointer + QStringLiteral(": ")), qPrintable(validator.error()));
}

void TestJsonSchemaSuite::nestingAndSizeLimits() {
    const auto nestedNots = [](int levels) {
        Json schema = Json::object();
        for (int level = 0; level < levels; ++level)
            schema = Json{{"not", std::move(schema)}};
        return schema;
    };
    QVERIFY(JsonSchemaValidator::compile(nestedNots(JsonSchemaValidator::maxNesting)).ok());
    const Result<JsonSchemaValidator> tooDeep =
        JsonSchemaValidator::compile(nestedNots(JsonSchemaValidator::maxNesting + 1));
    QVERIFY(!tooDeep.ok());
    QVERIFY2(tooDeep.error().startsWith(QStringLiteral("/not/not/")), qPrintable(tooDeep.error()));
    QVERIFY2(tooDeep.error().contains(QStringLiteral("64 levels")), qPrintable(tooDeep.error()));

    // The root and its properties: exactly at the limit, then one more.
    const auto wide = [](int properties) {
        Json map = Json::object();
        for (int i = 0; i < properties; ++i)
            map["p" + std::to_string(i)] = Json::object();
        return Json{{"properties", std::move(map)}};
    };
    QVERIFY(JsonSchemaValidator::compile(wide(JsonSchemaValidator::maxSubschemas - 1)).ok());
    const Result<JsonSchemaValidator> tooLarge =
        JsonSchemaValidator::compile(wide(JsonSchemaValidator::maxSubschemas));
    QVERIFY(!tooLarge.ok());
    QVERIFY2(tooLarge.error().contains(QStringLiteral("10000 subschemas")), qPrintable(tooLarge.error()));
}

void TestJsonSchemaSuite::whyNamesKeywordAndLocation_data() {
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("instance");
    QTest::addColumn<QString>("why");

    QTest::newRow("minimum") << QByteArray(R"({"properties":{"age":{"minimum":18}}})")
                             << QByteArray(R"({"age":17})")
                             << QStringLiteral("/age: 17 is less than the minimum 18");
    QTest::newRow("required") << QByteArray(R"({"type":"object","required":["name"]})") << QByteArray("{}")
                              << QStringLiteral("(root): the required property \"name\" is missing");
    QTest::newRow("item type") << QByteArray(R"({"properties":{"tags":{"items":{"type":"string"}}}})")
                               << QByteArray(R"({"tags":["a",2]})")
                               << QStringLiteral("/tags/1: expected string, not an integer");
    QTest::newRow("additionalProperties")
        << QByteArray(R"({"properties":{"a":{}},"additionalProperties":false})")
        << QByteArray(R"({"a":1,"b/c":2})")
        << QStringLiteral("/b~1c: the property is not allowed (additionalProperties)");
    // The prompt's own text stays out of the message.
    QTest::newRow("pattern") << QByteArray(R"({"properties":{"code":{"pattern":"^[A-Z]{3}$"}}})")
                             << QByteArray(R"({"code":"secret"})")
                             << QStringLiteral("/code: the string does not match the pattern \"^[A-Z]{3}$\"");
    QTest::newRow("through $ref") << QByteArray(
                                         R"({"$defs":{"n":{"maximum":3}},"items":{"$ref":"#/$defs/n"}})")
                                  << QByteArray("[1,5]")
                                  << QStringLiteral("/1: 5 is greater than the maximum 3");
    QTest::newRow("anyOf") << QByteArray(R"({"anyOf":[{"type":"string"},{"type":"null"}]})")
                           << QByteArray("1")
                           << QStringLiteral("(root): the value matches none of the \"anyOf\" schemas");
}

void TestJsonSchemaSuite::whyNamesKeywordAndLocation() {
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, instance);
    QFETCH(QString, why);
    QString actual;
    QVERIFY(!compiled(parse(schema)).validate(parse(instance), &actual));
    QCOMPARE(actual, why);
}

void TestJsonSchemaSuite::budgetStopsExponentialSchema() {
    const JsonSchemaValidator failing = compiled(exponentialSchema(30, {{"type", "string"}}));
    QElapsedTimer timer;
    timer.start();
    QString why;
    QVERIFY(!failing.validate(42, &why));
    QCOMPARE(why, QStringLiteral("schema evaluation limit reached"));
    // A million cheap evaluations take milliseconds; the bound is what keeps it that short.
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));

    // The same schema is fine when the first way through matches: the budget is per call, for
    // work actually done.
    const JsonSchemaValidator matching = compiled(exponentialSchema(30, {{"type", "integer"}}));
    QVERIFY(matching.validate(42, &why));
    // And each call starts with a full budget.
    QVERIFY(!failing.validate(42));
    QVERIFY(matching.validate(7));
}

void TestJsonSchemaSuite::depthBoundStopsCyclesAndDeepDocuments() {
    QString why;
    // A schema that is only a reference to itself never reaches a keyword that could decide.
    QVERIFY(!compiled(Json{{"$ref", "#"}}).validate(1, &why));
    QVERIFY2(why.startsWith(QStringLiteral("schema evaluation limit reached")), qPrintable(why));
    why.clear();
    QVERIFY(!compiled(draft07({{"$ref", "#"}})).validate(1, &why));
    QVERIFY2(why.startsWith(QStringLiteral("schema evaluation limit reached")), qPrintable(why));
    why.clear();
    const Json mutual =
        parse(R"({"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"})");
    QVERIFY(!compiled(mutual).validate(Json::object(), &why));
    QVERIFY2(why.startsWith(QStringLiteral("schema evaluation limit reached")), qPrintable(why));

    // A document nested 100,000 deep, followed down by a recursive schema or hashed by uniqueItems,
    // ends in a refusal instead of a stack overflow.
    const Json deep = nestedArrays(100000);
    const JsonSchemaValidator recursive = compiled(parse(R"({"type":"array","items":{"$ref":"#"}})"));
    why.clear();
    QVERIFY(!recursive.validate(deep, &why));
    QVERIFY2(why.startsWith(QStringLiteral("schema evaluation limit reached")), qPrintable(why));
    QVERIFY(recursive.validate(nestedArrays(100)));
    why.clear();
    // Moved in, not copied: nlohmann's copy constructor recurses, and this one is too deep for it.
    Json pair = Json::array();
    pair.push_back(nestedArrays(100000));
    pair.push_back(nestedArrays(100000));
    QVERIFY(!compiled(parse(R"({"uniqueItems":true})")).validate(pair, &why));
    QVERIFY2(why.startsWith(QStringLiteral("schema evaluation limit reached")), qPrintable(why));
}

void TestJsonSchemaSuite::maxLengthCountsCodePoints() {
    const JsonSchemaValidator atMostOne = compiled({{"maxLength", 1}});
    QVERIFY(atMostOne.validate(Json(std::string("\xc3\xa9"))));         // é: two bytes, one code point
    QVERIFY(atMostOne.validate(Json(std::string("\xf0\x9f\x98\x80")))); // 😀: four bytes, two UTF-16 units
    QVERIFY(!atMostOne.validate(Json(std::string("e\xcc\x81")))); // e + combining acute: two code points
    const JsonSchemaValidator atLeastTwo = compiled({{"minLength", 2}});
    QVERIFY(!atLeastTwo.validate(Json(std::string("\xf0\x9f\x98\x80"))));
    QVERIFY(atLeastTwo.validate(Json(std::string("\xf0\x9f\x98\x80\xc3\xa9"))));
}

void TestJsonSchemaSuite::numbersCompareAsJson() {
    QVERIFY(compiled({{"type", "integer"}}).validate(1.0));
    QVERIFY(!compiled({{"type", "integer"}}).validate(1.5));
    QVERIFY(compiled({{"const", 1}}).validate(1.0));
    // Member order is not part of a JSON object's value, although ordered_json keeps it.
    QVERIFY(compiled(parse(R"({"const":{"a":1,"b":[1,{"c":null}]}})"))
                .validate(parse(R"({"b":[1.0,{"c":null}],"a":1})")));
    QVERIFY(
        !compiled(parse(R"({"uniqueItems":true})")).validate(parse(R"([{"a":1,"b":2},{"b":2,"a":1.0}])")));
    QVERIFY(compiled({{"multipleOf", 0.01}}).validate(19.99));
    QVERIFY(compiled({{"multipleOf", 0.0001}}).validate(0.0075));
    QVERIFY(!compiled({{"multipleOf", 0.0001}}).validate(0.00751));
    QVERIFY(!compiled({{"multipleOf", 0.01}}).validate(0.015));
    QVERIFY(!compiled({{"multipleOf", 0.123456789}}).validate(1e308));
    // Exact beyond a double's 53 bits: 2^63 + 1 is odd, and more than 2^63.
    QVERIFY(!compiled({{"multipleOf", 2}}).validate(std::uint64_t(9223372036854775809ULL)));
    QVERIFY(!compiled({{"maximum", 9223372036854775808.0}}).validate(std::uint64_t(9223372036854775809ULL)));
    // Draft-04's boolean form of exclusiveMinimum.
    const JsonSchemaValidator draft04 = compiled(parse(R"({"minimum":5,"exclusiveMinimum":true})"));
    QVERIFY(!draft04.validate(5));
    QVERIFY(draft04.validate(5.5));
}

void TestJsonSchemaSuite::refSiblingsFollowTheDialect() {
    // 2020-12 (and a schema without "$schema") evaluates the siblings of "$ref"; draft-07 ignores them.
    const Json modern = parse(R"({"$defs":{"o":{"type":"object"}},"$ref":"#/$defs/o","required":["x"]})");
    QVERIFY(!compiled(modern).validate(Json::object()));
    QVERIFY(compiled(modern).validate(parse(R"({"x":1})")));
    const Json legacy = draft07(
        parse(R"({"definitions":{"o":{"type":"object"}},"$ref":"#/definitions/o","required":["x"]})"));
    QVERIFY(compiled(legacy).validate(Json::object()));
    QVERIFY(!compiled(legacy).validate(1));

    // "$id" and "$anchor" name places in the document.
    const Json identified = parse(R"({"$id":"https://example.com/root.json","$defs":{
        "positive":{"$id":"numbers/positive.json","exclusiveMinimum":0},
        "short":{"$anchor":"short","maxLength":3}},
        "properties":{"n":{"$ref":"numbers/positive.json"},"s":{"$ref":"#short"},
                      "m":{"$ref":"https://example.com/numbers/positive.json"}}})");
    const JsonSchemaValidator byId = compiled(identified);
    QVERIFY(byId.validate(parse(R"({"n":1,"s":"abc","m":2})")));
    QVERIFY(!byId.validate(parse(R"({"n":0})")));
    QVERIFY(!byId.validate(parse(R"({"m":-1})")));
    QVERIFY(!byId.validate(parse(R"({"s":"abcd"})")));
}

void TestJsonSchemaSuite::patternIsEcmaScriptLike() {
    const JsonSchemaValidator word = compiled({{"pattern", "^[a-z]+$"}});
    QVERIFY(word.validate("abc"));
    // ECMA 262's "$" is the end of the input, not "before a final newline" as in PCRE.
    QVERIFY(!word.validate("abc\n"));
    // A search, not a full match.
    QVERIFY(compiled({{"pattern", "b"}}).validate("abc"));
    QVERIFY(compiled({{"pattern", "caf\\u00e9"}}).validate(std::string("un caf\xc3\xa9")));
    QVERIFY(compiled({{"pattern", "^[$]$"}}).validate("$"));
    QVERIFY(compiled({{"pattern", "^\\$$"}}).validate("$"));
    QVERIFY(!compiled({{"pattern", "[]"}}).validate("a"));
    QVERIFY(compiled({{"pattern", "^[^]$"}}).validate("\n"));
    // Non-strings are not the pattern's business.
    QVERIFY(compiled({{"pattern", "^a$"}}).validate(12));
}

// Debian's json-schema-test-suite (2.0.0) has folders up to draft-07 only: the keywords 2020-12 added
// (or renamed) are checked here, by their specification's own examples.
void TestJsonSchemaSuite::keywordsOnlyDraft2020Has() {
    // prefixItems: positions; items then applies to the rest.
    const JsonSchemaValidator tuple = compiled(
        parse(R"({"prefixItems":[{"type":"string"},{"type":"integer"}],"items":{"type":"boolean"}})"));
    QVERIFY(tuple.validate(parse(R"(["a",1])")));
    QVERIFY(tuple.validate(parse(R"(["a",1,true,false])")));
    QVERIFY(!tuple.validate(parse(R"([1,"a"])")));
    QVERIFY(!tuple.validate(parse(R"(["a",1,"c"])")));
    QVERIFY(tuple.validate(parse(R"(["a"])"))); // shorter than the prefix is fine
    // dependentRequired: a property that needs others.
    const JsonSchemaValidator billing =
        compiled(parse(R"({"dependentRequired":{"credit_card":["billing_address"]}})"));
    QVERIFY(billing.validate(parse(R"({"name":"x"})")));
    QVERIFY(billing.validate(parse(R"({"credit_card":1,"billing_address":"y"})")));
    QString why;
    QVERIFY(!billing.validate(parse(R"({"credit_card":1})"), &why));
    QVERIFY2(why.contains(QStringLiteral("billing_address")), qPrintable(why));
    // dependentSchemas: a property that brings a schema.
    const JsonSchemaValidator dependent = compiled(parse(
        R"({"dependentSchemas":{"credit_card":{"required":["billing_address"],"properties":{"billing_address":{"type":"string"}}}}})"));
    QVERIFY(dependent.validate(parse(R"({"credit_card":1,"billing_address":"y"})")));
    QVERIFY(!dependent.validate(parse(R"({"credit_card":1,"billing_address":2})")));
    QVERIFY(!dependent.validate(parse(R"({"credit_card":1})")));
    QVERIFY(dependent.validate(parse(R"({"billing_address":2})")));
    // minContains / maxContains bound how many items match "contains".
    const JsonSchemaValidator counted =
        compiled(parse(R"({"contains":{"type":"integer"},"minContains":2,"maxContains":3})"));
    QVERIFY(!counted.validate(parse(R"(["a",1])")));
    QVERIFY(counted.validate(parse(R"(["a",1,2])")));
    QVERIFY(counted.validate(parse(R"([1,2,3])")));
    QVERIFY(!counted.validate(parse(R"([1,2,3,4])")));
    QVERIFY(
        compiled(parse(R"({"contains":{"type":"integer"},"minContains":0})")).validate(parse(R"(["a"])")));
    // $defs (2020-12's "definitions") resolve through $ref.
    QVERIFY(!compiled(parse(R"({"$defs":{"n":{"type":"number"}},"$ref":"#/$defs/n"})")).validate("x"));
}

// A "pattern" that hits its match limit decides nothing: GaveUp, which guardrails answer 900967 with,
// not Invalid (a document that broke the schema) nor Valid.
void TestJsonSchemaSuite::hostilePatternGivesNoVerdict() {
    const std::string hostile = std::string("^(a+)") + "+$";
    const JsonSchemaValidator byValue = compiled({{"pattern", hostile}});
    const std::string subject = std::string(100 * 1024, 'a') + '!';
    QString why;
    QCOMPARE(byValue.check(subject, &why), JsonSchemaValidator::Verdict::GaveUp);
    QVERIFY2(why.contains(QStringLiteral("match limit")), qPrintable(why));
    QVERIFY(!byValue.validate(subject));
    QCOMPARE(byValue.check("aaa"), JsonSchemaValidator::Verdict::Valid);
    QCOMPARE(byValue.check("aab"), JsonSchemaValidator::Verdict::Invalid);
    Json byName = Json::object();
    byName["patternProperties"][hostile] = Json{{"type", "integer"}};
    byName["additionalProperties"] = false;
    Json document = Json::object();
    document[subject] = 1;
    QCOMPARE(compiled(byName).check(document), JsonSchemaValidator::Verdict::GaveUp);
}

void TestJsonSchemaSuite::sharedBetweenThreads() {
    const JsonSchemaValidator validator = compiled(parse(R"({"type":"object","required":["model"],
        "properties":{"model":{"type":"string","pattern":"^gpt-[0-9a-z.-]+$"},
                      "messages":{"type":"array","minItems":1,"items":{"required":["role","content"],
                          "properties":{"role":{"enum":["system","user","assistant"]},
                                        "content":{"maxLength":64}}}}}})"));
    const Json good = parse(R"({"model":"gpt-4o","messages":[{"role":"user","content":"hello"}]})");
    const Json bad = parse(R"({"model":"gpt-4o","messages":[{"role":"robot","content":"hello"}]})");
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        // Each thread has its own copy: copies share the compiled schema.
        threads.emplace_back([copy = validator, &good, &bad, &wrong] {
            for (int i = 0; i < 2000; ++i) {
                QString why;
                if (!copy.validate(good, &why) || copy.validate(bad, &why) ||
                    why != QStringLiteral("/messages/0/role: the value is not one of those \"enum\" allows"))
                    ++wrong;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

void TestJsonSchemaSuite::cleanupTestCase() {
    qInfo("Supported keywords: %s",
          qPrintable(JsonSchemaValidator::supportedKeywords().join(QStringLiteral(", "))));
    qInfo("Refused keywords: %s",
          qPrintable(JsonSchemaValidator::unsupportedKeywords().join(QStringLiteral(", "))));
    qInfo("JSON Schema Test Suite draft7: %d cases, %d tests passed; skipped: %s", m_cases, m_testsPassed,
          qPrintable(m_skipped.isEmpty() ? QStringLiteral("none") : m_skipped.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestJsonSchemaSuite)
#include "tst_jsonschemasuite.moc"
