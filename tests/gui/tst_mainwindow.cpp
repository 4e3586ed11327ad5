#include "DemoWorkspace.h"
#include "MainWindow.h"
#include "Workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void demoWorkspaceListsSmartChat() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path(), &error), qPrintable(error));
        QVERIFY2(DemoWorkspace::populate(workspace, &error), qPrintable(error));

        MainWindow window(&workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Gatehouse"));

        auto* table = window.findChild<QTableView*>(QStringLiteral("apiTable"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("SmartChat"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("/smartchat/1.0.0"));
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("emptyHint"))->isVisible());
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("workspaceProblems"))->isVisible());

        // The list follows the workspace: a second API appears without a reload.
        Api copy = *workspace.findApi(QStringLiteral("SmartChat"));
        copy.id = workspace.newApiId(QStringLiteral("Other"), QStringLiteral("2.0.0"));
        copy.name = QStringLiteral("Other");
        copy.version = QStringLiteral("2.0.0");
        QVERIFY2(workspace.saveApi(copy, &error), qPrintable(error));
        QCOMPARE(table->model()->rowCount(), 2);

        // The search box filters by any column.
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("apiSearch"));
        QTest::keyClicks(search, QStringLiteral("other"));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Other"));
    }

    void unreadableFilesAreShownNotHidden() {
        QTemporaryDir folder;
        {
            Workspace workspace;
            QString error;
            QVERIFY2(workspace.open(folder.path(), &error), qPrintable(error));
            QVERIFY2(DemoWorkspace::populate(workspace, &error), qPrintable(error));
        }
        QFile broken(folder.filePath(QStringLiteral("apis/smartchat-1.0.0/api.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{\n  \"schemaVersion\": 1,\n  \"name\": tru\n}\n");
        broken.close();

        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path(), &error), qPrintable(error));
        MainWindow window(&workspace);
        window.show();
        auto* problems = window.findChild<QLabel*>(QStringLiteral("workspaceProblems"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QStringLiteral("apis/smartchat-1.0.0/api.json:3:")),
                 qPrintable(problems->text()));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("emptyHint"))->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
