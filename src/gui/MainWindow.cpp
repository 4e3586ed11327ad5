#include "gui/MainWindow.h"

#include "core/ApiValidator.h"
#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gateway/GatewayRuntime.h"
#include "gui/AdminView.h"
#include "gui/ApiDraft.h"
#include "gui/ApiEditor.h"
#include "gui/DevPortalView.h"
#include "gui/GatehouseSession.h"
#include "gui/GatewayView.h"
#include "gui/PreferencesDialog.h"
#include "gui/ProviderDialog.h"
#include "gui/PublisherView.h"
#include "gui/UsageView.h"
#include "interop/OpenApiImporter.h"
#include "interop/Wso2Project.h"
#include "ui_MainWindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QTimer>
#include <QUndoGroup>
#include <algorithm>
#include <iterator>

namespace gatehouse {

MainWindow::MainWindow(GatehouseSession* session, QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_session(session),
      m_undoGroup(new QUndoGroup(this)), m_publisher(nullptr), m_devPortal(nullptr), m_gatewayView(nullptr),
      m_usageView(nullptr), m_adminView(nullptr), m_gatewayStatus(new QLabel(this)) {
    m_ui->setupUi(this);
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.gatehouse.Gatehouse"),
                                   QIcon(QStringLiteral(":/icons/io.github.gatehouse.Gatehouse.svg"))));
    m_publisher = new PublisherView(session, m_undoGroup, this);
    m_devPortal = new DevPortalView(session, this);
    m_gatewayView = new GatewayView(session, this);
    m_usageView = new UsageView(session, this);
    m_adminView = new AdminView(session, this);
    for (QWidget* page : modePages())
        m_ui->modeStack->addWidget(page);
    m_ui->workspaceProblems->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c6cb; padding: 6px; }"));

    auto* modes = new QActionGroup(this);
    const std::vector<QAction*> actions = modeActions();
    for (std::size_t index = 0; index < actions.size(); ++index) {
        modes->addAction(actions[index]);
        connect(actions[index], &QAction::triggered, this, [this, index] { setMode(Mode(index)); });
    }
    connect(m_ui->actionBusinessPlans, &QAction::triggered, this, [this] {
        setMode(Mode::Admin);
        m_adminView->showPage(AdminView::Page::BusinessPlans);
    });
    connect(m_ui->actionModelPrices, &QAction::triggered, this, [this] {
        setMode(Mode::Admin);
        m_adminView->showPage(AdminView::Page::ModelPrices);
    });

    QAction* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_ui->editMenu->addAction(undo);
    m_ui->editMenu->addAction(redo);
    m_ui->editMenu->addSeparator();
    m_ui->editMenu->addAction(m_ui->actionPreferences);
    m_ui->actionPreferences->setShortcut(QKeySequence::Preferences);
    connect(m_ui->actionPreferences, &QAction::triggered, this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });

    const auto withEditor = [this](auto action) {
        return [this, action] {
            ApiEditor* editor = m_publisher->currentEditor();
            if (!editor)
                return statusBar()->showMessage(tr("Select an API first"), 4000);
            editor->reportFailure((editor->*action)(), tr("Gatehouse"));
        };
    };
    connect(m_ui->actionSave, &QAction::triggered, this, withEditor(&ApiEditor::save));
    connect(m_ui->actionSaveAndDeploy, &QAction::triggered, this, withEditor(&ApiEditor::saveAndDeploy));
    connect(m_ui->actionCreateApi, &QAction::triggered, this, [this] {
        setMode(Mode::Publisher);
        m_publisher->createApi();
    });
    connect(m_ui->actionReload, &QAction::triggered, this, [this] {
        if (!m_publisher->maybeClose())
            return;
        QString error;
        if (!m_session->workspace()->reload().ok(&error))
            QMessageBox::warning(this, tr("Reload failed"), error);
    });
    connect(m_ui->actionExportWso2, &QAction::triggered, this, [this] {
        ApiEditor* editor = m_publisher->currentEditor();
        if (!editor)
            return statusBar()->showMessage(tr("Select an API first"), 4000);
        const Api& api = editor->draft()->api();
        const QString destination = QFileDialog::getSaveFileName(
            this, tr("Export %1 as a WSO2 API project").arg(api.name),
            QDir::home().filePath(QStringLiteral("%1-%2.zip").arg(api.name, api.version)),
            tr("API project archive (*.zip)"));
        if (destination.isEmpty())
            return;
        QString message;
        const bool ok = exportWso2(api.id, destination, &message);
        showOutcome(ok, tr("Export"), message);
    });
    connect(m_ui->actionImportWso2, &QAction::triggered, this, [this] {
        // A project is a folder or a zip: the dialog takes the zip, or the folder's api.yaml.
        const QString chosen = QFileDialog::getOpenFileName(
            this, tr("Import a WSO2 API project"), QDir::homePath(), tr("API project (*.zip api.yaml)"));
        if (chosen.isEmpty())
            return;
        const QFileInfo file(chosen);
        const QString source = file.fileName() == QLatin1String("api.yaml") ? file.absolutePath() : chosen;
        QString message;
        const bool ok = importWso2(source, &message);
        showOutcome(ok, tr("Import"), message);
    });
    connect(m_ui->actionImportOpenApi, &QAction::triggered, this, [this] {
        const QString chosen =
            QFileDialog::getOpenFileName(this, tr("Import an OpenAPI document"), QDir::homePath(),
                                         tr("OpenAPI 3 document (*.yaml *.yml *.json)"));
        if (chosen.isEmpty())
            return;
        QString message;
        const bool ok = importOpenApi(chosen, &message);
        showOutcome(ok, tr("Import"), message);
    });
    connect(m_ui->actionNewProvider, &QAction::triggered, this, [this] {
        ProviderDialog dialog(m_session->workspace(), nullptr, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Provider saved: it is offered when you create an API"), 6000);
    });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Gatehouse"),
            tr("<b>Gatehouse %1</b><p>Design, route and try out AI APIs: a Publisher, a Developer "
               "Portal and a local AI gateway in one window.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    const auto showMessage = [this](const QString& message) {
        statusBar()->showMessage(message, 6000);
    };
    connect(m_publisher, &PublisherView::statusMessage, this, showMessage);
    connect(m_publisher, &PublisherView::editorOpened, this, &MainWindow::restoreSplitters);
    connect(m_gatewayView, &GatewayView::statusMessage, this, showMessage);
    connect(m_devPortal, &DevPortalView::statusMessage, this, showMessage);
    connect(m_usageView, &UsageView::statusMessage, this, showMessage);
    connect(m_adminView, &AdminView::statusMessage, this, showMessage);
    connect(session->workspace(), &Workspace::reloaded, this, &MainWindow::refreshProblems);

    m_gatewayStatus->setObjectName(QStringLiteral("gatewayStatus"));
    statusBar()->addPermanentWidget(m_gatewayStatus);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &MainWindow::refreshGatewayStatus);
    connect(session, &GatehouseSession::gatewayStateChanged, this, &MainWindow::refreshGatewayStatus);
    connect(session, &GatehouseSession::deployed, this, &MainWindow::refreshGatewayStatus);
    timer->start(1000);

    setMode(Mode::Publisher);
    refreshProblems();
    refreshGatewayStatus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

std::vector<QWidget*> MainWindow::modePages() const {
    return {m_publisher, m_devPortal, m_gatewayView, m_usageView, m_adminView};
}

std::vector<QAction*> MainWindow::modeActions() const {
    return {m_ui->actionPublisher, m_ui->actionDevPortal, m_ui->actionGateway, m_ui->actionUsage,
            m_ui->actionAdmin};
}

void MainWindow::setMode(Mode mode) {
    m_ui->modeStack->setCurrentWidget(modePages()[std::size_t(mode)]);
    modeActions()[std::size_t(mode)]->setChecked(true);
    if (mode == Mode::Gateway)
        m_gatewayView->refresh();
    if (mode == Mode::DevPortal)
        m_devPortal->refresh();
    if (mode == Mode::Admin)
        m_adminView->refresh();
}

MainWindow::Mode MainWindow::mode() const {
    const std::vector<QWidget*> pages = modePages();
    const auto found = std::find(pages.begin(), pages.end(), m_ui->modeStack->currentWidget());
    return found == pages.end() ? Mode::Publisher : Mode(found - pages.begin());
}

bool MainWindow::exportWso2(const QString& apiId, const QString& destination, QString* message) {
    const Result<Wso2ExportResult> exported =
        Wso2Project::exportApi(*m_session->workspace(), apiId, destination);
    if (!exported) {
        *message = exported.error();
        return false;
    }
    *message = tr("Exported to %1.").arg(QDir::toNativeSeparators(destination));
    if (!exported->warnings.isEmpty())
        *message += QLatin1Char('\n') + tr("Left out (WSO2 has no such setting):") + QStringLiteral("\n• ") +
                    exported->warnings.join(QStringLiteral("\n• "));
    return true;
}

bool MainWindow::importWso2(const QString& source, QString* message) {
    if (!m_publisher->maybeClose()) {
        *message = tr("Import cancelled: the open API has unsaved changes.");
        return false;
    }
    const Result<Wso2ImportResult> imported = Wso2Project::importApi(*m_session->workspace(), source);
    if (!imported) {
        *message = imported.error();
        return false;
    }
    setMode(Mode::Publisher);
    m_publisher->openApi(imported->apiId);
    const Api* api = m_session->workspace()->api(imported->apiId);
    *message = tr("Imported %1.").arg(api ? api->name + QLatin1Char(' ') + api->version : imported->apiId);
    if (!imported->unmapped.isEmpty())
        *message += QLatin1Char('\n') + tr("Not mapped:") + QStringLiteral("\n• ") +
                    imported->unmapped.join(QStringLiteral("\n• "));
    return true;
}

bool MainWindow::importOpenApi(const QString& file, QString* message) {
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        *message = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(file), input.errorString());
        return false;
    }
    if (!m_publisher->maybeClose()) {
        *message = tr("Import cancelled: the open API has unsaved changes.");
        return false;
    }
    Result<Api> built = OpenApiImporter::buildApi(input.readAll(), QFileInfo(file).fileName(),
                                                  *m_session->workspace(), OpenApiImportOptions());
    if (!built) {
        *message = built.error();
        return false;
    }
    Api api = built.take();
    // The document decides the operations, so check the API as the Publisher would before keeping it.
    const ApiValidator validator(PolicyCatalogue::builtin(),
                                 m_session->workspace()->provider(api.providerId));
    const std::vector<ValidationIssue> errors =
        validator.validate(api, m_session->workspace()->apis()).errors();
    if (!errors.empty()) {
        *message = errors.front().path + QStringLiteral(": ") + errors.front().message;
        return false;
    }
    const QString apiId = api.id;
    const QString title = api.name + QLatin1Char(' ') + api.version;
    QString error;
    if (!m_session->workspace()->saveApi(std::move(api)).ok(&error)) {
        *message = error;
        return false;
    }
    setMode(Mode::Publisher);
    m_publisher->openApi(apiId);
    *message = tr("Imported %1 from %2.").arg(title, QFileInfo(file).fileName());
    return true;
}

void MainWindow::showOutcome(bool ok, const QString& title, const QString& message) {
    if (ok) {
        statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 6000);
        if (message.contains(QLatin1Char('\n')))
            QMessageBox::information(this, title, message);
    } else {
        QMessageBox::warning(this, title, message);
    }
}

void MainWindow::refreshProblems() {
    const QStringList& problems = m_session->workspace()->problems();
    m_ui->workspaceProblems->setVisible(!problems.isEmpty());
    if (!problems.isEmpty())
        m_ui->workspaceProblems->setText(
            tr("Some workspace files could not be read and are left untouched:") + QStringLiteral("\n• ") +
            problems.join(QStringLiteral("\n• ")));
}

void MainWindow::refreshGatewayStatus() {
    Gateway* gateway = m_session->gateway();
    if (!gateway || !gateway->isRunning()) {
        m_gatewayStatus->setText(tr("Gateway stopped"));
        m_gatewayStatus->setToolTip(m_session->gatewayError());
        return;
    }
    const auto runtime = gateway->runtime();
    const qint64 requests = runtime->metrics().snapshot().requests;
    const qint64 perSecond = qMax<qint64>(0, requests - m_lastRequests);
    m_lastRequests = requests;
    m_gatewayStatus->setText(
        tr("Gateway %1 · %n live revision(s) · %2 req/s", nullptr, int(runtime->config()->apis().size()))
            .arg(gateway->baseUrl())
            .arg(perSecond));
    m_gatewayStatus->setToolTip(gateway->problems().join(QLatin1Char('\n')));
}

namespace {
// Mode names in the settings file: stable words, not the enum's numbers.
const char* const modeNames[] = {"publisher", "devportal", "gateway", "usage", "admin"};
} // namespace

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    fitToScreen();
    m_restoredSize = size();
    settings.beginGroup(QStringLiteral("splitters"));
    for (const QString& name : settings.childKeys())
        m_splitterStates.insert(name, settings.value(name).toByteArray());
    settings.endGroup();
    restoreSplitters(this);
    const QString mode = settings.value(QStringLiteral("window/mode")).toString();
    for (int index = 0; index < int(std::size(modeNames)); ++index) {
        if (mode == QLatin1String(modeNames[index]))
            setMode(Mode(index));
    }
}

void MainWindow::fitToScreen() {
    // A geometry saved on a larger screen (or at a smaller scale factor) must not open a window larger
    // than this screen: its edges and the status bar would be out of reach.
    const QScreen* screen = this->screen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    // The frame is known once the window exists; before, allow for a title bar and borders.
    const QRect frameRect = frameGeometry();
    const QMargins frame =
        testAttribute(Qt::WA_WState_Created)
            ? QMargins(geometry().left() - frameRect.left(), geometry().top() - frameRect.top(),
                       frameRect.right() - geometry().right(), frameRect.bottom() - geometry().bottom())
            : QMargins(4, 32, 4, 4);
    const QSize room = available.size().shrunkBy(frame);
    if (width() > room.width() || height() > room.height())
        resize(size().boundedTo(room).expandedTo(minimumSize()));
    // Only a position that was restored: an unplaced window is left to the window manager.
    if (!testAttribute(Qt::WA_Moved))
        return;
    const QRect placed = geometry().marginsAdded(frame);
    if (!available.contains(placed))
        move(qBound(available.left(), placed.left(),
                    qMax(available.left(), available.right() + 1 - placed.width())) +
                 frame.left(),
             qBound(available.top(), placed.top(),
                    qMax(available.top(), available.bottom() + 1 - placed.height())) +
                 frame.top());
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // Again now that the window has its screen and, on most platforms, its frame; unless the size
    // was set since it was restored (a test, a command-line option), which is then the one wanted.
    if (!event->spontaneous() && m_restoredSize.isValid()) {
        if (size() == m_restoredSize)
            fitToScreen();
        m_restoredSize = QSize();
    }
}

void MainWindow::restoreSplitters(QWidget* root) {
    // By object name, so that the splitters of views made later (an API's editor) get theirs too;
    // each one's moves are kept, so that closing an editor does not forget them.
    const QList<QSplitter*> splitters = root->findChildren<QSplitter*>();
    for (QSplitter* splitter : splitters) {
        const QString name = splitter->objectName();
        if (name.isEmpty())
            continue;
        const auto saved = m_splitterStates.constFind(name);
        if (saved != m_splitterStates.constEnd())
            splitter->restoreState(*saved);
        connect(splitter, &QSplitter::splitterMoved, this,
                [this, splitter] { m_splitterStates.insert(splitter->objectName(), splitter->saveState()); });
    }
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mode"), QLatin1String(modeNames[int(mode())]));
    const QList<QSplitter*> splitters = findChildren<QSplitter*>();
    for (const QSplitter* splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            m_splitterStates.insert(splitter->objectName(), splitter->saveState());
    }
    settings.beginGroup(QStringLiteral("splitters"));
    for (auto state = m_splitterStates.constBegin(); state != m_splitterStates.constEnd(); ++state)
        settings.setValue(state.key(), state.value());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_publisher->maybeClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

} // namespace gatehouse
