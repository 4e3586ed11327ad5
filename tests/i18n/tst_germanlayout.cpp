// The GUI in German (longer words than English): every main view is shown under LANGUAGE=de at the
// default window size, saved as a screenshot, and searched for text that does not fit: a label whose
// text is wider than the label (clipped or elided), a button narrower than its text, a tab whose
// title Qt had to elide, an item view cell or header section narrower than its text.
#include "CreateApiWizard.h"
#include "DemoWorkspace.h"
#include "DevPortalView.h"
#include "GatehouseSession.h"
#include "GatewayView.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "PreferencesDialog.h"
#include "ProviderDialog.h"
#include "PublisherView.h"
#include "Translations.h"
#include "Workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeView>
#include <functional>
#include <memory>

using namespace gatehouse;

class TestGermanLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void germanIsActive();
    void mainViewsFitTheirTexts_data();
    void mainViewsFitTheirTexts();
    void preferencesOfferGermanAndSystemDefault();
    void dialogsFitTheirTexts();

private:
    QStringList truncatedTexts(QWidget* root) const;
    void showEveryTab(QWidget* view, const QString& name);

    QTemporaryDir m_folder;
    Workspace m_workspace;
    MemorySecretStore m_secrets;
    std::unique_ptr<GatehouseSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_screenshots;
};

void TestGermanLayout::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    // As a German user gets it: the system's languages (ctest sets LANGUAGE=de), not a forced choice.
    QCOMPARE(Translations::install(*QCoreApplication::instance()), QStringLiteral("de"));

    QString error;
    QVERIFY2(m_workspace.open(m_folder.path(), &error), qPrintable(error));
    QVERIFY2(DemoWorkspace::populate(m_workspace, &error), qPrintable(error));
    m_session = std::make_unique<GatehouseSession>(&m_workspace, &m_secrets);
    QVERIFY2(m_session->startGateway(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_screenshots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR",
                                         QDir::current().filePath(QStringLiteral("screenshots-de")));
    QVERIFY(QDir().mkpath(m_screenshots));
}

void TestGermanLayout::germanIsActive() {
    // A message from the .ui file, one from code, one from the policy catalogue's JSON.
    QCOMPARE(m_window->findChild<QAction*>(QStringLiteral("actionSaveAndDeploy"))->text().isEmpty(), false);
    QVERIFY2(m_window->findChild<QAction*>(QStringLiteral("actionSaveAndDeploy"))->text() !=
                 QStringLiteral("Save and &Deploy"),
             "the .ui file's texts are not translated");
    QCOMPARE(QCoreApplication::translate("PolicyCatalogue", "Model Weighted Round Robin") ==
                 QStringLiteral("Model Weighted Round Robin"),
             false);
}

void TestGermanLayout::mainViewsFitTheirTexts_data() {
    QTest::addColumn<int>("mode");
    QTest::newRow("publisher") << int(MainWindow::Mode::Publisher);
    QTest::newRow("devportal") << int(MainWindow::Mode::DevPortal);
    QTest::newRow("gateway") << int(MainWindow::Mode::Gateway);
}

void TestGermanLayout::mainViewsFitTheirTexts() {
    QFETCH(int, mode);
    m_window->setMode(MainWindow::Mode(mode));
    if (MainWindow::Mode(mode) == MainWindow::Mode::Publisher)
        QVERIFY(m_window->publisher()->openApi(m_workspace.apis().front().id));
    QWidget* const views[] = {m_window->publisher(), m_window->devPortal(), m_window->gatewayView()};
    QWidget* view = views[mode];
    showEveryTab(view, QString::fromLatin1(QTest::currentDataTag()));
}

void TestGermanLayout::showEveryTab(QWidget* view, const QString& name) {
    QStringList problems;
    const auto check = [&](const QString& shot) {
        QTest::qWait(50);
        QVERIFY(m_window->grab().save(QDir(m_screenshots).filePath(shot + QStringLiteral(".png"))));
        for (const QString& problem : truncatedTexts(m_window.get()))
            problems.append(shot + QStringLiteral(": ") + problem);
    };
    check(name);
    for (QTabWidget* tabs : view->findChildren<QTabWidget*>()) {
        if (!tabs->isVisible())
            continue;
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            check(name + QLatin1Char('-') + QString::number(i));
        }
        tabs->setCurrentIndex(0);
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("text does not fit in German:\n") + problems.join(QLatin1Char('\n'))));
}

QStringList TestGermanLayout::truncatedTexts(QWidget* root) const {
    QStringList problems;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty())
            continue;
        QString text = label->text();
        if (Qt::mightBeRichText(text)) {
            QTextDocument document;
            document.setDefaultFont(label->font());
            document.setHtml(text);
            if (document.toPlainText().contains(QLatin1Char('\n')))
                continue; // several lines: its height, not its width, decides
            text = document.toPlainText();
        }
        if (text.contains(QLatin1Char('\n')))
            continue;
        if (label->buddy()) // "&Name:" shows as "Name:" with the N underlined
            text.replace(QRegularExpression(QStringLiteral("&(.)")), QStringLiteral("\\1"));
        const int needed = label->fontMetrics().horizontalAdvance(text);
        if (needed > label->contentsRect().width() + 1)
            problems.append(QStringLiteral("label %1 \"%2\" needs %3 px, has %4")
                                .arg(label->objectName(), text)
                                .arg(needed)
                                .arg(label->contentsRect().width()));
    }
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        if (!button->isVisible() || button->text().isEmpty() || qobject_cast<QToolButton*>(button))
            continue;
        if (button->width() + 1 < button->minimumSizeHint().width() ||
            button->width() + 1 < button->sizeHint().width())
            problems.append(QStringLiteral("button %1 \"%2\" is %3 px wide, needs %4")
                                .arg(button->objectName(), button->text())
                                .arg(button->width())
                                .arg(button->sizeHint().width()));
    }
    for (QTabBar* bar : root->findChildren<QTabBar*>()) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            const int needed = bar->fontMetrics().horizontalAdvance(bar->tabText(i).remove(QLatin1Char('&')));
            if (bar->tabRect(i).width() < needed)
                problems.append(QStringLiteral("tab \"%1\" is %2 px wide, its title needs %3")
                                    .arg(bar->tabText(i))
                                    .arg(bar->tabRect(i).width())
                                    .arg(needed));
        }
    }
    // Item views: a cell narrower than its text gets it elided ("Gewichtetes Modell-R..."). Views that
    // scroll sideways may clip a column at the viewport's edge; the user can scroll, so that is allowed.
    for (QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        if (!view->isVisible() || !view->model())
            continue;
        QAbstractItemModel* model = view->model();
        std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
            for (int row = 0; row < qMin(model->rowCount(parent), 50); ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    const QRect cell = view->visualRect(index);
                    const QString text = index.data(Qt::DisplayRole).toString();
                    if (cell.isEmpty() || text.isEmpty() || text.contains(QLatin1Char('\n')) ||
                        index.data(Qt::SizeHintRole).isValid())
                        continue;
                    const QFont font = index.data(Qt::FontRole).isValid()
                                           ? index.data(Qt::FontRole).value<QFont>()
                                           : view->font();
                    int needed = QFontMetrics(font).horizontalAdvance(text) + 6; // the style's text margins
                    if (!index.data(Qt::DecorationRole).isNull())
                        needed += view->iconSize().isValid() ? view->iconSize().width() + 4 : 20;
                    if (cell.width() < needed)
                        problems.append(QStringLiteral("%1 cell \"%2\" is %3 px wide, needs %4")
                                            .arg(view->objectName(), text)
                                            .arg(cell.width())
                                            .arg(needed));
                }
                if (auto* tree = qobject_cast<QTreeView*>(view);
                    tree && tree->isExpanded(model->index(row, 0, parent)))
                    visit(model->index(row, 0, parent));
            }
        };
        visit(QModelIndex());
    }
    for (QHeaderView* header : root->findChildren<QHeaderView*>()) {
        if (!header->isVisible() || !header->model())
            continue;
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section) || header->sectionSize(section) == 0)
                continue;
            // A stretched last section may be cut by the viewport, not by its own size.
            const int needed = header->sectionSizeHint(section);
            if (header->sectionSize(section) + 2 < needed)
                problems.append(
                    QStringLiteral("%1 header \"%2\" is %3 px wide, needs %4")
                        .arg(header->parentWidget() ? header->parentWidget()->objectName() : QString(),
                             header->model()->headerData(section, header->orientation()).toString())
                        .arg(header->sectionSize(section))
                        .arg(needed));
        }
    }
    return problems;
}

void TestGermanLayout::preferencesOfferGermanAndSystemDefault() {
    QVERIFY(Translations::available().contains(QStringLiteral("de")));
    QCOMPARE(Translations::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
}

void TestGermanLayout::dialogsFitTheirTexts() {
    // The dialogs at the size they open with: what a German user sees first.
    PreferencesDialog preferences(m_window.get());
    ProviderDialog provider(&m_workspace, nullptr, m_window.get());
    CreateApiWizard wizard(&m_workspace, &m_secrets, m_window.get());
    QStringList problems;
    for (QWidget* dialog : {static_cast<QWidget*>(&preferences), static_cast<QWidget*>(&provider),
                            static_cast<QWidget*>(&wizard)}) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::qWait(50);
        QVERIFY(
            dialog->grab().save(QDir(m_screenshots).filePath(dialog->objectName() + QStringLiteral(".png"))));
        for (const QString& problem : truncatedTexts(dialog))
            problems.append(dialog->objectName() + QStringLiteral(": ") + problem);
        dialog->hide();
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("text does not fit in German:\n") + problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestGermanLayout)
#include "tst_germanlayout.moc"
