// Admin > Business Plans and Settings > Model Prices: what they write is what the gateway and
// gatehouse-ctl read, a refused edit says why inline and keeps what was typed, and a plan in use
// cannot be deleted.
#include "DemoSession.h"
#include "core/Application.h"
#include "core/PriceCatalogue.h"
#include "core/Workspace.h"
#include "gui/AdminView.h"
#include "gui/BusinessPlansPage.h"
#include "gui/MainWindow.h"
#include "gui/ModelPricesPage.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace gatehouse;

namespace {

template <typename T> T* child(QObject* parent, const QString& name) {
    T* found = parent->findChild<T*>(name);
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

} // namespace

class TestAdminView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void settingsMenuOpensTheAdminPages();
    void createPlanWithSeveralLimits();
    void badPlanIsRefusedInlineAndKeepsTheForm();
    void planInUseIsNotDeleted();
    void editPlanKeepsItsName();
    void setAndRemoveWorkspacePrice();
    void importLiteLlmFile();
    void brokenImportSaysWhyAndWritesNothing();

private:
    std::unique_ptr<test::DemoSession> m_demo;
    std::unique_ptr<AdminView> m_view;
};

void TestAdminView::init() {
    m_demo = std::make_unique<test::DemoSession>();
    QString error;
    QVERIFY2(m_demo->start(&error, false), qPrintable(error));
    m_view = std::make_unique<AdminView>(&m_demo->session());
}

void TestAdminView::cleanup() {
    m_view.reset();
    m_demo.reset();
}

void TestAdminView::settingsMenuOpensTheAdminPages() {
    MainWindow window(&m_demo->session());
    window.show();
    QAction* prices = nullptr;
    QAction* plans = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text().remove(QLatin1Char('&')) != QLatin1String("Settings"))
            continue;
        for (QAction* action : menu->menu()->actions()) {
            if (action->objectName() == QLatin1String("actionModelPrices"))
                prices = action;
            if (action->objectName() == QLatin1String("actionBusinessPlans"))
                plans = action;
        }
    }
    QVERIFY(prices && plans);
    prices->trigger();
    QCOMPARE(window.mode(), MainWindow::Mode::Admin);
    auto* tabs = child<QTabWidget>(window.adminView(), QStringLiteral("adminTabs"));
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window.adminView()->modelPrices()));
    plans->trigger();
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window.adminView()->businessPlans()));
}

void TestAdminView::createPlanWithSeveralLimits() {
    BusinessPlansPage* page = m_view->businessPlans();
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("businessPlanNew")), Qt::LeftButton);
    child<QLineEdit>(page, QStringLiteral("businessPlanName"))->setText(QStringLiteral("TeamBudget"));
    child<QLineEdit>(page, QStringLiteral("businessPlanDescription"))
        ->setText(QStringLiteral("For the team"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("businessPlanAddLimit")), Qt::LeftButton);
    child<QDoubleSpinBox>(page, QStringLiteral("businessPlanAmount0"))->setValue(10);
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("businessPlanAddLimit")), Qt::LeftButton);
    auto* metric = child<QComboBox>(page, QStringLiteral("businessPlanMetric1"));
    metric->setCurrentIndex(metric->findData(int(PlanLimit::Metric::Usd)));
    auto* usd = child<QDoubleSpinBox>(page, QStringLiteral("businessPlanAmount1"));
    QCOMPARE(usd->decimals(), 4); // dollars have cents and below; requests do not
    usd->setValue(5.5);
    auto* period = child<QComboBox>(page, QStringLiteral("businessPlanPeriod1"));
    period->setCurrentIndex(period->findData(int(PlanLimit::Period::Day)));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("businessPlanSave")), Qt::LeftButton);

    const BusinessPlan* saved = m_demo->workspace().businessPlan(QStringLiteral("TeamBudget"));
    QVERIFY2(saved, qPrintable(child<QLabel>(page, QStringLiteral("businessPlanProblem"))->text()));
    QCOMPARE(saved->description, QStringLiteral("For the team"));
    const std::vector<PlanLimit> expected = {{PlanLimit::Metric::Requests, PlanLimit::Period::Minute, 10},
                                             {PlanLimit::Metric::Usd, PlanLimit::Period::Day, 5.5}};
    QVERIFY(saved->allLimits() == expected);
    // Written to workspace.json, where the gateway and gatehouse-ctl read it.
    Workspace reread;
    QVERIFY(reread.open(m_demo->directory()).ok());
    QVERIFY(reread.businessPlan(QStringLiteral("TeamBudget"))->allLimits() == expected);
}

void TestAdminView::badPlanIsRefusedInlineAndKeepsTheForm() {
    BusinessPlansPage* page = m_view->businessPlans();
    const std::size_t plansBefore = m_demo->workspace().businessPlans().size();
    page->newPlan();
    auto* name = child<QLineEdit>(page, QStringLiteral("businessPlanName"));
    name->setText(QStringLiteral("Gold")); // exists
    QString error;
    QVERIFY(!page->save(&error));
    QVERIFY2(error.contains(QStringLiteral("exists already")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("at least one limit")), qPrintable(error));
    name->setText(QStringLiteral("-bad name!"));
    page->addLimit({PlanLimit::Metric::Requests, PlanLimit::Period::Minute, 5});
    page->addLimit({PlanLimit::Metric::Requests, PlanLimit::Period::Minute, 7});
    QVERIFY(!page->save(&error));
    QVERIFY2(error.contains(QStringLiteral("Name:")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Limit 2")), qPrintable(error));
    auto* problem = child<QLabel>(page, QStringLiteral("businessPlanProblem"));
    QVERIFY(problem->isVisibleTo(page));
    QCOMPARE(problem->text(), error);
    // Nothing written, nothing typed lost.
    QCOMPARE(m_demo->workspace().businessPlans().size(), plansBefore);
    QCOMPARE(name->text(), QStringLiteral("-bad name!"));
    QCOMPARE(child<QTableWidget>(page, QStringLiteral("businessPlanLimits"))->rowCount(), 2);
}

void TestAdminView::planInUseIsNotDeleted() {
    Workspace& workspace = m_demo->workspace();
    Application application;
    application.id = workspace.newApplicationId(QStringLiteral("GoldApp"));
    application.name = QStringLiteral("GoldApp");
    application.subscriptions.push_back(
        {workspace.apis().front().id, QStringLiteral("Gold"), QDateTime::currentDateTimeUtc()});
    QString error;
    QVERIFY(workspace.saveApplication(application).ok(&error));
    BusinessPlansPage* page = m_view->businessPlans();
    page->refresh();
    QVERIFY(page->selectPlan(QStringLiteral("Gold")));
    QVERIFY(
        child<QLabel>(page, QStringLiteral("businessPlanUsers"))->text().contains(QStringLiteral("GoldApp")));
    QVERIFY(!page->deleteCurrent(&error));
    QVERIFY2(error.contains(QStringLiteral("GoldApp")), qPrintable(error));
    QVERIFY(workspace.businessPlan(QStringLiteral("Gold")));

    QVERIFY(page->selectPlan(QStringLiteral("Silver")));
    QVERIFY2(page->deleteCurrent(&error), qPrintable(error));
    QVERIFY(!workspace.businessPlan(QStringLiteral("Silver")));
    QVERIFY(child<QListWidget>(page, QStringLiteral("businessPlanList"))
                ->findItems(QStringLiteral("Silver"), Qt::MatchExactly)
                .isEmpty());
}

void TestAdminView::editPlanKeepsItsName() {
    BusinessPlansPage* page = m_view->businessPlans();
    QVERIFY(page->selectPlan(QStringLiteral("Bronze")));
    auto* name = child<QLineEdit>(page, QStringLiteral("businessPlanName"));
    QVERIFY(name->isReadOnly()); // subscriptions and WSO2 exports name it
    const std::vector<PlanLimit> before =
        m_demo->workspace().businessPlan(QStringLiteral("Bronze"))->allLimits();
    page->addLimit({PlanLimit::Metric::TotalTokens, PlanLimit::Period::Hour, 50000});
    QString error;
    QVERIFY2(page->save(&error), qPrintable(error));
    std::vector<PlanLimit> expected = before;
    expected.push_back({PlanLimit::Metric::TotalTokens, PlanLimit::Period::Hour, 50000});
    QVERIFY(m_demo->workspace().businessPlan(QStringLiteral("Bronze"))->allLimits() == expected);
}

void TestAdminView::setAndRemoveWorkspacePrice() {
    ModelPricesPage* page = m_view->modelPrices();
    QVERIFY(page->selectModel(QStringLiteral("gpt-4o")));
    QCOMPARE(child<QDoubleSpinBox>(page, QStringLiteral("priceInput"))->value(), 2.5);
    QVERIFY(!child<QPushButton>(page, QStringLiteral("priceRemove"))->isEnabled()); // a shipped price
    child<QDoubleSpinBox>(page, QStringLiteral("priceInput"))->setValue(2.0);
    child<QDoubleSpinBox>(page, QStringLiteral("priceOutput"))->setValue(8.0);
    child<QLineEdit>(page, QStringLiteral("priceSource"))
        ->setText(QStringLiteral("https://example.com/contract"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("priceSave")), Qt::LeftButton);

    Result<PriceCatalogue> workspacePrices = PriceCatalogue::readWorkspace(m_demo->directory());
    QVERIFY(workspacePrices);
    const ModelPrice* saved = workspacePrices->find(QStringLiteral("gpt-4o"));
    QVERIFY(saved);
    QCOMPARE(saved->inputCostPerToken, 2.0 / 1e6);
    QCOMPARE(saved->outputCostPerToken, 8.0 / 1e6);
    QCOMPARE(saved->source, QStringLiteral("https://example.com/contract"));
    // The shipped entry's other fields stay (its context window).
    QCOMPARE(saved->maxInputTokens, PriceCatalogue::shipped().find(QStringLiteral("gpt-4o"))->maxInputTokens);
    QTableWidget* table = page->table();
    const QList<QTableWidgetItem*> rows = table->findItems(QStringLiteral("gpt-4o"), Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(table->item(rows.first()->row(), 5)->text(), ModelPricesPage::tr("Workspace"));
    QCOMPARE(table->item(rows.first()->row(), 2)->text(), QStringLiteral("2"));

    // A new model, priced here only.
    QVERIFY(!page->selectModel(QStringLiteral("acme-finetune-7b")));
    child<QLineEdit>(page, QStringLiteral("priceModel"))->setText(QStringLiteral("acme-finetune-7b"));
    child<QLineEdit>(page, QStringLiteral("priceProvider"))->setText(QStringLiteral("openai"));
    QString error;
    QVERIFY2(page->savePrice(&error), qPrintable(error));
    QVERIFY(PriceCatalogue::readWorkspace(m_demo->directory())->find(QStringLiteral("acme-finetune-7b")));

    QVERIFY(page->selectModel(QStringLiteral("gpt-4o")));
    QVERIFY(child<QPushButton>(page, QStringLiteral("priceRemove"))->isEnabled());
    QVERIFY2(page->removeWorkspacePrice(&error), qPrintable(error));
    QVERIFY(!PriceCatalogue::readWorkspace(m_demo->directory())->find(QStringLiteral("gpt-4o")));
    QCOMPARE(child<QDoubleSpinBox>(page, QStringLiteral("priceInput"))->value(),
             2.5); // the shipped one is back

    child<QLineEdit>(page, QStringLiteral("priceModel"))->clear();
    QVERIFY(!page->savePrice(&error));
    QVERIFY(child<QLabel>(page, QStringLiteral("priceProblem"))->isVisibleTo(page));
}

void TestAdminView::importLiteLlmFile() {
    const QString file = m_demo->directory() + QStringLiteral("/litellm.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"sample_spec":{"input_cost_per_token":0},
        "my-model":{"input_cost_per_token":1e-6,"output_cost_per_token":2e-6,"litellm_provider":"openai","mode":"chat"},
        "dall-e-3":{"output_cost_per_image":0.04,"litellm_provider":"openai","mode":"image_generation"}})");
    out.close();
    ModelPricesPage* page = m_view->modelPrices();
    QString error;
    QVERIFY2(page->importFile(file, &error), qPrintable(error));
    const Result<PriceCatalogue> prices = PriceCatalogue::readWorkspace(m_demo->directory());
    QVERIFY(prices);
    QCOMPARE(prices->size(), 1);
    QVERIFY(prices->find(QStringLiteral("my-model")));
    QCOMPARE(page->table()->findItems(QStringLiteral("my-model"), Qt::MatchExactly).size(), 1);
}

void TestAdminView::brokenImportSaysWhyAndWritesNothing() {
    const QString file = m_demo->directory() + QStringLiteral("/broken.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"my-model":{"input_cost_per_token":"cheap","output_cost_per_token":2e-6}})");
    out.close();
    ModelPricesPage* page = m_view->modelPrices();
    QString error;
    QVERIFY(!page->importFile(file, &error));
    QVERIFY2(error.contains(QStringLiteral("input_cost_per_token")), qPrintable(error));
    QVERIFY(child<QLabel>(page, QStringLiteral("priceProblem"))
                ->text()
                .contains(QStringLiteral("input_cost_per_token")));
    QVERIFY(!QFile::exists(PriceCatalogue::workspaceFilePath(m_demo->directory())));
    QVERIFY(!page->importFile(m_demo->directory() + QStringLiteral("/missing.json"), &error));
}

QTEST_MAIN(TestAdminView)
#include "tst_adminview.moc"
