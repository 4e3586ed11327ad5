// The model price catalogue: LiteLLM's price format read and written back unchanged, WSO2's model
// lookup (lower case, provider prefix, -suffixes), costs with cached, reasoning and long-context
// prices against numbers worked out by hand, the workspace layer over the shipped one, and shipped
// prices for every built-in provider's model.
#include "core/Json.h"
#include "core/ModelPrice.h"
#include "core/PriceCatalogue.h"
#include "core/Provider.h"
#include "core/ProviderRegistry.h"
#include "core/TokenUsage.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <array>

using namespace gatehouse;

namespace {

// Costs are shown with 10 decimals: they must agree to that.
constexpr double tolerance = 1e-10;

Json priced(double input, double output) {
    return Json{{"input_cost_per_token", input}, {"output_cost_per_token", output}};
}

PriceCatalogue catalogueOf(const Json& document) {
    Result<PriceCatalogue> catalogue = PriceCatalogue::fromJson(document);
    if (!catalogue)
        qFatal("fixture does not read: %s", qPrintable(catalogue.error()));
    return catalogue.take();
}

ModelPrice priceOf(const Json& entry) {
    QStringList errors;
    ModelPrice price = ModelPrice::fromJson(entry, QStringLiteral("$[\"fixture\"]"), &errors);
    if (!errors.isEmpty())
        qFatal("fixture does not read: %s", qPrintable(errors.join(QLatin1Char('\n'))));
    return price;
}

// An entry with every tier: 128k and 200k prices for input and output, and a 200k cache-read price.
Json tieredEntry() {
    Json entry = priced(1e-6, 2e-6);
    entry["cache_read_input_token_cost"] = 1e-7;
    entry["input_cost_per_token_above_128k_tokens"] = 2e-6;
    entry["output_cost_per_token_above_128k_tokens"] = 4e-6;
    entry["input_cost_per_token_above_200k_tokens"] = 3e-6;
    entry["output_cost_per_token_above_200k_tokens"] = 6e-6;
    entry["cache_read_input_token_cost_above_200k_tokens"] = 2e-7;
    return entry;
}

// Only a 128k tier and no cache prices: cached tokens follow the tiered input price.
Json only128kEntry() {
    Json entry = priced(1e-6, 2e-6);
    entry["input_cost_per_token_above_128k_tokens"] = 2e-6;
    entry["output_cost_per_token_above_128k_tokens"] = 4e-6;
    return entry;
}

Json gpt4oEntry() {
    Json entry = priced(2.5e-6, 1e-5);
    entry["cache_read_input_token_cost"] = 1.25e-6;
    return entry;
}

Json claudeEntry() {
    Json entry = priced(3e-6, 1.5e-5);
    entry["cache_read_input_token_cost"] = 3e-7;
    entry["cache_creation_input_token_cost"] = 3.75e-6;
    return entry;
}

Json reasoningEntry() {
    Json entry = priced(1.1e-6, 4.4e-6);
    entry["output_cost_per_reasoning_token"] = 2e-5;
    return entry;
}

QString firstError(const Json& document) {
    const Result<PriceCatalogue> catalogue = PriceCatalogue::fromJson(document);
    return catalogue ? QString() : catalogue.error().split(QLatin1Char('\n')).first();
}

} // namespace

class TestPriceCatalogue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lookup_data();
    void lookup();
    void lookupNeverStripsToNothing();
    void cost_data();
    void cost();
    void countsOutOfRangeAreClamped();
    void parseErrors_data();
    void parseErrors();
    void everyProblemIsReported();
    void sampleSpecIsSkipped();
    void foreignFileSkipsEntriesWithoutTokenPrices();
    void roundTripKeepsEverything();
    void changedFieldsAreWrittenInPlace();
    void setAndRemove();
    void overlayReplacesWholeEntries();
    void workspaceFile();
    void brokenWorkspaceFile();
    void shippedPricesCoverEveryBuiltinModel();
    void shippedListPrices();
};

void TestPriceCatalogue::lookup_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("matched");

    QTest::newRow("exact") << "gpt-4o"
                           << "gpt-4o";
    QTest::newRow("exact, longer key first") << "gpt-4o-mini"
                                             << "gpt-4o-mini";
    QTest::newRow("upper case") << "GPT-4O"
                                << "gpt-4o";
    QTest::newRow("key in upper case") << "claude-x"
                                       << "Claude-X";
    QTest::newRow("provider prefix") << "openai/gpt-4o"
                                     << "gpt-4o";
    QTest::newRow("azure prefix") << "azure/gpt-4o-mini"
                                  << "gpt-4o-mini";
    QTest::newRow("prefixed key matches as it is") << "mistral/mistral-large-latest"
                                                   << "mistral/mistral-large-latest";
    QTest::newRow("dated snapshot") << "gpt-4o-2024-11-20"
                                    << "gpt-4o";
    QTest::newRow("dated snapshot of the longer name") << "gpt-4o-mini-2024-07-18"
                                                       << "gpt-4o-mini";
    QTest::newRow("prefix and date") << "OpenAI/GPT-4o-2024-11-20"
                                     << "gpt-4o";
    QTest::newRow("a snapshot with its own price") << "gpt-4o-2024-05-13"
                                                   << "gpt-4o-2024-05-13";
    QTest::newRow("stripped one part at a time") << "o3-2025-04-16-preview"
                                                 << "o3-2025-04";
    QTest::newRow("unknown model") << "llama-3.1-8b"
                                   << "";
    QTest::newRow("unknown family") << "gpt"
                                    << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("only a prefix") << "openai/"
                                   << "";
}

void TestPriceCatalogue::lookup() {
    QFETCH(QString, model);
    QFETCH(QString, matched);
    const PriceCatalogue catalogue = catalogueOf(Json{
        {"gpt-4o", priced(2.5e-6, 1e-5)},
        {"gpt-4o-mini", priced(1.5e-7, 6e-7)},
        {"gpt-4o-2024-05-13", priced(5e-6, 1.5e-5)},
        {"Claude-X", priced(3e-6, 1.5e-5)},
        {"mistral/mistral-large-latest", priced(2e-6, 6e-6)},
        {"o3-2025-04", priced(2e-6, 8e-6)},
        {"o3", priced(1e-6, 1e-6)},
    });
    const PriceMatch match = catalogue.lookup(model);
    QCOMPARE(match.matchedKey, matched);
    QCOMPARE(bool(match), !matched.isEmpty());
    if (match)
        QCOMPARE(match.price, catalogue.find(matched));
}

void TestPriceCatalogue::lookupNeverStripsToNothing() {
    // A catalogue with an empty key: only a name stripped down to nothing would find it.
    const PriceCatalogue catalogue = catalogueOf(Json{{"", priced(1, 1)}, {"mini", priced(2, 2)}});
    QVERIFY(!catalogue.lookup(QStringLiteral("-mini-x")));
    QVERIFY(!catalogue.lookup(QStringLiteral("-")));
    QVERIFY(!catalogue.lookup(QStringLiteral("")));
    QVERIFY(!catalogue.lookup(QStringLiteral("x-y")));
    QCOMPARE(catalogue.lookup(QStringLiteral("mini-2024")).matchedKey, QStringLiteral("mini"));
}

void TestPriceCatalogue::cost_data() {
    QTest::addColumn<QByteArray>("entry"); // the entry as JSON text
    QTest::addColumn<qint64>("prompt");
    QTest::addColumn<qint64>("completion");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("reasoning");
    QTest::addColumn<qint64>("written");
    QTest::addColumn<double>("expected");

    const auto text = [](const Json& entry) {
        return QByteArray::fromStdString(entry.dump());
    };
    // 1000 x 2.5e-6 + 500 x 1e-5
    QTest::newRow("input and output") << text(gpt4oEntry()) << 1000LL << 500LL << 0LL << 0LL << 0LL << 0.0075;
    // 600 x 2.5e-6 + 400 x 1.25e-6 + 500 x 1e-5
    QTest::newRow("cached prompt tokens")
        << text(gpt4oEntry()) << 1000LL << 500LL << 400LL << 0LL << 0LL << 0.007;
    // No cache price: 1000 x 2.5e-6 + 500 x 1e-5, cached or not.
    QTest::newRow("cached without a cache price")
        << text(priced(2.5e-6, 1e-5)) << 1000LL << 500LL << 400LL << 0LL << 0LL << 0.0075;
    // 5000 x 3e-6 + 2000 x 3e-7 + 3000 x 3.75e-6 + 1000 x 1.5e-5
    QTest::newRow("cache read and write")
        << text(claudeEntry()) << 10000LL << 1000LL << 2000LL << 0LL << 3000LL << 0.04185;
    // No cache-write price: 10000 x 2.5e-6 + 0
    QTest::newRow("cache write without its price")
        << text(gpt4oEntry()) << 10000LL << 0LL << 0LL << 0LL << 3000LL << 0.025;
    // 100 x 1.1e-6 + 400 x 4.4e-6 + 600 x 2e-5
    QTest::newRow("reasoning price") << text(reasoningEntry()) << 100LL << 1000LL << 0LL << 600LL << 0LL
                                     << 0.01387;
    // OpenAI's way: reasoning tokens are output tokens. 100 x 1.1e-6 + 1000 x 4.4e-6
    QTest::newRow("reasoning at the output price")
        << text(priced(1.1e-6, 4.4e-6)) << 100LL << 1000LL << 0LL << 600LL << 0LL << 0.00451;
    // Exactly 128k is not above it: 128000 x 1e-6 + 1000 x 2e-6
    QTest::newRow("128k is not above 128k")
        << text(tieredEntry()) << 128000LL << 1000LL << 0LL << 0LL << 0LL << 0.13;
    // 128001 x 2e-6 + 1000 x 4e-6
    QTest::newRow("above 128k") << text(tieredEntry()) << 128001LL << 1000LL << 0LL << 0LL << 0LL << 0.260002;
    // Exactly 200k: still the 128k tier. 200000 x 2e-6 + 1000 x 4e-6
    QTest::newRow("200k is the 128k tier")
        << text(tieredEntry()) << 200000LL << 1000LL << 0LL << 0LL << 0LL << 0.404;
    // 200001 x 3e-6 + 1000 x 6e-6
    QTest::newRow("above 200k") << text(tieredEntry()) << 200001LL << 1000LL << 0LL << 0LL << 0LL << 0.606003;
    // 200000 x 3e-6 + 50000 x 2e-7 + 1000 x 6e-6
    QTest::newRow("above 200k with cached tokens")
        << text(tieredEntry()) << 250000LL << 1000LL << 50000LL << 0LL << 0LL << 0.616;
    // Only a 128k tier: it applies above 200k too. 300000 x 2e-6 + 10 x 4e-6
    QTest::newRow("128k tier above 200k")
        << text(only128kEntry()) << 300000LL << 10LL << 0LL << 0LL << 0LL << 0.60004;
    // No cache price: cached tokens at the tier's input price. 150000 x 2e-6
    QTest::newRow("cached at the tier's input price")
        << text(only128kEntry()) << 150000LL << 0LL << 50000LL << 0LL << 0LL << 0.3;
    // Below 128k the cached tokens keep the base cache price: 60000 x 1e-6 + 40000 x 1e-7
    QTest::newRow("below the tiers") << text(tieredEntry()) << 100000LL << 0LL << 40000LL << 0LL << 0LL
                                     << 0.064;
    QTest::newRow("nothing used") << text(claudeEntry()) << 0LL << 0LL << 0LL << 0LL << 0LL << 0.0;
    // A long answer of a cheap model: 1 x 1.5e-7 + 1000000 x 6e-7
    QTest::newRow("a million tokens")
        << text(priced(1.5e-7, 6e-7)) << 1LL << 1000000LL << 0LL << 0LL << 0LL << 0.60000015;
}

void TestPriceCatalogue::cost() {
    QFETCH(QByteArray, entry);
    QFETCH(qint64, prompt);
    QFETCH(qint64, completion);
    QFETCH(qint64, cached);
    QFETCH(qint64, reasoning);
    QFETCH(qint64, written);
    QFETCH(double, expected);
    const ModelPrice price = priceOf(Json::parse(entry.toStdString()));
    TokenUsage usage;
    usage.promptTokens = prompt;
    usage.completionTokens = completion;
    usage.cachedPromptTokens = cached;
    usage.reasoningTokens = reasoning;
    usage.cacheCreationTokens = written;
    const double actual = PriceCatalogue::cost(price, usage);
    QVERIFY2(qAbs(actual - expected) < tolerance,
             qPrintable(QStringLiteral("%1 != %2").arg(actual, 0, 'f', 12).arg(expected, 0, 'f', 12)));
}

void TestPriceCatalogue::countsOutOfRangeAreClamped() {
    const ModelPrice price = priceOf(gpt4oEntry());
    // More cached than prompt tokens (an upstream's bug): all of the prompt at the cache price.
    QVERIFY(qAbs(PriceCatalogue::cost(price, TokenUsage{100, 0, 500, 0, 0}) - 100 * 1.25e-6) < tolerance);
    // More reasoning than completion tokens: the completion, no more.
    QVERIFY(qAbs(PriceCatalogue::cost(price, TokenUsage{0, 10, 0, 50, 0}) - 10 * 1e-5) < tolerance);
    // Negative counts cost nothing.
    QCOMPARE(PriceCatalogue::cost(price, TokenUsage{-5, -5, -5, -5, -5}), 0.0);
}

void TestPriceCatalogue::parseErrors_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error");

    const auto text = [](const Json& document) {
        return QByteArray::fromStdString(document.dump());
    };
    QTest::newRow("a cost as a string")
        << text(Json{{"gpt-4o", {{"input_cost_per_token", "2.5e-06"}, {"output_cost_per_token", 1e-5}}}})
        << "$[\"gpt-4o\"].input_cost_per_token: expected a number, found a string";
    QTest::newRow("a negative cost") << text(Json{{"m", priced(1e-6, -1e-6)}})
                                     << "$[\"m\"].output_cost_per_token: must not be negative (got -1e-06)";
    QTest::newRow("a negative cache price")
        << text(Json{{"m",
                      {{"input_cost_per_token", 1e-6},
                       {"output_cost_per_token", 1e-6},
                       {"cache_read_input_token_cost", -1}}}})
        << "$[\"m\"].cache_read_input_token_cost: must not be negative (got -1)";
    QTest::newRow("no input price") << text(Json{{"m", {{"output_cost_per_token", 1e-6}}}})
                                    << "$[\"m\"].input_cost_per_token: is required";
    QTest::newRow("an entry that is not an object")
        << text(Json{{"m", 7}}) << "$[\"m\"]: expected an object, found an integer";
    QTest::newRow("a document that is not an object")
        << text(Json::array()) << "$: expected an object (model name -> price), found an array";
    QTest::newRow("a fractional token count")
        << text(Json{
               {"m", {{"input_cost_per_token", 0}, {"output_cost_per_token", 0}, {"max_input_tokens", 1.5}}}})
        << "$[\"m\"].max_input_tokens: expected an integer, found a number";
    QTest::newRow("a provider that is not a string")
        << text(Json{
               {"m", {{"input_cost_per_token", 0}, {"output_cost_per_token", 0}, {"litellm_provider", 1}}}})
        << "$[\"m\"].litellm_provider: expected a string, found an integer";
    QTest::newRow("a date that is not one")
        << text(Json{
               {"m", {{"input_cost_per_token", 0}, {"output_cost_per_token", 0}, {"source_date", "spring"}}}})
        << "$[\"m\"].source_date: expected a date as YYYY-MM-DD (got \"spring\")";
    QTest::newRow("a key with a quote and a dot")
        << text(Json{{"a\"b.c", {{"input_cost_per_token", true}, {"output_cost_per_token", 0}}}})
        << "$[\"a\\\"b.c\"].input_cost_per_token: expected a number, found a boolean";
}

void TestPriceCatalogue::parseErrors() {
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    QCOMPARE(firstError(Json::parse(document.toStdString())), error);
}

void TestPriceCatalogue::everyProblemIsReported() {
    const Result<PriceCatalogue> catalogue = PriceCatalogue::fromJson(Json{
        {"a", {{"input_cost_per_token", "1"}, {"output_cost_per_token", "2"}}},
        {"b", priced(1e-6, 1e-6)},
        {"c", {{"output_cost_per_token", 1e-6}}},
    });
    QVERIFY(!catalogue);
    QCOMPARE(catalogue.code(), ErrorCode::Invalid);
    const QStringList lines = catalogue.error().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), qsizetype(3));
    QVERIFY(lines[0].startsWith(QLatin1String("$[\"a\"].input_cost_per_token: ")));
    QVERIFY(lines[1].startsWith(QLatin1String("$[\"a\"].output_cost_per_token: ")));
    QVERIFY(lines[2].startsWith(QLatin1String("$[\"c\"].input_cost_per_token: ")));
}

void TestPriceCatalogue::sampleSpecIsSkipped() {
    // LiteLLM's first entry documents the format with descriptions where the numbers go.
    const PriceCatalogue catalogue = catalogueOf(Json{
        {"sample_spec",
         {{"max_tokens", "LEGACY parameter. set to max_output_tokens if provider specifies it."},
          {"input_cost_per_token", 0.0},
          {"output_cost_per_token", "cost per token"},
          {"litellm_provider", "one of https://docs.litellm.ai/docs/providers"}}},
        {"gpt-4o", gpt4oEntry()},
    });
    QCOMPARE(catalogue.size(), 1);
    QCOMPARE(catalogue.entries().front().key, QStringLiteral("gpt-4o"));
    QVERIFY(!catalogue.find(QStringLiteral("sample_spec")));
}

void TestPriceCatalogue::foreignFileSkipsEntriesWithoutTokenPrices() {
    const Json document{
        {"sample_spec", {{"input_cost_per_token", "cost"}}},
        {"gpt-4o", gpt4oEntry()},
        {"dall-e-3",
         {{"input_cost_per_pixel", 4e-8}, {"output_cost_per_pixel", 0}, {"mode", "image_generation"}}},
        {"text-embedding-3-small", {{"input_cost_per_token", 2e-8}, {"mode", "embedding"}}},
        {"whisper-1", {{"input_cost_per_second", 1e-4}, {"output_cost_per_token", nullptr}}},
    };
    QStringList skipped;
    const Result<PriceCatalogue> catalogue = PriceCatalogue::fromForeignJson(document, &skipped);
    QVERIFY2(catalogue, qPrintable(catalogue.error()));
    QCOMPARE(catalogue->size(), 1);
    QCOMPARE(skipped, QStringList({QStringLiteral("dall-e-3"), QStringLiteral("text-embedding-3-small"),
                                   QStringLiteral("whisper-1")}));
    // The same file read strictly names what is missing.
    QCOMPARE(firstError(document), QStringLiteral("$[\"dall-e-3\"].input_cost_per_token: is required"));
    // A wrong type is still an error: skipping is for prices of another kind, not for broken ones.
    QVERIFY(!PriceCatalogue::fromForeignJson(
        Json{{"m", {{"input_cost_per_token", "1"}, {"output_cost_per_token", 1}}}}, &skipped));
}

void TestPriceCatalogue::roundTripKeepsEverything() {
    // LiteLLM's keys Gatehouse does not read, in LiteLLM's order, with its integers, nulls and
    // nested objects: written back as they were read.
    const Json document{
        {"gpt-4o",
         {{"max_tokens", 16384},
          {"max_input_tokens", 128000},
          {"max_output_tokens", 16384},
          {"input_cost_per_token", 2.5e-6},
          {"output_cost_per_token", 1e-5},
          {"input_cost_per_token_batches", 1.25e-6},
          {"cache_read_input_token_cost", 1.25e-6},
          {"litellm_provider", "openai"},
          {"mode", "chat"},
          {"supports_vision", true},
          {"supported_endpoints", {"/v1/chat/completions", "/v1/batch"}},
          {"search_context_cost_per_query", {{"search_context_size_low", 0.03}}},
          {"deprecation_date", nullptr}}},
        {"free-model", {{"input_cost_per_token", 0}, {"output_cost_per_token", 0}, {"mode", "chat"}}},
        {"Mixed-Case/Key",
         {{"source", "https://example.com/pricing"},
          {"source_date", "2026-11-30"},
          {"input_cost_per_token", 1e-6},
          {"output_cost_per_token", 2e-6}}},
    };
    const PriceCatalogue catalogue = catalogueOf(document);
    const Json written = catalogue.toJson();
    QCOMPARE(QString::fromStdString(written.dump()), QString::fromStdString(document.dump()));
    const ModelPrice* mixed = catalogue.find(QStringLiteral("mixed-case/key"));
    QVERIFY(mixed);
    QCOMPARE(mixed->source, QStringLiteral("https://example.com/pricing"));
    QCOMPARE(mixed->sourceDate, QStringLiteral("2026-11-30"));
    QCOMPARE(catalogue.find(QStringLiteral("gpt-4o"))->maxInputTokens, std::optional<qint64>(128000));
}

void TestPriceCatalogue::changedFieldsAreWrittenInPlace() {
    ModelPrice price = priceOf(Json{{"max_input_tokens", 1000},
                                    {"input_cost_per_token", 1e-6},
                                    {"cache_read_input_token_cost", 1e-7},
                                    {"output_cost_per_token", 2e-6},
                                    {"supports_vision", false}});
    price.inputCostPerToken = 3e-6;
    price.cacheReadInputTokenCost.reset();
    price.outputCostPerReasoningToken = 5e-6;
    price.sourceDate = QStringLiteral("2026-12-01");
    const Json expected{{"max_input_tokens", 1000},
                        {"input_cost_per_token", 3e-6},
                        {"output_cost_per_token", 2e-6},
                        {"supports_vision", false},
                        {"output_cost_per_reasoning_token", 5e-6},
                        {"source_date", "2026-12-01"}};
    QCOMPARE(QString::fromStdString(price.toJson().dump()), QString::fromStdString(expected.dump()));
}

void TestPriceCatalogue::setAndRemove() {
    PriceCatalogue catalogue = catalogueOf(Json{{"a", priced(1, 1)}, {"b", priced(2, 2)}});
    catalogue.set(QStringLiteral("B"), priceOf(priced(3, 3)));
    catalogue.set(QStringLiteral("c"), priceOf(priced(4, 4)));
    QCOMPARE(catalogue.size(), 3);
    // Replaced where it stood, under the key it had.
    QCOMPARE(catalogue.entries()[1].key, QStringLiteral("b"));
    QCOMPARE(catalogue.entries()[1].price.inputCostPerToken, 3.0);
    QCOMPARE(catalogue.keyOf(QStringLiteral("C")), QStringLiteral("c"));
    QVERIFY(catalogue.remove(QStringLiteral("A")));
    QVERIFY(!catalogue.remove(QStringLiteral("a")));
    QCOMPARE(catalogue.size(), 2);
    QCOMPARE(catalogue.lookup(QStringLiteral("c-1")).price->inputCostPerToken, 4.0);
    QCOMPARE(catalogue.lookup(QStringLiteral("b")).price->inputCostPerToken, 3.0);
    QVERIFY(!catalogue.lookup(QStringLiteral("a")));
}

void TestPriceCatalogue::overlayReplacesWholeEntries() {
    const PriceCatalogue shipped =
        catalogueOf(Json{{"gpt-4o", gpt4oEntry()}, {"o3-mini", priced(1.1e-6, 4.4e-6)}});
    const PriceCatalogue workspace =
        catalogueOf(Json{{"GPT-4O", priced(2e-6, 8e-6)}, {"my-model", priced(1e-7, 1e-7)}});
    const PriceCatalogue effective = shipped.overlaid(workspace);
    QCOMPARE(effective.size(), 3);
    QCOMPARE(effective.entries()[0].key, QStringLiteral("gpt-4o"));
    QCOMPARE(effective.entries()[2].key, QStringLiteral("my-model"));
    const PriceMatch match = effective.lookup(QStringLiteral("gpt-4o-2024-11-20"));
    QVERIFY(match);
    QCOMPARE(match.price->inputCostPerToken, 2e-6);
    // The whole entry: the shipped cache price does not survive under the workspace's prices.
    QVERIFY(!match.price->cacheReadInputTokenCost);
    QCOMPARE(effective.lookup(QStringLiteral("o3-mini")).price->outputCostPerToken, 4.4e-6);
    // Neither layer changed.
    QCOMPARE(shipped.find(QStringLiteral("gpt-4o"))->inputCostPerToken, 2.5e-6);
    QCOMPARE(workspace.size(), 2);

    // The real shipped prices under a workspace's.
    const PriceCatalogue real = PriceCatalogue::shipped().overlaid(workspace);
    QCOMPARE(real.lookup(QStringLiteral("openai/gpt-4o")).price->inputCostPerToken, 2e-6);
    QCOMPARE(real.size(), PriceCatalogue::shipped().size() + 1);
}

void TestPriceCatalogue::workspaceFile() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    // No file: no workspace prices, and no error.
    Result<PriceCatalogue> read = PriceCatalogue::readWorkspace(folder.path());
    QVERIFY2(read, qPrintable(read.error()));
    QVERIFY(read->isEmpty());

    const PriceCatalogue written = catalogueOf(Json{{"my-model", claudeEntry()}, {"other", priced(0, 0)}});
    QString error;
    QVERIFY(written.writeWorkspace(folder.path()).ok(&error));
    QCOMPARE(PriceCatalogue::workspaceFilePath(folder.path()),
             folder.filePath(QStringLiteral("prices.json")));
    QFile file(folder.filePath(QStringLiteral("prices.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    // LiteLLM's format as it is, without a schemaVersion that LiteLLM and WSO2 would take for a model.
    QVERIFY(text.endsWith("}\n"));
    QVERIFY2(!text.contains("schemaVersion"), text.constData());
    QCOMPARE(QString::fromStdString(Json::parse(text.toStdString()).dump()),
             QString::fromStdString(written.toJson().dump()));

    read = PriceCatalogue::readWorkspace(folder.path());
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(QString::fromStdString(read->toJson().dump()), QString::fromStdString(written.toJson().dump()));
}

void TestPriceCatalogue::brokenWorkspaceFile() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const auto write = [&](const QByteArray& bytes) {
        QFile file(folder.filePath(QStringLiteral("prices.json")));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write("{\n  \"m\": {\"input_cost_per_token\": 1e-6,\n"));
    Result<PriceCatalogue> read = PriceCatalogue::readWorkspace(folder.path());
    QVERIFY(!read);
    QCOMPARE(read.code(), ErrorCode::Unreadable);
    QVERIFY2(read.error().startsWith(QLatin1String("prices.json:3:")), qPrintable(read.error()));

    QVERIFY(write("{\"m\": {\"input_cost_per_token\": \"1e-6\", \"output_cost_per_token\": 1}}"));
    read = PriceCatalogue::readWorkspace(folder.path());
    QVERIFY(!read);
    QCOMPARE(read.code(), ErrorCode::Unreadable);
    QCOMPARE(read.error(),
             QStringLiteral("prices.json: $[\"m\"].input_cost_per_token: expected a number, found a string"));
}

void TestPriceCatalogue::shippedPricesCoverEveryBuiltinModel() {
    const PriceCatalogue& shipped = PriceCatalogue::shipped();
    QVERIFY(!shipped.isEmpty());
    int models = 0;
    for (const Provider& provider : ProviderRegistry::builtin().providers()) {
        for (const QString& model : provider.models) {
            ++models;
            // Its own entry, not one found by stripping a suffix.
            const ModelPrice* price = shipped.find(model);
            QVERIFY2(
                price,
                qPrintable(QStringLiteral("no shipped price for %1's model %2").arg(provider.id, model)));
            QCOMPARE(shipped.lookup(model).matchedKey, model);
            QVERIFY2(price->inputCostPerToken > 0 && price->outputCostPerToken > 0, qPrintable(model));
        }
    }
    QVERIFY(models >= 10);
    // And every shipped entry says where its prices come from and when they were read there.
    for (const PriceCatalogue::Entry& entry : shipped.entries()) {
        const ModelPrice& price = entry.price;
        QVERIFY2(price.source.startsWith(QLatin1String("https://")), qPrintable(entry.key));
        QVERIFY2(QDate::fromString(price.sourceDate, Qt::ISODate).isValid(), qPrintable(entry.key));
        QVERIFY2(!price.litellmProvider.isEmpty(), qPrintable(entry.key));
        QCOMPARE(price.mode, QStringLiteral("chat"));
        QVERIFY2(price.maxInputTokens && *price.maxInputTokens > 0, qPrintable(entry.key));
    }
}

void TestPriceCatalogue::shippedListPrices() {
    const PriceCatalogue& shipped = PriceCatalogue::shipped();
    const auto perMillion = [&](const char* model) {
        const ModelPrice* price = shipped.find(QString::fromUtf8(model));
        return price ? std::array<double, 3>{price->inputCostPerToken * 1e6,
                                             price->cacheReadInputTokenCost.value_or(-1e-6) * 1e6,
                                             price->outputCostPerToken * 1e6}
                     : std::array<double, 3>{-1, -1, -1};
    };
    const auto near = [](const std::array<double, 3>& actual, const std::array<double, 3>& expected) {
        for (std::size_t i = 0; i < 3; ++i) {
            if (qAbs(actual[i] - expected[i]) > 1e-9)
                return false;
        }
        return true;
    };
    QVERIFY(near(perMillion("gpt-4o"), {2.5, 1.25, 10}));
    QVERIFY(near(perMillion("gpt-4o-mini"), {0.15, 0.075, 0.6}));
    QVERIFY(near(perMillion("o3-mini"), {1.1, 0.55, 4.4}));
    QVERIFY(near(perMillion("claude-3-5-sonnet-latest"), {3, 0.3, 15}));
    QVERIFY(near(perMillion("claude-3-5-haiku-latest"), {0.8, 0.08, 4}));
    QVERIFY(near(perMillion("claude-3-opus-latest"), {15, 1.5, 75}));
    QVERIFY(near(perMillion("mistral-large-latest"), {2, -1, 6}));
    QVERIFY(near(perMillion("open-mistral-nemo"), {0.15, -1, 0.15}));
    QCOMPARE(
        shipped.find(QStringLiteral("claude-3-5-sonnet-latest"))->cacheCreationInputTokenCost.value_or(0) *
            1e6,
        3.75);
    // Dated snapshots: Anthropic answers with one even when asked for -latest, and gpt-4o's first
    // snapshot kept its own, higher price.
    QCOMPARE(shipped.lookup(QStringLiteral("claude-3-5-sonnet-20241022")).matchedKey,
             QStringLiteral("claude-3-5-sonnet-20241022"));
    QVERIFY(near(perMillion("gpt-4o-2024-05-13"), {5, -1, 15}));
    QCOMPARE(shipped.lookup(QStringLiteral("gpt-4o-2025-01-01")).matchedKey, QStringLiteral("gpt-4o"));
    // gpt-4o: 1000 prompt tokens (400 cached) and 500 completion tokens.
    QVERIFY(qAbs(PriceCatalogue::cost(*shipped.find(QStringLiteral("gpt-4o")), TokenUsage{1000, 500, 400}) -
                 0.007) < tolerance);
}

QTEST_GUILESS_MAIN(TestPriceCatalogue)
#include "tst_pricecatalogue.moc"
