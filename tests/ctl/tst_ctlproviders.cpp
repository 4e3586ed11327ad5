// gatehouse-ctl provider create|list|show|export|delete: the real binary on throwaway workspaces. A
// custom provider goes in from a JSON file, shows up next to the built-in ones, an API can be created
// from it, it exports without secrets and cannot be deleted while that API exists.
#include "CtlProviderFixtures.h"
#include "CtlRun.h"
#include "core/Json.h"
#include "core/JsonFile.h"
#include "core/Provider.h"

#include <QDir>
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

} // namespace

class TestCtlProviders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createListShowExportDelete();
    void exportedFileCreatesTheProviderElsewhere();
    void createRefusals_data();
    void createRefusals();
    void createExistingNeedsReplace();
    void builtinProviderCannotBeDeleted();

private:
    CtlRun ctl(const QStringList& arguments, const QString& workspace = {});
    QString writeDefinition(const QString& name, const QByteArray& text);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestCtlProviders::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
}

void TestCtlProviders::cleanup() {
    m_dir.reset();
}

CtlRun TestCtlProviders::ctl(const QStringList& arguments, const QString& workspace) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
    process.setProcessEnvironment(environment);
    const QStringList all =
        QStringList{QStringLiteral("--workspace"), workspace.isEmpty() ? m_workspace : workspace,
                    QStringLiteral("--secrets-file"), m_dir->filePath(QStringLiteral("secrets.json"))} +
        arguments;
    process.start(QStringLiteral(GATEHOUSE_CTL_PATH), all);
    CtlRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString TestCtlProviders::writeDefinition(const QString& name, const QByteArray& text) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

void TestCtlProviders::createListShowExportDelete() {
    const QString definition = writeDefinition(QStringLiteral("vllm.json"), vllmDefinition());
    QVERIFY(!definition.isEmpty());
    CtlRun run =
        ctl({QStringLiteral("provider"), QStringLiteral("create"), QStringLiteral("--file"), definition});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray("local-vllm\n"));
    QVERIFY(QFileInfo::exists(m_workspace + QStringLiteral("/providers/local-vllm.json")));

    // Listed with the built-in ones, each marked.
    run = ctl({QStringLiteral("provider"), QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QByteArray> lines = run.out.split('\n');
    bool customLine = false;
    bool builtinLine = false;
    for (const QByteArray& line : lines) {
        if (line.startsWith("local-vllm ")) {
            customLine = line.contains("Local vLLM") && line.contains("custom") &&
                         line.contains("llama-3.1-8b, qwen2.5-7b");
        }
        if (line.startsWith("openai "))
            builtinLine = line.contains("built-in");
    }
    QVERIFY2(customLine && builtinLine, run.out.constData());

    run = ctl({QStringLiteral("--json"), QStringLiteral("provider"), QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json list = parsed(run.out);
    QVERIFY2(list.is_array(), run.out.constData());
    bool found = false;
    for (const Json& entry : list) {
        if (entry.value("id", "") == "local-vllm") {
            found = true;
            QCOMPARE(entry.value("builtin", true), false);
        }
        if (entry.value("id", "") == "openai")
            QCOMPARE(entry.value("builtin", false), true);
    }
    QVERIFY(found);

    // show: the locations in words, and the definition with --json.
    run = ctl({QStringLiteral("provider"), QStringLiteral("show"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("$.usage.prompt_tokens"), run.out.constData());
    QVERIFY2(run.out.contains("header x-ratelimit-remaining-tokens"), run.out.constData());
    QVERIFY2(run.out.contains("Authorization: Bearer {key}"), run.out.constData());
    run = ctl({QStringLiteral("provider"), QStringLiteral("show"), QStringLiteral("--provider"),
               QStringLiteral("Local vLLM"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json shown = parsed(run.out);
    QCOMPARE(shown.value("id", ""), std::string("local-vllm"));
    QCOMPARE(shown["locations"]["totalTokens"].value("identifier", ""), std::string("$.usage.total_tokens"));

    // An API created from it keeps the provider from being deleted, and the refusal names the API.
    run = ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--name"),
               QStringLiteral("LocalChat"), QStringLiteral("--context"), QStringLiteral("localchat"),
               QStringLiteral("--version"), QStringLiteral("1.0.0"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl({QStringLiteral("provider"), QStringLiteral("delete"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), qsizetype(1));
    QVERIFY2(run.err.contains("LocalChat 1.0.0"), run.err.constData());
    QVERIFY(QFileInfo::exists(m_workspace + QStringLiteral("/providers/local-vllm.json")));

    run = ctl({QStringLiteral("api"), QStringLiteral("delete"), QStringLiteral("--api"),
               QStringLiteral("LocalChat")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl({QStringLiteral("provider"), QStringLiteral("delete"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(m_workspace + QStringLiteral("/providers/local-vllm.json")));
    run = ctl({QStringLiteral("provider"), QStringLiteral("list")});
    QVERIFY2(!run.out.contains("local-vllm"), run.out.constData());
}

void TestCtlProviders::exportedFileCreatesTheProviderElsewhere() {
    const QString definition = writeDefinition(QStringLiteral("vllm.json"), vllmDefinition());
    CtlRun run =
        ctl({QStringLiteral("provider"), QStringLiteral("create"), QStringLiteral("--file"), definition});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // The API's backend key goes to the secret store; the export must not carry it.
    run = ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--name"),
               QStringLiteral("LocalChat"), QStringLiteral("--context"), QStringLiteral("localchat"),
               QStringLiteral("--version"), QStringLiteral("1.0.0"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm"), QStringLiteral("--production-key"),
               QStringLiteral("sk-s3cret-42")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const QString out = m_dir->filePath(QStringLiteral("exported.json"));
    run = ctl({QStringLiteral("provider"), QStringLiteral("export"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm"), QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("sk-s3cret-42"), text.constData());
    const Result<Json> json = JsonFile::parse(text, out);
    QVERIFY2(json, qPrintable(json.error()));
    const Result<Provider> provider = Provider::fromJson(json.value());
    QVERIFY2(provider, qPrintable(provider.error()));
    QCOMPARE(provider->models, QStringList({QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b")}));

    // Another workspace takes the exported file as it is.
    const QString other = m_dir->filePath(QStringLiteral("other"));
    run = ctl({QStringLiteral("provider"), QStringLiteral("create"), QStringLiteral("--file"), out}, other);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl({QStringLiteral("provider"), QStringLiteral("show"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm"), QStringLiteral("--json")},
              other);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(parsed(run.out).value("displayName", ""), std::string("Local vLLM"));

    // Built-in providers export too: a starting point for a custom one.
    run = ctl({QStringLiteral("provider"), QStringLiteral("export"), QStringLiteral("--provider"),
               QStringLiteral("openai"), QStringLiteral("--out"),
               m_dir->filePath(QStringLiteral("openai.json"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestCtlProviders::createRefusals_data() {
    QTest::addColumn<QByteArray>("from"); // replaced in the vLLM definition
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QByteArray>("error"); // the one stderr line, after "gatehouse-ctl: <file>: "

    QTest::newRow("header name with a space")
        << QByteArray("\"header\": \"Authorization\"") << QByteArray("\"header\": \"Auth orization\"")
        << QByteArray("auth.header: \"Auth orization\" is not a valid HTTP header name");
    QTest::newRow("format without {key}") << QByteArray("Bearer {key}") << QByteArray("Bearer")
                                          << QByteArray("auth.valueFormat: must contain {key}");
    QTest::newRow("broken JSONPath")
        << QByteArray("$.usage.prompt_tokens") << QByteArray("usage.prompt_tokens")
        << QByteArray("locations.promptTokens.identifier: \"usage.prompt_tokens\" is not a JSONPath");
    QTest::newRow("no models") << QByteArray("[\"llama-3.1-8b\", \"qwen2.5-7b\"]") << QByteArray("[]")
                               << QByteArray("models: at least one model is required");
    QTest::newRow("duplicate model") << QByteArray("\"qwen2.5-7b\"") << QByteArray("\"llama-3.1-8b\"")
                                     << QByteArray(
                                            "models[1]: \"llama-3.1-8b\" is listed twice (also models[0])");
    QTest::newRow("built-in id") << QByteArray("\"id\": \"local-vllm\"") << QByteArray("\"id\": \"openai\"")
                                 << QByteArray("id: \"openai\" is the id of the built-in provider");
    QTest::newRow("bad id") << QByteArray("\"id\": \"local-vllm\"") << QByteArray("\"id\": \"Local vLLM\"")
                            << QByteArray("id: may contain only lowercase letters");
    QTest::newRow("no display name") << QByteArray("\"displayName\": \"Local vLLM\",") << QByteArray()
                                     << QByteArray("$.displayName: is required");
    QTest::newRow("empty id") << QByteArray("\"id\": \"local-vllm\"") << QByteArray("\"id\": \"\"")
                              << QByteArray("id: is required");
}

void TestCtlProviders::createRefusals() {
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QByteArray, error);
    QByteArray text(vllmDefinition());
    QVERIFY2(text.contains(from), from.constData());
    text.replace(from, to);
    const QString definition = writeDefinition(QStringLiteral("broken.json"), text);
    const CtlRun run =
        ctl({QStringLiteral("provider"), QStringLiteral("create"), QStringLiteral("--file"), definition});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), qsizetype(1));
    const QByteArray expected = "gatehouse-ctl: " + definition.toUtf8() + ": " + error;
    QVERIFY2(run.err.startsWith(expected), qPrintable(run.describe()));
    QVERIFY(!QDir(m_workspace + QStringLiteral("/providers")).exists() ||
            QDir(m_workspace + QStringLiteral("/providers")).isEmpty());
}

void TestCtlProviders::createExistingNeedsReplace() {
    const QString definition = writeDefinition(QStringLiteral("vllm.json"), vllmDefinition());
    const QStringList create{QStringLiteral("provider"), QStringLiteral("create"), QStringLiteral("--file"),
                             definition};
    CtlRun run = ctl(create);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl(create);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("exists already") && run.err.contains("--replace"), run.err.constData());

    QByteArray renamed(vllmDefinition());
    renamed.replace("\"Local vLLM\"", "\"Desk vLLM\"");
    const QString second = writeDefinition(QStringLiteral("renamed.json"), renamed);
    run = ctl({QStringLiteral("provider"), QStringLiteral("create"), QStringLiteral("--file"), second,
               QStringLiteral("--replace")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl({QStringLiteral("provider"), QStringLiteral("show"), QStringLiteral("--provider"),
               QStringLiteral("local-vllm"), QStringLiteral("--json")});
    QCOMPARE(parsed(run.out).value("displayName", ""), std::string("Desk vLLM"));
}

void TestCtlProviders::builtinProviderCannotBeDeleted() {
    const CtlRun run = ctl({QStringLiteral("provider"), QStringLiteral("delete"),
                            QStringLiteral("--provider"), QStringLiteral("openai")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), qsizetype(1));
    QVERIFY2(run.err.contains("built-in provider and cannot be deleted"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCtlProviders)
#include "tst_ctlproviders.moc"
