// gatehouse-ctl export / import --format wso2 end to end: the real binary on throwaway workspaces,
// with a secrets file instead of the keychain.
#include "CtlRun.h"
#include "core/Json.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

using gatehouse::test::CtlRun;

const QString backendKey = QStringLiteral("sk-ctl-interop-SECRET-4711");

} // namespace

class TestCtlInterop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void exportThenImportIntoAnotherWorkspace_data();
    void exportThenImportIntoAnotherWorkspace();
    void exportWritesNoSecret();
    void refusals();

private:
    CtlRun ctl(const QString& workspace, const QStringList& arguments);
    void createSeed(const QString& workspace);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCtlInterop::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCtlInterop::cleanup() {
    m_dir.reset();
}

CtlRun TestCtlInterop::ctl(const QString& workspace, const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GATEHOUSE_WORKSPACE"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(GATEHOUSE_CTL_PATH),
                  QStringList{QStringLiteral("--workspace"), m_dir->filePath(workspace),
                              QStringLiteral("--secrets-file"),
                              m_dir->filePath(QStringLiteral("secrets.json"))} +
                      arguments);
    CtlRun run;
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

void TestCtlInterop::createSeed(const QString& workspace) {
    CtlRun run = ctl(
        workspace, {QStringLiteral("api"), QStringLiteral("create"), QStringLiteral("--name"),
                    QStringLiteral("SmartChat"), QStringLiteral("--context"), QStringLiteral("smartchat"),
                    QStringLiteral("--version"), QStringLiteral("1.0.0"), QStringLiteral("--provider"),
                    QStringLiteral("openai"), QStringLiteral("--production-url"),
                    QStringLiteral("http://127.0.0.1:9/v1"), QStringLiteral("--production-key"), backendKey});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl(workspace,
              {QStringLiteral("policy"), QStringLiteral("attach"), QStringLiteral("--api"),
               QStringLiteral("SmartChat"), QStringLiteral("--operation"),
               QStringLiteral("POST /chat/completions"), QStringLiteral("--flow"), QStringLiteral("request"),
               QStringLiteral("--policy"), QStringLiteral("modelWeightedRoundRobin"),
               QStringLiteral("--params"),
               QStringLiteral(
                   "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
                   "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],"
                   "'sandbox':[],'suspendDuration':30}")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestCtlInterop::exportThenImportIntoAnotherWorkspace_data() {
    QTest::addColumn<QString>("destination");
    QTest::newRow("folder") << QStringLiteral("project");
    QTest::newRow("zip") << QStringLiteral("project.zip");
}

void TestCtlInterop::exportThenImportIntoAnotherWorkspace() {
    QFETCH(QString, destination);
    createSeed(QStringLiteral("a"));
    const QString out = m_dir->filePath(destination);
    CtlRun run =
        ctl(QStringLiteral("a"), {QStringLiteral("--json"), QStringLiteral("export"), QStringLiteral("--api"),
                                  QStringLiteral("SmartChat"), QStringLiteral("--format"),
                                  QStringLiteral("wso2"), QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json exported = Json::parse(run.out.toStdString());
    QCOMPARE(exported["api"], Json("smartchat-1.0.0"));
    QCOMPARE(exported["files"].size(), std::size_t(4));

    run = ctl(QStringLiteral("b"),
              {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wso2"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray("smartchat-1.0.0\n"));
    // The missing key is reported, as a warning line.
    for (const QByteArray& line : run.errLines())
        QVERIFY2(line.startsWith("gatehouse-ctl: warning: not imported: "), line.constData());

    const auto showPolicies = [&](const QString& workspace) {
        const CtlRun shown =
            ctl(workspace, {QStringLiteral("--json"), QStringLiteral("api"), QStringLiteral("show"),
                            QStringLiteral("--api"), QStringLiteral("SmartChat")});
        const Json api = Json::parse(shown.out.toStdString());
        Json kept = Json::object();
        kept["operations"] = api.contains("api") ? api["api"]["operations"] : api["operations"];
        return kept;
    };
    QCOMPARE(toQString(dumpCompact(showPolicies(QStringLiteral("b")))),
             toQString(dumpCompact(showPolicies(QStringLiteral("a")))));

    // Importing it again is refused with one line.
    run = ctl(QStringLiteral("b"),
              {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wso2"), out});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("already exists"), qPrintable(run.describe()));
}

void TestCtlInterop::exportWritesNoSecret() {
    createSeed(QStringLiteral("a"));
    CtlRun run = ctl(QStringLiteral("a"), {QStringLiteral("app"), QStringLiteral("create"),
                                           QStringLiteral("--name"), QStringLiteral("SmartChatApp")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl(QStringLiteral("a"),
              {QStringLiteral("subscribe"), QStringLiteral("--app"), QStringLiteral("SmartChatApp"),
               QStringLiteral("--api"), QStringLiteral("SmartChat"), QStringLiteral("--plan"),
               QStringLiteral("Unlimited")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = ctl(QStringLiteral("a"),
              {QStringLiteral("--json"), QStringLiteral("keys"), QStringLiteral("generate"),
               QStringLiteral("--app"), QStringLiteral("SmartChatApp"), QStringLiteral("--type"),
               QStringLiteral("production")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Json keys = Json::parse(run.out.toStdString());
    const QString consumerSecret = toQString(keys.value("consumerSecret", std::string()));
    QVERIFY2(!consumerSecret.isEmpty(), run.out.constData());

    const QString out = m_dir->filePath(QStringLiteral("project"));
    run = ctl(QStringLiteral("a"),
              {QStringLiteral("export"), QStringLiteral("--api"), QStringLiteral("SmartChat"),
               QStringLiteral("--format"), QStringLiteral("wso2"), QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QDirIterator files(out, QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(backendKey.toUtf8()), qPrintable(file.fileName()));
        QVERIFY2(!content.contains(consumerSecret.toUtf8()), qPrintable(file.fileName()));
        ++count;
    }
    QCOMPARE(count, 4);
}

void TestCtlInterop::refusals() {
    createSeed(QStringLiteral("a"));
    // An unknown format is a usage error.
    CtlRun run = ctl(QStringLiteral("a"),
                     {QStringLiteral("export"), QStringLiteral("--api"), QStringLiteral("SmartChat"),
                      QStringLiteral("--format"), QStringLiteral("raml"), QStringLiteral("--out"),
                      m_dir->filePath(QStringLiteral("x"))});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("raml"), qPrintable(run.describe()));

    // A folder without api.yaml.
    const QString empty = m_dir->filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    run = ctl(QStringLiteral("b"),
              {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wso2"), empty});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("api.yaml"), qPrintable(run.describe()));

    // Broken YAML: file:line:column on one line.
    const QString broken = m_dir->filePath(QStringLiteral("broken"));
    QVERIFY(QDir().mkpath(broken));
    QFile api(QDir(broken).filePath(QStringLiteral("api.yaml")));
    QVERIFY(api.open(QIODevice::WriteOnly));
    api.write("type: api\ndata:\n  name: [SmartChat\n  version: 1.0.0\n");
    api.close();
    run = ctl(QStringLiteral("b"),
              {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wso2"), broken});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(
        QString::fromUtf8(run.err).contains(QRegularExpression(QStringLiteral("api\\.yaml:\\d+:\\d+: "))),
        qPrintable(run.describe()));

    // No project named.
    run = ctl(QStringLiteral("b"),
              {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wso2")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);

    // An unknown API.
    run = ctl(QStringLiteral("a"), {QStringLiteral("export"), QStringLiteral("--api"), QStringLiteral("Nope"),
                                    QStringLiteral("--format"), QStringLiteral("wso2"),
                                    QStringLiteral("--out"), m_dir->filePath(QStringLiteral("y"))});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
}

QTEST_GUILESS_MAIN(TestCtlInterop)
#include "tst_ctlinterop.moc"
