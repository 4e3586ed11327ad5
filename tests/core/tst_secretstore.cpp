#include "core/FileSecretStore.h"
#include "core/JsonFile.h"
#include "core/KeychainSecretStore.h"
#include "core/MemorySecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>
#include <sys/stat.h>

namespace gatehouse {

namespace {

// Entries go to a service of their own, under a scope unique to this run, so that a run on a
// developer's desktop can never touch real Gatehouse secrets.
const QString testService = QStringLiteral("Gatehouse Tests");

// Set in the environment of a child copy of this executable that must find no keychain.
const char* const noKeychainChildVariable = "GATEHOUSE_TEST_NO_KEYCHAIN_CHILD";

// Empty when the keychain rows can run, else why they cannot.
QString keychainMissingReason() {
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral(
            "DBUS_SESSION_BUS_ADDRESS is not set, so there is no Secret Service to test against. "
            "Run the suite through `./dev test` (dbus-run-session with an unlocked "
            "gnome-keyring), or set GATEHOUSE_ALLOW_NO_KEYCHAIN=1 to skip the keychain rows");
    return {};
}

bool keychainMayBeMissing() {
    return qEnvironmentVariable("GATEHOUSE_ALLOW_NO_KEYCHAIN") == QLatin1String("1");
}

int modeOf(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeWithMode(const QString& path, const QByteArray& bytes, int mode) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

} // namespace

// The keychain rows need a real Secret Service: without a session bus they fail, or are skipped
// when GATEHOUSE_ALLOW_NO_KEYCHAIN=1.
#define REQUIRE_BACKEND(backend)                                                                             \
    do {                                                                                                     \
        if ((backend) == QLatin1String("keychain")) {                                                        \
            const QString missing = keychainMissingReason();                                                 \
            if (!missing.isEmpty()) {                                                                        \
                if (keychainMayBeMissing())                                                                  \
                    QSKIP(qPrintable(missing));                                                              \
                QFAIL(qPrintable(missing));                                                                  \
            }                                                                                                \
        }                                                                                                    \
    } while (false)

class TestSecretStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    QString m_scope;    // keychain scope of this run
    QString m_filePath; // secrets file of the current test
    QHash<const SecretStore*, QString> m_keychainScopes;
    QList<QPair<QString, QString>> m_keychainEntries; // (scope, key) written by the current test

    static void addBackendRows(bool withMemory = true) {
        QTest::addColumn<QString>("backend");
        if (withMemory)
            QTest::newRow("memory") << QStringLiteral("memory");
        QTest::newRow("file") << QStringLiteral("file");
        QTest::newRow("keychain") << QStringLiteral("keychain");
    }

    std::unique_ptr<SecretStore> keychainStore(const QString& scope) {
        auto store = std::make_unique<KeychainSecretStore>(scope, testService);
        m_keychainScopes.insert(store.get(), scope);
        return store;
    }

    // A store of the given kind; file and keychain stores made twice in one test share their data.
    std::unique_ptr<SecretStore> makeStore(const QString& backend) {
        if (backend == QLatin1String("memory"))
            return std::make_unique<MemorySecretStore>();
        if (backend == QLatin1String("file")) {
            auto store = std::make_unique<FileSecretStore>(m_filePath);
            QString error;
            if (!store->open(&error)) {
                qWarning("%s", qPrintable(error));
                return nullptr;
            }
            return store;
        }
        return keychainStore(m_scope);
    }

    // SecretStore::write, remembering keychain entries so that cleanup() deletes them.
    bool put(SecretStore& store, const QString& key, const QString& value, QString* error) {
        if (m_keychainScopes.contains(&store))
            m_keychainEntries.append({m_keychainScopes.value(&store), key});
        return store.write(key, value, error);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_directory.isValid());
        m_scope = QStringLiteral("tst_secretstore-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void init() {
        m_filePath = m_directory.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                          QStringLiteral(".secrets.json"));
    }

    void cleanup() {
        m_keychainScopes.clear();
        const auto entries = m_keychainEntries;
        m_keychainEntries.clear();
        for (const auto& [scope, key] : entries) {
            KeychainSecretStore store(scope, testService);
            QString error;
            QVERIFY2(store.remove(key, &error), qPrintable(error));
            QCOMPARE(store.read(key).status, SecretStore::Status::NotFound);
        }
    }

    // --- every implementation ---------------------------------------------------------------------

    void writeThenRead_data() { addBackendRows(); }
    void writeThenRead() {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        const auto store = makeStore(backend);
        QVERIFY(store);
        QVERIFY(!store->description().isEmpty());
        const QString key = SecretStore::endpointKeyName(QStringLiteral("weather"),
                                                         QStringLiteral("default_production_endpoint"));
        QString error;
        QVERIFY2(put(*store, key, QStringLiteral("sk-test-0123456789"), &error), qPrintable(error));
        const SecretStore::ReadResult result = store->read(key);
        QVERIFY2(result.found(), qPrintable(result.error));
        QCOMPARE(result.status, SecretStore::Status::Found);
        QCOMPARE(result.value, QStringLiteral("sk-test-0123456789"));
        QVERIFY(result.error.isEmpty());
    }

    void overwriteReplacesValue_data() { addBackendRows(); }
    void overwriteReplacesValue() {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        const auto store = makeStore(backend);
        QVERIFY(store);
        const QString key =
            SecretStore::consumerSecretName(QStringLiteral("mobile"), QStringLiteral("PRODUCTION"));
        const QString other =
            SecretStore::consumerSecretName(QStringLiteral("mobile"), QStringLiteral("SANDBOX"));
        QString error;
        QVERIFY2(put(*store, key, QStringLiteral("first"), &error), qPrintable(error));
        QVERIFY2(put(*store, other, QStringLiteral("untouched"), &error), qPrintable(error));
        QVERIFY2(put(*store, key, QStringLiteral("second"), &error), qPrintable(error));
        QCOMPARE(store->read(key).value, QStringLiteral("second"));
        QCOMPARE(store->read(other).value, QStringLiteral("untouched"));
    }

    void removeDeletesOnlyThatKey_data() { addBackendRows(); }
    void removeDeletesOnlyThatKey() {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        const auto store = makeStore(backend);
        QVERIFY(store);
        const QString key = SecretStore::tokenSigningKeyName();
        const QString other =
            SecretStore::endpointKeyName(QStringLiteral("weather"), QStringLiteral("backup"));
        QString error;
        QVERIFY2(put(*store, key, QStringLiteral("signing"), &error), qPrintable(error));
        QVERIFY2(put(*store, other, QStringLiteral("kept"), &error), qPrintable(error));
        QVERIFY2(store->remove(key, &error), qPrintable(error));
        const SecretStore::ReadResult removed = store->read(key);
        QCOMPARE(removed.status, SecretStore::Status::NotFound);
        QVERIFY(removed.value.isEmpty());
        QVERIFY(removed.error.isEmpty());
        QCOMPARE(store->read(other).value, QStringLiteral("kept"));
    }

    void readOfMissingKeyIsNotFound_data() { addBackendRows(); }
    void readOfMissingKeyIsNotFound() {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        const auto store = makeStore(backend);
        QVERIFY(store);
        const SecretStore::ReadResult result = store->read(QStringLiteral("never/written"));
        QCOMPARE(result.status, SecretStore::Status::NotFound);
        QVERIFY(!result.found());
        QVERIFY(result.value.isEmpty());
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    }

    void removeOfMissingKeySucceeds_data() { addBackendRows(); }
    void removeOfMissingKeySucceeds() {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        const auto store = makeStore(backend);
        QVERIFY(store);
        QString error;
        QVERIFY2(store->remove(QStringLiteral("never/written"), &error), qPrintable(error));
        QVERIFY(error.isEmpty());
    }

    void valuesRoundTrip_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("value");
        QString longValue;
        for (int i = 0; i < 1000; ++i)
            longValue += QString::number(i, 36) + QChar(0x3b1 + i % 20);
        const QList<QPair<const char*, QString>> values = {
            {"unicode", QStringLiteral("Grüße – 密钥 🔑 ñ")},
            {"quotes and escapes", QStringLiteral("a\"b'c\\d\n\te{}[]:,")},
            {"json-looking", QStringLiteral("{\"secrets\": {\"x\": \"y\"}}")},
            {"long", longValue},
            {"empty", QString()},
        };
        for (const char* backend : {"memory", "file", "keychain"}) {
            for (const auto& [name, value] : values)
                QTest::addRow("%s: %s", backend, name) << QString::fromLatin1(backend) << value;
        }
    }
    void valuesRoundTrip() {
        QFETCH(QString, backend);
        QFETCH(QString, value);
        REQUIRE_BACKEND(backend);
        const auto store = makeStore(backend);
        QVERIFY(store);
        const QString key = QStringLiteral("apis/unicode/endpoints/default_production_endpoint/api-key");
        QString error;
        QVERIFY2(put(*store, key, value, &error), qPrintable(error));
        const SecretStore::ReadResult result = store->read(key);
        QVERIFY2(result.found(), qPrintable(result.error));
        QCOMPARE(result.value, value);
    }

    void valuesSurviveANewStore_data() { addBackendRows(false); }
    void valuesSurviveANewStore() {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        const QString key =
            SecretStore::consumerSecretName(QStringLiteral("mobile"), QStringLiteral("production"));
        QString error;
        {
            const auto store = makeStore(backend);
            QVERIFY(store);
            QVERIFY2(put(*store, key, QStringLiteral("persistent ✓"), &error), qPrintable(error));
        }
        const auto again = makeStore(backend);
        QVERIFY(again);
        const SecretStore::ReadResult result = again->read(key);
        QVERIFY2(result.found(), qPrintable(result.error));
        QCOMPARE(result.value, QStringLiteral("persistent ✓"));
    }

    // --- keychain ---------------------------------------------------------------------------------

    void keychainScopesAreIsolated() {
        REQUIRE_BACKEND(QStringLiteral("keychain"));
        const QString otherScope = m_scope + QStringLiteral("-other");
        const auto mine = keychainStore(m_scope);
        const auto theirs = keychainStore(otherScope);
        const QString key = SecretStore::tokenSigningKeyName();
        QString error;
        QVERIFY2(put(*mine, key, QStringLiteral("mine"), &error), qPrintable(error));
        QCOMPARE(theirs->read(key).status, SecretStore::Status::NotFound);
        QVERIFY2(put(*theirs, key, QStringLiteral("theirs"), &error), qPrintable(error));
        QCOMPARE(mine->read(key).value, QStringLiteral("mine"));
        QCOMPARE(theirs->read(key).value, QStringLiteral("theirs"));
        QVERIFY2(theirs->remove(key, &error), qPrintable(error));
        QCOMPARE(mine->read(key).value, QStringLiteral("mine"));
    }

    // The session bus is chosen once per process, so this runs in a child copy of this executable
    // whose DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist.
    void keychainWithoutSecretServiceFailsClearly() {
        if (qEnvironmentVariableIsSet(noKeychainChildVariable)) {
            KeychainSecretStore store(m_scope, testService);
            QString error;
            QVERIFY(!store.write(QStringLiteral("key"), QStringLiteral("value"), &error));
            QVERIFY2(error.contains(QLatin1String("keychain is not available")), qPrintable(error));
            const SecretStore::ReadResult read = store.read(QStringLiteral("key"));
            QCOMPARE(read.status, SecretStore::Status::Error); // never mistaken for "no secret"
            QVERIFY2(read.error.contains(QLatin1String("keychain is not available")), qPrintable(read.error));
            error.clear();
            QVERIFY(!store.remove(QStringLiteral("key"), &error));
            QVERIFY2(error.contains(QLatin1String("keychain is not available")), qPrintable(error));
            return;
        }
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1String(noKeychainChildVariable), QStringLiteral("1"));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") +
                               m_directory.filePath(QStringLiteral("no-such-bus")));
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("keychainWithoutSecretServiceFailsClearly")});
        QVERIFY(child.waitForStarted(30000));
        if (!child.waitForFinished(120000)) {
            child.kill();
            child.waitForFinished();
            QFAIL("the child did not finish");
        }
        const QByteArray output = child.readAll();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, output.constData());
    }

    // --- file store -------------------------------------------------------------------------------

    void fileStoreCreatesOwnerOnlyFile() {
        FileSecretStore store(m_filePath);
        QVERIFY(!QFileInfo::exists(m_filePath));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(modeOf(m_filePath), 0600);
        const Result<Json> document = JsonFile::read(m_filePath);
        QVERIFY2(document, qPrintable(document.error()));
        QVERIFY(document.value() == Json::parse(R"({"secrets": {}})"));
        QVERIFY(store.description().contains(m_filePath));

        // Rewrites replace the file and keep it private.
        QVERIFY2(store.write(QStringLiteral("k"), QStringLiteral("v"), &error), qPrintable(error));
        QCOMPARE(modeOf(m_filePath), 0600);
        QVERIFY2(store.remove(QStringLiteral("k"), &error), qPrintable(error));
        QCOMPARE(modeOf(m_filePath), 0600);
    }

    void fileStoreRefusesFileOthersCanAccess_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("shown");
        QTest::newRow("0644") << 0644 << QStringLiteral("644");
        QTest::newRow("0640") << 0640 << QStringLiteral("640");
        QTest::newRow("0604") << 0604 << QStringLiteral("604");
        QTest::newRow("0660") << 0660 << QStringLiteral("660");
    }
    void fileStoreRefusesFileOthersCanAccess() {
        QFETCH(int, mode);
        QFETCH(QString, shown);
        const QByteArray content = QByteArrayLiteral("{\"secrets\": {\"k\": \"v\"}}\n");
        QVERIFY(writeWithMode(m_filePath, content, mode));
        FileSecretStore store(m_filePath);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(QLatin1String("chmod 600")), qPrintable(error));
        QVERIFY2(error.contains(shown), qPrintable(error));
        const SecretStore::ReadResult read = store.read(QStringLiteral("k"));
        QCOMPARE(read.status, SecretStore::Status::Error);
        QVERIFY2(read.error.contains(QLatin1String("chmod 600")), qPrintable(read.error));
        QVERIFY(!store.write(QStringLiteral("k"), QStringLiteral("new"), &error));
        QVERIFY(!store.remove(QStringLiteral("k"), &error));
        QCOMPARE(readBytes(m_filePath), content);
        QCOMPARE(modeOf(m_filePath), mode);
    }

    void fileStoreRefusesMalformedFile_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArrayLiteral("password=hunter2\n") << QStringLiteral(":1:");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral(":1:");
        QTest::newRow("truncated") << QByteArrayLiteral("{\"secrets\": {\"k\": \"v") << QStringLiteral(":1:");
        QTest::newRow("array") << QByteArrayLiteral("[]\n") << QStringLiteral("not a Gatehouse secrets file");
        QTest::newRow("no secrets member")
            << QByteArrayLiteral("{\"other\": {}}\n") << QStringLiteral("not a Gatehouse secrets file");
        QTest::newRow("secrets is an array")
            << QByteArrayLiteral("{\"secrets\": []}\n") << QStringLiteral("not a Gatehouse secrets file");
        QTest::newRow("non-string secret") << QByteArrayLiteral("{\"secrets\": {\"k\": 5}}\n")
                                           << QStringLiteral("$.secrets.k: expected a string");
    }
    void fileStoreRefusesMalformedFile() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QVERIFY(writeWithMode(m_filePath, content, 0600));
        FileSecretStore store(m_filePath);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(m_filePath), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(store.read(QStringLiteral("k")).status, SecretStore::Status::Error);
        // Never "repaired" by overwriting: whatever the user had stays.
        QVERIFY(!store.write(QStringLiteral("k"), QStringLiteral("new"), &error));
        QVERIFY(!store.remove(QStringLiteral("k"), &error));
        QCOMPARE(readBytes(m_filePath), content);
    }

    void fileStoreCannotCreateInMissingFolder() {
        const QString path = m_directory.filePath(QStringLiteral("missing-folder/secrets.json"));
        FileSecretStore store(path);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    // The file holds {"secrets": {key: value}} and nothing else; no temporary or backup copy stays.
    void fileStoreHoldsOnlyTheSecretsDocument() {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        m_filePath = folder.filePath(QStringLiteral("secrets.json"));
        auto store = makeStore(QStringLiteral("file"));
        QVERIFY(store);
        QString error;
        QVERIFY2(store->write(QStringLiteral("a/key"), QStringLiteral("Grüße 🔑"), &error), qPrintable(error));
        QVERIFY2(store->write(QStringLiteral("b/key"), QStringLiteral("removed-value-123"), &error),
                 qPrintable(error));
        QVERIFY2(store->write(QStringLiteral("c/key"), QStringLiteral("third"), &error), qPrintable(error));
        QVERIFY2(store->remove(QStringLiteral("b/key"), &error), qPrintable(error));

        const Result<Json> document = JsonFile::read(m_filePath);
        QVERIFY2(document, qPrintable(document.error()));
        const Json expected = {{"secrets", {{"a/key", "Grüße 🔑"}, {"c/key", "third"}}}};
        QVERIFY2(document.value() == expected, JsonFile::serialize(document.value()).constData());
        QVERIFY(!readBytes(m_filePath).contains("removed-value-123"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("secrets.json")});
        QCOMPARE(modeOf(m_filePath), 0600);
    }

    // --- memory store -----------------------------------------------------------------------------

    void memoryStoreBasics() {
        MemorySecretStore store;
        MemorySecretStore other;
        QCOMPARE(store.size(), 0);
        QString error;
        QVERIFY(store.write(QStringLiteral("a"), QStringLiteral("1"), &error));
        QVERIFY(store.write(QStringLiteral("b"), QStringLiteral("2"), &error));
        QCOMPARE(store.size(), 2);
        QVERIFY(store.write(QStringLiteral("a"), QStringLiteral("3"), &error));
        QCOMPARE(store.size(), 2);
        QCOMPARE(store.read(QStringLiteral("a")).value, QStringLiteral("3"));
        QVERIFY(store.remove(QStringLiteral("a"), &error));
        QCOMPARE(store.size(), 1);
        QVERIFY(store.remove(QStringLiteral("a"), &error));
        QCOMPARE(store.size(), 1);
        QVERIFY(error.isEmpty());
        QCOMPARE(other.size(), 0);
        QCOMPARE(other.read(QStringLiteral("b")).status, SecretStore::Status::NotFound);
        QVERIFY(store.description().contains(QLatin1String("memory")));
        // Null error pointers are allowed.
        QVERIFY(store.write(QStringLiteral("c"), QStringLiteral("4"), nullptr));
        QVERIFY(store.remove(QStringLiteral("c"), nullptr));
    }
};

} // namespace gatehouse

QTEST_GUILESS_MAIN(gatehouse::TestSecretStore)
#include "tst_secretstore.moc"
