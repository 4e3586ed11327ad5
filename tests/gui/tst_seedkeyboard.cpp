// The founding scenario without a mouse: every key goes to the widget that has the keyboard focus
// (or the open menu), as a keyboard or screen-reader user works, and controls are reached with Tab,
// the arrow keys and the shortcuts, never by touching a widget directly. Attach Model Weighted Round
// Robin to the Request lane of POST /chat/completions from the lane's menu (the Menu key), fill it,
// Ctrl+S, Ctrl+Shift+D, Ctrl+2, Subscribe and try, replace the body, Ctrl+Return six times (six rows,
// 3/3), Repeat 20 (26 rows, 13/13). The controls on the way have accessible names.
#include "DemoSession.h"
#include "console/RequestRunner.h"
#include "core/MemorySecretStore.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/DevPortalView.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"
#include "gui/ResultsTableModel.h"
#include "gui/TryOutConsole.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace gatehouse;

namespace {

// Where a key goes: the open menu, else the widget with the keyboard focus, else the active window.
// The offscreen platform has no window manager to give the main window back its activation when a
// dialog closes; that is done here, as a window manager would.
QWidget* keyTarget() {
    if (QWidget* popup = QApplication::activePopupWidget())
        return popup;
    if (!QApplication::activeWindow()) {
        QWidget* modal = QApplication::activeModalWidget();
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (!modal && top->isVisible() && top->inherits("QMainWindow")) {
                top->activateWindow();
                if (!QTest::qWaitForWindowActive(top))
                    qWarning("the main window did not become active");
            }
        }
        if (modal) {
            modal->activateWindow();
            if (!QTest::qWaitForWindowActive(modal))
                qWarning("the dialog did not become active");
        }
    }
    if (QWidget* focus = QApplication::focusWidget())
        return focus;
    return QApplication::activeWindow();
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    if (QWidget* target = keyTarget())
        QTest::keyClick(target, key, modifiers);
    else
        qWarning("no window to press key %d in", int(key));
}

void type(const QString& text) {
    if (QWidget* target = keyTarget())
        QTest::keyClicks(target, text);
    else
        qWarning("no window to type %s in", qPrintable(text));
}

QString focusName() {
    const QWidget* focus = QApplication::focusWidget();
    return focus ? focus->objectName() : QString();
}

// Presses Tab until the control named `name` has the focus: how a keyboard user gets there.
bool tabTo(const QString& name, int limit = 120) {
    QStringList visited;
    for (int i = 0; i < limit && focusName() != name; ++i) {
        const QWidget* focus = QApplication::focusWidget();
        visited.append(focus ? focus->objectName() + QLatin1Char(':') +
                                   QLatin1String(focus->metaObject()->className())
                             : QStringLiteral("(none)"));
        press(Qt::Key_Tab);
    }
    if (focusName() != name) // the way the keyboard went, for the failure message
        qWarning("Tab never reached %s; it went: %s", qPrintable(name),
                 qPrintable(visited.mid(0, 40).join(QStringLiteral(", "))));
    return focusName() == name;
}

// Replaces a field's value as a keyboard user does: select all, type.
void replaceWith(const QString& text) {
    press(Qt::Key_A, Qt::ControlModifier);
    type(text);
}

// Menus and dialogs block the key press that opens them, so what to do inside them is scheduled
// first: `act` runs once `find` returns the widget (polled on the event loop). A menu or dialog that
// never shows up, or that `act` does not close, is closed after 30 s, so that the test fails on what did
// not happen instead of waiting in the dialog's event loop until ctest kills it (a loaded machine was
// seen to get there).
void closeWhatBlocks() {
    if (QWidget* popup = QApplication::activePopupWidget())
        popup->close();
    if (QWidget* modal = QApplication::activeModalWidget())
        modal->close();
}

void whenShown(std::function<QWidget*()> find, std::function<void(QWidget*)> act) {
    auto* timer = new QTimer(qApp);
    auto attempts = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, find, act, attempts] {
        if (QWidget* shown = find()) {
            timer->stop();
            timer->deleteLater();
            QPointer<QWidget> watched(shown);
            QTimer::singleShot(30000, qApp, [watched] {
                if (watched && watched->isVisible()) {
                    qWarning("%s is still open 30 s later: closing it", watched->metaObject()->className());
                    watched->close();
                }
            });
            // A dialog just shown is not yet the active window with the focus inside it; on a loaded
            // machine (ASan in CI) the keys meant for it went to the main window. Wait for it, as a
            // user waits to see the dialog before typing.
            if (!shown->inherits("QMenu")) {
                shown->activateWindow();
                if (!QTest::qWaitFor(
                        [shown] {
                            QWidget* focus = QApplication::focusWidget();
                            return focus && (focus == shown || shown->isAncestorOf(focus));
                        },
                        10000))
                    qWarning("%s did not get the keyboard focus", shown->metaObject()->className());
            }
            act(shown);
        } else if (++*attempts > 1500) { // 30 s
            timer->stop();
            timer->deleteLater();
            qWarning("what the test waited for did not show within 30 s");
            closeWhatBlocks();
        }
    });
    timer->start(20);
}

// True when each named control has a name for screen readers (its own, or its label's as a buddy).
bool hasAccessibleNames(QWidget* root, const QStringList& names) {
    for (const QString& name : names) {
        QWidget* widget = root->findChild<QWidget*>(name);
        QAccessibleInterface* accessible = widget ? QAccessible::queryAccessibleInterface(widget) : nullptr;
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty()) {
            qWarning("%s has no accessible name", qPrintable(name));
            return false;
        }
    }
    return true;
}

} // namespace

class TestSeedKeyboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seedByKeyboard() {
        test::DemoSession demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        Workspace& workspace = demo.workspace();
        GatehouseSession& session = demo.session();
        MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Publisher (Ctrl+1), SmartChat, its Policies tab.
        press(Qt::Key_1, Qt::ControlModifier);
        QVERIFY2(tabTo(QStringLiteral("apiTable")), qPrintable(focusName()));
        press(Qt::Key_Home);
        QTRY_VERIFY(window.findChild<QWidget*>(QStringLiteral("apiTabs"))->isVisible());
        QVERIFY(tabTo(QStringLiteral("apiTabsBar")));
        for (int i = 0; i < 3; ++i)
            press(Qt::Key_Right);
        QWidget* policies = window.findChild<QWidget*>(QStringLiteral("policiesPage"));
        QTRY_VERIFY(policies->isVisible());

        // The Request lane of POST /chat/completions, reached with the arrow keys.
        QVERIFY(tabTo(QStringLiteral("policyFlowView")));
        auto* flow = window.findChild<QAbstractItemView*>(QStringLiteral("policyFlowView"));
        press(Qt::Key_Home);
        for (int i = 0; i < 40; ++i) {
            const QModelIndex current = flow->currentIndex();
            if (current.parent().isValid() &&
                current.parent().data().toString() == QLatin1String("POST /chat/completions") &&
                current.data().toString().startsWith(QLatin1String("Request")))
                break;
            press(Qt::Key_Down);
        }
        QVERIFY2(flow->currentIndex().data().toString().startsWith(QLatin1String("Request")),
                 qPrintable(flow->currentIndex().data().toString()));

        // The lane's menu (the Menu key): Attach policy..., then pick the router by typing its name.
        bool pickedInDialog = false;
        whenShown(
            [] { return qobject_cast<QMenu*>(QApplication::activePopupWidget()); },
            [&pickedInDialog](QWidget*) {
                whenShown(
                    [] {
                        QWidget* modal = QApplication::activeModalWidget();
                        return modal && modal->findChild<QListWidget*>(QStringLiteral("attachPolicyList"))
                                   ? modal
                                   : nullptr;
                    },
                    [&pickedInDialog](QWidget* dialog) {
                        QVERIFY(dialog->windowTitle().contains(QLatin1String("Request")));
                        type(QStringLiteral("Model Weighted"));
                        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("attachPolicyList"));
                        pickedInDialog =
                            list->currentItem() &&
                            list->currentItem()->text() == QLatin1String("Model Weighted Round Robin");
                        press(Qt::Key_Return);
                    });
                press(Qt::Key_Down);
                press(Qt::Key_Return);
            });
        press(Qt::Key_Menu);
        QTRY_VERIFY(pickedInDialog);
        QWidget* panel = window.findChild<QWidget*>(QStringLiteral("policyConfigPanel"));
        QTRY_VERIFY(panel->isVisible());

        // The drawer's form, field by field.
        QVERIFY(tabTo(QStringLiteral("productionModel0")));
        replaceWith(QStringLiteral("gpt-4o"));
        QVERIFY(tabTo(QStringLiteral("productionWeight0")));
        replaceWith(QStringLiteral("50"));
        QVERIFY(tabTo(QStringLiteral("productionAdd")));
        press(Qt::Key_Space);
        QTRY_VERIFY(window.findChild<QWidget*>(QStringLiteral("productionModel1")) &&
                    window.findChild<QWidget*>(QStringLiteral("productionModel1"))->isVisible());
        QVERIFY(tabTo(QStringLiteral("productionModel1")));
        replaceWith(QStringLiteral("gpt-4o-mini"));
        QVERIFY(tabTo(QStringLiteral("productionWeight1")));
        replaceWith(QStringLiteral("50"));
        QVERIFY(tabTo(QStringLiteral("suspendDuration")));
        replaceWith(QStringLiteral("30"));
        QVERIFY(hasAccessibleNames(&window,
                                   {QStringLiteral("apiTable"), QStringLiteral("policyFlowView"),
                                    QStringLiteral("productionModel0"), QStringLiteral("productionWeight0"),
                                    QStringLiteral("productionModel1"), QStringLiteral("suspendDuration")}));
        QVERIFY(tabTo(QStringLiteral("policySaveButton")));
        press(Qt::Key_Space);
        QTRY_VERIFY(!panel->isVisible() ||
                    !window.findChild<QWidget*>(QStringLiteral("policySaveButton"))->isVisible());

        // Save (Ctrl+S), Save and deploy (Ctrl+Shift+D).
        press(Qt::Key_S, Qt::ControlModifier);
        press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        const Api* api = workspace.findApi(QStringLiteral("SmartChat"));
        QVERIFY(api);
        const QString apiId = api->id;
        QTRY_VERIFY(workspace.deployment(apiId) != nullptr);
        const Result<Revision> live = workspace.revision(apiId, workspace.deployment(apiId)->revision);
        QVERIFY(live);
        const auto& request =
            live->api.operationByKey(QStringLiteral("POST /chat/completions"))->policies.request;
        QCOMPARE(int(request.size()), 1);
        QCOMPARE(request[0].policyName, QStringLiteral("modelWeightedRoundRobin"));
        const Json& config = request[0].parameters["weightedRoundRobinConfigs"];
        QCOMPARE(config["production"].size(), std::size_t(2));
        QVERIFY(config["production"][0]["model"] == Json("gpt-4o"));
        QVERIFY(config["production"][0]["weight"] == Json(50));
        QVERIFY(config["production"][1]["model"] == Json("gpt-4o-mini"));
        QVERIFY(config["production"][1]["weight"] == Json(50));
        QVERIFY(config["suspendDuration"] == Json(30));

        // Developer Portal (Ctrl+2): Subscribe and try, accepting the proposed application.
        press(Qt::Key_2, Qt::ControlModifier);
        QVERIFY(tabTo(QStringLiteral("subscribeAndTry")));
        bool subscribed = false;
        whenShown(
            [] {
                QWidget* modal = QApplication::activeModalWidget();
                return modal && modal->objectName() == QLatin1String("subscribeDialog") ? modal : nullptr;
            },
            [&subscribed](QWidget* dialog) {
                // Tab to OK, Space: the dialog's own keyboard path.
                for (int i = 0; i < 10; ++i) {
                    auto* button = qobject_cast<QAbstractButton*>(QApplication::focusWidget());
                    if (button && button->text().remove(QLatin1Char('&')) == QLatin1String("OK"))
                        break;
                    press(Qt::Key_Tab);
                }
                subscribed = QApplication::activeModalWidget() == dialog;
                press(Qt::Key_Space);
            });
        press(Qt::Key_Space);
        QTRY_VERIFY(subscribed);
        TryOutConsole* console = window.devPortal()->console();
        QTRY_VERIFY(console->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel*>(QStringLiteral("consoleTokenStatus"))
                                     ->text()
                                     .contains(QStringLiteral("expires in")),
                                 10000);

        // The seed's body, then Ctrl+Return six times from the body editor.
        QVERIFY(tabTo(QStringLiteral("consoleBody")));
        replaceWith(QStringLiteral(
            R"({"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]})"));
        for (int i = 0; i < 6; ++i)
            press(Qt::Key_Return, Qt::ControlModifier);
        ResultsTableModel* results = console->resultsModel();
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 6, 10000);
        QTRY_VERIFY(!console->runner()->isRunning());
        QCOMPARE(results->rowCount(), 6);
        const auto modelsInTable = [results] {
            std::map<QString, int> counts;
            for (int row = 0; row < results->rowCount(); ++row)
                ++counts[results->index(row, ResultsTableModel::ModelColumn).data().toString()];
            return counts;
        };
        QCOMPARE(modelsInTable(),
                 (std::map<QString, int>{{QStringLiteral("gpt-4o"), 3}, {QStringLiteral("gpt-4o-mini"), 3}}));

        // Repeat 20: Tab to the count, type it, Tab to Repeat, Space.
        QVERIFY(tabTo(QStringLiteral("consoleRepeatCount")));
        replaceWith(QStringLiteral("20"));
        QVERIFY(tabTo(QStringLiteral("consoleRepeat")));
        press(Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 26, 20000);
        QTRY_VERIFY(!console->runner()->isRunning());
        QCOMPARE(modelsInTable(), (std::map<QString, int>{{QStringLiteral("gpt-4o"), 13},
                                                          {QStringLiteral("gpt-4o-mini"), 13}}));
        QCOMPARE(console->statistics().count(), 26);

        // What a screen reader announces for the console's controls.
        QVERIFY(hasAccessibleNames(&window,
                                   {QStringLiteral("consoleApplication"), QStringLiteral("consoleKeyType"),
                                    QStringLiteral("consoleApi"), QStringLiteral("consoleOperations"),
                                    QStringLiteral("consoleBody"), QStringLiteral("consoleExecute"),
                                    QStringLiteral("consoleRepeatCount"), QStringLiteral("consoleRepeat"),
                                    QStringLiteral("consoleClear"), QStringLiteral("consoleResults")}));

        // Clear empties the table and the chart.
        QVERIFY(tabTo(QStringLiteral("consoleClear")));
        press(Qt::Key_Space);
        QCOMPARE(results->rowCount(), 0);
        QCOMPARE(console->statistics().count(), 0);

        // Results belong to one target: two more presses add two rows, another operation starts afresh.
        press(Qt::Key_Return, Qt::ControlModifier);
        press(Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 2, 10000);
        QTRY_VERIFY(!console->runner()->isRunning());
        QVERIFY(tabTo(QStringLiteral("consoleOperations")));
        press(Qt::Key_Down); // POST /completions
        press(Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 1, 10000);
        QTRY_VERIFY(!console->runner()->isRunning());
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(console->statistics().count(), 1);
    }
};

QTEST_MAIN(TestSeedKeyboard)
#include "tst_seedkeyboard.moc"
