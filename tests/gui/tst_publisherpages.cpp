// The Publisher's other pages through real widgets: the Create AI API wizard's inline validation, the
// editor's Save / "Save and deploy" state and the unsaved-changes question on close, the Endpoints
// page's "API Key Required" warning and where the key goes, the Deployments page's revisions, diff and
// undeploy, and the Gateway mode's suspension table, access log and model counters.
#include "RedisServer.h"
#include "core/ApiFactory.h"
#include "core/ApplicationKeys.h"
#include "core/MemorySecretStore.h"
#include "core/PriceCatalogue.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gui/ApiDraft.h"
#include "gui/ApiEditor.h"
#include "gui/CreateApiWizard.h"
#include "gui/DeploymentsPage.h"
#include "gui/EndpointsPage.h"
#include "gui/FetchedModels.h"
#include "gui/GatehouseSession.h"
#include "gui/GatewayView.h"
#include "gui/MainWindow.h"
#include "gui/ModelRouterForm.h"
#include "gui/NewVersionDialog.h"
#include "gui/PoliciesPage.h"
#include "gui/PolicyConfigPanel.h"
#include "gui/PublisherView.h"
#include "gui/SharedStateDialog.h"
#include "mock-llm/MockFault.h"
#include "mock-llm/MockLlmServer.h"
#include "mock-llm/MockLlmState.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace gatehouse;

namespace {

QString defaultProduction() {
    return QStringLiteral("default_production_endpoint");
}

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

// Saves an API from `providerId` in `workspace`; returns its id (empty, with `error`, on failure).
QString createApi(Workspace& workspace, const QString& providerId, const QString& name,
                  const QString& context, const QString& url, QString* error,
                  const std::function<void(Api&)>& adjust = {}) {
    const Provider* provider = workspace.provider(providerId);
    if (!provider) {
        *error = QStringLiteral("no provider %1").arg(providerId);
        return {};
    }
    ApiFactory::Request request;
    request.name = name;
    request.context = context;
    request.version = QStringLiteral("1.0.0");
    request.id = workspace.newApiId(request.name, request.version);
    request.productionUrl = url;
    Api api = ApiFactory::createAiApi(*provider, request);
    if (adjust)
        adjust(api);
    return workspace.saveApi(api).ok(error) ? api.id : QString();
}

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QByteArray model; // X-Gatehouse-Model
};

HttpAnswer send(QNetworkAccessManager& network, const QNetworkRequest& request, const QByteArray& body) {
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    if (!reply->isFinished()) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(15000);
    }
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.model = reply->rawHeader("X-Gatehouse-Model");
    return answer;
}

HttpAnswer chat(QNetworkAccessManager& network, const QString& baseUrl, const QByteArray& token = {}) {
    QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/smartchat/1.0.0/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return send(network, request,
                R"({"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]})");
}

// An application subscribed to `apiId` with production keys, and an access token for it.
QByteArray accessToken(Workspace& workspace, SecretStore& secrets, GatehouseSession& session,
                       QNetworkAccessManager& network, const QString& apiId, QString* error) {
    Application application;
    application.id = workspace.newApplicationId(QStringLiteral("PagesApp"));
    application.name = QStringLiteral("PagesApp");
    application.subscriptions.push_back(
        {apiId, QStringLiteral("Unlimited"), QDateTime::currentDateTimeUtc()});
    if (!workspace.saveApplication(application).ok(error))
        return {};
    const Result<KeyPair> keys =
        ApplicationKeys::generate(workspace, secrets, application.id, Stage::Production);
    if (!keys) {
        *error = keys.error();
        return {};
    }
    if (!session.gateway()->reload(error))
        return {};
    const QString secret =
        ApplicationKeys::consumerSecret(secrets, application.id, Stage::Production).value();
    QNetworkRequest request(QUrl(session.gateway()->baseUrl() + QStringLiteral("/oauth2/token")));
    request.setRawHeader("Authorization",
                         "Basic " + (keys->consumerKey + QLatin1Char(':') + secret).toUtf8().toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    const HttpAnswer answer = send(network, request, "grant_type=client_credentials");
    const Json token = Json::parse(answer.body.cbegin(), answer.body.cend(), nullptr, false);
    if (!token.is_object() || !token.contains("access_token")) {
        *error = QString::fromUtf8(answer.body);
        return {};
    }
    return QByteArray::fromStdString(token["access_token"].get<std::string>());
}

int findRow(QTableWidget* table, int column, const QString& text) {
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, column) && table->item(row, column)->text() == text)
            return row;
    }
    return -1;
}

QString cell(QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestPublisherPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // no window geometry or splitter state from an earlier run
    }

    void wizardValidatesInline_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("problem"); // a fragment of detailsProblem(); empty: valid
        QTest::newRow("valid") << QStringLiteral("NewChat") << QStringLiteral("newchat")
                               << QStringLiteral("1.0.0") << QString();
        QTest::newRow("empty name") << QString() << QStringLiteral("newchat") << QStringLiteral("1.0.0")
                                    << QStringLiteral("Name");
        QTest::newRow("blank name") << QStringLiteral("   ") << QStringLiteral("newchat")
                                    << QStringLiteral("1.0.0") << QStringLiteral("Name");
        QTest::newRow("context with a leading slash")
            << QStringLiteral("NewChat") << QStringLiteral("/smartchat") << QStringLiteral("1.0.0")
            << QStringLiteral("'/'");
        QTest::newRow("context and version taken") << QStringLiteral("NewChat") << QStringLiteral("smartchat")
                                                   << QStringLiteral("1.0.0") << QStringLiteral("taken");
        QTest::newRow("same context, other version")
            << QStringLiteral("NewChat") << QStringLiteral("smartchat") << QStringLiteral("2.0.0")
            << QString();
        QTest::newRow("version with a space") << QStringLiteral("NewChat") << QStringLiteral("newchat")
                                              << QStringLiteral("1 0") << QStringLiteral("Version");
        QTest::newRow("empty version") << QStringLiteral("NewChat") << QStringLiteral("newchat") << QString()
                                       << QStringLiteral("Version");
        QTest::newRow("name and version taken")
            << QStringLiteral("smartchat") << QStringLiteral("other") << QStringLiteral("1.0.0")
            << QStringLiteral("exists already");
    }

    void wizardValidatesInline() {
        QFETCH(QString, name);
        QFETCH(QString, context);
        QFETCH(QString, version);
        QFETCH(QString, problem);
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        QVERIFY2(!createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                            QStringLiteral("smartchat"), QString(), &error)
                      .isEmpty(),
                 qPrintable(error));
        MemorySecretStore secrets;
        CreateApiWizard wizard(&workspace, &secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        child<QListWidget>(&wizard, QStringLiteral("providerList"))
            ->setCurrentRow(int(workspace.providers().ids().indexOf(QStringLiteral("openai"))));
        wizard.next();
        QCOMPARE(wizard.currentPage()->isComplete(), false); // no name yet
        child<QLineEdit>(&wizard, QStringLiteral("wizardName"))->setText(name);
        child<QLineEdit>(&wizard, QStringLiteral("wizardContext"))->setText(context);
        child<QLineEdit>(&wizard, QStringLiteral("wizardVersion"))->setText(version);

        const QString shown = child<QLabel>(&wizard, QStringLiteral("wizardProblem"))->text();
        QCOMPARE(shown, wizard.detailsProblem());
        QAbstractButton* finish = wizard.button(QWizard::FinishButton);
        QVERIFY(finish);
        if (problem.isEmpty()) {
            QVERIFY2(wizard.detailsProblem().isEmpty(), qPrintable(wizard.detailsProblem()));
            QVERIFY(finish->isEnabled());
            QTest::mouseClick(finish, Qt::LeftButton);
            QVERIFY(!wizard.createdApiId().isEmpty());
            const Api* created = workspace.api(wizard.createdApiId());
            QVERIFY(created);
            QCOMPARE(created->context, context);
            QCOMPARE(created->version, version);
            QCOMPARE(int(workspace.apis().size()), 2);
        } else {
            QVERIFY2(wizard.detailsProblem().contains(problem), qPrintable(wizard.detailsProblem()));
            QVERIFY(!finish->isEnabled());
            wizard.accept(); // even forced, an invalid wizard creates nothing
            QCOMPARE(int(workspace.apis().size()), 1);
            QVERIFY(wizard.createdApiId().isEmpty());
        }
    }

    void editorSaveStateAndCloseQuestion() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), QString(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const Api saved = *workspace.api(apiId);
        MemorySecretStore secrets;
        GatehouseSession session(&workspace, &secrets);
        MainWindow window(&session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.publisher()->openApi(apiId));
        ApiEditor* editor = window.publisher()->currentEditor();
        QVERIFY(editor);
        auto* save = child<QPushButton>(editor, QStringLiteral("saveApiButton"));
        auto* saveAndDeploy = child<QPushButton>(editor, QStringLiteral("saveAndDeployButton"));
        auto* problems = child<QLabel>(editor, QStringLiteral("apiProblems"));
        QVERIFY(save && saveAndDeploy && problems);

        // Nothing changed: nothing to save.
        QVERIFY(!save->isEnabled());
        QVERIFY(saveAndDeploy->isEnabled());
        QVERIFY(problems->text().isEmpty());

        // An edit through the Overview tab.
        auto* description = child<QPlainTextEdit>(editor, QStringLiteral("apiDescription"));
        QVERIFY(description);
        description->setPlainText(QStringLiteral("Edited in the test"));
        QVERIFY(editor->draft()->isModified());
        QVERIFY(save->isEnabled());
        QVERIFY(saveAndDeploy->isEnabled());

        // An endpoint with an ftp:// URL makes the API invalid: neither save is possible, the error is
        // listed.
        Api broken = editor->draft()->api();
        Endpoint ftp;
        ftp.id = QStringLiteral("ftp_backup");
        ftp.name = QStringLiteral("FTP backup");
        ftp.stage = Stage::Production;
        ftp.url = QStringLiteral("ftp://x");
        broken.endpoints.push_back(ftp);
        editor->draft()->edit(broken, QStringLiteral("Add a broken endpoint"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!saveAndDeploy->isEnabled());
        QVERIFY2(problems->text().contains(QStringLiteral("endpoints[1].url")) &&
                     problems->text().contains(QStringLiteral("http://")),
                 qPrintable(problems->text()));
        QVERIFY(!editor->save().ok(&error));
        QVERIFY2(error.contains(QStringLiteral("endpoints[1].url")), qPrintable(error));
        QVERIFY(*workspace.api(apiId) == saved);
        editor->draft()->undoStack()->undo();
        QVERIFY(save->isEnabled());
        QVERIFY(saveAndDeploy->isEnabled());
        QVERIFY(problems->text().isEmpty());

        // Closing with unsaved changes asks; Cancel keeps the window and the edits.
        QString question;
        whenModal<QMessageBox>([&question](QMessageBox* box) {
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!window.close());
        QVERIFY2(question.contains(QStringLiteral("unsaved")), qPrintable(question));
        QVERIFY(window.isVisible());
        QVERIFY(editor->draft()->isModified());
        QCOMPARE(editor->draft()->api().description, QStringLiteral("Edited in the test"));
        QCOMPARE(description->toPlainText(), QStringLiteral("Edited in the test"));

        // Discard closes, and nothing was written.
        whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Discard)->click(); });
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
        QVERIFY(*workspace.api(apiId) == saved);
    }

    void endpointsKeyWarningAndSecretStore() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), QString(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        const QString demoId = createApi(workspace, QStringLiteral("demo"), QStringLiteral("DemoChat"),
                                         QStringLiteral("demochat"), QString(), &error);
        QVERIFY2(!demoId.isEmpty(), qPrintable(error));
        MemorySecretStore secrets;
        GatehouseSession session(&workspace, &secrets);
        MainWindow window(&session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The Demo provider needs no key: no warning.
        QVERIFY(window.publisher()->openApi(demoId));
        ApiEditor* editor = window.publisher()->currentEditor();
        editor->tabs()->setCurrentWidget(editor->endpointsPage());
        QVERIFY(!child<QLabel>(editor, QStringLiteral("apiKeyWarning"))->isVisible());

        // OpenAI without a key: the warning shows, naming the endpoint.
        QVERIFY(window.publisher()->openApi(apiId));
        editor = window.publisher()->currentEditor();
        QCOMPARE(editor->draft()->api().id, apiId);
        editor->tabs()->setCurrentWidget(editor->endpointsPage());
        auto* warning = child<QLabel>(editor, QStringLiteral("apiKeyWarning"));
        QVERIFY(warning);
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("API Key Required")) &&
                     warning->text().contains(QStringLiteral("Default Production Endpoint")),
                 qPrintable(warning->text()));
        auto* production = child<QTableWidget>(editor, QStringLiteral("productionEndpoints"));
        QCOMPARE(cell(production, 0, 2), QStringLiteral("API Key Required"));

        const QString key = QStringLiteral("sk-pages-test-4711-secret");
        QVERIFY2(editor->endpointsPage()->setKey(defaultProduction(), key, &error), qPrintable(error));
        QVERIFY(!warning->isVisible());
        QVERIFY(editor->draft()->api().endpoint(defaultProduction())->hasKey);
        QCOMPARE(secrets.read(SecretStore::endpointKeyName(apiId, defaultProduction())).value, key);
        QVERIFY2(!cell(production, 0, 2).contains(key), qPrintable(cell(production, 0, 2)));
        QVERIFY2(cell(production, 0, 2).startsWith(QStringLiteral("Set")),
                 qPrintable(cell(production, 0, 2)));
        // An empty key is refused and changes nothing.
        QVERIFY(!editor->endpointsPage()->setKey(defaultProduction(), QStringLiteral("  "), &error));
        QCOMPARE(secrets.read(SecretStore::endpointKeyName(apiId, defaultProduction())).value, key);

        // Saved and deployed, the key is still in no workspace file.
        QVERIFY2(session.startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        QVERIFY2(editor->saveAndDeploy().ok(&error), qPrintable(error));
        QVERIFY(workspace.api(apiId)->endpoint(defaultProduction())->hasKey);
        int files = 0;
        QDirIterator it(folder.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY2(!file.readAll().contains(key.toUtf8()),
                     qPrintable(path + QStringLiteral(" holds the key")));
            ++files;
        }
        QVERIFY(files >= 3); // workspace.json, api.json, a revision at least
    }

    void endpointsFetchModels() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MockLlmServer mock;
        QVERIFY2(mock.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        mock.state().setApiKey(QStringLiteral("sk-mock-right"));
        const QString apiId = createApi(workspace, QStringLiteral("mistral"), QStringLiteral("MistralChat"),
                                        QStringLiteral("mistralchat"), mock.baseUrl(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        MemorySecretStore secrets;
        ApiDraft draft(&workspace, *workspace.api(apiId));
        EndpointsPage page(&draft, &secrets);
        page.resize(900, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* production = child<QTableWidget>(&page, QStringLiteral("productionEndpoints"));
        auto* fetch = child<QPushButton>(&page, QStringLiteral("productionFetchModels"));
        auto* status = child<QLabel>(&page, QStringLiteral("fetchModelsStatus"));
        auto* list = child<QListWidget>(&page, QStringLiteral("fetchedModels"));
        QVERIFY(production && fetch && status && list);
        QSignalSpy fetched(&page, &EndpointsPage::modelsFetched);

        // Nothing selected: said so in the page, nothing asked.
        production->clearSelection();
        production->setCurrentItem(nullptr);
        QTest::mouseClick(fetch, Qt::LeftButton);
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("Select")), qPrintable(status->text()));
        QVERIFY(!list->isVisible());

        // Mistral needs a key, and none is stored yet: refused before anything is sent.
        production->selectRow(0);
        QTest::mouseClick(fetch, Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("has no API key")), qPrintable(status->text()));
        QCOMPARE(fetched.count(), 0);

        // The right key: the click returns at once, the answer arrives later and lists the mock's models,
        // none of which Mistral's own list has.
        QVERIFY2(page.setKey(defaultProduction(), QStringLiteral("sk-mock-right"), &error),
                 qPrintable(error));
        production->selectRow(0);
        QTest::mouseClick(fetch, Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("Asking")), qPrintable(status->text()));
        QVERIFY(!list->isVisible());
        QVERIFY(fetched.wait(15000));
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 3);
        const QStringList expected{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
                                   QStringLiteral("o3-mini")};
        for (int i = 0; i < list->count(); ++i) {
            QCOMPARE(list->item(i)->data(Qt::UserRole).toString(), expected[i]);
            QCOMPARE(list->item(i)->data(Qt::UserRole + 1).toBool(), false);
            QVERIFY2(list->item(i)->text().contains(QStringLiteral("not in Mistral AI's list")),
                     qPrintable(list->item(i)->text()));
        }
        QVERIFY2(status->text().contains(QStringLiteral("Models at Default Production Endpoint: 3.")) &&
                     status->text().contains(QStringLiteral("Not in Mistral AI's model list: 3.")),
                 qPrintable(status->text()));
        // Remembered for the router form while the app runs.
        QCOMPARE(FetchedModels::of(workspace.directory(), apiId), expected);

        // A wrong key: the upstream's refusal, with its status and its own message, inline.
        QVERIFY2(page.setKey(defaultProduction(), QStringLiteral("sk-mock-wrong"), &error),
                 qPrintable(error));
        production->selectRow(0);
        QTest::mouseClick(fetch, Qt::LeftButton);
        QVERIFY(fetched.wait(15000));
        QVERIFY(!list->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("HTTP 401")) &&
                     status->text().contains(QStringLiteral("Incorrect API key provided")),
                 qPrintable(status->text()));
        QVERIFY2(!status->text().contains(QStringLiteral("sk-mock-wrong")), qPrintable(status->text()));
    }

    // The Demo provider's mock:// endpoint is asked where the session serves it (its mock, started on
    // demand), so the demo workspace's "Fetch models" works offline.
    void endpointsFetchModelsOfTheDemoMock() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MockLlmServer mock;
        QVERIFY2(mock.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("demo"), QStringLiteral("DemoChat"),
                                        QStringLiteral("demochat"), QString(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        QVERIFY(workspace.api(apiId)->endpoints.front().url.startsWith(QStringLiteral("mock://")));
        MemorySecretStore secrets;
        ApiDraft draft(&workspace, *workspace.api(apiId));
        EndpointsPage page(&draft, &secrets);
        int asked = 0;
        const QString origin = mock.baseUrl().chopped(3); // without "/v1": mock://demo/v1 keeps its path
        page.setMockOrigin([&] {
            ++asked;
            return origin;
        });
        page.show();
        QSignalSpy fetched(&page, &EndpointsPage::modelsFetched);
        child<QTableWidget>(&page, QStringLiteral("productionEndpoints"))->selectRow(0);
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("productionFetchModels")), Qt::LeftButton);
        QVERIFY(fetched.wait(15000));
        QCOMPARE(asked, 1);
        auto* list = child<QListWidget>(&page, QStringLiteral("fetchedModels"));
        QVERIFY2(list->count() == 3,
                 qPrintable(child<QLabel>(&page, QStringLiteral("fetchModelsStatus"))->text()));
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("gpt-4o"));
    }

    // WSO2's Create New Version from the Publisher: a refusal shows in the dialog with the text kept,
    // then the copy is made with its key, marked default, and opened.
    void newVersionFromThePublisher() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), QString(), &error,
                                        [](Api& api) { api.endpoints.front().hasKey = true; });
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        MemorySecretStore secrets;
        QVERIFY(secrets.write(SecretStore::endpointKeyName(apiId, defaultProduction()),
                              QStringLiteral("sk-v1"), nullptr));
        GatehouseSession session(&workspace, &secrets);
        MainWindow window(&session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.publisher()->openApi(apiId));

        bool refusedInline = false;
        whenModal<NewVersionDialog>([&refusedInline](NewVersionDialog* dialog) {
            auto* version = child<QLineEdit>(dialog, QStringLiteral("newVersion"));
            auto* ok = child<QPushButton>(dialog, QStringLiteral("newVersionOk"));
            auto* problem = child<QLabel>(dialog, QStringLiteral("newVersionError"));
            QTest::keyClicks(version, QStringLiteral("1.0.0"));
            QTest::mouseClick(ok, Qt::LeftButton);
            refusedInline = dialog->isVisible() && problem->isVisible() &&
                            problem->text().contains(QStringLiteral("already version 1.0.0")) &&
                            version->text() == QStringLiteral("1.0.0");
            version->setText(QStringLiteral("2.0.0"));
            child<QCheckBox>(dialog, QStringLiteral("newVersionDefault"))->setChecked(true);
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(&window, QStringLiteral("newVersionButton")), Qt::LeftButton);
        QVERIFY(refusedInline);
        const Api* created = workspace.api(QStringLiteral("smartchat-2.0.0"));
        QVERIFY(created);
        QVERIFY(created->isDefaultVersion);
        QCOMPARE(created->basePath(), QStringLiteral("/smartchat/2.0.0"));
        QCOMPARE(secrets.read(SecretStore::endpointKeyName(created->id, defaultProduction())).value,
                 QStringLiteral("sk-v1"));
        QCOMPARE(window.publisher()->currentEditor()->draft()->api().id, created->id);
    }

    // WSO2's "Set as Primary" on the Endpoints page, and what removing the primary endpoint does.
    void setAsPrimaryEndpoint() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), QString(), &error, [](Api& api) {
                                            Endpoint second;
                                            second.id = QStringLiteral("second");
                                            second.name = QStringLiteral("Second");
                                            second.url = QStringLiteral("http://127.0.0.1:9/v1");
                                            api.endpoints.push_back(second);
                                        });
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        MemorySecretStore secrets;
        ApiDraft draft(&workspace, *workspace.api(apiId));
        EndpointsPage page(&draft, &secrets);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* production = child<QTableWidget>(&page, QStringLiteral("productionEndpoints"));
        const int defaultRow = findRow(production, 0, QStringLiteral("Default Production Endpoint"));
        const int secondRow = findRow(production, 0, QStringLiteral("Second"));
        QCOMPARE(cell(production, defaultRow, 3), QStringLiteral("Primary")); // the default endpoint, unset
        QCOMPARE(cell(production, secondRow, 3), QString());

        production->selectRow(secondRow);
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("productionSetPrimary")), Qt::LeftButton);
        QCOMPARE(draft.api().primaryEndpointId(Stage::Production), QStringLiteral("second"));
        QCOMPARE(cell(production, findRow(production, 0, QStringLiteral("Second")), 3),
                 QStringLiteral("Primary"));
        QCOMPARE(cell(production, findRow(production, 0, QStringLiteral("Default Production Endpoint")), 3),
                 QString());
        QVERIFY(draft.isModified());
        QVERIFY(draft.validate().errors().empty());
        draft.undoStack()->undo();
        QCOMPARE(draft.api().primaryEndpointId(Stage::Production), QString());

        draft.undoStack()->redo();
        production->selectRow(findRow(production, 0, QStringLiteral("Second")));
        QSignalSpy status(&page, &EndpointsPage::statusMessage);
        QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("productionRemoveEndpoint")),
                          Qt::LeftButton);
        QVERIFY(!draft.api().endpoint(QStringLiteral("second")));
        QCOMPARE(draft.api().primaryEndpointId(Stage::Production), QString()); // never names a missing one
        QCOMPARE(status.size(), 1);
        QVERIFY2(status.front().front().toString().contains(QStringLiteral("Default Production Endpoint")),
                 qPrintable(status.front().front().toString()));
    }

    // The router form takes a configuration as WSO2 writes it from the clipboard; one it cannot show
    // is refused with a message and the form keeps what it had.
    void routerFormTakesPastedWso2Configuration() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), QString(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        ApiDraft draft(&workspace, *workspace.api(apiId));
        PoliciesPage page(&draft);
        page.resize(1500, 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PolicyConfigPanel* panel = page.configPanel();
        panel->openNew(QStringLiteral("POST /chat/completions"), FlowKind::Request, -1,
                       QStringLiteral("modelFailover"));
        auto* form = panel->findChild<ModelRouterForm*>();
        QVERIFY(form);
        auto* paste = child<QPushButton>(panel, QStringLiteral("pasteRouterConfig"));
        auto* pasteError = child<QLabel>(panel, QStringLiteral("pasteRouterConfigError"));
        auto* timeout = child<QSpinBox>(panel, QStringLiteral("requestTimeout"));

        QGuiApplication::clipboard()->setText(QStringLiteral(
            R"({"failoverConfigs":"{'production':{'targetModel':{'model':'gpt-4o','endpointId':)"
            R"('default_production_endpoint','endpointName':'Default Production Endpoint'},'fallbackModels':)"
            R"([{'model':'gpt-4o-mini','endpointId':'default_production_endpoint'}]},'sandbox':)"
            R"({'targetModel':{},'fallbackModels':[]},'requestTimeout':'120','suspendDuration':'0'}"})"));
        QTest::mouseClick(paste, Qt::LeftButton);
        QVERIFY2(!pasteError->isVisible(), qPrintable(pasteError->text()));
        QCOMPARE(timeout->value(), 120);
        QCOMPARE(child<QComboBox>(panel, QStringLiteral("productionTargetModel0"))->currentText(),
                 QStringLiteral("gpt-4o"));
        QCOMPARE(child<QComboBox>(panel, QStringLiteral("productionFallbackModel0"))->currentText(),
                 QStringLiteral("gpt-4o-mini"));
        QVERIFY(!child<QCheckBox>(panel, QStringLiteral("sandboxEnabled"))->isChecked());
        QVERIFY(panel->canSave());

        QGuiApplication::clipboard()->setText(
            QStringLiteral(R"({"production":{},"requestTimeout":"two minutes"})"));
        QTest::mouseClick(paste, Qt::LeftButton);
        QVERIFY(pasteError->isVisible());
        QVERIFY2(pasteError->text().contains(QStringLiteral("requestTimeout")),
                 qPrintable(pasteError->text()));
        QCOMPARE(timeout->value(), 120); // nothing of the refused paste
        QString pasteProblem;
        QVERIFY(!form->pasteConfiguration(QStringLiteral("{'production':"), &pasteProblem));
        QVERIFY2(pasteProblem.startsWith(QStringLiteral("Not a configuration")), qPrintable(pasteProblem));

        QTest::mouseClick(child<QPushButton>(panel, QStringLiteral("policySaveButton")), Qt::LeftButton);
        const Operation* chat = draft.api().operationByKey(QStringLiteral("POST /chat/completions"));
        QVERIFY(chat);
        QCOMPARE(chat->policies.request.size(), std::size_t(1));
        const Json& saved = chat->policies.request.front().parameters["failoverConfigs"];
        QVERIFY2(saved["requestTimeout"] == Json(120), dumpCompact(saved).c_str());
        QVERIFY2(saved["production"]["fallbackModels"][0]["model"] == Json("gpt-4o-mini"),
                 dumpCompact(saved).c_str());
    }

    void routerFormOffersTheCataloguesModels() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), QString(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        // A workspace price for a model the shipped prices lack, and one of another vendor.
        PriceCatalogue prices;
        ModelPrice price;
        price.inputCostPerToken = 0.000002;
        price.outputCostPerToken = 0.000008;
        price.litellmProvider = QStringLiteral("openai");
        price.mode = QStringLiteral("chat");
        prices.set(QStringLiteral("gpt-4.1"), price);
        price.litellmProvider = QStringLiteral("anthropic");
        prices.set(QStringLiteral("claude-from-the-workspace"), price);
        QVERIFY2(prices.writeWorkspace(workspace.directory()).ok(&error), qPrintable(error));
        FetchedModels::remember(workspace.directory(), apiId, defaultProduction(),
                                {QStringLiteral("ft:gpt-4o:acme")});

        ApiDraft draft(&workspace, *workspace.api(apiId));
        PoliciesPage page(&draft);
        page.resize(1500, 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PolicyConfigPanel* panel = page.configPanel();
        panel->openNew(QStringLiteral("POST /chat/completions"), FlowKind::Request, -1,
                       QStringLiteral("modelWeightedRoundRobin"));
        auto* model = child<QComboBox>(panel, QStringLiteral("productionModel0"));
        QVERIFY(model);
        QStringList offered;
        for (int i = 0; i < model->count(); ++i)
            offered.append(model->itemText(i));
        // The provider's own list first, then the catalogue's OpenAI chat models, then the fetched ones.
        QCOMPARE(offered.mid(0, 3), (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
                                                 QStringLiteral("o3-mini")}));
        for (const QString& name : {QStringLiteral("gpt-4o-2024-11-20"), QStringLiteral("o3-mini-2025-01-31"),
                                    QStringLiteral("gpt-4.1"), QStringLiteral("ft:gpt-4o:acme")})
            QVERIFY2(offered.contains(name),
                     qPrintable(name + QStringLiteral(" not in ") + offered.join(QLatin1Char(','))));
        QVERIFY(offered.indexOf(QStringLiteral("gpt-4.1")) <
                offered.indexOf(QStringLiteral("ft:gpt-4o:acme")));
        for (const QString& name :
             {QStringLiteral("claude-3-5-sonnet-latest"), QStringLiteral("claude-from-the-workspace"),
              QStringLiteral("mistral-large-latest")})
            QVERIFY2(!offered.contains(name), qPrintable(name));
        QCOMPARE(offered.count(QStringLiteral("gpt-4o")), 1);

        // None of them warns; a model nobody lists still does.
        auto* rowError = child<QLabel>(panel, QStringLiteral("productionError0"));
        for (const QString& name : {QStringLiteral("gpt-4o-2024-08-06"), QStringLiteral("gpt-4.1"),
                                    QStringLiteral("ft:gpt-4o:acme")}) {
            model->setCurrentText(name);
            QVERIFY2(!rowError->isVisible(), qPrintable(name + QStringLiteral(": ") + rowError->text()));
            QVERIFY(panel->canSave());
        }
        model->setCurrentText(QStringLiteral("gpt-5-imaginary"));
        QVERIFY(rowError->isVisible());
        QVERIFY2(rowError->text().contains(QStringLiteral("Warning")), qPrintable(rowError->text()));
        QVERIFY(panel->canSave()); // a warning, not an error

        // Saved as typed; the API's own validation (shipped prices) accepts a catalogue model too.
        model->setCurrentText(QStringLiteral("gpt-4o-2024-08-06"));
        QTest::mouseClick(child<QPushButton>(panel, QStringLiteral("policySaveButton")), Qt::LeftButton);
        const Operation* chat = draft.api().operationByKey(QStringLiteral("POST /chat/completions"));
        QVERIFY(chat);
        QCOMPARE(chat->policies.request.size(), std::size_t(1));
        QVERIFY2(dumpCompact(chat->policies.request.front().parameters).find("gpt-4o-2024-08-06") !=
                     std::string::npos,
                 dumpCompact(chat->policies.request.front().parameters).c_str());
        QStringList warnings;
        for (const ValidationIssue& issue : draft.validate().warnings()) {
            if (issue.path.endsWith(QLatin1String(".model"))) // not the endpoint's missing key
                warnings.append(issue.path + QStringLiteral(": ") + issue.message);
        }
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }

    void deploymentsRevisionsDiffAndUndeploy() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MockLlmServer mock;
        QVERIFY2(mock.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QString apiId = createApi(workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"),
                                        QStringLiteral("smartchat"), mock.baseUrl(), &error);
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        MemorySecretStore secrets;
        GatehouseSession session(&workspace, &secrets);
        QVERIFY2(session.startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        MainWindow window(&session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.publisher()->openApi(apiId));
        ApiEditor* editor = window.publisher()->currentEditor();
        QVERIFY2(editor->endpointsPage()->setKey(defaultProduction(), QStringLiteral("sk-test"), &error),
                 qPrintable(error));
        DeploymentsPage* deployments = editor->deploymentsPage();
        editor->tabs()->setCurrentWidget(deployments);
        auto* table = child<QTableWidget>(deployments, QStringLiteral("revisionsTable"));
        auto* live = child<QLabel>(deployments, QStringLiteral("liveRevision"));
        auto* saveAndDeploy = child<QPushButton>(editor, QStringLiteral("saveAndDeployButton"));
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(live->text(), QStringLiteral("Not deployed"));

        // Two Save-and-deploys with a change between them.
        QTest::mouseClick(saveAndDeploy, Qt::LeftButton);
        QVERIFY(workspace.deployment(apiId));
        QCOMPARE(workspace.deployment(apiId)->revision, 1);
        child<QPlainTextEdit>(editor, QStringLiteral("apiDescription"))
            ->setPlainText(QStringLiteral("Second revision"));
        QTest::mouseClick(saveAndDeploy, Qt::LeftButton);
        QCOMPARE(workspace.deployment(apiId)->revision, 2);
        QVERIFY(!editor->draft()->isModified());

        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(cell(table, 0, 0), QStringLiteral("Revision 2")); // newest first
        QCOMPARE(cell(table, 0, 3), QStringLiteral("Live"));
        QCOMPARE(cell(table, 1, 0), QStringLiteral("Revision 1"));
        QCOMPARE(cell(table, 1, 3), QString());
        QVERIFY2(live->text().contains(QStringLiteral("Revision 2")), qPrintable(live->text()));

        // The diff shows the changed line, old with "- ", new with "+ ", the rest with "  ".
        const QStringList lines = deployments->diff(1, 2).split(QLatin1Char('\n'));
        QStringList removed;
        QStringList added;
        for (const QString& line : lines) {
            QVERIFY2(line.startsWith(QStringLiteral("- ")) || line.startsWith(QStringLiteral("+ ")) ||
                         line.startsWith(QStringLiteral("  ")),
                     qPrintable(line));
            if (line.startsWith(QStringLiteral("- ")))
                removed.append(line);
            if (line.startsWith(QStringLiteral("+ ")))
                added.append(line);
        }
        QCOMPARE(removed.size(), 1);
        QCOMPARE(added.size(), 1);
        QVERIFY2(removed[0].contains(QStringLiteral("\"description\"")), qPrintable(removed[0]));
        QVERIFY2(added[0].contains(QStringLiteral("\"description\"")) &&
                     added[0].contains(QStringLiteral("Second revision")),
                 qPrintable(added[0]));
        QVERIFY(!deployments->diff(2, 2).contains(QStringLiteral("\n+ ")));
        QVERIFY(!deployments->diff(1, 7).isEmpty()); // a missing revision is reported, not crashed on

        // Served now: a call without a token is refused for want of credentials, not unknown.
        QNetworkAccessManager network;
        QCOMPARE(chat(network, session.gateway()->baseUrl()).status, 401);

        // Roll back to revision 1 from the table.
        table->selectRow(1);
        QTest::mouseClick(child<QPushButton>(deployments, QStringLiteral("deployRevision")), Qt::LeftButton);
        QCOMPARE(workspace.deployment(apiId)->revision, 1);
        QCOMPARE(cell(table, findRow(table, 0, QStringLiteral("Revision 1")), 3), QStringLiteral("Live"));
        QCOMPARE(cell(table, findRow(table, 0, QStringLiteral("Revision 2")), 3), QString());

        // Undeploy: the deployment is gone and the gateway stops serving the API.
        QTest::mouseClick(child<QPushButton>(deployments, QStringLiteral("undeployApi")), Qt::LeftButton);
        QVERIFY(!workspace.deployment(apiId));
        QCOMPARE(live->text(), QStringLiteral("Not deployed"));
        QCOMPARE(table->rowCount(), 2); // the revisions stay
        QCOMPARE(findRow(table, 3, QStringLiteral("Live")), -1);
        QCOMPARE(chat(network, session.gateway()->baseUrl()).status, 404);
    }

    void gatewayViewShowsSuspensionsLogAndCounters() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MockLlmServer mock;
        QVERIFY2(mock.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        MemorySecretStore secrets;
        const QString apiId = createApi(
            workspace, QStringLiteral("openai"), QStringLiteral("SmartChat"), QStringLiteral("smartchat"),
            mock.baseUrl(), &error, [](Api& api) {
                api.endpoints.front().hasKey = true;
                PolicyAttachment router;
                router.policyName = QStringLiteral("modelWeightedRoundRobin");
                router.parameters = Json::object();
                router.parameters["weightedRoundRobinConfigs"] = Json::parse(
                    R"({"production":[{"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1},
                        {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":1}],
                        "sandbox":[],"suspendDuration":30})");
                api.operationByKey(QStringLiteral("POST /chat/completions"))
                    ->policies.request.push_back(router);
            });
        QVERIFY2(!apiId.isEmpty(), qPrintable(error));
        QVERIFY2(secrets.write(SecretStore::endpointKeyName(apiId, defaultProduction()),
                               QStringLiteral("sk-test"), &error),
                 qPrintable(error));
        GatehouseSession session(&workspace, &secrets);
        QVERIFY2(session.startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        const Result<Revision> revision = session.deploy(apiId, QStringLiteral("with a router"));
        QVERIFY2(revision, qPrintable(revision.error()));
        MainWindow window(&session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setMode(MainWindow::Mode::Gateway);
        GatewayView* view = window.gatewayView();
        QVERIFY(view->isVisible());
        QCOMPARE(view->suspensionTable()->objectName(), QStringLiteral("gatewaySuspensions"));
        QCOMPARE(view->suspensionTable()->rowCount(), 0);
        QTRY_COMPARE(child<QTableWidget>(view, QStringLiteral("gatewayDeployments"))->rowCount(), 1);

        QNetworkAccessManager network;
        const QByteArray token = accessToken(workspace, secrets, session, network, apiId, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));

        // gpt-4o fails upstream: it is suspended and the call is retried on gpt-4o-mini.
        MockFault fault;
        fault.model = QStringLiteral("gpt-4o");
        fault.status = 500;
        mock.state().setFault(fault);
        const HttpAnswer answer = chat(network, session.gateway()->baseUrl(), token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.model, QByteArray("gpt-4o-mini"));

        // The suspension table lists the pair with its countdown.
        QTableWidget* suspensions = view->suspensionTable();
        QTRY_COMPARE((view->refresh(), suspensions->rowCount()), 1);
        QCOMPARE(cell(suspensions, 0, 0), apiId);
        QCOMPARE(cell(suspensions, 0, 1), defaultProduction());
        QCOMPARE(cell(suspensions, 0, 2), QStringLiteral("gpt-4o"));
        QCOMPARE(cell(suspensions, 0, 3), QStringLiteral("1"));
        static const QRegularExpression seconds(QStringLiteral("^(\\d+) s$"));
        const QRegularExpressionMatch countdown = seconds.match(cell(suspensions, 0, 4));
        QVERIFY2(countdown.hasMatch(), qPrintable(cell(suspensions, 0, 4)));
        const int left = countdown.captured(1).toInt();
        QVERIFY2(left > 20 && left <= 30, qPrintable(cell(suspensions, 0, 4)));
        // It counts down live (the view refreshes itself).
        QTRY_VERIFY_WITH_TIMEOUT(seconds.match(cell(suspensions, 0, 4)).captured(1).toInt() < left, 4000);

        // The access log lists the call; the model counters count it.
        QTableWidget* log = view->accessLogTable();
        QTRY_VERIFY((view->refresh(), log->rowCount() >= 1));
        QCOMPARE(log->objectName(), QStringLiteral("gatewayAccessLog"));
        QCOMPARE(cell(log, 0, 1), QStringLiteral("SmartChat"));
        QCOMPARE(cell(log, 0, 2), QStringLiteral("POST /chat/completions"));
        QCOMPARE(cell(log, 0, 3), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(cell(log, 0, 4), QStringLiteral("200"));
        QTableWidget* models = view->modelTable();
        QCOMPARE(models->objectName(), QStringLiteral("gatewayModelCounters"));
        const int row = findRow(models, 0, QStringLiteral("gpt-4o-mini"));
        QVERIFY(row >= 0);
        QCOMPARE(cell(models, row, 1), QStringLiteral("1"));

        // A second call avoids the suspended model altogether.
        QCOMPARE(chat(network, session.gateway()->baseUrl(), token).model, QByteArray("gpt-4o-mini"));
        QTRY_COMPARE((view->refresh(), cell(models, findRow(models, 0, QStringLiteral("gpt-4o-mini")), 1)),
                     QStringLiteral("2"));
        QTRY_COMPARE((view->refresh(), log->rowCount()), 2);

        // "Readmit now" takes the pair out of the table and back into rotation.
        auto* readmit = qobject_cast<QPushButton*>(suspensions->cellWidget(0, 5));
        QVERIFY(readmit);
        QCOMPARE(readmit->text(), QStringLiteral("Readmit now"));
        QTest::mouseClick(readmit, Qt::LeftButton);
        QCOMPARE(suspensions->rowCount(), 0);
        QVERIFY(
            session.gateway()->runtime()->suspensions().entries(QDateTime::currentMSecsSinceEpoch()).empty());
        mock.state().clearFaults();
        QStringList served;
        for (int i = 0; i < 2; ++i)
            served.append(QString::fromLatin1(chat(network, session.gateway()->baseUrl(), token).model));
        QVERIFY2(served.contains(QStringLiteral("gpt-4o")), qPrintable(served.join(QLatin1Char(','))));
    }

    // Gateway > Shared state...: problems inline and nothing saved or lost; a valid setting saved, the
    // password in the secret store, the in-app gateway restarted on it; the view says how Redis is.
    void sharedStateDialogAndConnectionState() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MemorySecretStore secrets;
        GatehouseSession session(&workspace, &secrets);
        QVERIFY2(session.startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        MainWindow window(&session);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setMode(MainWindow::Mode::Gateway);
        GatewayView* view = window.gatewayView();
        auto* state = child<QLabel>(view, QStringLiteral("gatewayState"));
        QTRY_VERIFY2(state->text().contains(QLatin1String("state kept locally")), qPrintable(state->text()));

        test::RedisServer redis;
        QVERIFY2(redis.start(&error, {QStringLiteral("--requirepass"), QStringLiteral("pw-of-redis")}),
                 qPrintable(error));
        {
            SharedStateDialog dialog(&workspace, &secrets);
            child<QComboBox>(&dialog, QStringLiteral("sharedStateBackend"))->setCurrentIndex(1);
            auto* url = child<QLineEdit>(&dialog, QStringLiteral("sharedStateUrl"));
            url->setText(QStringLiteral("redis://admin:pw-of-redis@127.0.0.1:1"));
            child<QLineEdit>(&dialog, QStringLiteral("sharedStateKeyPrefix"))
                ->setText(QStringLiteral("my app:"));
            dialog.accept();
            auto* problems = child<QLabel>(&dialog, QStringLiteral("sharedStateProblems"));
            QVERIFY(!problems->isHidden());
            QVERIFY2(problems->text().contains(QLatin1String("password")), qPrintable(problems->text()));
            QVERIFY2(problems->text().contains(QLatin1String("keyPrefix")), qPrintable(problems->text()));
            QVERIFY2(!problems->text().contains(QLatin1String("pw-of-redis")), qPrintable(problems->text()));
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QCOMPARE(url->text(), QStringLiteral("redis://admin:pw-of-redis@127.0.0.1:1")); // nothing lost
            QCOMPARE(workspace.settings().sharedState.backend, SharedStateSettings::Backend::Local);
        }
        // Through the button, as a user does: the dialog opens, is filled and accepted.
        QTimer::singleShot(0, this, [&redis] {
            auto* dialog = qobject_cast<SharedStateDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            child<QComboBox>(dialog, QStringLiteral("sharedStateBackend"))->setCurrentIndex(1);
            child<QLineEdit>(dialog, QStringLiteral("sharedStateUrl"))->setText(redis.url());
            child<QLineEdit>(dialog, QStringLiteral("sharedStatePassword"))
                ->setText(QStringLiteral("pw-of-redis"));
            dialog->accept();
        });
        QTest::mouseClick(child<QPushButton>(view, QStringLiteral("gatewaySharedState")), Qt::LeftButton);
        QCOMPARE(workspace.settings().sharedState.backend, SharedStateSettings::Backend::Redis);
        QCOMPARE(workspace.settings().sharedState.url, redis.url());
        QCOMPARE(secrets.read(SecretStore::redisPasswordKeyName()).value, QStringLiteral("pw-of-redis"));
        QFile file(folder.filePath(QStringLiteral("workspace.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("pw-of-redis"));
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().contains(QLatin1String("state shared through")) &&
                                      state->text().contains(QLatin1String("1 live replica")),
                                  qPrintable(state->text()), 10000);
        redis.kill();
        QTRY_VERIFY2_WITH_TIMEOUT(state->text().contains(QLatin1String("Redis unreachable")) &&
                                      state->text().contains(QLatin1String("counting locally")),
                                  qPrintable(state->text()), 10000);
    }
};

QTEST_MAIN(TestPublisherPages)
#include "tst_publisherpages.moc"
