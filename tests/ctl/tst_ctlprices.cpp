// gatehouse-ctl prices list|set|import|remove: the real binary on throwaway workspaces. The shipped
// prices are listed with their dates, lookups name the key they matched, prices typed per 1M tokens
// land per token in the workspace's prices.json (LiteLLM's format), LiteLLM-sized files import fast
// with the entries priced otherwise skipped, and every refusal is one line with a non-zero exit.
#include "CtlRun.h"
#include "core/Json.h"
#include "core/JsonFile.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

using gatehouse::test::CtlRun;

Json parsed(const QByteArray& bytes) {
    const Result<Json> json = JsonFile::parse(bytes, QStringLiteral("stdout"));
    return json ? json.value() : Json();
}

// The line of a table that starts with `model` and a space.
QByteArray rowOf(const QByteArray& table, const QByteArray& model) {
    for (const QByteArray& line : table.split('\n')) {
        if (line.startsWith(QByteArray(model + ' ')))
            return line.simplified();
    }
    return {};
}

// A file the size of LiteLLM's (some 2 MB): chat models with every price LiteLLM has, and image,
// audio and embedding models priced otherwise.
QByteArray liteLlmSizedFile(int priced, int unpriced) {
    Json document = Json::object();
    document["sample_spec"] =
        Json{{"input_cost_per_token", 0.0}, {"output_cost_per_token", "cost per token"}};
    for (int i = 0; i < priced; ++i) {
        Json entry{
            {"max_tokens", 8192},
            {"max_input_tokens", 128000},
            {"max_output_tokens", 8192},
            {"input_cost_per_token", 1e-6 + i * 1e-9},
            {"output_cost_per_token", 2e-6},
            {"cache_read_input_token_cost", 1e-7},
            {"input_cost_per_token_batches", 5e-7},
            {"output_cost_per_token_batches", 1e-6},
            {"litellm_provider", "provider" + std::to_string(i % 40)},
            {"mode", "chat"},
            {"supports_function_calling", true},
            {"supports_parallel_function_calling", true},
            {"supports_vision", i % 2 == 0},
            {"supports_prompt_caching", true},
            {"supports_system_messages", true},
            {"supports_tool_choice", true},
            {"supported_endpoints", {"/v1/chat/completions", "/v1/batch", "/v1/responses"}},
            {"supported_modalities", {"text", "image"}},
            {"supported_output_modalities", {"text"}},
            {"deprecation_date", "2027-01-01"},
            {"metadata", {{"notes", "A model generated for the import test, with some text to pad it."}}}};
        document["vendor" + std::to_string(i % 40) + "/model-" + std::to_string(i)] = std::move(entry);
    }
    for (int i = 0; i < unpriced; ++i)
        document["image-model-" + std::to_string(i)] = Json{
            {"input_cost_per_image", 0.04}, {"litellm_provider", "openai"}, {"mode", "image_generation"}};
    const std::string text = document.dump(4);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

class TestCtlPrices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listShowsShippedPrices();
    void listModelNamesTheMatchedKey();
    void listModelWithoutMatchFails();
    void setWritesPerTokenPrices();
    void setOverridesAShippedPrice();
    void setRefusals_data();
    void setRefusals();
    void importMergesAndSkips();
    void importReplaces();
    void importRefusals_data();
    void importRefusals();
    void importLiteLlmSizedFile();
    void remove();
    void brokenWorkspaceFileIsNeverOverwritten();
    void help();

private:
    CtlRun ctl(const QStringList& arguments);
    QString writeFile(const QString& name, const QByteArray& text);
    Json workspacePrices() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestCtlPrices::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    QVERIFY(QDir().mkpath(m_workspace));
}

void TestCtlPrices::cleanup() {
    m_dir.reset();
}

CtlRun TestCtlPrices::ctl(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
    // English output whatever the machine's language: the tests read it.
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(GATEHOUSE_CTL_PATH),
                  QStringList{QStringLiteral("--workspace"), m_workspace} + arguments);
    CtlRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString TestCtlPrices::writeFile(const QString& name, const QByteArray& text) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

Json TestCtlPrices::workspacePrices() const {
    const Result<Json> json = JsonFile::read(m_workspace + QStringLiteral("/prices.json"));
    return json ? json.value() : Json();
}

void TestCtlPrices::listShowsShippedPrices() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.startsWith("MODEL "), run.out.constData());
    QCOMPARE(rowOf(run.out, "gpt-4o"), QByteArray("gpt-4o openai 2.50 1.25 10.00 shipped 2026-12-07"));
    QCOMPARE(rowOf(run.out, "gpt-4o-mini"),
             QByteArray("gpt-4o-mini openai 0.15 0.075 0.60 shipped 2026-12-07"));
    QCOMPARE(rowOf(run.out, "mistral-large-latest"),
             QByteArray("mistral-large-latest mistral 2.00 - 6.00 shipped 2026-12-07"));

    run = ctl({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json list = parsed(run.out);
    QVERIFY2(list.is_array() && !list.empty(), run.out.constData());
    const Json& first = list.front();
    QCOMPARE(first.value("model", ""), std::string("gpt-4o"));
    QCOMPARE(first.value("inputPerMillion", 0.0), 2.5);
    QCOMPARE(first.value("cachedInputPerMillion", 0.0), 1.25);
    QCOMPARE(first.value("outputPerMillion", 0.0), 10.0);
    QCOMPARE(first.value("origin", ""), std::string("shipped"));
    QCOMPARE(first.value("sourceDate", ""), std::string("2026-12-07"));
    QVERIFY(first.value("source", "").rfind("https://", 0) == 0);
    QCOMPARE(first["entry"].value("input_cost_per_token", 0.0), 2.5e-6);
}

void TestCtlPrices::listModelNamesTheMatchedKey() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--model"),
                      QStringLiteral("openai/gpt-4o-2025-03-01")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(rowOf(run.out, "Model"), QByteArray("Model openai/gpt-4o-2025-03-01 -> gpt-4o"));
    QCOMPARE(rowOf(run.out, "Input"), QByteArray("Input (USD/1M) 2.50"));
    QCOMPARE(rowOf(run.out, "Origin"), QByteArray("Origin shipped"));

    run = ctl({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("list"),
               QStringLiteral("--model"), QStringLiteral("Claude-3-5-Sonnet-20241022")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json shown = parsed(run.out);
    QCOMPARE(shown.value("query", ""), std::string("Claude-3-5-Sonnet-20241022"));
    QCOMPARE(shown.value("matchedKey", ""), std::string("claude-3-5-sonnet-20241022"));
    QCOMPARE(shown.value("outputPerMillion", 0.0), 15.0);
    QCOMPARE(shown["entry"].value("cache_creation_input_token_cost", 0.0), 3.75e-6);
}

void TestCtlPrices::listModelWithoutMatchFails() {
    const CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--model"),
                            QStringLiteral("llama-3.1-8b")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), qsizetype(1));
    QVERIFY2(run.err.startsWith("gatehouse-ctl: no price for model \"llama-3.1-8b\""), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCtlPrices::setWritesPerTokenPrices() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
                      QStringLiteral("llama-3.1-8b"), QStringLiteral("--input"), QStringLiteral("0.075"),
                      QStringLiteral("--output"), QStringLiteral("0.3"), QStringLiteral("--cached-input"),
                      QStringLiteral(".03"), QStringLiteral("--reasoning-output"), QStringLiteral("1"),
                      QStringLiteral("--provider"), QStringLiteral("hosted_vllm"), QStringLiteral("--source"),
                      QStringLiteral("https://example.com/prices")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out,
             QByteArray("llama-3.1-8b: input 0.075, cached input 0.03, output 0.30 USD per 1M tokens "
                        "(workspace price)\n"));
    Json prices = workspacePrices();
    QVERIFY2(prices.is_object() && prices.size() == 1, prices.dump().c_str());
    const Json entry = prices["llama-3.1-8b"];
    // Typed per 1M, stored per token: the double nearest each decimal, as LiteLLM writes it.
    QCOMPARE(entry.value("input_cost_per_token", 0.0), 7.5e-08);
    QCOMPARE(entry.value("output_cost_per_token", 0.0), 3e-07);
    QCOMPARE(entry.value("cache_read_input_token_cost", 0.0), 3e-08);
    QCOMPARE(entry.value("output_cost_per_reasoning_token", 0.0), 1e-06);
    QCOMPARE(entry.value("litellm_provider", ""), std::string("hosted_vllm"));
    QCOMPARE(entry.value("mode", ""), std::string("chat"));
    QCOMPARE(entry.value("source", ""), std::string("https://example.com/prices"));
    QCOMPARE(entry.value("source_date", ""), QDate::currentDate().toString(Qt::ISODate).toStdString());

    // A second price leaves the first as it is.
    run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
               QStringLiteral("qwen2.5-7b"), QStringLiteral("--input"), QStringLiteral("0"),
               QStringLiteral("--output"), QStringLiteral("0")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    prices = workspacePrices();
    QCOMPARE(prices.size(), std::size_t(2));
    QCOMPARE(prices["llama-3.1-8b"], entry);

    run = ctl({QStringLiteral("prices"), QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QByteArray today = QDate::currentDate().toString(Qt::ISODate).toUtf8();
    QCOMPARE(rowOf(run.out, "llama-3.1-8b"), "llama-3.1-8b hosted_vllm 0.075 0.03 0.30 workspace " + today);
    QCOMPARE(rowOf(run.out, "qwen2.5-7b"), "qwen2.5-7b - 0.00 - 0.00 workspace " + today);
    QVERIFY(!rowOf(run.out, "gpt-4o").isEmpty());
}

void TestCtlPrices::setOverridesAShippedPrice() {
    CtlRun run = ctl({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("set"),
                      QStringLiteral("--model"), QStringLiteral("GPT-4o"), QStringLiteral("--input"),
                      QStringLiteral("2"), QStringLiteral("--output"), QStringLiteral("8")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json shown = parsed(run.out);
    QCOMPARE(shown.value("model", ""), std::string("gpt-4o"));
    QCOMPARE(shown.value("origin", ""), std::string("workspace"));
    // The shipped entry's other fields stay; its source vouched for other prices and goes.
    const Json entry = workspacePrices()["gpt-4o"];
    QCOMPARE(entry.value("input_cost_per_token", 0.0), 2e-06);
    QCOMPARE(entry.value("output_cost_per_token", 0.0), 8e-06);
    QCOMPARE(entry.value("cache_read_input_token_cost", 0.0), 1.25e-06);
    QCOMPARE(entry.value("max_input_tokens", 0), 128000);
    QCOMPARE(entry.value("litellm_provider", ""), std::string("openai"));
    QVERIFY2(!entry.contains("source"), entry.dump().c_str());

    // Lookups of its snapshots find the workspace's price now.
    run = ctl({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--model"),
               QStringLiteral("gpt-4o-2025-06-01")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(rowOf(run.out, "Input"), QByteArray("Input (USD/1M) 2.00"));
    QCOMPARE(rowOf(run.out, "Origin"), QByteArray("Origin workspace"));
}

void TestCtlPrices::setRefusals_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");

    const QString model = QStringLiteral("--model");
    const QString m = QStringLiteral("m");
    const QString input = QStringLiteral("--input");
    const QString output = QStringLiteral("--output");
    QTest::newRow("no model") << QStringList{input, QStringLiteral("1"), output, QStringLiteral("1")} << 2
                              << "missing --model";
    QTest::newRow("no output") << QStringList{model, m, input, QStringLiteral("1")} << 2
                               << "missing --output";
    QTest::newRow("not a number")
        << QStringList{model, m, input, QStringLiteral("abc"), output, QStringLiteral("1")} << 2
        << "--input must be a price in USD per 1M tokens, such as 2.50 (got \"abc\")";
    QTest::newRow("negative") << QStringList{model,  m,
                                             input,  QStringLiteral("1"),
                                             output, QStringLiteral("-1")}
                              << 2
                              << "--output must be a price in USD per 1M tokens, such as 2.50 (got \"-1\")";
    QTest::newRow("a currency sign")
        << QStringList{model,
                       m,
                       input,
                       QStringLiteral("1"),
                       output,
                       QStringLiteral("1"),
                       QStringLiteral("--cached-input"),
                       QStringLiteral("$0.5")}
        << 2 << "--cached-input must be a price in USD per 1M tokens, such as 2.50 (got \"$0.5\")";
    QTest::newRow("LiteLLM's sample entry")
        << QStringList{model,  QStringLiteral("sample_spec"),
                       input,  QStringLiteral("1"),
                       output, QStringLiteral("1")}
        << 2 << "sample_spec is LiteLLM's description of its format, not a model";
}

void TestCtlPrices::setRefusals() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    const CtlRun run = ctl(QStringList{QStringLiteral("prices"), QStringLiteral("set")} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.errLines(), QList<QByteArray>{"gatehouse-ctl: " + error.toUtf8()});
    QVERIFY(!QFileInfo::exists(m_workspace + QStringLiteral("/prices.json")));
}

void TestCtlPrices::importMergesAndSkips() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
                      QStringLiteral("mine"), QStringLiteral("--input"), QStringLiteral("1"),
                      QStringLiteral("--output"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
               QStringLiteral("gpt-4o"), QStringLiteral("--input"), QStringLiteral("9"),
               QStringLiteral("--output"), QStringLiteral("9")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const Json document{
        {"sample_spec", {{"input_cost_per_token", "cost"}, {"output_cost_per_token", "cost"}}},
        {"gpt-4o",
         {{"input_cost_per_token", 2.5e-6}, {"output_cost_per_token", 1e-5}, {"supports_vision", true}}},
        {"mistral/mistral-large-latest", {{"input_cost_per_token", 2e-6}, {"output_cost_per_token", 6e-6}}},
        {"o1", {{"input_cost_per_token", 1.5e-5}, {"output_cost_per_token", 6e-5}}},
        {"dall-e-3", {{"input_cost_per_image", 0.04}, {"mode", "image_generation"}}},
        {"whisper-1", {{"input_cost_per_second", 1e-4}, {"mode", "audio_transcription"}}},
    };
    const QString file =
        writeFile(QStringLiteral("litellm.json"), QByteArray::fromStdString(document.dump(2)));
    run = ctl({QStringLiteral("prices"), QStringLiteral("import"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, "Imported 3 models from " + file.toUtf8() +
                          ".\nSkipped 2 entries without per-token prices (such as image or audio models).\n");
    const Json prices = workspacePrices();
    std::vector<std::string> keys;
    for (auto it = prices.begin(); it != prices.end(); ++it)
        keys.push_back(it.key());
    // Merged: what the workspace had stays, what the file names is replaced or added.
    QCOMPARE(keys, (std::vector<std::string>{"mine", "gpt-4o", "mistral/mistral-large-latest", "o1"}));
    QCOMPARE(prices["gpt-4o"], document["gpt-4o"]);

    // --json counts for programs.
    run = ctl({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("import"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json summary = parsed(run.out);
    QCOMPARE(summary.value("imported", 0), 3);
    QCOMPARE(summary.value("skipped", 0), 2);
    QCOMPARE(summary["skippedModels"], Json({"dall-e-3", "whisper-1"}));
    QCOMPARE(summary.value("replaced", true), false);
    QCOMPARE(summary.value("workspacePrices", 0), 4);

    run = ctl({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--model"),
               QStringLiteral("o1-2024-12-17")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(rowOf(run.out, "Model"), QByteArray("Model o1-2024-12-17 -> o1"));
    QCOMPARE(rowOf(run.out, "Output"), QByteArray("Output (USD/1M) 60.00"));
}

void TestCtlPrices::importReplaces() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
                      QStringLiteral("mine"), QStringLiteral("--input"), QStringLiteral("1"),
                      QStringLiteral("--output"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString file = writeFile(
        QStringLiteral("one.json"),
        QByteArray::fromStdString(
            Json{{"o1", {{"input_cost_per_token", 1.5e-5}, {"output_cost_per_token", 6e-5}}}}.dump()));
    run = ctl({QStringLiteral("prices"), QStringLiteral("import"), QStringLiteral("--replace"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, "Imported 1 model from " + file.toUtf8() + ".\n");
    const Json prices = workspacePrices();
    QCOMPARE(prices.size(), std::size_t(1));
    QVERIFY(prices.contains("o1"));
}

void TestCtlPrices::importRefusals_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // after "gatehouse-ctl: FILE"

    QTest::newRow("an array") << QByteArray("[{\"gpt-4o\": {}}]")
                              << ": $: expected an object (model name -> price), found an array";
    QTest::newRow("not JSON")
        << QByteArray("{\n  \"gpt-4o\": {\n    \"input_cost_per_token\": 1e-6,\n  }\n}")
        << ":4:3: syntax error while parsing object key - unexpected '}'; expected string literal";
    QTest::newRow("a cost as a string")
        << QByteArray(
               "{\"gpt-4o\": {\"input_cost_per_token\": \"2.5e-06\", \"output_cost_per_token\": 1e-05}}")
        << ": $[\"gpt-4o\"].input_cost_per_token: expected a number, found a string";
    QTest::newRow("two broken entries")
        << QByteArray("{\"a\": {\"input_cost_per_token\": -1, \"output_cost_per_token\": 1},"
                      " \"b\": {\"input_cost_per_token\": 1, \"output_cost_per_token\": \"1\"}}")
        << ": $[\"a\"].input_cost_per_token: must not be negative (got -1) (and 1 more error)";
}

void TestCtlPrices::importRefusals() {
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString file = writeFile(QStringLiteral("bad.json"), content);
    const CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("import"), file});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines(), QList<QByteArray>{"gatehouse-ctl: " + file.toUtf8() + error.toUtf8()});
    QVERIFY(!QFileInfo::exists(m_workspace + QStringLiteral("/prices.json")));

    // No file, and more than one.
    CtlRun other = ctl({QStringLiteral("prices"), QStringLiteral("import")});
    QCOMPARE(other.exitCode, 2);
    QCOMPARE(other.errLines().size(), qsizetype(1));
    other = ctl({QStringLiteral("prices"), QStringLiteral("import"), file, file});
    QCOMPARE(other.exitCode, 2);
    QCOMPARE(other.errLines().size(), qsizetype(1));
    other = ctl({QStringLiteral("prices"), QStringLiteral("import"),
                 m_dir->filePath(QStringLiteral("missing.json"))});
    QCOMPARE(other.exitCode, 1);
    QCOMPARE(other.errLines().size(), qsizetype(1));
    QVERIFY2(other.err.contains("missing.json: cannot read"), other.err.constData());
}

void TestCtlPrices::importLiteLlmSizedFile() {
    const QByteArray content = liteLlmSizedFile(2000, 500);
    QVERIFY2(content.size() > 2'000'000, QByteArray::number(content.size()).constData());
    const QString file = writeFile(QStringLiteral("model_prices_and_context_window.json"), content);
    QElapsedTimer timer;
    timer.start();
    CtlRun run = ctl({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("import"), file});
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json summary = parsed(run.out);
    QCOMPARE(summary.value("imported", 0), 2000);
    QCOMPARE(summary.value("skipped", 0), 500);
    // A debug build under a sanitizer on a busy 2-core machine: generous, but it catches a quadratic
    // merge (which took minutes for this file).
    QVERIFY2(elapsed < 20000, qPrintable(QStringLiteral("import took %1 ms").arg(elapsed)));
    qInfo("imported 2000 models (%lld bytes) in %lld ms", qlonglong(content.size()), elapsed);

    timer.restart();
    run = ctl({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--model"),
               QStringLiteral("Vendor7/Model-1967")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(rowOf(run.out, "Model"), QByteArray("Model vendor7/model-1967"));
    qInfo("looked up in %lld ms", timer.elapsed());
}

void TestCtlPrices::remove() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
                      QStringLiteral("mine"), QStringLiteral("--input"), QStringLiteral("1"),
                      QStringLiteral("--output"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
               QStringLiteral("o3-mini"), QStringLiteral("--input"), QStringLiteral("1"),
               QStringLiteral("--output"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    // A shipped price cannot be removed; a workspace price over it can, and the shipped one is back.
    run = ctl({QStringLiteral("prices"), QStringLiteral("remove"), QStringLiteral("--model"),
               QStringLiteral("gpt-4o")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines(),
             QList<QByteArray>{"gatehouse-ctl: gpt-4o has a shipped price, which cannot be removed; "
                               "set a workspace price to override it"});
    run = ctl({QStringLiteral("prices"), QStringLiteral("remove"), QStringLiteral("--model"),
               QStringLiteral("O3-MINI")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out,
             QByteArray("Removed the workspace price of o3-mini; the shipped price applies again.\n"));
    run = ctl({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--model"),
               QStringLiteral("o3-mini")});
    QCOMPARE(rowOf(run.out, "Output"), QByteArray("Output (USD/1M) 4.40"));

    run = ctl({QStringLiteral("--json"), QStringLiteral("prices"), QStringLiteral("remove"),
               QStringLiteral("--model"), QStringLiteral("mine")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(parsed(run.out), (Json{{"removed", "mine"}, {"shippedPriceApplies", false}}));
    QCOMPARE(workspacePrices(), Json::object());

    // Removal goes by the exact name, never by a lookup's fallbacks.
    run = ctl({QStringLiteral("prices"), QStringLiteral("remove"), QStringLiteral("--model"),
               QStringLiteral("mine")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines(),
             QList<QByteArray>{"gatehouse-ctl: the workspace has no price for mine (see gatehouse-ctl "
                               "prices list)"});
}

void TestCtlPrices::brokenWorkspaceFileIsNeverOverwritten() {
    const QByteArray broken("{\"mine\": {\"input_cost_per_token\": \"1\", \"output_cost_per_token\": 1}}\n");
    const QString path = m_workspace + QStringLiteral("/prices.json");
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
                      QStringLiteral("mine"), QStringLiteral("--input"), QStringLiteral("1"),
                      QStringLiteral("--output"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(broken), broken.size());
    }
    const QByteArray error =
        "gatehouse-ctl: prices.json: $[\"mine\"].input_cost_per_token: expected a number, found a string";
    run = ctl({QStringLiteral("prices"), QStringLiteral("list")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines(), QList<QByteArray>{error});
    run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--model"),
               QStringLiteral("other"), QStringLiteral("--input"), QStringLiteral("1"),
               QStringLiteral("--output"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines(), QList<QByteArray>{error});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
    file.close();

    // Importing with --replace needs nothing from the old file: the way out besides an editor.
    const QString good = writeFile(
        QStringLiteral("good.json"),
        QByteArray::fromStdString(
            Json{{"mine", {{"input_cost_per_token", 1e-6}, {"output_cost_per_token", 1e-6}}}}.dump()));
    run = ctl({QStringLiteral("prices"), QStringLiteral("import"), QStringLiteral("--replace"), good});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(workspacePrices()["mine"].value("input_cost_per_token", 0.0), 1e-6);
}

void TestCtlPrices::help() {
    CtlRun run = ctl({QStringLiteral("prices"), QStringLiteral("--help")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    for (const char* subcommand : {"prices list", "prices set", "prices import", "prices remove"})
        QVERIFY2(run.out.contains(subcommand), run.out.constData());
    run = ctl({QStringLiteral("prices"), QStringLiteral("set"), QStringLiteral("--help")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("--cached-input USD"), run.out.constData());
    QVERIFY2(run.out.contains("per 1M tokens"), run.out.constData());
    run = ctl({QStringLiteral("--help")});
    QVERIFY2(run.out.contains("prices import"), run.out.constData());
    run = ctl({QStringLiteral("prices")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines(),
             QList<QByteArray>{"gatehouse-ctl: \"prices\" needs a subcommand: list, set, import, remove "
                               "(see gatehouse-ctl prices --help)"});
}

QTEST_GUILESS_MAIN(TestCtlPrices)
#include "tst_ctlprices.moc"
