// The GUI and another program (gatehouse-ctl, a second Gatehouse) editing one API at once: the GUI's
// save is refused with a message that names the file, the user's edit stays in the editor, and the
// other program's change stays on disk. Nothing is lost on either side.
#include "core/ApiFactory.h"
#include "core/MemorySecretStore.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/ApiEditor.h"
#include "gui/GatehouseSession.h"
#include "gui/MainWindow.h"
#include "gui/PublisherView.h"

#include <QApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using gatehouse::Api;
using gatehouse::ApiEditor;
using gatehouse::ApiFactory;
using gatehouse::GatehouseSession;
using gatehouse::MainWindow;
using gatehouse::MemorySecretStore;
using gatehouse::Workspace;

class TestPublisherConflict : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saveOverAnotherProgramsChangeLosesNothing() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(workspace.open(folder.path()).ok(&error), qPrintable(error));
        const gatehouse::Provider* provider = workspace.provider(QStringLiteral("openai"));
        QVERIFY(provider);
        ApiFactory::Request request;
        request.name = QStringLiteral("SmartChat");
        request.context = QStringLiteral("smartchat");
        request.version = QStringLiteral("1.0.0");
        request.id = workspace.newApiId(request.name, request.version);
        const Api created = ApiFactory::createAiApi(*provider, request);
        QVERIFY2(workspace.saveApi(created).ok(&error), qPrintable(error));

        MemorySecretStore secrets;
        GatehouseSession session(&workspace, &secrets);
        MainWindow window(&session);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.publisher()->openApi(created.id));
        ApiEditor* editor = window.publisher()->currentEditor();
        QVERIFY(editor);
        auto* description = editor->findChild<QPlainTextEdit*>(QStringLiteral("apiDescription"));
        auto* save = editor->findChild<QPushButton*>(QStringLiteral("saveApiButton"));
        QVERIFY(description && save);

        // The user edits in the GUI...
        description->setPlainText(QStringLiteral("Edited in the GUI"));
        QVERIFY(editor->draft()->isModified());

        // ...while another program (its own Workspace object, as gatehouse-ctl has) saves the same API.
        Workspace other;
        QVERIFY2(other.open(folder.path()).ok(&error), qPrintable(error));
        Api fromOther = *other.api(created.id);
        fromOther.description = QStringLiteral("Edited by gatehouse-ctl");
        QVERIFY2(other.saveApi(fromOther).ok(&error), qPrintable(error));

        // Save in the GUI: refused, with a message that says why and where.
        QString message;
        QString advice;
        QTimer::singleShot(0, this, [&message, &advice] {
            QMessageBox* box = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(
                (box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) != nullptr, 5000);
            message = box->text();
            advice = box->informativeText();
            box->button(QMessageBox::Ok)->click();
        });
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), 5000);
        QVERIFY2(message.contains(QStringLiteral("api.json")), qPrintable(message));
        // A conflict (not any failure) comes with the advice to reload.
        QVERIFY2(!advice.isEmpty(), qPrintable(message));

        // The user's edit is still in the editor, unsaved, and can be saved elsewhere or redone...
        QVERIFY(editor->draft()->isModified());
        QCOMPARE(description->toPlainText(), QStringLiteral("Edited in the GUI"));
        QCOMPARE(editor->draft()->api().description, QStringLiteral("Edited in the GUI"));
        // ...and the other program's change was not overwritten.
        Workspace reader;
        QVERIFY2(reader.open(folder.path()).ok(&error), qPrintable(error));
        QCOMPARE(reader.api(created.id)->description, QStringLiteral("Edited by gatehouse-ctl"));

        // Closing still asks about the unsaved edit instead of dropping it.
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            QMessageBox* box = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(
                (box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) != nullptr, 5000);
            asked = box->text().contains(QStringLiteral("unsaved"));
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!window.close());
        QVERIFY(asked);
        QVERIFY(editor->draft()->isModified());
    }
};

QTEST_MAIN(TestPublisherConflict)
#include "tst_publisherconflict.moc"
