// The founding scenario's Step 2, through real widgets: create SmartChatApp, subscribe it to
// SmartChat, generate production keys, open Try Out, get a token, Repeat 20: the chart shows 10 and
// 10, the results table 20 rows.
#include "ApiFactory.h"
#include "ApplicationsPage.h"
#include "DevPortalView.h"
#include "GatehouseSession.h"
#include "Gateway.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "MockLlmServer.h"
#include "ModelShareChart.h"
#include "ResultsTableModel.h"
#include "TryOutConsole.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
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
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tutorialStepTwo() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path(), &error), qPrintable(error));
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
        QVERIFY(secrets.write(SecretStore::endpointKeyName(api.id, api.endpoints.front().id),
                              QStringLiteral("sk-test"), nullptr));
        PolicyAttachment router;
        router.policyName = QStringLiteral("modelWeightedRoundRobin");
        router.parameters = Json::parse(
            R"({"weightedRoundRobinConfigs":{"production":[{"model":"gpt-4o","endpointId":"default_production_endpoint","weight":50},{"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":50}],"sandbox":[],"suspendDuration":30}})");
        api.operationByKey(QStringLiteral("POST /chat/completions"))->policies.request.push_back(router);
        QVERIFY2(workspace.saveApi(api, &error), qPrintable(error));
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

        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            child<QTableView>(console, QStringLiteral("consoleResults"))->selectRow(0);
            QTest::qWait(100);
            QVERIFY(window.grab().save(dir + QStringLiteral("/console.png")));
        }
    }
};

QTEST_MAIN(TestDevPortal)
#include "tst_devportal.moc"
