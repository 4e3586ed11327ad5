// The prompt policies' forms, real widgets offscreen: the configuration is edited in a text box, and
// the preview under it shows, as the user types, what the model would receive from an example
// request, or the error the client would get instead.
#include "core/PolicyCatalogue.h"
#include "gui/PromptPreview.h"
#include "gui/SchemaForm.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

using namespace gatehouse;

namespace {

template <typename T> T* child(QWidget* root, const QString& name) {
    T* widget = root->findChild<T*>(name);
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return widget;
}

// moc 6.4 misreads raw string literals in a class body: the texts live here.
const QString greetTemplate = QStringLiteral("[{\"name\":\"greet\",\"prompt\":\"Say hello to [[who]].\"}]");
const QString greetWhom =
    QStringLiteral("{\"messages\":[{\"role\":\"user\",\"content\":\"template://greet?whom=Ada\"}]}");
const char* const kindPersona = "{\"decoration\":[{\"role\":\"system\",\"content\":\"Be kind.\"}]}";
const QString kindText = QStringLiteral("{\"decoration\":\"Be kind.\"}");

} // namespace

class TestPromptPreview : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templateFormPreviewsTheFilledPrompt() {
        SchemaForm form(*PolicyCatalogue::builtin().find(QStringLiteral("PromptTemplate")));
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto* config = child<QPlainTextEdit>(&form, QStringLiteral("promptTemplateConfig"));
        auto* preview = child<PromptPreview>(&form, QStringLiteral("promptPreview"));
        // Typing the configuration: the example follows the first template and shows it filled.
        QTest::keyClicks(config, greetTemplate);
        QVERIFY2(preview->errorText().isEmpty(), qPrintable(preview->errorText()));
        QVERIFY2(preview->result().contains(QLatin1String("\"Say hello to who value.\"")),
                 qPrintable(preview->result()));
        // The user's own example: a missing value is what the client would be told.
        auto* request = child<QPlainTextEdit>(&form, QStringLiteral("promptPreviewRequest"));
        request->setPlainText(greetWhom);
        QVERIFY2(preview->errorText().contains(QLatin1String("400")) &&
                     preview->errorText().contains(QLatin1String("no value for who")),
                 qPrintable(preview->errorText()));
        QVERIFY(preview->result().isEmpty());
        // A broken configuration is named as such, and the typed text stays.
        config->setPlainText(QStringLiteral("[{"));
        QVERIFY2(preview->errorText().contains(QLatin1String("is not JSON")),
                 qPrintable(preview->errorText()));
        QCOMPARE(config->toPlainText(), QStringLiteral("[{"));
    }

    void decoratorFormPreviewsBothPlacements() {
        SchemaForm form(*PolicyCatalogue::builtin().find(QStringLiteral("PromptDecorator")));
        form.setParameters({{"name", "Persona"},
                            {"promptDecoratorConfig", kindPersona},
                            {"jsonPath", "$.messages"},
                            {"append", false}});
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto* preview = child<PromptPreview>(&form, QStringLiteral("promptPreview"));
        const QString prepended = preview->result();
        QVERIFY2(prepended.indexOf(QLatin1String("Be kind.")) <
                     prepended.indexOf(QLatin1String("What is a cat?")),
                 qPrintable(prepended));
        // The box has no text of its own (its label is the row's): toggled from the keyboard.
        QTest::keyClick(child<QCheckBox>(&form, QStringLiteral("append")), Qt::Key_Space);
        const QString appended = preview->result();
        QVERIFY2(appended.indexOf(QLatin1String("Be kind.")) >
                     appended.indexOf(QLatin1String("What is a cat?")),
                 qPrintable(appended));
        // Text aimed at the list is the 500 the client would get.
        auto* config = child<QPlainTextEdit>(&form, QStringLiteral("promptDecoratorConfig"));
        config->setPlainText(kindText);
        QVERIFY2(preview->errorText().contains(QLatin1String("900967")) &&
                     preview->errorText().contains(QLatin1String("is a list")),
                 qPrintable(preview->errorText()));
        child<QLineEdit>(&form, QStringLiteral("jsonPath"))
            ->setText(QStringLiteral("$.messages[-1].content"));
        QVERIFY2(preview->result().contains(QLatin1String("What is a cat? Be kind.")),
                 qPrintable(preview->result()));
    }
};

QTEST_MAIN(TestPromptPreview)
#include "tst_promptpreview.moc"
