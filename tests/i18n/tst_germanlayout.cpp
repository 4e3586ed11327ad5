// The GUI at the size it opens with, in German (longer words than English) and in English, at a
// scale factor of 1 and 2: ctest runs this executable once per language (LANGUAGE) and scale
// (QT_SCALE_FACTOR, on an offscreen screen of 1280x800 or 2560x1600 device pixels). Every main view
// is shown at 1280x800, saved as a screenshot, and searched for text that does not fit: a label whose
// text is wider than the label (clipped or elided), a button narrower than its text, a tab whose
// title Qt had to elide, an item view cell or header section narrower than its text, a combo box
// that shows only part of its current text. And for layouts that fit the window: forms packed at the
// top (no row spread over the height), the API list without a horizontal scroll bar, the policy
// drawer opening inside the window instead of widening it, the remembered geometry never larger than
// the screen.
#include "DemoSession.h"
#include "core/Translations.h"
#include "core/Workspace.h"
#include "gui/AdminView.h"
#include "gui/ApiEditor.h"
#include "gui/CreateApiWizard.h"
#include "gui/DevPortalView.h"
#include "gui/GatehouseSession.h"
#include "gui/GatewayView.h"
#include "gui/MainWindow.h"
#include "gui/PoliciesPage.h"
#include "gui/PolicyConfigPanel.h"
#include "gui/PolicyFlowModel.h"
#include "gui/PolicyFlowView.h"
#include "gui/PolicyPaletteModel.h"
#include "gui/PreferencesDialog.h"
#include "gui/ProviderDialog.h"
#include "gui/PublisherView.h"
#include "gui/UsageView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <functional>
#include <memory>

using namespace gatehouse;

namespace {

// The window size of the issue reports: a 1280x800 laptop screen.
constexpr QSize defaultSize(1280, 800);

// The language this run checks: ctest sets LANGUAGE (de or en) for each registration.
QString expectedLanguage() {
    const QString language =
        qEnvironmentVariable("LANGUAGE").section(QLatin1Char(':'), 0, 0).section(QLatin1Char('_'), 0, 0);
    return language.isEmpty() ? QStringLiteral("en") : language;
}

QString languageName() {
    return expectedLanguage() == QLatin1String("de") ? QStringLiteral("German") : QStringLiteral("English");
}

// The tab widget that holds `page`, so that the test can show it.
QTabWidget* tabsOf(QWidget* page) {
    for (QWidget* parent = page->parentWidget(); parent; parent = parent->parentWidget()) {
        if (auto* tabs = qobject_cast<QTabWidget*>(parent))
            return tabs;
    }
    return nullptr;
}

// What a drag from the palette onto a lane sends (tests/gui/tst_policyeditor.cpp does the same).
void dropPolicy(PoliciesPage* page, const QString& scope, FlowKind flow, const QString& policyName) {
    PolicyPaletteModel* palette = page->paletteModel(flow);
    const std::unique_ptr<QMimeData> data(palette->mimeData({palette->indexOfPolicy(policyName)}));
    PolicyFlowView* view = page->flowView();
    const QModelIndex lane = page->flowModel()->laneIndex(scope, flow);
    view->scrollTo(lane);
    const QPoint at = view->visualRect(lane).center();
    QDragEnterEvent enter(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &drop);
}

} // namespace

class TestGermanLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void languageIsActive();
    void mainViewsFitTheirTexts_data();
    void mainViewsFitTheirTexts();
    void apiListHasNoHorizontalScrollBar();
    void policyDrawerOpensInsideTheWindow_data();
    void policyDrawerOpensInsideTheWindow();
    void preferencesOfferGermanAndSystemDefault();
    void dialogsFitTheirTexts();
    void subscribeDialogShowsItsFields();
    void layoutIsRememberedAndFitsTheScreen();

private:
    QStringList truncatedTexts(QWidget* root) const;
    QStringList spreadForms(QWidget* root) const;
    QStringList layoutProblems(QWidget* root) const { return truncatedTexts(root) + spreadForms(root); }
    void showEveryTab(QWidget* view, const QString& name);
    void shoot(QWidget* window, const QString& name) const;
    QString failure(const QStringList& problems) const;

    QTemporaryDir m_settingsFolder;
    test::DemoSession m_demo;
    std::unique_ptr<MainWindow> m_window;
    QString m_screenshots;
};

void TestGermanLayout::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    // This run's own settings file: ctest runs the languages and scales of this executable side by
    // side, and the window remembers its geometry and mode there.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsFolder.path());
    QSettings().clear();
    // As a user gets it: the system's languages (ctest sets LANGUAGE), not a forced choice.
    QCOMPARE(Translations::install(*QCoreApplication::instance()), expectedLanguage());

    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    m_window = std::make_unique<MainWindow>(&m_demo.session());
    m_window->resize(defaultSize);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), defaultSize);

    const qreal scale = m_window->devicePixelRatio();
    QString folder = QStringLiteral("screenshots-") + expectedLanguage();
    if (scale != 1.0)
        folder += QStringLiteral("-scale") + QString::number(scale);
    m_screenshots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR", QDir::current().filePath(folder));
    QVERIFY(QDir().mkpath(m_screenshots));
    qInfo("%s at a scale of %g on a screen of %dx%d (logical); screenshots in %s", qPrintable(languageName()),
          scale, m_window->screen()->geometry().width(), m_window->screen()->geometry().height(),
          qPrintable(m_screenshots));
}

void TestGermanLayout::languageIsActive() {
    // A message from the .ui file, one from code, one from the policy catalogue's JSON.
    const QString saveAndDeploy =
        m_window->findChild<QAction*>(QStringLiteral("actionSaveAndDeploy"))->text();
    QVERIFY(!saveAndDeploy.isEmpty());
    const QString router = QCoreApplication::translate("PolicyCatalogue", "Model Weighted Round Robin");
    if (expectedLanguage() == QLatin1String("de")) {
        QVERIFY2(saveAndDeploy != QStringLiteral("Save and &Deploy"),
                 "the .ui file's texts are not translated");
        QVERIFY(router != QStringLiteral("Model Weighted Round Robin"));
    } else {
        QCOMPARE(saveAndDeploy, QStringLiteral("Save and &Deploy"));
        QCOMPARE(router, QStringLiteral("Model Weighted Round Robin"));
    }
}

void TestGermanLayout::mainViewsFitTheirTexts_data() {
    QTest::addColumn<int>("mode");
    QTest::newRow("publisher") << int(MainWindow::Mode::Publisher);
    QTest::newRow("devportal") << int(MainWindow::Mode::DevPortal);
    QTest::newRow("gateway") << int(MainWindow::Mode::Gateway);
    QTest::newRow("usage") << int(MainWindow::Mode::Usage);
    QTest::newRow("admin") << int(MainWindow::Mode::Admin);
}

void TestGermanLayout::mainViewsFitTheirTexts() {
    QFETCH(int, mode);
    m_window->setMode(MainWindow::Mode(mode));
    if (MainWindow::Mode(mode) == MainWindow::Mode::Publisher)
        QVERIFY(m_window->publisher()->openApi(m_demo.workspace().apis().front().id));
    QWidget* const views[] = {m_window->publisher(), m_window->devPortal(), m_window->gatewayView(),
                              m_window->usageView(), m_window->adminView()};
    QWidget* view = views[mode];
    showEveryTab(view, QString::fromLatin1(QTest::currentDataTag()));
    // No view made the window grow, and none needs more than the default size.
    QCOMPARE(m_window->size(), defaultSize);
    const QSize minimum = m_window->minimumSizeHint();
    QVERIFY2(minimum.width() <= defaultSize.width() && minimum.height() <= defaultSize.height(),
             qPrintable(QStringLiteral("the window needs %1x%2").arg(minimum.width()).arg(minimum.height())));
}

void TestGermanLayout::shoot(QWidget* window, const QString& name) const {
    QVERIFY(window->grab().save(QDir(m_screenshots).filePath(name + QStringLiteral(".png"))));
}

QString TestGermanLayout::failure(const QStringList& problems) const {
    return QStringLiteral("layout does not fit in %1:\n").arg(languageName()) +
           problems.join(QLatin1Char('\n'));
}

void TestGermanLayout::showEveryTab(QWidget* view, const QString& name) {
    QStringList problems;
    const auto check = [&](const QString& shot) {
        QTest::qWait(50);
        shoot(m_window.get(), shot);
        for (const QString& problem : layoutProblems(m_window.get()))
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
    QVERIFY2(problems.isEmpty(), qPrintable(failure(problems)));
}

void TestGermanLayout::apiListHasNoHorizontalScrollBar() {
    // At the default size the list shows its columns whole, without scrolling sideways.
    m_window->setMode(MainWindow::Mode::Publisher);
    QTableView* list = m_window->publisher()->apiList();
    QTest::qWait(50);
    QVERIFY(list->isVisible());
    QVERIFY2(!list->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("the API list (%1 px wide) scrolls sideways: its columns need %2 px")
                            .arg(list->viewport()->width())
                            .arg(list->horizontalHeader()->length())));
    QVERIFY(list->horizontalHeader()->length() <= list->viewport()->width());
}

void TestGermanLayout::policyDrawerOpensInsideTheWindow_data() {
    QTest::addColumn<QString>("policy");
    QTest::newRow("router") << QStringLiteral("modelWeightedRoundRobin"); // the drop
    QTest::newRow("schema") << QStringLiteral("addHeader");
}

void TestGermanLayout::policyDrawerOpensInsideTheWindow() {
    // Dropping a policy opens the drawer in the palette's place, within the window: the main window
    // keeps its size (it used to grow by the drawer's minimum width), and the palette comes back
    // when the drawer closes.
    QFETCH(QString, policy);
    m_window->setMode(MainWindow::Mode::Publisher);
    const Api& api = m_demo.workspace().apis().front();
    QVERIFY(m_window->publisher()->openApi(api.id));
    ApiEditor* editor = m_window->publisher()->currentEditor();
    QVERIFY(editor);
    PoliciesPage* page = editor->policiesPage();
    QTabWidget* tabs = tabsOf(page);
    QVERIFY(tabs);
    tabs->setCurrentWidget(page);
    QTest::qWait(50);
    QCOMPARE(m_window->size(), defaultSize);
    QString scope;
    for (const Operation& operation : api.operations) {
        if (operation.key().endsWith(QLatin1String("/chat/completions")))
            scope = operation.key();
    }
    QVERIFY(!scope.isEmpty());

    PolicyConfigPanel* drawer = page->configPanel();
    QVERIFY(!drawer->isVisible());
    dropPolicy(page, scope, FlowKind::Request, policy);
    QTRY_VERIFY(drawer->isVisible());
    QTest::qWait(50);
    const QString shot =
        QStringLiteral("publisher-policy-drawer-") + QString::fromLatin1(QTest::currentDataTag());
    shoot(m_window.get(), shot);
    QStringList problems;
    for (const QString& problem : layoutProblems(m_window.get()))
        problems.append(shot + QStringLiteral(": ") + problem);
    const QSize windowSize = m_window->size();
    const QSize minimum = m_window->minimumSizeHint();
    // Room for its form: no scrolling sideways in the drawer.
    auto* scroll = drawer->findChild<QScrollArea*>();
    QVERIFY(scroll);
    const bool scrollsSideways = scroll->horizontalScrollBar()->isVisible();
    const int drawerWidth = drawer->width();
    drawer->closePanel();
    QTest::qWait(20);
    QVERIFY(page->findChild<QTabWidget*>(QStringLiteral("paletteTabs"))->isVisible());
    QCOMPARE(windowSize, defaultSize);
    QVERIFY2(minimum.width() <= defaultSize.width() && minimum.height() <= defaultSize.height(),
             qPrintable(QStringLiteral("with the drawer open the window needs %1x%2")
                            .arg(minimum.width())
                            .arg(minimum.height())));
    QVERIFY2(!scrollsSideways,
             qPrintable(
                 QStringLiteral("the drawer opened %1 px wide, its form scrolls sideways").arg(drawerWidth)));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(failure(problems)));
    tabs->setCurrentIndex(0);
}

// Forms are packed at the top: between consecutive rows of a visible QFormLayout no more than the
// layout's spacing and a few pixels, and no row much taller than its content. A form given more
// height than it needs spreads it over its rows (a label row grows, its text sits in the middle),
// which is what this finds.
QStringList TestGermanLayout::spreadForms(QWidget* root) const {
    QStringList problems;
    // The height an item got beyond what its content needs; none for what can use it (a text edit).
    const auto slack = [](QLayoutItem* item) {
        if (item->expandingDirections() & Qt::Vertical)
            return 0;
        const QRect geometry = item->geometry();
        const int natural =
            item->hasHeightForWidth() ? item->heightForWidth(geometry.width()) : item->sizeHint().height();
        return qMax(0, geometry.height() - natural);
    };
    for (QFormLayout* form : root->findChildren<QFormLayout*>()) {
        QWidget* owner = form->parentWidget();
        if (!owner || !owner->isVisible())
            continue;
        const int allowed = 2 * qMax(0, form->verticalSpacing()) + 6;
        const auto where = [&](int row) {
            QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole);
            const auto* text = label ? qobject_cast<QLabel*>(label->widget()) : nullptr;
            return QStringLiteral("form in %1 (%2), row %3%4")
                .arg(owner->objectName(), QString::fromLatin1(owner->metaObject()->className()))
                .arg(row)
                .arg(text ? QStringLiteral(" \"%1\"").arg(text->text()) : QString());
        };
        int previousBottom = -1;
        for (int row = 0; row < form->rowCount(); ++row) {
            int top = INT_MAX;
            int bottom = INT_MIN;
            int rowSlack = 0;
            for (QFormLayout::ItemRole role :
                 {QFormLayout::LabelRole, QFormLayout::FieldRole, QFormLayout::SpanningRole}) {
                QLayoutItem* item = form->itemAt(row, role);
                if (!item || item->isEmpty())
                    continue;
                top = qMin(top, item->geometry().top());
                bottom = qMax(bottom, item->geometry().bottom() + 1);
                rowSlack = qMax(rowSlack, slack(item));
            }
            if (top == INT_MAX)
                continue; // a hidden row takes no room
            if (previousBottom >= 0 && top - previousBottom > allowed)
                problems.append(QStringLiteral("%1: %2 px above it, at most %3")
                                    .arg(where(row))
                                    .arg(top - previousBottom)
                                    .arg(allowed));
            if (rowSlack > allowed)
                problems.append(QStringLiteral("%1: %2 px taller than its content, at most %3")
                                    .arg(where(row))
                                    .arg(rowSlack)
                                    .arg(allowed));
            previousBottom = bottom;
        }
    }
    return problems;
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
        // A button made narrow on purpose (a maximum width, "✕") is fine while its text fits.
        const bool narrowOnPurpose =
            button->maximumWidth() < button->sizeHint().width() &&
            button->fontMetrics().horizontalAdvance(button->text()) +
                    2 * button->style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button) <=
                button->width();
        if (!narrowOnPurpose && (button->width() + 1 < button->minimumSizeHint().width() ||
                                 button->width() + 1 < button->sizeHint().width()))
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
    // Combo boxes: the current text whole, not its tail ("pplication" for "DefaultApplication").
    for (QComboBox* combo : root->findChildren<QComboBox*>()) {
        const QString text = combo->currentText();
        if (!combo->isVisible() || text.isEmpty())
            continue;
        const int needed = combo->fontMetrics().horizontalAdvance(text);
        int room = 0;
        if (QLineEdit* edit = combo->lineEdit()) {
            // QLineEdit keeps two pixels each side of its text, and its text margins.
            room =
                edit->contentsRect().width() - edit->textMargins().left() - edit->textMargins().right() - 4;
        } else {
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = false;
            option.frame = combo->hasFrame();
            option.currentText = text;
            option.currentIcon = combo->itemIcon(combo->currentIndex());
            option.iconSize = combo->iconSize();
            room = combo->style()
                       ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo)
                       .width();
            if (!option.currentIcon.isNull())
                room -= option.iconSize.width() + 4;
        }
        if (needed > room)
            problems.append(QStringLiteral("combo box %1 \"%2\" has %3 px for its text, needs %4")
                                .arg(combo->objectName(), text)
                                .arg(room)
                                .arg(needed));
    }
    return problems;
}

void TestGermanLayout::preferencesOfferGermanAndSystemDefault() {
    QVERIFY(Translations::available().contains(QStringLiteral("de")));
    QCOMPARE(Translations::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
}

void TestGermanLayout::dialogsFitTheirTexts() {
    // The dialogs at the size they open with: what a user sees first.
    PreferencesDialog preferences(m_window.get());
    ProviderDialog provider(&m_demo.workspace(), nullptr, m_window.get());
    CreateApiWizard wizard(&m_demo.workspace(), &m_demo.secrets(), m_window.get());
    QStringList problems;
    for (QWidget* dialog : {static_cast<QWidget*>(&preferences), static_cast<QWidget*>(&provider),
                            static_cast<QWidget*>(&wizard)}) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::qWait(50);
        shoot(dialog, dialog->objectName());
        for (const QString& problem : layoutProblems(dialog))
            problems.append(dialog->objectName() + QStringLiteral(": ") + problem);
        dialog->hide();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(failure(problems)));
}

void TestGermanLayout::subscribeDialogShowsItsFields() {
    // Developer Portal, APIs, Subscribe and try: the dialog runs modally, so it is looked at from a
    // timer while it is open, then cancelled.
    m_window->setMode(MainWindow::Mode::DevPortal);
    auto* tabs = m_window->devPortal()->findChild<QTabWidget*>(QStringLiteral("devPortalTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(0);
    auto* subscribe = m_window->devPortal()->findChild<QPushButton*>(QStringLiteral("subscribeAndTry"));
    QVERIFY(subscribe);
    QTRY_VERIFY(subscribe->isVisible());
    QStringList problems;
    bool seen = false;
    QTimer poll;
    poll.setInterval(20);
    int attempts = 0;
    connect(&poll, &QTimer::timeout, this, [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        if (++attempts > 250) { // 5 s: whatever is open is closed, so that the test fails, not hangs
            poll.stop();
            if (auto* modal = qobject_cast<QDialog*>(dialog))
                modal->reject();
            return;
        }
        if (!dialog || dialog->objectName() != QLatin1String("subscribeDialog") || !dialog->isVisible())
            return;
        poll.stop();
        seen = true;
        QTest::qWait(50);
        shoot(dialog, dialog->objectName());
        for (const QString& problem : layoutProblems(dialog))
            problems.append(dialog->objectName() + QStringLiteral(": ") + problem);
        const QList<QComboBox*> combos = dialog->findChildren<QComboBox*>();
        if (combos.size() != 2)
            problems.append(QStringLiteral("expected the application and plan choices"));
        for (QComboBox* combo : combos) {
            if (combo->width() < combo->sizeHint().width())
                problems.append(QStringLiteral("combo box %1 is %2 px wide, its size hint %3")
                                    .arg(combo->objectName())
                                    .arg(combo->width())
                                    .arg(combo->sizeHint().width()));
        }
        qobject_cast<QDialog*>(dialog)->reject();
    });
    poll.start();
    subscribe->click();
    poll.stop();
    QVERIFY2(seen, "the Subscribe and try dialog did not open");
    QVERIFY2(problems.isEmpty(), qPrintable(failure(problems)));
}

void TestGermanLayout::layoutIsRememberedAndFitsTheScreen() {
    // Size, splitter positions and mode come back at the next start (the settings are this run's).
    const QRect available = m_window->screen()->availableGeometry();
    // Smaller than the default, but not below what the window's views need.
    const QSize size = m_window->minimumSizeHint().expandedTo(QSize(900, 600)) + QSize(20, 20);
    QVERIFY(size.width() < defaultSize.width() && size.height() < defaultSize.height());
    QList<int> publisherSizes;
    QList<int> policiesSizes;
    {
        MainWindow first(&m_demo.session());
        first.resize(size);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        auto* splitter = first.findChild<QSplitter*>(QStringLiteral("publisherSplitter"));
        QVERIFY(splitter);
        const QList<int> sizes = splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        splitter->setSizes({total / 2, total - total / 2});
        QTest::qWait(20);
        publisherSizes = splitter->sizes();
        // An API's editor is made later than the window: its splitters are remembered too.
        QVERIFY(first.publisher()->openApi(m_demo.workspace().apis().front().id));
        PoliciesPage* page = first.publisher()->currentEditor()->policiesPage();
        tabsOf(page)->setCurrentWidget(page);
        QTest::qWait(20);
        auto* policies = page->findChild<QSplitter*>(QStringLiteral("policiesSplitter"));
        QVERIFY(policies);
        const QList<int> before = policies->sizes();
        policies->setSizes({before.value(0) - 60, before.value(1) + 60, before.value(2)});
        QTest::qWait(20);
        policiesSizes = policies->sizes();
        QVERIFY(policiesSizes != before);
        first.setMode(MainWindow::Mode::Gateway);
        QVERIFY(first.close());
    }
    {
        MainWindow second(&m_demo.session());
        QCOMPARE(second.mode(), MainWindow::Mode::Gateway);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), size);
        second.setMode(MainWindow::Mode::Publisher);
        QTest::qWait(20);
        QCOMPARE(second.findChild<QSplitter*>(QStringLiteral("publisherSplitter"))->sizes(), publisherSizes);
        QVERIFY(second.publisher()->openApi(m_demo.workspace().apis().front().id));
        PoliciesPage* page = second.publisher()->currentEditor()->policiesPage();
        tabsOf(page)->setCurrentWidget(page);
        QTest::qWait(20);
        QCOMPARE(page->findChild<QSplitter*>(QStringLiteral("policiesSplitter"))->sizes(), policiesSizes);
        second.close();
    }

    // A geometry saved on a larger screen opens a window that fits this one.
    {
        MainWindow large(&m_demo.session());
        large.resize(available.size() * 2);
        QSettings().setValue(QStringLiteral("window/geometry"), large.saveGeometry());
    }
    MainWindow fitted(&m_demo.session());
    QVERIFY2(fitted.width() <= available.width() && fitted.height() <= available.height(),
             qPrintable(QStringLiteral("a %1x%2 window on a %3x%4 screen")
                            .arg(fitted.width())
                            .arg(fitted.height())
                            .arg(available.width())
                            .arg(available.height())));
    fitted.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fitted));
    QVERIFY2(available.contains(fitted.frameGeometry()),
             qPrintable(QStringLiteral("the window's frame %1,%2 %3x%4 leaves the screen's %5x%6")
                            .arg(fitted.frameGeometry().x())
                            .arg(fitted.frameGeometry().y())
                            .arg(fitted.frameGeometry().width())
                            .arg(fitted.frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
    QSettings().clear();
}

QTEST_MAIN(TestGermanLayout)
#include "tst_germanlayout.moc"
