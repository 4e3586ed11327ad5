#include "DemoSession.h"
#include "DemoWorkspaceFolder.h"
#include "core/MemorySecretStore.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"
#include "gui/PublisherView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoWorkspaceListsSmartChatAndRunsTheGateway() {
        test::DemoSession demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        Workspace& workspace = demo.workspace();
        GatehouseSession& session = demo.session();

        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Gatehouse"));

        auto* table = window.findChild<QTableView*>(QStringLiteral("apiTable"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("SmartChat"));
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("workspaceProblems"))->isVisible());
        auto* status = window.findChild<QLabel*>(QStringLiteral("gatewayStatus"));
        QVERIFY(status->text().contains(session.gateway()->baseUrl()));

        // The list follows the workspace: a second API appears without a reload.
        Api copy = *workspace.findApi(QStringLiteral("SmartChat"));
        copy.id = workspace.newApiId(QStringLiteral("Other"), QStringLiteral("2.0.0"));
        copy.name = QStringLiteral("Other");
        copy.version = QStringLiteral("2.0.0");
        QVERIFY2(workspace.saveApi(copy).ok(&error), qPrintable(error));
        QCOMPARE(table->model()->rowCount(), 2);
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("apiSearch"));
        QTest::keyClicks(search, QStringLiteral("other"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Other"));

        // Modes switch with Ctrl+1/2/3.
        auto* stack = window.findChild<QStackedWidget*>(QStringLiteral("modeStack"));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_3));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("gatewayView"));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_2));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("devPortalView"));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_1));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("publisherView"));
    }

    void unreadableFilesAreShownNotHidden() {
        QTemporaryDir folder;
        {
            Workspace workspace;
            QString error;
            QVERIFY2(test::openDemoWorkspace(workspace, folder.path(), &error), qPrintable(error));
        }
        QFile broken(folder.filePath(QStringLiteral("apis/smartchat-1.0.0/api.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{\n  \"schemaVersion\": 1,\n  \"name\": tru\n}\n");
        broken.close();

        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        MemorySecretStore secrets;
        GatehouseSession session(&workspace, &secrets);
        MainWindow window(&session);
        window.show();
        auto* problems = window.findChild<QLabel*>(QStringLiteral("workspaceProblems"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QStringLiteral("apis/smartchat-1.0.0/api.json:3:")),
                 qPrintable(problems->text()));
        QCOMPARE(window.findChild<QTableView*>(QStringLiteral("apiTable"))->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
