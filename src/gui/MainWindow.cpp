#include "MainWindow.h"

#include "ApiListModel.h"
#include "Workspace.h"
#include "ui_MainWindow.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>

namespace gatehouse {

MainWindow::MainWindow(Workspace* workspace, QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_workspace(workspace),
      m_apiModel(new ApiListModel(workspace, this)), m_apiFilter(new QSortFilterProxyModel(this)) {
    m_ui->setupUi(this);
    QFont headingFont = m_ui->apisHeading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_ui->apisHeading->setFont(headingFont);
    m_ui->workspaceProblems->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c6cb; padding: 6px; }"));

    m_apiFilter->setSourceModel(m_apiModel);
    m_apiFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_apiFilter->setFilterKeyColumn(-1);
    m_ui->apiTable->setModel(m_apiFilter);
    m_ui->apiTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->apiTable->sortByColumn(ApiListModel::NameColumn, Qt::AscendingOrder);
    connect(m_ui->apiSearch, &QLineEdit::textChanged, m_apiFilter,
            &QSortFilterProxyModel::setFilterFixedString);

    const auto updateEmptyHint = [this] {
        m_ui->emptyHint->setVisible(m_apiModel->rowCount() == 0);
    };
    connect(m_apiModel, &QAbstractItemModel::modelReset, this, updateEmptyHint);
    connect(m_apiModel, &QAbstractItemModel::rowsInserted, this, updateEmptyHint);
    connect(m_apiModel, &QAbstractItemModel::rowsRemoved, this, updateEmptyHint);
    updateEmptyHint();

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionReload, &QAction::triggered, this, &MainWindow::reloadWorkspace);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Gatehouse"),
            tr("<b>Gatehouse %1</b><p>Design, route and try out AI APIs: a Publisher, a Developer "
               "Portal and a local AI gateway in one window.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    connect(workspace, &Workspace::reloaded, this, &MainWindow::refreshProblems);

    statusBar()->showMessage(tr("Workspace: %1").arg(workspace->directory()));
    refreshProblems();
}

MainWindow::~MainWindow() = default;

void MainWindow::refreshProblems() {
    const QStringList& problems = m_workspace->problems();
    m_ui->workspaceProblems->setVisible(!problems.isEmpty());
    if (problems.isEmpty())
        return;
    m_ui->workspaceProblems->setText(tr("Some workspace files could not be read and are left untouched:") +
                                     QStringLiteral("\n• ") + problems.join(QStringLiteral("\n• ")));
}

void MainWindow::reloadWorkspace() {
    QString error;
    if (!m_workspace->reload(&error))
        QMessageBox::warning(this, tr("Reload failed"), error);
}

} // namespace gatehouse
