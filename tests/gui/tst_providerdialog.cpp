// File > New Provider…: the custom provider form. Typed into like a user would (QTest::keyClicks):
// every wrong field shows its message and keeps OK disabled; OK stores the provider in the workspace,
// where the Create API wizard offers it; a refused save keeps the dialog and the edit; Export writes a
// definition without secrets.
#include "core/Json.h"
#include "core/JsonFile.h"
#include "core/MemorySecretStore.h"
#include "core/Provider.h"
#include "core/Workspace.h"
#include "gui/CreateApiWizard.h"
#include "gui/ProviderDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using gatehouse::CreateApiWizard;
using gatehouse::Json;
using gatehouse::JsonFile;
using gatehouse::MemorySecretStore;
using gatehouse::Provider;
using gatehouse::ProviderDialog;
using gatehouse::Result;
using gatehouse::ValueLocation;
using gatehouse::Workspace;

namespace {

template <typename T> T* child(const QWidget& parent, const char* name) {
    return parent.findChild<T*>(QString::fromLatin1(name));
}

// Select all and type over it, as a user replaces a field's text.
void retype(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestProviderDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void okDisabledWhileInvalidWithTheMessageShown();
    void idFollowsTheNameUntilEdited();
    void saveStoresTheProviderAndTheWizardOffersIt();
    void refusedSaveKeepsTheEdit();
    void exportWritesJsonWithoutSecrets();
    void editingAnExistingProvider();

private:
    // Name, id (derived) and two models: what a new provider needs beyond the defaults.
    void fillValidForm(ProviderDialog& dialog);
    QPushButton* okButton(const ProviderDialog& dialog) const;

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Workspace> m_workspace;
};

void TestProviderDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestProviderDialog::init() {
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_workspace = std::make_unique<Workspace>();
    QString error;
    QVERIFY2(m_workspace->open(m_folder->path()).ok(&error), qPrintable(error));
}

void TestProviderDialog::cleanup() {
    m_workspace.reset();
    m_folder.reset();
}

QPushButton* TestProviderDialog::okButton(const ProviderDialog& dialog) const {
    return child<QPushButton>(dialog, "providerOk");
}

void TestProviderDialog::fillValidForm(ProviderDialog& dialog) {
    QTest::keyClicks(child<QLineEdit>(dialog, "providerName"), QStringLiteral("Local vLLM"));
    auto* newModel = child<QLineEdit>(dialog, "providerNewModel");
    QTest::keyClicks(newModel, QStringLiteral("llama-3.1-8b"));
    QTest::keyClick(newModel, Qt::Key_Return);
    QTest::keyClicks(newModel, QStringLiteral("qwen2.5-7b"));
    QTest::mouseClick(child<QPushButton>(dialog, "providerAddModel"), Qt::LeftButton);
}

void TestProviderDialog::okDisabledWhileInvalidWithTheMessageShown() {
    ProviderDialog dialog(m_workspace.get(), nullptr, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton* ok = okButton(dialog);
    QVERIFY(ok);
    auto* nameError = child<QLabel>(dialog, "providerNameError");
    auto* modelsError = child<QLabel>(dialog, "providerModelsError");
    QVERIFY(nameError && modelsError);

    // An empty form: no name, no models.
    QVERIFY(!ok->isEnabled());
    QVERIFY(nameError->isVisible());
    QCOMPARE(nameError->text(), QStringLiteral("is required"));
    QVERIFY(modelsError->isVisible());
    QCOMPARE(modelsError->text(), QStringLiteral("at least one model is required"));

    fillValidForm(dialog);
    QVERIFY(!nameError->isVisible());
    QVERIFY(!modelsError->isVisible());
    QCOMPARE(child<QListWidget>(dialog, "providerModels")->count(), 2);
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.validation().toStrings().join(QLatin1Char('\n'))));

    // A header name with a space.
    auto* header = child<QLineEdit>(dialog, "authHeader");
    auto* headerError = child<QLabel>(dialog, "authHeaderError");
    retype(header, QStringLiteral("Api Key"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(headerError->isVisible());
    QVERIFY2(headerError->text().contains(QLatin1String("\"Api Key\" is not a valid HTTP header name")),
             qPrintable(headerError->text()));
    retype(header, QStringLiteral("x-api-key"));
    QVERIFY(!headerError->isVisible());
    QVERIFY(ok->isEnabled());

    // A value format without {key}.
    auto* format = child<QLineEdit>(dialog, "authValueFormat");
    retype(format, QStringLiteral("Bearer"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(child<QLabel>(dialog, "authValueFormatError")->text().contains(QLatin1String("{key}")));
    retype(format, QStringLiteral("Token {key}"));
    QVERIFY(ok->isEnabled());

    // A token location that is no JSONPath, then one in a header.
    auto* prompt = child<QLineEdit>(dialog, "promptTokensIdentifier");
    auto* promptError = child<QLabel>(dialog, "promptTokensError");
    retype(prompt, QStringLiteral("usage prompt"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(promptError->text().contains(QLatin1String("must start with $")),
             qPrintable(promptError->text()));
    auto* promptSource = child<QComboBox>(dialog, "promptTokensSource");
    promptSource->setCurrentIndex(promptSource->findData(QStringLiteral("header")));
    QVERIFY2(promptError->text().contains(QLatin1String("not a valid HTTP header name")),
             qPrintable(promptError->text()));
    retype(prompt, QStringLiteral("x-prompt-tokens"));
    QVERIFY(!promptError->isVisible());
    QVERIFY(ok->isEnabled());

    // A duplicate model, then removed again.
    auto* newModel = child<QLineEdit>(dialog, "providerNewModel");
    QTest::keyClicks(newModel, QStringLiteral("llama-3.1-8b"));
    QTest::keyClick(newModel, Qt::Key_Return);
    QVERIFY(!ok->isEnabled());
    QCOMPARE(modelsError->text(),
             QStringLiteral("Model 3: \"llama-3.1-8b\" is listed twice (also models[0])"));
    auto* models = child<QListWidget>(dialog, "providerModels");
    models->setCurrentRow(2);
    QTest::mouseClick(child<QPushButton>(dialog, "providerRemoveModel"), Qt::LeftButton);
    QCOMPARE(models->count(), 2);
    QVERIFY(ok->isEnabled());
    QVERIFY(!modelsError->isVisible());

    // The id of a built-in provider.
    retype(child<QLineEdit>(dialog, "providerId"), QStringLiteral("openai"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(child<QLabel>(dialog, "providerIdError")->text().contains(QLatin1String("built-in provider")));
    QVERIFY(!child<QPushButton>(dialog, "providerExport")->isEnabled());
}

void TestProviderDialog::idFollowsTheNameUntilEdited() {
    ProviderDialog dialog(m_workspace.get(), nullptr, nullptr);
    auto* name = child<QLineEdit>(dialog, "providerName");
    auto* id = child<QLineEdit>(dialog, "providerId");
    QTest::keyClicks(name, QStringLiteral("My GPU Box"));
    QCOMPARE(id->text(), QStringLiteral("my-gpu-box"));
    retype(id, QStringLiteral("gpu"));
    QTest::keyClicks(name, QStringLiteral(" 2"));
    QCOMPARE(id->text(), QStringLiteral("gpu"));
    // Clearing the id hands it back to the name.
    id->selectAll();
    QTest::keyClick(id, Qt::Key_Backspace);
    QCOMPARE(id->text(), QStringLiteral("my-gpu-box-2"));
    QTest::keyClicks(name, QStringLiteral("0"));
    QCOMPARE(id->text(), QStringLiteral("my-gpu-box-20"));
}

void TestProviderDialog::saveStoresTheProviderAndTheWizardOffersIt() {
    ProviderDialog dialog(m_workspace.get(), nullptr, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValidForm(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "providerBaseUrl"), QStringLiteral("http://127.0.0.1:8000/v1"));
    auto* remainingSource = child<QComboBox>(dialog, "remainingTokensSource");
    remainingSource->setCurrentIndex(remainingSource->findData(QStringLiteral("none")));
    QVERIFY(!child<QLineEdit>(dialog, "remainingTokensIdentifier")->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.savedProviderId(), QStringLiteral("local-vllm"));
    QVERIFY(QFileInfo::exists(m_folder->filePath(QStringLiteral("providers/local-vllm.json"))));

    // In this workspace at once, and in the workspace read again from disk.
    QVERIFY(m_workspace->provider(QStringLiteral("local-vllm")));
    Workspace reopened;
    QString error;
    QVERIFY2(reopened.open(m_folder->path()).ok(&error), qPrintable(error));
    const Provider* saved = reopened.provider(QStringLiteral("local-vllm"));
    QVERIFY(saved);
    QVERIFY(!saved->builtin);
    QCOMPARE(saved->displayName, QStringLiteral("Local vLLM"));
    QCOMPARE(saved->models, QStringList({QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b")}));
    QCOMPARE(saved->defaultBaseUrl, QStringLiteral("http://127.0.0.1:8000/v1"));
    QCOMPARE(saved->requestModel.identifier, QStringLiteral("$.model"));
    QCOMPARE(saved->promptTokens.identifier, QStringLiteral("$.usage.prompt_tokens"));
    QCOMPARE(saved->remainingTokens.source, ValueLocation::Source::None);
    // A new provider starts with the OpenAI-compatible operations, so APIs created from it have resources.
    QVERIFY(!saved->operations.empty());

    // The Create API wizard lists it.
    MemorySecretStore secrets;
    CreateApiWizard wizard(&reopened, &secrets, nullptr);
    auto* list = child<QListWidget>(wizard, "providerList");
    QVERIFY(list);
    bool listed = false;
    for (int i = 0; i < list->count(); ++i)
        listed = listed || (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("local-vllm") &&
                            list->item(i)->text() == QLatin1String("Local vLLM"));
    QVERIFY(listed);
}

void TestProviderDialog::refusedSaveKeepsTheEdit() {
    ProviderDialog dialog(m_workspace.get(), nullptr, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValidForm(dialog);
    // Another program writes the same provider file meanwhile: the save must not overwrite it.
    QVERIFY(QDir(m_folder->path()).mkpath(QStringLiteral("providers")));
    QFile other(m_folder->filePath(QStringLiteral("providers/local-vllm.json")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("{\"schemaVersion\": 1}\n");
    other.close();

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto* problems = child<QLabel>(dialog, "providerProblems");
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().startsWith(QLatin1String("Not saved: ")) &&
                 problems->text().contains(QLatin1String("providers/local-vllm.json")),
             qPrintable(problems->text()));
    QCOMPARE(child<QLineEdit>(dialog, "providerName")->text(), QStringLiteral("Local vLLM"));
    QCOMPARE(child<QListWidget>(dialog, "providerModels")->count(), 2);
    QVERIFY(okButton(dialog)->isEnabled()); // free to retry once the cause is gone
}

void TestProviderDialog::exportWritesJsonWithoutSecrets() {
    ProviderDialog dialog(m_workspace.get(), nullptr, nullptr);
    const QString path = m_folder->filePath(QStringLiteral("exported.json"));
    QString error;
    QVERIFY(!dialog.exportTo(path, &error)); // nothing exportable yet
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(path));

    fillValidForm(dialog);
    QVERIFY2(dialog.exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const Result<Json> json = JsonFile::parse(text, path);
    QVERIFY2(json, qPrintable(json.error()));
    const Result<Provider> exported = Provider::fromJson(json.value());
    QVERIFY2(exported, qPrintable(exported.error()));
    QCOMPARE(exported->id, QStringLiteral("local-vllm"));
    QCOMPARE(exported->models, QStringList({QStringLiteral("llama-3.1-8b"), QStringLiteral("qwen2.5-7b")}));
    // The key's place, never a key: a provider has no secret to give away.
    QCOMPARE(exported->authValueFormat, QStringLiteral("Bearer {key}"));
    for (const char* word : {"secret", "password", "apiKey", "sk-"})
        QVERIFY2(!text.contains(word), word);
    // Exporting does not save.
    QVERIFY(!m_workspace->provider(QStringLiteral("local-vllm")));
}

void TestProviderDialog::editingAnExistingProvider() {
    ProviderDialog creator(m_workspace.get(), nullptr, nullptr);
    fillValidForm(creator);
    creator.accept();
    QCOMPARE(creator.result(), int(QDialog::Accepted));
    const Provider* existing = m_workspace->provider(QStringLiteral("local-vllm"));
    QVERIFY(existing);
    const std::size_t operations = existing->operations.size();

    ProviderDialog editor(m_workspace.get(), existing, nullptr);
    QCOMPARE(child<QLineEdit>(editor, "providerName")->text(), QStringLiteral("Local vLLM"));
    QVERIFY(child<QLineEdit>(editor, "providerId")->isReadOnly());
    QVERIFY(okButton(editor)->isEnabled());
    retype(child<QLineEdit>(editor, "providerName"), QStringLiteral("Desk vLLM"));
    QCOMPARE(child<QLineEdit>(editor, "providerId")->text(), QStringLiteral("local-vllm"));
    child<QCheckBox>(editor, "authKeyRequired")->setChecked(false);
    editor.accept();
    QCOMPARE(editor.result(), int(QDialog::Accepted));
    const Provider* edited = m_workspace->provider(QStringLiteral("local-vllm"));
    QVERIFY(edited);
    QCOMPARE(edited->displayName, QStringLiteral("Desk vLLM"));
    QVERIFY(!edited->keyRequired);
    QCOMPARE(edited->operations.size(), operations);
}

QTEST_MAIN(TestProviderDialog)
#include "tst_providerdialog.moc"
