#include "core/ApiFactory.h"
#include "core/DemoWorkspace.h"
#include "core/JsonFile.h"
#include "core/ProviderRegistry.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace gatehouse {

namespace {

// The router configuration of the tutorial, exactly as WSO2's Publisher stores it.
const QString seedRouterConfig =
    QStringLiteral("{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
                   "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],"
                   "'sandbox':[],'suspendDuration':30}");

// Set in the environment of a child copy of this executable: the child then holds the lock of the
// workspace named by the variable instead of running the test body.
const char* const lockHolderVariable = "GATEHOUSE_TEST_HOLD_LOCK_OF";
const QByteArray lockHeldMarker = QByteArrayLiteral("GATEHOUSE-TEST-LOCK-HELD");

QByteArray readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeRaw(const QString& path, const QByteArray& bytes) {
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Every file and folder under `root`, relative to it, sorted: to prove that nothing was written.
QStringList treeOf(const QString& root) {
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(QDir(root).relativeFilePath(it.next()));
    entries.sort();
    return entries;
}

QDateTime fixedTime(const char* iso) {
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
}

Api plainApi(const QString& id, const QString& name) {
    const Provider* demo = ProviderRegistry::builtin().find(QStringLiteral("demo"));
    ApiFactory::Request request;
    request.id = id;
    request.name = name;
    request.context = id;
    request.version = QStringLiteral("1.0.0");
    request.sandboxUrl = QStringLiteral("http://127.0.0.1:9/sandbox");
    return demo ? ApiFactory::createAiApi(*demo, request) : Api{};
}

QByteArray apiDocument(const Api& api) {
    Json document = Json::object();
    document["schemaVersion"] = Workspace::SchemaVersion;
    const Json body = api.toJson();
    for (auto it = body.begin(); it != body.end(); ++it)
        document[it.key()] = it.value();
    return JsonFile::serialize(document);
}

// Lowers the largest file this process may write, as a full disk would, and restores it on
// destruction. SIGXFSZ is ignored meanwhile so that an oversized write fails with EFBIG instead of
// killing the process. Unlike permissions, this limit also binds root.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        m_active = ::getrlimit(RLIMIT_FSIZE, &m_previous) == 0;
        if (!m_active)
            return;
        rlimit lowered = m_previous;
        lowered.rlim_cur = std::min<rlim_t>(bytes, m_previous.rlim_max);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        m_active = ::setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    bool isActive() const { return m_active; }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = SIG_DFL;
    bool m_active = false;
};

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT

private:
    // Child mode of the lock tests: lock the workspace, say so on stdout, hold the lock until stdin
    // closes (or until the parent kills this process).
    static void holdLockUntilStdinCloses() {
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(qEnvironmentVariable(lockHolderVariable)).ok(&error), qPrintable(error));
        const auto lock = workspace.lock();
        QVERIFY2(lock, qPrintable(lock.error()));
        std::fputs(lockHeldMarker.constData(), stdout);
        std::fputs("\n", stdout);
        std::fflush(stdout);
        QFile input;
        QVERIFY(input.open(stdin, QIODevice::ReadOnly));
        input.readLine();
    }

    // Starts this executable, running only `testFunction`, as a lock holder of `directory`.
    static bool startLockHolder(QProcess& child, const QString& directory, const char* testFunction) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1String(lockHolderVariable), directory);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(testFunction)});
        if (!child.waitForStarted(30000))
            return false;
        QElapsedTimer timer;
        timer.start();
        QByteArray output;
        while (!output.contains(lockHeldMarker) && timer.elapsed() < 30000 &&
               child.state() == QProcess::Running) {
            child.waitForReadyRead(1000);
            output += child.readAll();
        }
        if (!output.contains(lockHeldMarker))
            qWarning("lock holder did not take the lock; its output:\n%s", output.constData());
        return output.contains(lockHeldMarker);
    }

private Q_SLOTS:
    // --- creation -----------------------------------------------------------------------------

    void openInitialisesEmptyOrMissingFolder_data() {
        QTest::addColumn<QString>("subfolder");
        QTest::addColumn<bool>("createFirst");
        QTest::newRow("missing folder") << QStringLiteral("not/there/yet") << false;
        QTest::newRow("empty folder") << QStringLiteral("empty") << true;
    }
    void openInitialisesEmptyOrMissingFolder() {
        QFETCH(QString, subfolder);
        QFETCH(bool, createFirst);
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString directory = temporary.filePath(subfolder);
        if (createFirst)
            QVERIFY(QDir().mkpath(directory));

        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(directory).ok(&error), qPrintable(error));
        QVERIFY(workspace.isOpen());
        QVERIFY(workspace.problems().isEmpty());
        QCOMPARE(treeOf(directory), QStringList{QStringLiteral("workspace.json")});

        const Result<Json> stored = JsonFile::read(directory + QStringLiteral("/workspace.json"));
        QVERIFY2(stored, qPrintable(stored.error()));
        const Json& root = stored.value();
        QVERIFY(root.is_object());
        QVERIFY(root.contains("schemaVersion"));
        QCOMPARE(root.at("schemaVersion").get<int>(), 1);
        QVERIFY(root.contains("id") && root.at("id").is_string());
        const QString id = toQString(root.at("id").get<std::string>());
        QVERIFY(!id.isEmpty());
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
        QCOMPARE(workspace.id(), id);

        // Default business plans, as stored and as loaded.
        QVERIFY(root.contains("businessPlans") && root.at("businessPlans").is_array());
        const auto storedPlan = [&](const char* name) -> Json {
            for (const Json& plan : root.at("businessPlans")) {
                if (plan.value("name", std::string()) == name)
                    return plan;
            }
            return Json();
        };
        QCOMPARE(storedPlan("Bronze").value("requestsPerMinute", -1), 1000);
        QCOMPARE(storedPlan("Gold").value("requestsPerMinute", -1), 5000);
        QVERIFY(storedPlan("Unlimited").is_object());
        QCOMPARE(storedPlan("Unlimited").value("requestsPerMinute", -1), 0);
        QVERIFY(workspace.businessPlan(QStringLiteral("Bronze")));
        QCOMPARE(workspace.businessPlan(QStringLiteral("Bronze"))->requestsPerMinute, 1000);
        QVERIFY(workspace.businessPlan(QStringLiteral("Gold")));
        QCOMPARE(workspace.businessPlan(QStringLiteral("Gold"))->requestsPerMinute, 5000);
        QVERIFY(workspace.businessPlan(QStringLiteral("Unlimited")));
        QVERIFY(workspace.businessPlan(QStringLiteral("Unlimited"))->isUnlimited());

        // Opening again reads the same workspace instead of initialising a new one.
        Workspace again;
        QVERIFY2(again.open(directory).ok(&error), qPrintable(error));
        QCOMPARE(again.id(), id);
        QCOMPARE(again.businessPlans(), workspace.businessPlans());
    }

    void openRefusesNonEmptyFolderWithoutWorkspaceFile() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QVERIFY(writeRaw(temporary.filePath(QStringLiteral("notes.txt")), QByteArrayLiteral("my notes\n")));
        const QStringList before = treeOf(temporary.path());

        Workspace workspace;
        QString error;
        QVERIFY(!workspace.open(temporary.path()).ok(&error));
        QVERIFY(!workspace.isOpen());
        QVERIFY2(error.contains(QLatin1String("not empty")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("workspace.json")), qPrintable(error));
        QCOMPARE(treeOf(temporary.path()), before);
        QCOMPARE(readBytes(temporary.filePath(QStringLiteral("notes.txt"))), QByteArrayLiteral("my notes\n"));
    }

    // --- round trip -------------------------------------------------------------------------------

    void saveAndLoadRoundTrip() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        Workspace first;
        QString error;
        QVERIFY2(first.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(DemoWorkspace::populate(first, &error), qPrintable(error));
        const Api* demo = first.findApi(QLatin1String(DemoWorkspace::ApiName));
        QVERIFY(demo);
        const QString apiId = demo->id;

        // Attach Model Weighted Round Robin with the seed configuration, decoded.
        Api routed = *demo;
        Operation* chat = routed.operation(QStringLiteral("POST"), QStringLiteral("/chat/completions"));
        QVERIFY(chat);
        const Result<Json> config = Wso2AttributeCodec::decode(seedRouterConfig);
        QVERIFY2(config, qPrintable(config.error()));
        PolicyAttachment attachment;
        attachment.policyName = QStringLiteral("modelWeightedRoundRobin");
        attachment.parameters["weightedRoundRobinConfigs"] = config.value();
        chat->policies.request.push_back(attachment);
        QVERIFY2(first.saveApi(routed).ok(&error), qPrintable(error));

        Application application;
        application.id = first.newApplicationId(QStringLiteral("Mobile Chat"));
        application.name = QStringLiteral("Mobile Chat");
        application.description = QStringLiteral("Grüße – 移动聊天");
        application.tokenValiditySeconds = 7200;
        application.subscriptions.push_back(
            {apiId, QStringLiteral("Gold"), fixedTime("2024-05-01T10:20:30.123Z")});
        KeyPair keys;
        keys.keyType = Stage::Production;
        keys.consumerKey = QStringLiteral("ck_0123456789abcdef");
        keys.createdAt = fixedTime("2024-05-01T10:21:00.456Z");
        keys.tokensValidAfter = fixedTime("2024-05-02T00:00:00.000Z");
        application.keys.push_back(keys);
        QVERIFY2(first.saveApplication(application).ok(&error), qPrintable(error));

        const Result<Revision> revision = first.createRevision(apiId, QStringLiteral("first cut"));
        QVERIFY2(revision, qPrintable(revision.error()));
        QCOMPARE(revision->number, 1);
        QVERIFY2(first.deploy(apiId, 1).ok(&error), qPrintable(error));

        Workspace second;
        QVERIFY2(second.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(second.problems().isEmpty(), qPrintable(second.problems().join(QLatin1Char('\n'))));
        QCOMPARE(second.id(), first.id());
        QCOMPARE(second.businessPlans(), first.businessPlans());
        QCOMPARE(second.apis().size(), first.apis().size());
        QVERIFY(second.api(apiId));
        QVERIFY(*second.api(apiId) == *first.api(apiId));
        QCOMPARE(second.api(apiId)
                     ->operation(QStringLiteral("POST"), QStringLiteral("/chat/completions"))
                     ->policies.request.size(),
                 std::size_t(1));
        QCOMPARE(second.applications().size(), std::size_t(1));
        QVERIFY(second.application(application.id));
        QVERIFY(*second.application(application.id) == application);
        QVERIFY(*second.application(application.id) == *first.application(application.id));
        QVERIFY(second.deployments() == first.deployments());
        QVERIFY(second.deployment(apiId));
        QCOMPARE(second.deployment(apiId)->revision, 1);
        const std::vector<Revision> revisions = second.revisions(apiId);
        QCOMPARE(revisions.size(), std::size_t(1));
        QCOMPARE(revisions.front().description, QStringLiteral("first cut"));
        QVERIFY(revisions.front().api == *first.api(apiId));

        // The router configuration keeps its key order through disk, in the design and in the
        // revision, so WSO2 gets back byte for byte what it sent.
        const auto storedConfig = [](const Api& api) {
            const Operation* operation =
                api.operation(QStringLiteral("POST"), QStringLiteral("/chat/completions"));
            if (!operation || operation->policies.request.empty())
                return QString();
            return Wso2AttributeCodec::encode(
                operation->policies.request.front().parameters.at("weightedRoundRobinConfigs"));
        };
        QCOMPARE(storedConfig(*second.api(apiId)), seedRouterConfig);
        QCOMPARE(storedConfig(revisions.front().api), seedRouterConfig);
    }

    // --- unreadable files -------------------------------------------------------------------------

    void corruptWorkspaceFileIsRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("syntax error")
            << QByteArrayLiteral("{\n  \"schemaVersion\": 1,\n  \"id\": ,\n  \"name\": \"x\"\n}\n")
            << QStringList{QStringLiteral("workspace.json:3:9: ")};
        QTest::newRow("truncated") << QByteArrayLiteral("{\n  \"schemaVersion\": 1,\n  \"id\": \"abc")
                                   << QStringList{QStringLiteral("workspace.json:3:")};
        QTest::newRow("newer schema")
            << QByteArrayLiteral("{\"schemaVersion\": 99, \"id\": \"abc\"}\n")
            << QStringList{QStringLiteral("workspace.json"), QStringLiteral("newer"), QStringLiteral("99")};
        QTest::newRow("schema version 0") << QByteArrayLiteral("{\"schemaVersion\": 0, \"id\": \"abc\"}\n")
                                          << QStringList{QStringLiteral("at least 1")};
        QTest::newRow("not an object")
            << QByteArrayLiteral("[1, 2]\n")
            << QStringList{QStringLiteral("workspace.json"), QStringLiteral("JSON object")};
        QTest::newRow("missing id") << QByteArrayLiteral("{\"schemaVersion\": 1}\n")
                                    << QStringList{QStringLiteral("workspace.json: $.id: is required")};
        QTest::newRow("plans of the wrong type")
            << QByteArrayLiteral("{\"schemaVersion\": 1, \"id\": \"abc\", \"businessPlans\": {}}\n")
            << QStringList{QStringLiteral("$.businessPlans"), QStringLiteral("expected an array")};
    }
    void corruptWorkspaceFileIsRefused() {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString rootPath = temporary.filePath(QStringLiteral("workspace.json"));
        QVERIFY(writeRaw(rootPath, content));

        Workspace workspace;
        QString error;
        QVERIFY(!workspace.open(temporary.path()).ok(&error));
        QVERIFY(!workspace.isOpen());
        for (const QString& fragment : expected)
            QVERIFY2(error.contains(fragment),
                     qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(error, fragment)));
        // Nothing written: no lock file, no repaired workspace.json.
        QCOMPARE(treeOf(temporary.path()), QStringList{QStringLiteral("workspace.json")});
        QCOMPARE(readBytes(rootPath), content);
    }

    void corruptApiFileIsReportedAndLeftAlone_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedPrefix");
        QTest::addColumn<QStringList>("expected");

        const QString id = QStringLiteral("broken-api");
        const QString file = QStringLiteral("apis/broken-api/api.json");
        QTest::newRow("syntax error on line 3")
            << QByteArrayLiteral(
                   "{\n  \"schemaVersion\": 1,\n  \"id\": \"broken-api\" \"name\": \"Broken\",\n"
                   "  \"context\": \"broken\",\n  \"version\": \"1.0.0\"\n}\n")
            << file + QStringLiteral(":3:") << QStringList{};
        QTest::newRow("empty file") << QByteArray() << file + QStringLiteral(":1:") << QStringList{};

        Api wrongType = plainApi(id, QStringLiteral("Broken"));
        QByteArray document = apiDocument(wrongType);
        Json parsed = Json::parse(document.cbegin(), document.cend());
        parsed["endpoints"] = 5;
        QTest::newRow("endpoints is a number")
            << JsonFile::serialize(parsed) << file
            << QStringList{QStringLiteral("$.endpoints"), QStringLiteral("expected an array")};

        parsed = Json::parse(document.cbegin(), document.cend());
        parsed["schemaVersion"] = 99;
        QTest::newRow("newer schema")
            << JsonFile::serialize(parsed) << file << QStringList{QStringLiteral("newer")};

        parsed = Json::parse(document.cbegin(), document.cend());
        parsed["id"] = "somebody-else";
        QTest::newRow("id of another folder") << JsonFile::serialize(parsed) << file
                                              << QStringList{QStringLiteral("does not match its folder")};
    }
    void corruptApiFileIsReportedAndLeftAlone() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedPrefix);
        QFETCH(QStringList, expected);
        const QString brokenId = QStringLiteral("broken-api");

        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        {
            Workspace setup;
            QVERIFY2(setup.open(temporary.path()).ok(&error), qPrintable(error));
            QVERIFY2(DemoWorkspace::populate(setup, &error), qPrintable(error));
        }
        const QString brokenPath = temporary.filePath(QStringLiteral("apis/broken-api/api.json"));
        QVERIFY(writeRaw(brokenPath, content));

        Workspace workspace;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        QCOMPARE(workspace.problems().size(), 1);
        const QString problem = workspace.problems().constFirst();
        QVERIFY2(problem.startsWith(expectedPrefix), qPrintable(problem));
        for (const QString& fragment : expected)
            QVERIFY2(problem.contains(fragment), qPrintable(problem));
        // The broken API is not listed; the good one still is.
        QVERIFY(!workspace.api(brokenId));
        QCOMPARE(workspace.apis().size(), std::size_t(1));
        QVERIFY(workspace.findApi(QLatin1String(DemoWorkspace::ApiName)));
        QCOMPARE(readBytes(brokenPath), content);

        // Saving over it is refused, and a new API does not get its id.
        QString saveError;
        const Status refused = workspace.saveApi(plainApi(brokenId, QStringLiteral("Replacement")));
        QVERIFY(!refused.ok(&saveError));
        QCOMPARE(refused.code(), ErrorCode::Unreadable);
        QVERIFY2(saveError.contains(QLatin1String("apis/broken-api/api.json")), qPrintable(saveError));
        QCOMPARE(readBytes(brokenPath), content);
        QVERIFY(workspace.newApiId(QStringLiteral("broken"), QStringLiteral("api")) != brokenId);
        QVERIFY(!workspace.removeApi(brokenId).ok(&saveError));
        QCOMPARE(readBytes(brokenPath), content);
    }

    // Every collection (APIs above, providers and applications here) refuses to save over a file it
    // could not read, whatever the id; once the file is repaired (here: removed) the id is free again.
    void corruptFileOfACollectionIsNeverSavedOver_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::newRow("provider") << QStringLiteral("providers/my-vendor.json")
                                  << QStringLiteral("my-vendor");
        QTest::newRow("application") << QStringLiteral("applications/mobile.json")
                                     << QStringLiteral("mobile");
    }
    void corruptFileOfACollectionIsNeverSavedOver() {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        {
            Workspace setup;
            QVERIFY2(setup.open(temporary.path()).ok(&error), qPrintable(error));
        }
        const QByteArray content = "{\n  \"schemaVersion\": 1,\n  \"id\": \"" + id.toUtf8() + "\",,\n}\n";
        const QString brokenPath = temporary.filePath(file);
        QVERIFY(QDir().mkpath(QFileInfo(brokenPath).path()));
        QVERIFY(writeRaw(brokenPath, content));

        Workspace workspace;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        QCOMPARE(workspace.problems().size(), 1);
        QVERIFY2(workspace.problems().constFirst().startsWith(file + QLatin1String(":3:")),
                 qPrintable(workspace.problems().constFirst()));

        const auto save = [&] {
            if (file.startsWith(QLatin1String("providers/"))) {
                Provider replacement = *ProviderRegistry::builtin().find(QStringLiteral("openai"));
                replacement.id = id;
                replacement.displayName = QStringLiteral("My Vendor");
                return workspace.saveCustomProvider(replacement);
            }
            Application application;
            application.id = id;
            application.name = QStringLiteral("Mobile");
            return workspace.saveApplication(application);
        };
        const Status refused = save();
        QCOMPARE(refused.code(), ErrorCode::Unreadable);
        QVERIFY2(refused.error().contains(file), qPrintable(refused.error()));
        QCOMPARE(readBytes(brokenPath), content);
        QVERIFY(!workspace.provider(id) && !workspace.application(id));

        QVERIFY(QFile::remove(brokenPath));
        QVERIFY2(workspace.reload().ok(&error), qPrintable(error));
        const Status saved = save();
        QVERIFY2(saved, qPrintable(saved.error()));
        QVERIFY(workspace.provider(id) || workspace.application(id));
    }

    // Found by tests/fuzz/fuzz_workspace. `file` is written into a workspace that is otherwise fine;
    // opening it must report the file (and only it) with `expected`, never crash or load a wrong value.
    void fuzzFindingsAreReported_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        // A number too large for a double escaped JsonFile::parse as an out_of_range exception and
        // ended the process: a gatehouse-gateway reloading the workspace aborted.
        QTest::newRow("number too large for a double")
            << QStringLiteral("deployments.json")
            << QByteArrayLiteral("{\n  \"schemaVersion\": 1,\n  \"deployments\": [{\"apiId\": \"a\", "
                                 "\"revision\": 1e400}]\n}\n")
            << QStringLiteral("deployments.json:3:");
        // An int field wrapped around: 4294967297 s of token validity loaded as 1 s (2^31 as negative).
        QTest::newRow("integer beyond int")
            << QStringLiteral("applications/app.json")
            << QByteArrayLiteral("{\"schemaVersion\": 1, \"id\": \"app\", \"name\": \"App\", "
                                 "\"tokenValiditySeconds\": 4294967297}\n")
            << QStringLiteral("applications/app.json: $.tokenValiditySeconds: must be at most 2147483647");
        // A deployment without a revision loaded as revision 0, which saves back into a file that does
        // not load: the next deploy of any API made every deployment unreadable.
        QTest::newRow("deployment without a revision")
            << QStringLiteral("deployments.json")
            << QByteArrayLiteral("{\"schemaVersion\": 1, \"deployments\": [{\"apiId\": \"a\"}]}\n")
            << QStringLiteral("deployments.json: $.deployments[0].revision: is required");
    }
    void fuzzFindingsAreReported() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        {
            Workspace setup;
            QVERIFY2(setup.open(temporary.path()).ok(&error), qPrintable(error));
        }
        QVERIFY(writeRaw(temporary.filePath(file), content));

        Workspace workspace;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        QCOMPARE(workspace.problems().size(), 1);
        QVERIFY2(workspace.problems().constFirst().startsWith(expected),
                 qPrintable(workspace.problems().constFirst()));
        QVERIFY(workspace.applications().empty());
        QVERIFY(workspace.deployments().empty());
        QCOMPARE(readBytes(temporary.filePath(file)), content);
    }

    void numberTooLargeInWorkspaceFileIsRefused() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QByteArray content = QByteArrayLiteral("{\"schemaVersion\": 1e400, \"id\": \"abc\"}\n");
        QVERIFY(writeRaw(temporary.filePath(QStringLiteral("workspace.json")), content));
        Workspace workspace;
        QString error;
        QVERIFY(!workspace.open(temporary.path()).ok(&error));
        QVERIFY2(error.startsWith(QLatin1String("workspace.json:1:")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("1e400")), qPrintable(error));
    }

    // --- failed and interrupted writes ------------------------------------------------------------

    // QSaveFile cannot create its temporary file in a read-only folder. Permissions do not bind
    // root, so this case is skipped there; saveFailingMidWriteKeepsOldFile covers root.
    void saveIntoReadOnlyFolderKeepsOldFile() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        const Api original = plainApi(QStringLiteral("weather"), QStringLiteral("Weather"));
        QVERIFY2(workspace.saveApi(original).ok(&error), qPrintable(error));
        const QString folder = temporary.filePath(QStringLiteral("apis/weather"));
        const QString apiPath = folder + QStringLiteral("/api.json");
        const QByteArray before = readBytes(apiPath);
        const Api saved = *workspace.api(QStringLiteral("weather"));

        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                                  QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const auto restore = qScopeGuard(
            [&] { QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });
        {
            QFile probe(folder + QStringLiteral("/probe"));
            if (probe.open(QIODevice::WriteOnly)) {
                probe.close();
                probe.remove();
                QSKIP("a read-only folder is writable for this user (root?): covered by "
                      "saveFailingMidWriteKeepsOldFile instead");
            }
        }

        Api changed = saved;
        changed.description = QStringLiteral("changed");
        QString saveError;
        const Status saveErrorStatus = workspace.saveApi(changed);
        QVERIFY(!saveErrorStatus.ok(&saveError));
        QCOMPARE(saveErrorStatus.code(), ErrorCode::Io);
        QCOMPARE(readBytes(apiPath), before);
        QVERIFY(*workspace.api(QStringLiteral("weather")) == saved);
        QCOMPARE(treeOf(folder), QStringList{QStringLiteral("api.json")});
    }

    // A write that runs out of space half way (simulated with RLIMIT_FSIZE, which binds root too)
    // fails and leaves the previous api.json complete and no partial file behind.
    void saveFailingMidWriteKeepsOldFile() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(workspace.saveApi(plainApi(QStringLiteral("weather"), QStringLiteral("Weather"))).ok(&error),
                 qPrintable(error));
        const QString folder = temporary.filePath(QStringLiteral("apis/weather"));
        const QString apiPath = folder + QStringLiteral("/api.json");
        const QByteArray before = readBytes(apiPath);
        const Api saved = *workspace.api(QStringLiteral("weather"));

        Api huge = saved;
        huge.description = QString(256 * 1024, QLatin1Char('x'));
        bool ok = false;
        bool limited = false;
        QString saveError;
        {
            FileSizeLimit limit(16 * 1024);
            limited = limit.isActive();
            if (limited)
                ok = workspace.saveApi(huge).ok(&saveError);
        }
        if (!limited)
            QSKIP("cannot lower RLIMIT_FSIZE here");
        QVERIFY(!ok);
        QVERIFY2(saveError.contains(QLatin1String("cannot write")), qPrintable(saveError));
        QCOMPARE(readBytes(apiPath), before);
        QCOMPARE(treeOf(folder), QStringList{QStringLiteral("api.json")});
        QVERIFY(*workspace.api(QStringLiteral("weather")) == saved);

        // The workspace is still usable: the same save succeeds once there is room again.
        QVERIFY2(workspace.saveApi(huge).ok(&error), qPrintable(error));
        Workspace reread;
        QVERIFY2(reread.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY(reread.api(QStringLiteral("weather")));
        QCOMPARE(reread.api(QStringLiteral("weather"))->description, huge.description);
    }

    // A write whose target cannot even be created (its parent is a regular file) fails and leaves
    // that file alone. This fails before QSaveFile is involved, so it only shows that the error path
    // never damages what is in the way; saveFailingMidWriteKeepsOldFile is the real mid-write case.
    void writeUnderARegularFileFailsAndKeepsIt() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(workspace.saveApi(plainApi(QStringLiteral("weather"), QStringLiteral("Weather"))).ok(&error),
                 qPrintable(error));
        const QString apiPath = temporary.filePath(QStringLiteral("apis/weather/api.json"));
        const QByteArray before = readBytes(apiPath);

        QString writeError;
        QVERIFY(!JsonFile::writeBytes(apiPath + QStringLiteral("/api.json"), QByteArrayLiteral("{}\n"),
                                      &writeError));
        QVERIFY(!writeError.isEmpty());
        QVERIFY(QFileInfo(apiPath).isFile());
        QCOMPARE(readBytes(apiPath), before);
    }

    // What a crash during QSaveFile can leave behind: partial temporary files next to the real ones.
    // Loading ignores them and sees the last committed state.
    void strayTemporaryFilesAreIgnored() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace first;
        QVERIFY2(first.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(DemoWorkspace::populate(first, &error), qPrintable(error));
        const QString apiId = first.apis().front().id;
        QVERIFY(first.createRevision(apiId, QStringLiteral("r1")));
        QVERIFY2(first.deploy(apiId, 1).ok(&error), qPrintable(error));
        Application application;
        application.id = QStringLiteral("app");
        application.name = QStringLiteral("App");
        QVERIFY2(first.saveApplication(application).ok(&error), qPrintable(error));

        const QByteArray partial = QByteArrayLiteral("{\n  \"schemaVersion\": 1,\n  \"id\": \"sm");
        const QStringList strays = {
            QStringLiteral("workspace.json.aB3dE9"),
            QStringLiteral("deployments.json.Qw12Er"),
            QStringLiteral("apis/%1/api.json.Zx98Yu").arg(apiId),
            QStringLiteral("apis/%1/revisions/2.json.Kp45Lm").arg(apiId),
            QStringLiteral("applications/app.json.Mn67Bv"),
            QStringLiteral("providers/custom.json.Hj23Gf"),
        };
        for (const QString& stray : strays)
            QVERIFY(writeRaw(temporary.filePath(stray), partial));

        Workspace second;
        QVERIFY2(second.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(second.problems().isEmpty(), qPrintable(second.problems().join(QLatin1Char('\n'))));
        QCOMPARE(second.id(), first.id());
        QCOMPARE(second.apis().size(), std::size_t(1));
        QVERIFY(second.apis().front() == first.apis().front());
        QVERIFY(second.deployments() == first.deployments());
        QCOMPARE(second.applications().size(), std::size_t(1));
        QVERIFY(second.applications().front() == application);
        QCOMPARE(second.revisions(apiId).size(), std::size_t(1));
        // The next revision is 2 even though a stray "2.json.*" exists.
        const Result<Revision> next = second.createRevision(apiId, QStringLiteral("r2"));
        QVERIFY2(next, qPrintable(next.error()));
        QCOMPARE(next->number, 2);
    }

    // --- concurrent writers -----------------------------------------------------------------------

    void saveOverChangedApiIsRefused_data() {
        QTest::addColumn<bool>("existedBefore");
        QTest::newRow("API existed when both loaded") << true;
        QTest::newRow("both create the same new API") << false;
    }
    void saveOverChangedApiIsRefused() {
        QFETCH(bool, existedBefore);
        const QString id = QStringLiteral("shared");
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        {
            Workspace setup;
            QVERIFY2(setup.open(temporary.path()).ok(&error), qPrintable(error));
            if (existedBefore)
                QVERIFY2(setup.saveApi(plainApi(id, QStringLiteral("Shared"))).ok(&error), qPrintable(error));
        }
        Workspace a;
        Workspace b;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        const Api original = existedBefore ? *b.api(id) : Api{};

        Api fromA = existedBefore ? *a.api(id) : plainApi(id, QStringLiteral("Shared"));
        fromA.description = QStringLiteral("A's version");
        QVERIFY2(a.saveApi(fromA).ok(&error), qPrintable(error));
        const QByteArray written = readBytes(temporary.filePath(QStringLiteral("apis/shared/api.json")));

        Api fromB = existedBefore ? *b.api(id) : plainApi(id, QStringLiteral("Shared"));
        fromB.description = QStringLiteral("B's version");
        QString conflict;
        const Status conflictStatus = b.saveApi(fromB);
        QVERIFY(!conflictStatus.ok(&conflict));
        QCOMPARE(conflictStatus.code(), ErrorCode::Conflict);
        QVERIFY2(conflict.contains(QLatin1String("apis/shared/api.json")), qPrintable(conflict));
        QCOMPARE(readBytes(temporary.filePath(QStringLiteral("apis/shared/api.json"))), written);
        if (existedBefore)
            QVERIFY(*b.api(id) == original);
        else
            QVERIFY(!b.api(id));

        Workspace check;
        QVERIFY2(check.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY(check.api(id));
        QCOMPARE(check.api(id)->description, QStringLiteral("A's version"));
        QVERIFY(*check.api(id) == *a.api(id));

        // After reloading, B sees A's version and may save over it.
        QVERIFY2(b.reload().ok(&error), qPrintable(error));
        QVERIFY(*b.api(id) == *a.api(id));
        QVERIFY2(b.saveApi(fromB).ok(&error), qPrintable(error));
    }

    void saveOverApiDeletedByAnotherWorkspaceIsRefused() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace a;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(a.saveApi(plainApi(QStringLiteral("gone"), QStringLiteral("Gone"))).ok(&error),
                 qPrintable(error));
        Workspace b;
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(a.removeApi(QStringLiteral("gone")).ok(&error), qPrintable(error));

        Api stale = *b.api(QStringLiteral("gone"));
        stale.description = QStringLiteral("resurrected");
        QString conflict;
        const Status conflictStatus = b.saveApi(stale);
        QVERIFY(!conflictStatus.ok(&conflict));
        QCOMPARE(conflictStatus.code(), ErrorCode::Conflict);
        QVERIFY(!QFileInfo::exists(temporary.filePath(QStringLiteral("apis/gone/api.json"))));
    }

    void applicationConflictIsRefused() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace a;
        Workspace b;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        Application application;
        application.id = QStringLiteral("mobile");
        application.name = QStringLiteral("Mobile");
        QVERIFY2(a.saveApplication(application).ok(&error), qPrintable(error));
        const QByteArray written = readBytes(temporary.filePath(QStringLiteral("applications/mobile.json")));
        application.description = QStringLiteral("B's");
        QString conflict;
        const Status conflictStatus = b.saveApplication(application);
        QVERIFY(!conflictStatus.ok(&conflict));
        QCOMPARE(conflictStatus.code(), ErrorCode::Conflict);
        QCOMPARE(readBytes(temporary.filePath(QStringLiteral("applications/mobile.json"))), written);
    }

    void deploymentsOfDifferentApisMerge() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace a;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        for (const QString& id : {QStringLiteral("api1"), QStringLiteral("api2")}) {
            QVERIFY2(a.saveApi(plainApi(id, id.toUpper())).ok(&error), qPrintable(error));
            const Result<Revision> revision = a.createRevision(id, QStringLiteral("first"));
            QVERIFY2(revision, qPrintable(revision.error()));
        }
        Workspace b;
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));

        QVERIFY2(a.deploy(QStringLiteral("api1"), 1).ok(&error), qPrintable(error));
        QVERIFY2(b.deploy(QStringLiteral("api2"), 1).ok(&error), qPrintable(error)); // b is stale
        QVERIFY(b.deployment(QStringLiteral("api1")));
        QVERIFY(b.deployment(QStringLiteral("api2")));

        Workspace check;
        QVERIFY2(check.open(temporary.path()).ok(&error), qPrintable(error));
        QCOMPARE(check.deployments().size(), std::size_t(2));
        QVERIFY(check.deployment(QStringLiteral("api1")));
        QCOMPARE(check.deployment(QStringLiteral("api1"))->revision, 1);
        QVERIFY(check.deployment(QStringLiteral("api2")));
        QCOMPARE(check.deployment(QStringLiteral("api2"))->revision, 1);

        // Undeploying merges too: a (which never saw api2's deployment) keeps it.
        QVERIFY2(a.undeploy(QStringLiteral("api1")).ok(&error), qPrintable(error));
        QVERIFY2(check.reload().ok(&error), qPrintable(error));
        QCOMPARE(check.deployments().size(), std::size_t(1));
        QVERIFY(check.deployment(QStringLiteral("api2")));
    }

    // --- the lock ---------------------------------------------------------------------------------

    void lockHeldByAnotherWorkspaceBlocksWrites() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace a;
        Workspace b;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        b.setLockTimeout(200);
        const Api api = plainApi(QStringLiteral("weather"), QStringLiteral("Weather"));
        {
            const auto lock = a.lock();
            QVERIFY2(lock, qPrintable(lock.error()));
            QElapsedTimer timer;
            timer.start();
            QString lockError;
            const Status lockErrorStatus = b.saveApi(api);
            QVERIFY(!lockErrorStatus.ok(&lockError));
            QCOMPARE(lockErrorStatus.code(), ErrorCode::Locked);
            QVERIFY2(lockError.contains(QString::number(QCoreApplication::applicationPid())),
                     qPrintable(lockError));
            QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
            QVERIFY(!QFileInfo::exists(temporary.filePath(QStringLiteral("apis/weather/api.json"))));
            QVERIFY(!b.api(QStringLiteral("weather")));
            // The holder's own writes go through while it holds the lock.
            QVERIFY2(a.saveApi(plainApi(QStringLiteral("news"), QStringLiteral("News"))).ok(&error),
                     qPrintable(error));
        }
        QVERIFY2(b.saveApi(api).ok(&error), qPrintable(error));
        QVERIFY(QFileInfo::exists(temporary.filePath(QStringLiteral("apis/weather/api.json"))));
    }

    void lockHeldByAnotherProcessBlocksWrites() {
        if (qEnvironmentVariableIsSet(lockHolderVariable)) {
            holdLockUntilStdinCloses();
            return;
        }
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace b;
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        b.setLockTimeout(200);

        QProcess child;
        const auto stopChild = qScopeGuard([&] {
            if (child.state() != QProcess::NotRunning) {
                child.kill();
                child.waitForFinished(10000);
            }
        });
        QVERIFY(startLockHolder(child, temporary.path(), "lockHeldByAnotherProcessBlocksWrites"));

        const Api api = plainApi(QStringLiteral("weather"), QStringLiteral("Weather"));
        QString lockError;
        const Status lockErrorStatus = b.saveApi(api);
        QVERIFY(!lockErrorStatus.ok(&lockError));
        QCOMPARE(lockErrorStatus.code(), ErrorCode::Locked);
        QVERIFY2(lockError.contains(QString::number(child.processId())), qPrintable(lockError));
        QVERIFY(!QFileInfo::exists(temporary.filePath(QStringLiteral("apis/weather/api.json"))));

        child.write("\n");
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, child.readAll().constData());
        QVERIFY2(b.saveApi(api).ok(&error), qPrintable(error));
    }

    // A lock left by a process that died is stale and taken over, however recent it is.
    void lockOfCrashedProcessIsTakenOver() {
        if (qEnvironmentVariableIsSet(lockHolderVariable)) {
            holdLockUntilStdinCloses();
            return;
        }
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace b;
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));

        QProcess child;
        QVERIFY(startLockHolder(child, temporary.path(), "lockOfCrashedProcessIsTakenOver"));
        child.kill();
        QVERIFY(child.waitForFinished(30000));
        QVERIFY(QFileInfo::exists(temporary.filePath(QStringLiteral(".gatehouse.lock"))));

        b.setLockTimeout(5000);
        QVERIFY2(b.saveApi(plainApi(QStringLiteral("weather"), QStringLiteral("Weather"))).ok(&error),
                 qPrintable(error));
    }

    // A command doing lock() + reload() + save (the read-modify-write the WriteLock exists for)
    // must stay protected across the reload.
    void lockSurvivesReload() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace a;
        Workspace b;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        b.setLockTimeout(200);
        const auto lock = a.lock();
        QVERIFY2(lock, qPrintable(lock.error()));
        QVERIFY2(a.reload().ok(&error), qPrintable(error));
        const Status written = b.saveApi(plainApi(QStringLiteral("weather"), QStringLiteral("Weather")));
        QVERIFY2(!written, "another workspace wrote while this one held the lock across reload()");
        QCOMPARE(written.code(), ErrorCode::Locked);
    }

    // removeApi() must undeploy what is on disk, not what this (possibly stale) object saw: else
    // deployments.json would point at a revision that no longer exists.
    void removeApiByStaleWorkspaceUndeploysIt() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace a;
        QVERIFY2(a.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(a.saveApi(plainApi(QStringLiteral("doomed"), QStringLiteral("Doomed"))).ok(&error),
                 qPrintable(error));
        QVERIFY(a.createRevision(QStringLiteral("doomed"), QString()));
        Workspace b;
        QVERIFY2(b.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(a.deploy(QStringLiteral("doomed"), 1).ok(&error), qPrintable(error));

        QVERIFY2(b.removeApi(QStringLiteral("doomed")).ok(&error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(temporary.filePath(QStringLiteral("apis/doomed"))));
        Workspace check;
        QVERIFY2(check.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY(!check.api(QStringLiteral("doomed")));
        QVERIFY2(!check.deployment(QStringLiteral("doomed")), "deployments.json still lists the removed API");
    }

    // --- revisions --------------------------------------------------------------------------------

    void revisionsAreNumberedAndImmutable() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace workspace;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        const QString id = QStringLiteral("weather");
        Api api = plainApi(id, QStringLiteral("Weather"));

        std::vector<Api> snapshots;
        for (int n = 1; n <= 3; ++n) {
            api.description = QStringLiteral("design %1").arg(n);
            QVERIFY2(workspace.saveApi(api).ok(&error), qPrintable(error));
            snapshots.push_back(*workspace.api(id));
            const Result<Revision> revision =
                workspace.createRevision(id, QStringLiteral("revision %1").arg(n));
            QVERIFY2(revision, qPrintable(revision.error()));
            QCOMPARE(revision->number, n);
            QCOMPARE(revision->apiId, id);
            QVERIFY(revision->api == snapshots.back());
        }
        const QString revisionsFolder = temporary.filePath(QStringLiteral("apis/weather/revisions/"));
        QByteArray stored[3];
        for (int n = 1; n <= 3; ++n)
            stored[n - 1] = readBytes(revisionsFolder + QString::number(n) + QStringLiteral(".json"));

        api.description = QStringLiteral("design 4");
        QVERIFY2(workspace.saveApi(api).ok(&error), qPrintable(error));
        QVERIFY2(workspace.deploy(id, 2).ok(&error), qPrintable(error));

        const Result<Revision> second = workspace.revision(id, 2);
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(second->number, 2);
        QCOMPARE(second->description, QStringLiteral("revision 2"));
        QCOMPARE(second->api.description, QStringLiteral("design 2"));
        QVERIFY(second->api == snapshots[1]);
        QCOMPARE(workspace.api(id)->description, QStringLiteral("design 4"));

        const std::vector<Revision> all = workspace.revisions(id);
        QCOMPARE(all.size(), std::size_t(3));
        for (int n = 1; n <= 3; ++n) {
            QCOMPARE(all[std::size_t(n - 1)].number, n);
            QCOMPARE(readBytes(revisionsFolder + QString::number(n) + QStringLiteral(".json")),
                     stored[n - 1]);
        }

        // A second workspace numbers from what is on disk, never reusing a number.
        Workspace other;
        QVERIFY2(other.open(temporary.path()).ok(&error), qPrintable(error));
        const Result<Revision> fourth = other.createRevision(id, QStringLiteral("from elsewhere"));
        QVERIFY2(fourth, qPrintable(fourth.error()));
        QCOMPARE(fourth->number, 4);
        QCOMPARE(readBytes(revisionsFolder + QStringLiteral("3.json")), stored[2]);

        // Deploying what does not exist fails clearly and changes nothing.
        QString deployError;
        const Status deployErrorStatus = workspace.deploy(id, 7);
        QVERIFY(!deployErrorStatus.ok(&deployError));
        QCOMPARE(deployErrorStatus.code(), ErrorCode::NotFound);
        QVERIFY2(deployError.contains(id), qPrintable(deployError));
        QVERIFY(!workspace.deploy(QStringLiteral("no-such-api"), 1).ok(&deployError));
        QVERIFY2(deployError.contains(QLatin1String("no-such-api")), qPrintable(deployError));
        QVERIFY(workspace.deployment(id));
        QCOMPARE(workspace.deployment(id)->revision, 2);
        QVERIFY(!workspace.revision(id, 0));
        QVERIFY(!workspace.createRevision(QStringLiteral("no-such-api"), QString()));
    }

    // --- removal ----------------------------------------------------------------------------------

    void removeApiUndeploysAndDeletesFolder() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace workspace;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY2(workspace.saveApi(plainApi(QStringLiteral("doomed"), QStringLiteral("Doomed"))).ok(&error),
                 qPrintable(error));
        QVERIFY2(workspace.saveApi(plainApi(QStringLiteral("kept"), QStringLiteral("Kept"))).ok(&error),
                 qPrintable(error));
        for (const QString& id : {QStringLiteral("doomed"), QStringLiteral("kept")}) {
            QVERIFY(workspace.createRevision(id, QString()));
            QVERIFY2(workspace.deploy(id, 1).ok(&error), qPrintable(error));
        }

        QVERIFY2(workspace.removeApi(QStringLiteral("doomed")).ok(&error), qPrintable(error));
        QVERIFY(!workspace.api(QStringLiteral("doomed")));
        QVERIFY(!workspace.deployment(QStringLiteral("doomed")));
        QVERIFY(workspace.deployment(QStringLiteral("kept")));
        QVERIFY(!QFileInfo::exists(temporary.filePath(QStringLiteral("apis/doomed"))));

        Workspace reread;
        QVERIFY2(reread.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY(reread.problems().isEmpty());
        QVERIFY(!reread.api(QStringLiteral("doomed")));
        QVERIFY(reread.api(QStringLiteral("kept")));
        QCOMPARE(reread.deployments().size(), std::size_t(1));
        QVERIFY(reread.deployment(QStringLiteral("kept")));

        QString removeError;
        QVERIFY(!workspace.removeApi(QStringLiteral("doomed")).ok(&removeError));
        QVERIFY2(removeError.contains(QLatin1String("doomed")), qPrintable(removeError));
    }

    void removeApplicationDeletesFile() {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString error;
        Workspace workspace;
        QVERIFY2(workspace.open(temporary.path()).ok(&error), qPrintable(error));
        Application application;
        application.id = QStringLiteral("mobile");
        application.name = QStringLiteral("Mobile");
        QVERIFY2(workspace.saveApplication(application).ok(&error), qPrintable(error));
        const QString path = temporary.filePath(QStringLiteral("applications/mobile.json"));
        QVERIFY(QFileInfo::exists(path));

        QVERIFY2(workspace.removeApplication(QStringLiteral("mobile")).ok(&error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!workspace.application(QStringLiteral("mobile")));
        Workspace reread;
        QVERIFY2(reread.open(temporary.path()).ok(&error), qPrintable(error));
        QVERIFY(reread.applications().empty());

        QString removeError;
        QVERIFY(!workspace.removeApplication(QStringLiteral("mobile")).ok(&removeError));
        QVERIFY2(removeError.contains(QLatin1String("mobile")), qPrintable(removeError));
    }
};

} // namespace gatehouse

QTEST_GUILESS_MAIN(gatehouse::TestWorkspace)
#include "tst_workspace.moc"
