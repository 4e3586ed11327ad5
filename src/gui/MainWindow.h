#pragma once

#include <QByteArray>
#include <QHash>
#include <QMainWindow>
#include <QSize>
#include <QString>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QUndoGroup;

namespace Ui {
class MainWindow;
}

namespace gatehouse {

class AdminView;
class DevPortalView;
class GatehouseSession;
class GatewayView;
class PublisherView;
class UsageView;

// The application window: Publisher, Developer Portal, Gateway, Usage and Admin modes (as WSO2 has
// a Publisher, a Developer Portal, an Admin Portal and a gateway), undo/redo of the current API in the Edit
// menu, and a status bar with the in-app gateway's state. Geometry, splitter sizes and the mode are
// remembered from one start to the next.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // In the order of the View menu and the mode bar (Ctrl+1 to Ctrl+5).
    enum class Mode { Publisher, DevPortal, Gateway, Usage, Admin };

    explicit MainWindow(GatehouseSession* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setMode(Mode mode);
    Mode mode() const;
    PublisherView* publisher() const { return m_publisher; }
    GatewayView* gatewayView() const { return m_gatewayView; }
    DevPortalView* devPortal() const { return m_devPortal; }
    UsageView* usageView() const { return m_usageView; }
    AdminView* adminView() const { return m_adminView; }
    QUndoGroup* undoGroup() const { return m_undoGroup; }

    // File menu's interoperability, without the file dialogs (the menu asks for the path, tests pass
    // it). Each returns false with a one-paragraph reason in `message`; on success `message` says
    // what happened (warnings, what could not be mapped) and the imported API is open.
    bool exportWso2(const QString& apiId, const QString& destination, QString* message);
    bool importWso2(const QString& source, QString* message);
    bool importOpenApi(const QString& file, QString* message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // Indexed by Mode.
    std::vector<QWidget*> modePages() const;
    std::vector<QAction*> modeActions() const;
    void refreshProblems();
    void showOutcome(bool ok, const QString& title, const QString& message);
    void refreshGatewayStatus();
    void restoreLayout();
    void restoreSplitters(QWidget* root);
    void fitToScreen();
    void saveLayout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    GatehouseSession* m_session;
    QUndoGroup* m_undoGroup;
    PublisherView* m_publisher;
    DevPortalView* m_devPortal;
    GatewayView* m_gatewayView;
    UsageView* m_usageView;
    AdminView* m_adminView;
    QLabel* m_gatewayStatus;
    qint64 m_lastRequests = 0;
    QSize m_restoredSize;                        // until the first show: the size restoreLayout() chose
    QHash<QString, QByteArray> m_splitterStates; // by object name, including closed editors' ones
};

} // namespace gatehouse
