#pragma once

#include <QMainWindow>
#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class MainWindow;
}

namespace gatehouse {

class ApiListModel;
class Workspace;

// The application window. For now it lists the workspace's APIs; the Publisher, Developer Portal and
// Gateway modes grow from here.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Workspace* workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

private:
    void refreshProblems();
    void reloadWorkspace();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Workspace* m_workspace;
    ApiListModel* m_apiModel;
    QSortFilterProxyModel* m_apiFilter;
};

} // namespace gatehouse
