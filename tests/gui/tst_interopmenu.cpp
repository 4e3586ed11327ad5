// File > Export as WSO2 API Project, Import WSO2 API Project and Import OpenAPI Document, without the
// file dialogs: what the menu does with the path the user picked.
#include "DemoWorkspaceFolder.h"
#include "core/MemorySecretStore.h"
#include "core/PolicyAttachment.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/ApiEditor.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"
#include "gui/PublisherView.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestInteropMenu : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void menuOffersImportExportAndProviders();
    void exportThenImportIntoAnotherWorkspaceKeepsTheApi();
    void brokenOpenApiDocumentIsReportedWithItsLine();
    void openApiDocumentBecomesAnApiWithItsOperations();
};

void TestInteropMenu::menuOffersImportExportAndProviders() {
    QTemporaryDir folder;
    Workspace workspace;
    QString error;
    QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
    MemorySecretStore secrets;
    GatehouseSession session(&workspace, &secrets);
    MainWindow window(&session);
    for (const char* name :
         {"actionImportWso2", "actionImportOpenApi", "actionExportWso2", "actionNewProvider"}) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action && action->isEnabled() && !action->text().isEmpty(), name);
    }
}

void TestInteropMenu::exportThenImportIntoAnotherWorkspaceKeepsTheApi() {
    QTemporaryDir first;
    QTemporaryDir second;
    QTemporaryDir out;
    Workspace source;
    QString error;
    QVERIFY2(test::openDemoWorkspace(source, first.path(), &error), qPrintable(error));
    MemorySecretStore secrets;
    GatehouseSession session(&source, &secrets);
    MainWindow window(&session);
    const Api original = source.apis().front();

    QString message;
    const QString archive = out.filePath(QStringLiteral("smartchat.zip"));
    QVERIFY2(window.exportWso2(original.id, archive, &message), qPrintable(message));
    QVERIFY(QFile::exists(archive));
    QVERIFY2(message.contains(QStringLiteral("smartchat.zip")), qPrintable(message));

    Workspace target;
    QVERIFY2(target.open(second.path()).ok(&error), qPrintable(error));
    MemorySecretStore otherSecrets;
    GatehouseSession otherSession(&target, &otherSecrets);
    MainWindow otherWindow(&otherSession);
    QVERIFY2(otherWindow.importWso2(archive, &message), qPrintable(message));
    QCOMPARE(target.apis().size(), std::size_t(1));
    const Api& imported = target.apis().front();
    QCOMPARE(imported.name, original.name);
    QCOMPARE(imported.version, original.version);
    QCOMPARE(imported.context, original.context);
    QCOMPARE(imported.operations.size(), original.operations.size());
    // The imported API is open in the Publisher.
    QVERIFY(otherWindow.publisher()->currentEditor());
    QCOMPARE(otherWindow.publisher()->currentEditor()->draft()->api().id, imported.id);

    // A second import of the same name and version is refused with a reason, and changes nothing.
    QVERIFY(!otherWindow.importWso2(archive, &message));
    QVERIFY(!message.isEmpty());
    QCOMPARE(target.apis().size(), std::size_t(1));
}

void TestInteropMenu::brokenOpenApiDocumentIsReportedWithItsLine() {
    QTemporaryDir folder;
    Workspace workspace;
    QString error;
    QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
    MemorySecretStore secrets;
    GatehouseSession session(&workspace, &secrets);
    MainWindow window(&session);
    const QString file = folder.filePath(QStringLiteral("broken.yaml"));
    QFile output(file);
    QVERIFY(output.open(QIODevice::WriteOnly));
    output.write(
        "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: 1.0.0\npaths:\n  /v1/models:\n    get: [1, 2\n");
    output.close();
    QString message;
    QVERIFY(!window.importOpenApi(file, &message));
    QVERIFY2(message.contains(QRegularExpression(QStringLiteral("broken\\.yaml:\\d+:\\d+: "))),
             qPrintable(message));
    QVERIFY(workspace.apis().empty());
}

void TestInteropMenu::openApiDocumentBecomesAnApiWithItsOperations() {
    QTemporaryDir folder;
    Workspace workspace;
    QString error;
    QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
    MemorySecretStore secrets;
    GatehouseSession session(&workspace, &secrets);
    MainWindow window(&session);
    const QString file = folder.filePath(QStringLiteral("local-llm.yaml"));
    QFile output(file);
    QVERIFY(output.open(QIODevice::WriteOnly));
    output.write("openapi: 3.0.3\n"
                 "info:\n  title: Local LLM\n  version: 0.4.0\n"
                 "servers:\n  - url: http://127.0.0.1:8000\n"
                 "paths:\n"
                 "  /v1/chat/completions:\n    post:\n      summary: Chat\n"
                 "      requestBody:\n        content:\n          application/json:\n"
                 "            example: {model: llama3, messages: []}\n"
                 "  /v1/models:\n    get:\n      summary: Models\n");
    output.close();
    QString message;
    QVERIFY2(window.importOpenApi(file, &message), qPrintable(message));
    QCOMPARE(workspace.apis().size(), std::size_t(1));
    const Api& api = workspace.apis().front();
    QCOMPARE(api.operations.size(), std::size_t(2));
    QVERIFY(window.publisher()->currentEditor());
}

QTEST_MAIN(TestInteropMenu)
#include "tst_interopmenu.moc"
