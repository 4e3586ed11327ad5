// gatehouse-ctl api create --from-openapi end to end: the real binary on a throwaway workspace, with a
// secrets file instead of the keychain.
#include "CtlRun.h"
#include "core/Json.h"
#include "core/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

using gatehouse::test::CtlRun;

QString dataFile(const QString& name) {
    return QStringLiteral(OPENAPI_TEST_DATA "/") + name;
}

} // namespace

class TestCtlOpenApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsTheDocumentsOperations();
    void optionsOverrideTheDocument();
    void brokenDocumentIsOneLineWithExitCode1();
    void missingServerUrlIsAUsageError();

private:
    CtlRun ctl(const QStringList& arguments);
    // The workspace as another process sees it after the command.
    std::unique_ptr<Workspace> reopen();
    QString writeFile(const QString& name, const QByteArray& contents);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_secrets;
};

void TestCtlOpenApi::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    m_secrets = m_dir->filePath(QStringLiteral("secrets.json"));
}

void TestCtlOpenApi::cleanup() {
    m_dir.reset();
}

CtlRun TestCtlOpenApi::ctl(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
    // English messages whatever the machine's locale: the test compares them.
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(
        QStringLiteral(GATEHOUSE_CTL_PATH),
        QStringList{QStringLiteral("--workspace"), m_workspace, QStringLiteral("--secrets-file"), m_secrets} +
            arguments);
    CtlRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::unique_ptr<Workspace> TestCtlOpenApi::reopen() {
    auto workspace = std::make_unique<Workspace>();
    QString error;
    if (!workspace->open(m_workspace).ok(&error))
        qWarning("cannot open the workspace: %s", qPrintable(error));
    return workspace;
}

QString TestCtlOpenApi::writeFile(const QString& name, const QByteArray& contents) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

void TestCtlOpenApi::createsTheDocumentsOperations() {
    const CtlRun run = ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"),
                            dataFile(QStringLiteral("vllm-openapi.yaml")), QStringLiteral("--production-key"),
                            QStringLiteral("sk-local")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray("vllm-openai-compatible-server-0.6.3\n"));

    const std::unique_ptr<Workspace> workspace = reopen();
    const Api* api = workspace->api(QStringLiteral("vllm-openai-compatible-server-0.6.3"));
    QVERIFY(api);
    QCOMPARE(api->name, QStringLiteral("vLLM OpenAI-Compatible Server"));
    QCOMPARE(api->context, QStringLiteral("vllm-openai-compatible-server"));
    QCOMPARE(api->providerId, QStringLiteral("openai-compatible"));
    QCOMPARE(api->endpoints.size(), std::size_t(1));
    QCOMPARE(api->endpoints.front().url, QStringLiteral("http://localhost:8000"));
    QVERIFY(api->endpoints.front().hasKey);
    QStringList keys;
    for (const Operation& operation : api->operations)
        keys.append(operation.key());
    QCOMPARE(keys,
             (QStringList{QStringLiteral("POST /v1/chat/completions"), QStringLiteral("POST /v1/completions"),
                          QStringLiteral("POST /v1/embeddings"), QStringLiteral("GET /v1/models"),
                          QStringLiteral("GET /v1/models/{model}"),
                          QStringLiteral("POST /v1/audio/transcriptions"), QStringLiteral("GET /health")}));
    const Operation* chat = api->operationByKey(QStringLiteral("POST /v1/chat/completions"));
    QCOMPARE(chat->summary, QStringLiteral("Create chat completion"));
    QVERIFY(chat->sampleBody.value("model", Json()) == Json("meta-llama/Llama-3.1-8B-Instruct"));

    // The key went to the secrets file, not to the workspace.
    QFile secrets(m_secrets);
    QVERIFY(secrets.open(QIODevice::ReadOnly));
    QVERIFY(secrets.readAll().contains("sk-local"));
    QFile apiFile(m_workspace + QStringLiteral("/apis/vllm-openai-compatible-server-0.6.3/api.json"));
    QVERIFY(apiFile.open(QIODevice::ReadOnly));
    QVERIFY(!apiFile.readAll().contains("sk-local"));

    // The same document again clashes with the first API's context and version: refused, exit 1.
    const CtlRun again =
        ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"),
             dataFile(QStringLiteral("vllm-openapi.yaml"))});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.startsWith("gatehouse-ctl: context: "), qPrintable(again.describe()));
}

void TestCtlOpenApi::optionsOverrideTheDocument() {
    const CtlRun run = ctl({QStringLiteral("--json"), QStringLiteral("api"), QStringLiteral("create"),
                            QStringLiteral("--from-openapi"), dataFile(QStringLiteral("ollama-openapi.json")),
                            QStringLiteral("--name"), QStringLiteral("Ollama"), QStringLiteral("--context"),
                            QStringLiteral("ollama"), QStringLiteral("--version"), QStringLiteral("1.0.0"),
                            QStringLiteral("--production-url"), QStringLiteral("http://127.0.0.1:11434"),
                            QStringLiteral("--sandbox-url"), QStringLiteral("http://127.0.0.1:11435")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json printed = Json::parse(run.out.toStdString(), nullptr, false);
    QVERIFY2(printed.is_object(), run.out.constData());
    QVERIFY(printed["id"] == Json("ollama-1.0.0"));
    QVERIFY(printed["context"] == Json("ollama"));
    QVERIFY(printed["endpoints"].size() == 2);
    QVERIFY(printed["endpoints"][0]["url"] == Json("http://127.0.0.1:11434"));
    QVERIFY(printed["endpoints"][1]["url"] == Json("http://127.0.0.1:11435"));
    QVERIFY(printed["operations"][0]["path"] == Json("/api/chat"));
    QVERIFY(printed["operations"][0]["sampleBody"]["model"] == Json("llama3.2"));
}

void TestCtlOpenApi::brokenDocumentIsOneLineWithExitCode1() {
    const QString broken =
        writeFile(QStringLiteral("vllm.yaml"), "openapi: 3.0.3\n"
                                               "info: {title: Broken, version: 1.0.0}\n"
                                               "servers: [{url: 'http://localhost:8000'}]\n"
                                               "paths:\n"
                                               "  /v1/chat/completions:\n"
                                               "    post: [model, messages]\n");
    QVERIFY(!broken.isEmpty());
    const CtlRun run =
        ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"), broken});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(
        QString::fromUtf8(run.err),
        QStringLiteral("gatehouse-ctl: %1:6:11: paths./v1/chat/completions.post: an operation must be an "
                       "object, not an array\n")
            .arg(broken));

    const QString syntax =
        writeFile(QStringLiteral("syntax.json"), "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": [\n}\n");
    const CtlRun syntaxRun =
        ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"), syntax});
    QCOMPARE(syntaxRun.exitCode, 1);
    QVERIFY2(syntaxRun.err.startsWith(QStringLiteral("gatehouse-ctl: %1:").arg(syntax).toUtf8()),
             qPrintable(syntaxRun.describe()));
    QCOMPARE(syntaxRun.err.count('\n'), 1);

    const CtlRun missing =
        ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"),
             m_dir->filePath(QStringLiteral("nowhere.yaml"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.startsWith("gatehouse-ctl: cannot read "), qPrintable(missing.describe()));

    // Nothing was created.
    QVERIFY(reopen()->apis().empty());
}

void TestCtlOpenApi::missingServerUrlIsAUsageError() {
    const QString relative =
        writeFile(QStringLiteral("relative.yaml"), "openapi: 3.0.3\n"
                                                   "info: {title: Relative, version: 1.0.0}\n"
                                                   "servers: [{url: /v1}]\n"
                                                   "paths:\n"
                                                   "  /models: {get: {summary: Models}}\n");
    const CtlRun run =
        ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"), relative});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--production-url"), qPrintable(run.describe()));
    QCOMPARE(run.err.count('\n'), 1);

    const CtlRun given =
        ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--from-openapi"), relative,
             QStringLiteral("--production-url"), QStringLiteral("http://127.0.0.1:8000/v1")});
    QVERIFY2(given.exitCode == 0, qPrintable(given.describe()));
    QCOMPARE(given.out, QByteArray("relative-1.0.0\n"));

    // Without --from-openapi the template's options stay required.
    const CtlRun plain = ctl({QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--provider"),
                              QStringLiteral("openai")});
    QCOMPARE(plain.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCtlOpenApi)
#include "tst_ctlopenapi.moc"
