#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QUndoGroup;

namespace gatehouse {

class ApiEditor;
class ApiListModel;
class GatehouseSession;

// The Publisher: the workspace's APIs (search, lifecycle badges, create, new version, delete) and the
// editor of the selected one.
class PublisherView : public QWidget {
    Q_OBJECT
public:
    PublisherView(GatehouseSession* session, QUndoGroup* undoGroup, QWidget* parent = nullptr);

    ApiEditor* currentEditor() const { return m_editor; }
    QTableView* apiList() const { return m_list; }
    QSplitter* splitter() const { return m_splitter; }
    // Opens the API in the editor (asking about unsaved edits first); false when the user stayed.
    bool openApi(const QString& apiId);
    bool maybeClose();
    void createApi();
    // WSO2's Create New Version of the selected API, then opens the copy.
    void createVersionOfCurrentApi();
    void deleteCurrentApi();

Q_SIGNALS:
    void statusMessage(const QString& message);
    // An API's editor was made (its splitters are new, and may have remembered sizes to take).
    void editorOpened(QWidget* editor);

private:
    void selectionChanged();
    void fitColumns();
    QString selectedApiId() const;

    GatehouseSession* m_session;
    QUndoGroup* m_undoGroup;
    ApiListModel* m_model;
    QSortFilterProxyModel* m_filter;
    QLineEdit* m_search;
    QTableView* m_list;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QSplitter* m_splitter;
    ApiEditor* m_editor = nullptr;
    bool m_switching = false;
};

} // namespace gatehouse
