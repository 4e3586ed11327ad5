// WSO2's Create New Version, default versions and primary endpoints on a real workspace folder, with an
// in-memory secret store standing in for the keychain (the keychain's own tests are tst_secretstore's).
#include "core/ApiFactory.h"
#include "core/ApiValidator.h"
#include "core/ApiVersioning.h"
#include "core/MemorySecretStore.h"
#include "core/PolicyCatalogue.h"
#include "core/ProviderRegistry.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"

#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

const QString failover = QStringLiteral(
    "{'production':{'targetModel':{'model':'gpt-4o','endpointId':'failing'},'fallbackModels':[{'model':"
    "'gpt-4o-mini','endpointId':'default_production_endpoint'}]},'sandbox':{},'suspendDuration':5}");

Api smartChat(const QString& id, const QString& version) {
    const Provider* openai = ProviderRegistry::builtin().find(QStringLiteral("openai"));
    ApiFactory::Request request;
    request.id = id;
    request.name = QStringLiteral("SmartChat");
    request.context = QStringLiteral("smartchat");
    request.version = version;
    request.productionUrl = QStringLiteral("http://127.0.0.1:9/v1");
    Api api = ApiFactory::createAiApi(*openai, request);
    Endpoint failing;
    failing.id = QStringLiteral("failing");
    failing.name = QStringLiteral("Failing");
    failing.url = QStringLiteral("http://127.0.0.1:10/v1");
    failing.hasKey = true;
    api.endpoints.push_back(failing);
    api.endpoint(Endpoint::defaultId(Stage::Production))->hasKey = true;
    api.setPrimaryEndpointId(Stage::Production, QStringLiteral("failing"));
    PolicyAttachment router;
    router.policyName = QStringLiteral("modelFailover");
    router.policyVersion = QStringLiteral("v1");
    router.parameters["failoverConfigs"] = Wso2AttributeCodec::decode(failover).take();
    api.operationByKey(QStringLiteral("POST /chat/completions"))->policies.request.push_back(router);
    return api;
}

} // namespace

class TestApiVersioning : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    MemorySecretStore m_secrets;

    QString keyOf(const QString& apiId, const QString& endpointId) {
        return m_secrets.read(SecretStore::endpointKeyName(apiId, endpointId)).value;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_workspace = std::make_unique<Workspace>();
        QVERIFY(m_workspace->open(m_dir->path()).ok());
        const Api api = smartChat(QStringLiteral("smartchat-1.0.0"), QStringLiteral("1.0.0"));
        QVERIFY(m_workspace->saveApi(api).ok());
        QVERIFY(m_secrets.write(SecretStore::endpointKeyName(api.id, Endpoint::defaultId(Stage::Production)),
                                QStringLiteral("sk-one"), nullptr));
        QVERIFY(m_secrets.write(SecretStore::endpointKeyName(api.id, QStringLiteral("failing")),
                                QStringLiteral("sk-two"), nullptr));
        QVERIFY(m_workspace->createRevision(api.id, QStringLiteral("first")));
    }

    void cleanup() {
        m_workspace.reset();
        m_dir.reset();
        for (const QString& apiId : {QStringLiteral("smartchat-1.0.0"), QStringLiteral("smartchat-2.0.0")})
            for (const QString& endpointId :
                 {QStringLiteral("failing"), Endpoint::defaultId(Stage::Production)})
                m_secrets.remove(SecretStore::endpointKeyName(apiId, endpointId), nullptr);
    }

    void newVersionCopiesTheDesignAndItsKeys() {
        const Result<ApiVersioning::Created> created = ApiVersioning::createVersion(
            *m_workspace, m_secrets, QStringLiteral("smartchat-1.0.0"), QStringLiteral("2.0.0"), false);
        QVERIFY2(created, qPrintable(created.error()));
        QCOMPARE(created->apiId, QStringLiteral("smartchat-2.0.0"));
        QCOMPARE(created->keysCopied.size(), 2);
        const Api* source = m_workspace->api(QStringLiteral("smartchat-1.0.0"));
        const Api* copy = m_workspace->api(created->apiId);
        QVERIFY(source && copy);
        QCOMPARE(copy->version, QStringLiteral("2.0.0"));
        QCOMPARE(copy->basePath(), QStringLiteral("/smartchat/2.0.0"));
        QCOMPARE(copy->name, source->name);
        QCOMPARE(copy->operations, source->operations); // with the failover on the chat operation
        QCOMPARE(copy->apiPolicies, source->apiPolicies);
        QCOMPARE(copy->endpoints, source->endpoints);
        QCOMPARE(copy->primaryEndpointId(Stage::Production), QStringLiteral("failing"));
        QCOMPARE(copy->lifecycle, LifecycleState::Created);
        QVERIFY(!copy->isDefaultVersion);
        QVERIFY(m_workspace->revisions(copy->id).empty()); // deployed on its own
        QCOMPARE(m_workspace->revisions(source->id).size(), std::size_t(1));
        QCOMPARE(keyOf(copy->id, QStringLiteral("failing")), QStringLiteral("sk-two"));
        QCOMPARE(keyOf(copy->id, Endpoint::defaultId(Stage::Production)), QStringLiteral("sk-one"));
        // No key in the copy's file.
        QFile file(m_dir->filePath(QStringLiteral("apis/smartchat-2.0.0/api.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("sk-"));
    }

    void refusalsLeaveNothingBehind_data() {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same version") << QStringLiteral("smartchat-1.0.0") << QStringLiteral("1.0.0")
                                      << QStringLiteral("already version 1.0.0");
        QTest::newRow("not a version")
            << QStringLiteral("smartchat-1.0.0") << QStringLiteral("2.0 beta") << QStringLiteral("version: ");
        QTest::newRow("unknown API") << QStringLiteral("nosuch") << QStringLiteral("2.0.0")
                                     << QStringLiteral("no API \"nosuch\"");
    }

    void refusalsLeaveNothingBehind() {
        QFETCH(QString, apiId);
        QFETCH(QString, version);
        QFETCH(QString, expected);
        const int keysBefore = m_secrets.size();
        const auto apisBefore = m_workspace->apis().size();
        const Result<ApiVersioning::Created> created =
            ApiVersioning::createVersion(*m_workspace, m_secrets, apiId, version, true);
        QVERIFY(!created);
        QVERIFY2(created.error().contains(expected), qPrintable(created.error()));
        QCOMPARE(m_secrets.size(), keysBefore);
        QCOMPARE(m_workspace->apis().size(), apisBefore);
    }

    void anExistingVersionIsRefused() {
        QVERIFY(ApiVersioning::createVersion(*m_workspace, m_secrets, QStringLiteral("smartchat-1.0.0"),
                                             QStringLiteral("2.0.0"), false));
        const int keysBefore = m_secrets.size();
        const Result<ApiVersioning::Created> again = ApiVersioning::createVersion(
            *m_workspace, m_secrets, QStringLiteral("smartchat-1.0.0"), QStringLiteral("2.0.0"), false);
        QVERIFY(!again);
        QVERIFY2(again.error().contains(QStringLiteral("/smartchat/2.0.0")), qPrintable(again.error()));
        QCOMPARE(m_secrets.size(), keysBefore);
    }

    void oneDefaultVersionPerContext() {
        QVERIFY(ApiVersioning::setDefaultVersion(*m_workspace, QStringLiteral("smartchat-1.0.0")).ok());
        Api other = smartChat(QStringLiteral("other-1.0.0"), QStringLiteral("1.0.0"));
        other.name = QStringLiteral("Other");
        other.context = QStringLiteral("other");
        other.isDefaultVersion = true;
        QVERIFY(m_workspace->saveApi(other).ok());

        QVERIFY(ApiVersioning::createVersion(*m_workspace, m_secrets, QStringLiteral("smartchat-1.0.0"),
                                             QStringLiteral("2.0.0"), true));
        QVERIFY(m_workspace->api(QStringLiteral("smartchat-2.0.0"))->isDefaultVersion);
        QVERIFY(!m_workspace->api(QStringLiteral("smartchat-1.0.0"))->isDefaultVersion);
        QVERIFY(m_workspace->api(QStringLiteral("other-1.0.0"))->isDefaultVersion); // another context

        QVERIFY(ApiVersioning::setDefaultVersion(*m_workspace, QStringLiteral("smartchat-1.0.0")).ok());
        QVERIFY(m_workspace->api(QStringLiteral("smartchat-1.0.0"))->isDefaultVersion);
        QVERIFY(!m_workspace->api(QStringLiteral("smartchat-2.0.0"))->isDefaultVersion);
        QVERIFY(
            ApiVersioning::setDefaultVersion(*m_workspace, QStringLiteral("smartchat-1.0.0"), false).ok());
        QVERIFY(!m_workspace->api(QStringLiteral("smartchat-1.0.0"))->isDefaultVersion);

        // Kept in the file, under WSO2's name.
        Workspace reopened;
        QVERIFY(reopened.open(m_dir->path()).ok());
        QVERIFY(reopened.api(QStringLiteral("other-1.0.0"))->isDefaultVersion);
    }

    void primaryEndpointIsWhereAStageGoes() {
        Api api = *m_workspace->api(QStringLiteral("smartchat-1.0.0"));
        QCOMPARE(api.primaryEndpoint(Stage::Production)->id, QStringLiteral("failing"));
        QCOMPARE(api.toJson()["primaryProductionEndpointId"], Json("failing"));
        QVERIFY(!api.toJson().contains("primarySandboxEndpointId"));
        api.setPrimaryEndpointId(Stage::Production, QString());
        QCOMPARE(api.primaryEndpoint(Stage::Production)->id, Endpoint::defaultId(Stage::Production));

        const ApiValidator validator(PolicyCatalogue::builtin(),
                                     ProviderRegistry::builtin().find(api.providerId));
        api.setPrimaryEndpointId(Stage::Production, QStringLiteral("nosuch"));
        ValidationReport report = validator.validate(api);
        QVERIFY(!report.errors().empty());
        QCOMPARE(report.errors().front().path, QStringLiteral("primaryProductionEndpointId"));
        api.setPrimaryEndpointId(Stage::Production, QString());
        api.setPrimaryEndpointId(Stage::Sandbox, QStringLiteral("failing")); // a production endpoint
        report = validator.validate(api);
        QVERIFY(!report.errors().empty());
        QCOMPARE(report.errors().front().path, QStringLiteral("primarySandboxEndpointId"));
    }
};

QTEST_GUILESS_MAIN(TestApiVersioning)
#include "tst_apiversioning.moc"
