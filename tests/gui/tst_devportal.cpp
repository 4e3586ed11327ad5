// The founding scenario's Step 2, through real widgets: create SmartChatApp, subscribe it to
// SmartChat, generate production keys, open Try Out, get a token, Repeat 20: the chart shows 10 and
// 10, the results table 20 rows. Then the GUI's half of the secrets check: the run exported as JSON
// and CSV, the cURL command shown by default, the workspace with its access log and every message the
// app logged hold none of the secrets (backend key, consumer secret, signing key, access token).
#include "console/TokenManager.h"
#include "core/ApiFactory.h"
#include "core/MemorySecretStore.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gui/ApplicationsPage.h"
#include "gui/DevPortalView.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"
#include "gui/ModelShareChart.h"
#include "gui/ResultsTableModel.h"
#include "gui/TryOutConsole.h"
#include "mock-llm/MockLlmServer.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gatehouse;

namespace {
// Every message the app logs during the test, for the secrets search.
QStringList& loggedMessages() {
    static QStringList messages;
    return messages;
}
QtMessageHandler previousHandler = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    loggedMessages().append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

// The files under `folder` (recursively) that contain `needle`.
QStringList filesContaining(const QString& folder, const QByteArray& needle) {
    QStringList hits;
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(file.fileName());
    }
    return hits;
}

template <typename T> T* child(QWidget* root, const QString& name) {
    T* found = root->findChild<T*>(name);
    if (!found)
        qWarning("no widget named %s", qPrintable(name));
    return found;
}
} // namespace

class TestDevPortal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        previousHandler = qInstallMessageHandler(recordMessage);
    }

    void tutorialStepTwo() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MemorySecretStore secrets;
        MockLlmServer mock;
        QVERIFY2(mock.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));

        // Step 1 (the Publisher's part, tested through widgets elsewhere): SmartChat with the seed router.
        ApiFactory::Request request;
        request.id = QStringLiteral("smartchat-1.0.0");
        request.name = QStringLiteral("SmartChat");
        request.context = QStringLiteral("smartchat");
        request.version = QStringLiteral("1.0.0");
        request.productionUrl = mock.baseUrl();
        Api api = ApiFactory::createAiApi(*workspace.provider(QStringLiteral("openai")), request);
        api.endpoints.front().hasKey = true;
        const QString backendKey = QStringLiteral("sk-gui-backend-7f3a9c2e51d4b8");
        QVERIFY(secrets.write(SecretStore::endpointKeyName(api.id, api.endpoints.front().id), backendKey,
                              nullptr));
        PolicyAttachment router;
        router.policyName = QStringLiteral("modelWeightedRoundRobin");
        router.parameters = Json::parse(
            R"({"weightedRoundRobinConfigs":{"production":[{"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},{"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],"sandbox":[],"suspendDuration":30}})");
        api.operationByKey(QStringLiteral("POST /chat/completions"))->policies.request.push_back(router);
        QVERIFY2(workspace.saveApi(api).ok(&error), qPrintable(error));
        GatehouseSession session(&workspace, &secrets);
        QVERIFY2(session.startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        QVERIFY2(session.deploy(api.id, QStringLiteral("seed")), "deploy failed");

        MainWindow window(&session);
        window.resize(1600, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setMode(MainWindow::Mode::DevPortal);
        DevPortalView* portal = window.devPortal();
        portal->tabs()->setCurrentWidget(portal->applications());

        // Create SmartChatApp.
        QTimer::singleShot(0, [] {
            QInputDialog* dialog = nullptr;
            QTRY_VERIFY((dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) != nullptr);
            dialog->setTextValue(QStringLiteral("SmartChatApp"));
            dialog->accept();
        });
        QTest::mouseClick(child<QPushButton>(portal, QStringLiteral("createApplication")), Qt::LeftButton);
        const Application* application = workspace.findApplication(QStringLiteral("SmartChatApp"));
        QVERIFY(application);
        const QString applicationId = application->id;
        QCOMPARE(portal->applications()->currentApplicationId(), applicationId);

        // Subscribe it to SmartChat with the Unlimited plan.
        auto* apiChoice = child<QComboBox>(portal, QStringLiteral("subscribeApi"));
        apiChoice->setCurrentIndex(apiChoice->findData(api.id));
        auto* planChoice = child<QComboBox>(portal, QStringLiteral("subscribePlan"));
        planChoice->setCurrentText(QStringLiteral("Unlimited"));
        QTest::mouseClick(child<QPushButton>(portal, QStringLiteral("subscribeButton")), Qt::LeftButton);
        QVERIFY(workspace.application(applicationId)->subscription(api.id));
        QCOMPARE(child<QTableWidget>(portal, QStringLiteral("subscriptionsTable"))->rowCount(), 1);

        // Generate production keys: the secret goes to the secret store only.
        QTest::mouseClick(child<QPushButton>(portal, QStringLiteral("productionGenerateKeys")),
                          Qt::LeftButton);
        const KeyPair* keys = workspace.application(applicationId)->keyPair(Stage::Production);
        QVERIFY(keys);
        QCOMPARE(child<QLineEdit>(portal, QStringLiteral("productionConsumerKey"))->text(),
                 keys->consumerKey);
        QVERIFY(secrets.read(SecretStore::consumerSecretName(applicationId, QStringLiteral("PRODUCTION")))
                    .found());

        // Open Try Out: it fetches a token for SmartChatApp.
        QTest::mouseClick(child<QPushButton>(portal, QStringLiteral("applicationTryOut")), Qt::LeftButton);
        TryOutConsole* console = portal->console();
        QCOMPARE(portal->tabs()->currentWidget(), console);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(console, QStringLiteral("consoleTokenStatus"))
                                     ->text()
                                     .contains(QStringLiteral("expires in")),
                                 10000);

        QAbstractItemModelTester resultsTester(console->resultsModel(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Repeat 20 with four at a time.
        child<QSpinBox>(console, QStringLiteral("consoleRepeatCount"))->setValue(20);
        child<QSpinBox>(console, QStringLiteral("consoleConcurrency"))->setValue(4);
        QSignalSpy done(console, &TryOutConsole::runFinished);
        QTest::mouseClick(child<QPushButton>(console, QStringLiteral("consoleRepeat")), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QTest::qWait(150); // the coalesced chart refresh
        const std::map<QString, int> counts = console->shareChart()->counts();
        QCOMPARE(counts, (std::map<QString, int>{{QStringLiteral("gpt-4o"), 10},
                                                 {QStringLiteral("gpt-4o-mini"), 10}}));
        QCOMPARE(child<QTableView>(console, QStringLiteral("consoleResults"))->model()->rowCount(), 20);
        QCOMPARE(console->statistics().statusCounts(), (std::map<int, int>{{200, 20}}));
        QVERIFY(child<QLabel>(console, QStringLiteral("consolePercentiles"))
                    ->text()
                    .contains(QStringLiteral("p99")));

        // The secrets: none may be in the workspace (access log included), the exports, the cURL
        // command as shown, or anything the app logged.
        QTemporaryDir exports;
        QVERIFY2(console->exportRun(exports.filePath(QStringLiteral("run.json")), &error), qPrintable(error));
        QVERIFY2(console->exportRun(exports.filePath(QStringLiteral("run.csv")), &error), qPrintable(error));
        QFile curl(exports.filePath(QStringLiteral("curl.txt")));
        QVERIFY(curl.open(QIODevice::WriteOnly));
        curl.write(console->curlCommand(false).toUtf8());
        curl.close();
        QFile log(exports.filePath(QStringLiteral("messages.txt")));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(loggedMessages().join(QLatin1Char('\n')).toUtf8());
        log.close();
        const std::optional<AccessToken> token = console->tokens()->cached(applicationId, Stage::Production);
        QVERIFY(token && !token->value.isEmpty());
        QVERIFY(console->curlCommand(true).contains(QString::fromUtf8(token->value))); // the search can hit
        session.gateway()->runtime()->accessLog().flush();
        const QStringList secretValues = {
            backendKey,
            secrets.read(SecretStore::consumerSecretName(applicationId, QStringLiteral("PRODUCTION"))).value,
            secrets.read(SecretStore::tokenSigningKeyName()).value,
            QString::fromUtf8(token->value),
        };
        for (const QString& secret : secretValues) {
            QVERIFY(secret.size() >= 8);
            const QStringList hits = filesContaining(folder.path(), secret.toUtf8()) +
                                     filesContaining(exports.path(), secret.toUtf8());
            QVERIFY2(hits.isEmpty(),
                     qPrintable(QStringLiteral("a secret is in: ") + hits.join(QStringLiteral(", "))));
        }
        QVERIFY2(!filesContaining(folder.path(), token->claims.value("jti", std::string()).c_str()).isEmpty(),
                 "the access log does not name the token by its jti");

        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            child<QTableView>(console, QStringLiteral("consoleResults"))->selectRow(0);
            QTest::qWait(100);
            QVERIFY(window.grab().save(dir + QStringLiteral("/console.png")));
        }
    }
};

QTEST_MAIN(TestDevPortal)
#include "tst_devportal.moc"
