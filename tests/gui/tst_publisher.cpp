// The founding scenario's Publisher half, through real widgets: create SmartChat in the wizard, set
// its key, drop Model Weighted Round Robin onto POST /chat/completions (synthetic drag events built
// from the palette's own mime data), fill gpt-4o 50 / gpt-4o-mini 50, sandbox off, suspend 30, Save
// and deploy; then the in-app gateway routes by exactly that policy.
#include "core/ApplicationKeys.h"
#include "core/MemorySecretStore.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"
#include "gateway/Gateway.h"
#include "gui/ApiDraft.h"
#include "gui/ApiEditor.h"
#include "gui/CreateApiWizard.h"
#include "gui/EndpointsPage.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"
#include "gui/PoliciesPage.h"
#include "gui/PolicyConfigPanel.h"
#include "gui/PolicyFlowModel.h"
#include "gui/PolicyFlowView.h"
#include "gui/PolicyPaletteModel.h"
#include "gui/PublisherView.h"
#include "mock-llm/MockLlmServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
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

// Runs `action` on the next modal dialog of type T as soon as it shows.
template <typename T, typename Action> void whenModal(Action action) {
    QTimer::singleShot(0, [action] {
        T* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = qobject_cast<T*>(QApplication::activeModalWidget())) != nullptr,
                                 5000);
        action(dialog);
    });
}

void dropOnLane(PolicyFlowView* view, const QModelIndex& lane, const QMimeData* data, Qt::DropAction action) {
    const QPoint at = view->visualRect(lane).center();
    QDragEnterEvent enter(at, action, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(at, action, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    QDropEvent drop(QPointF(at), action, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &drop);
}

} // namespace

class TestPublisher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seedThroughWidgets() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MemorySecretStore secrets;
        MockLlmServer mock;
        QVERIFY2(mock.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        GatehouseSession session(&workspace, &secrets);
        QVERIFY2(session.startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        MainWindow window(&session);
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // 1. The wizard: provider OpenAI, SmartChat / smartchat / 1.0.0, the mock as the endpoint.
        whenModal<CreateApiWizard>([&](CreateApiWizard* wizard) {
            auto* providers = child<QListWidget>(wizard, QStringLiteral("providerList"));
            providers->setCurrentRow(int(workspace.providers().ids().indexOf(QStringLiteral("openai"))));
            wizard->next();
            child<QLineEdit>(wizard, QStringLiteral("wizardName"))->setText(QString());
            QTest::keyClicks(child<QLineEdit>(wizard, QStringLiteral("wizardName")),
                             QStringLiteral("SmartChat"));
            QCOMPARE(child<QLineEdit>(wizard, QStringLiteral("wizardContext"))->text(),
                     QStringLiteral("smartchat"));
            child<QLineEdit>(wizard, QStringLiteral("wizardVersion"))->setText(QStringLiteral("1.0.0"));
            child<QLineEdit>(wizard, QStringLiteral("wizardUrl"))->setText(mock.baseUrl());
            QVERIFY2(wizard->detailsProblem().isEmpty(), qPrintable(wizard->detailsProblem()));
            wizard->button(QWizard::FinishButton)->click();
        });
        QTest::mouseClick(child<QPushButton>(&window, QStringLiteral("createApiButton")), Qt::LeftButton);
        const Api* created = workspace.findApi(QStringLiteral("SmartChat"));
        QVERIFY(created);
        const QString apiId = created->id;
        ApiEditor* editor = window.publisher()->currentEditor();
        QVERIFY(editor);
        QCOMPARE(editor->draft()->api().id, apiId);

        // 2. The production endpoint's key, through the Endpoints tab and its key dialog.
        editor->tabs()->setCurrentWidget(editor->endpointsPage());
        auto* production = child<QTableWidget>(editor, QStringLiteral("productionEndpoints"));
        production->selectRow(0);
        whenModal<QInputDialog>([](QInputDialog* dialog) {
            dialog->setTextValue(QStringLiteral("sk-test"));
            dialog->accept();
        });
        QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("productionSetKey")), Qt::LeftButton);
        QVERIFY(editor->draft()->api().endpoint(QStringLiteral("default_production_endpoint"))->hasKey);
        QCOMPARE(
            secrets.read(SecretStore::endpointKeyName(apiId, QStringLiteral("default_production_endpoint")))
                .value,
            QStringLiteral("sk-test"));

        // 3. Drop Model Weighted Round Robin on the Request lane of POST /chat/completions.
        PoliciesPage* policies = editor->policiesPage();
        editor->tabs()->setCurrentWidget(policies);
        PolicyFlowView* view = policies->flowView();
        PolicyPaletteModel* palette = policies->paletteModel(FlowKind::Request);
        const std::unique_ptr<QMimeData> data(
            palette->mimeData({palette->indexOfPolicy(QStringLiteral("modelWeightedRoundRobin"))}));
        QVERIFY(data);
        const QString operation = QStringLiteral("POST /chat/completions");
        const QModelIndex lane = policies->flowModel()->laneIndex(operation, FlowKind::Request);
        view->scrollTo(lane);
        dropOnLane(view, lane, data.get(), Qt::CopyAction);
        PolicyConfigPanel* panel = policies->configPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->currentAttachment().policyName, QStringLiteral("modelWeightedRoundRobin"));
        QVERIFY2(!panel->canSave(), "an empty configuration must not be savable");

        // 4. gpt-4o 50 / gpt-4o-mini 50 on the default production endpoint, sandbox off, suspend 30.
        child<QComboBox>(panel, QStringLiteral("productionModel0"))->setCurrentText(QStringLiteral("gpt-4o"));
        child<QDoubleSpinBox>(panel, QStringLiteral("productionWeight0"))->setValue(50);
        QTest::mouseClick(child<QPushButton>(panel, QStringLiteral("productionAdd")), Qt::LeftButton);
        child<QComboBox>(panel, QStringLiteral("productionModel1"))
            ->setCurrentText(QStringLiteral("gpt-4o-mini"));
        child<QDoubleSpinBox>(panel, QStringLiteral("productionWeight1"))->setValue(50);
        QCOMPARE(child<QComboBox>(panel, QStringLiteral("productionEndpoint1"))->currentData().toString(),
                 QStringLiteral("default_production_endpoint"));
        QCOMPARE(child<QLabel>(panel, QStringLiteral("productionShare0"))->text(), QStringLiteral("50%"));
        QVERIFY(!child<QCheckBox>(panel, QStringLiteral("sandboxEnabled"))->isChecked());
        child<QSpinBox>(panel, QStringLiteral("suspendDuration"))->setValue(30);
        QVERIFY2(panel->canSave(),
                 qPrintable(editor->draft()->validate().toStrings().join(QLatin1Char('\n'))));
        // The README's screenshot of the policy editor comes from here, when asked for.
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100); // let the drawer's layout settle before painting
            QVERIFY(window.grab().save(dir + QStringLiteral("/policy-editor.png")));
        }
        QTest::mouseClick(child<QPushButton>(panel, QStringLiteral("policySaveButton")), Qt::LeftButton);
        QVERIFY2(!panel->isVisible(),
                 qPrintable(child<QLabel>(panel, QStringLiteral("policyProblems"))->text()));
        QCOMPARE(policies->flowModel()->rowCount(lane), 1);
        QVERIFY2(!workspace.api(apiId)->operationByKey(operation)->policies.request.size(),
                 "nothing may be written before Save");

        // 5. Save and deploy.
        QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("saveAndDeployButton")), Qt::LeftButton);
        const Deployment* deployment = workspace.deployment(apiId);
        QVERIFY(deployment);
        const Result<Revision> revision = workspace.revision(apiId, deployment->revision);
        QVERIFY(revision);
        const auto& request = revision->api.operationByKey(operation)->policies.request;
        QCOMPARE(int(request.size()), 1);
        QCOMPARE(request[0].policyName, QStringLiteral("modelWeightedRoundRobin"));
        QCOMPARE(
            Wso2AttributeCodec::encode(request[0].parameters["weightedRoundRobinConfigs"]),
            QStringLiteral("{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint',"
                           "'endpointName':'Default Production Endpoint','weight':50},{'model':'gpt-4o-mini',"
                           "'endpointId':'default_production_endpoint','endpointName':'Default Production "
                           "Endpoint','weight':50}],'sandbox':[],'suspendDuration':30}"));
        QVERIFY(!editor->draft()->isModified());

        // 6. A request through the in-app gateway is routed by it.
        Application application;
        application.id = workspace.newApplicationId(QStringLiteral("SmartChatApp"));
        application.name = QStringLiteral("SmartChatApp");
        application.subscriptions.push_back(
            {apiId, QStringLiteral("Unlimited"), QDateTime::currentDateTimeUtc()});
        QVERIFY2(workspace.saveApplication(application).ok(&error), qPrintable(error));
        const Result<KeyPair> keys =
            ApplicationKeys::generate(workspace, secrets, application.id, Stage::Production);
        QVERIFY2(keys, qPrintable(keys.error()));
        QVERIFY2(session.gateway()->reload(&error), qPrintable(error));
        const QString secret =
            ApplicationKeys::consumerSecret(secrets, application.id, Stage::Production).value();
        QNetworkAccessManager network;
        QNetworkRequest tokenRequest(QUrl(session.gateway()->baseUrl() + QStringLiteral("/oauth2/token")));
        tokenRequest.setRawHeader(
            "Authorization", "Basic " + (keys->consumerKey + QLatin1Char(':') + secret).toUtf8().toBase64());
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                               QStringLiteral("application/x-www-form-urlencoded"));
        std::unique_ptr<QNetworkReply> tokenReply(
            network.post(tokenRequest, "grant_type=client_credentials"));
        QTRY_VERIFY_WITH_TIMEOUT(tokenReply->isFinished(), 10000);
        const QByteArray tokenBody = tokenReply->readAll();
        const Json token = Json::parse(tokenBody.cbegin(), tokenBody.cend(), nullptr, false);
        QVERIFY2(token.contains("access_token"), tokenBody.constData());
        QStringList served;
        for (int i = 0; i < 4; ++i) {
            QNetworkRequest call(
                QUrl(session.gateway()->baseUrl() + QStringLiteral("/smartchat/1.0.0/chat/completions")));
            call.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(
                                                               token["access_token"].get<std::string>()));
            call.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            std::unique_ptr<QNetworkReply> reply(network.post(
                call, R"({"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]})"));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            served.append(QString::fromUtf8(reply->rawHeader("X-Gatehouse-Model")));
        }
        QCOMPARE(served, (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
                                      QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")}));
    }
};

QTEST_MAIN(TestPublisher)
#include "tst_publisher.moc"
