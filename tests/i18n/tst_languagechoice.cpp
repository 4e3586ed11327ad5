// Choosing the language: Edit > Preferences stores it for the next start, Translations installs it,
// English gets real plurals, and a language Gatehouse does not ship falls back to English.
#include "core/Translations.h"
#include "gui/PreferencesDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace gatehouse;

class TestLanguageChoice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void englishHasPluralForms();
    void germanIsInstalledWhenAsked();
    void unshippedLanguageFallsBackToEnglish();
    void preferencesStoreTheChoiceForTheNextStart();

private:
    static void removeTranslators();
    static QString attachedTo(int count);
};

void TestLanguageChoice::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_languagechoice"));
    QSettings().clear();
}

void TestLanguageChoice::cleanup() {
    removeTranslators();
    QSettings().clear();
}

void TestLanguageChoice::removeTranslators() {
    // Translations::install parents its translators to the application; deleting one uninstalls it.
    qDeleteAll(qApp->findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly));
}

// A plural message of the policy drawer (the Try Out console's ones change with its wording).
QString TestLanguageChoice::attachedTo(int count) {
    return QCoreApplication::translate("gatehouse::PolicyConfigPanel", "%1 attached to %n resource(s)",
                                       nullptr, count)
        .arg(QStringLiteral("Add Header"));
}

void TestLanguageChoice::englishHasPluralForms() {
    // No catalogue: the source text.
    QCOMPARE(attachedTo(1), QStringLiteral("Add Header attached to 1 resource(s)"));
    QCOMPARE(Translations::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(attachedTo(1), QStringLiteral("Add Header attached to 1 resource"));
    QCOMPARE(attachedTo(20), QStringLiteral("Add Header attached to 20 resources"));
}

void TestLanguageChoice::germanIsInstalledWhenAsked() {
    QCOMPARE(Translations::install(*qApp, QStringLiteral("de")), QStringLiteral("de"));
    const QString one = attachedTo(1);
    const QString many = attachedTo(20);
    QVERIFY2(!one.contains(QStringLiteral("attached")), qPrintable(one));
    QVERIFY2(one != many && many.contains(QStringLiteral("20")), qPrintable(many));
    // The catalogue's texts too, as PolicyCatalogue translates them when it loads.
    QVERIFY(QCoreApplication::translate("PolicyCatalogue", "Model Failover") !=
                QStringLiteral("Model Failover") ||
            QCoreApplication::translate("PolicyCatalogue", "Add Header") != QStringLiteral("Add Header"));
}

void TestLanguageChoice::unshippedLanguageFallsBackToEnglish() {
    QCOMPARE(Translations::install(*qApp, QStringLiteral("fr")), QStringLiteral("en"));
    QCOMPARE(attachedTo(1), QStringLiteral("Add Header attached to 1 resource"));
}

void TestLanguageChoice::preferencesStoreTheChoiceForTheNextStart() {
    QCOMPARE(Translations::preferredLanguage(), QString());
    {
        PreferencesDialog dialog;
        auto* choice = dialog.findChild<QComboBox*>(QStringLiteral("languageChoice"));
        auto* hint = dialog.findChild<QLabel*>(QStringLiteral("languageRestartHint"));
        QVERIFY(choice && hint);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(choice->currentData().toString(), QString()); // System default
        QVERIFY(!hint->isVisible());
        const int german = choice->findData(QStringLiteral("de"));
        QVERIFY(german > 0);
        QCOMPARE(choice->itemText(german), QStringLiteral("Deutsch"));
        QVERIFY(choice->findData(QStringLiteral("en")) > 0);
        choice->setCurrentIndex(german);
        QVERIFY(hint->isVisible()); // the change applies from the next start, and says so
        dialog.accept();
    }
    QCOMPARE(Translations::preferredLanguage(), QStringLiteral("de"));
    {
        PreferencesDialog dialog;
        auto* choice = dialog.findChild<QComboBox*>(QStringLiteral("languageChoice"));
        QCOMPARE(choice->currentData().toString(), QStringLiteral("de"));
        choice->setCurrentIndex(0);
        dialog.reject(); // Cancel keeps the stored choice
    }
    QCOMPARE(Translations::preferredLanguage(), QStringLiteral("de"));
    {
        PreferencesDialog dialog;
        dialog.findChild<QComboBox*>(QStringLiteral("languageChoice"))->setCurrentIndex(0);
        dialog.accept();
    }
    QCOMPARE(Translations::preferredLanguage(), QString()); // back to the system's language
    QVERIFY(!QSettings().contains(QStringLiteral("language")));
}

QTEST_MAIN(TestLanguageChoice)
#include "tst_languagechoice.moc"
