#pragma once

#include <QMainWindow>
#include <memory>

class QLabel;
class QUndoGroup;

namespace Ui {
class MainWindow;
}

namespace gatehouse {

class DevPortalView;
class GatehouseSession;
class GatewayView;
class PublisherView;

// The application window: Publisher, Developer Portal and Gateway modes (as WSO2 has two portals
// and a gateway), undo/redo of the current API in the Edit menu, and a status bar with the in-app
// gateway's state. Geometry and splitter sizes are remembered.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Mode { Publisher, DevPortal, Gateway };

    explicit MainWindow(GatehouseSession* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setMode(Mode mode);
    PublisherView* publisher() const { return m_publisher; }
    GatewayView* gatewayView() const { return m_gatewayView; }
    DevPortalView* devPortal() const { return m_devPortal; }
    QUndoGroup* undoGroup() const { return m_undoGroup; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void refreshProblems();
    void refreshGatewayStatus();
    void restoreLayout();
    void saveLayout() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    GatehouseSession* m_session;
    QUndoGroup* m_undoGroup;
    PublisherView* m_publisher;
    DevPortalView* m_devPortal;
    GatewayView* m_gatewayView;
    QLabel* m_gatewayStatus;
    qint64 m_lastRequests = 0;
};

} // namespace gatehouse
