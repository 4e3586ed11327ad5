#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace gatehouse {

class ApiDraft;

// The API's operations (from the provider's definition), with custom ones added or removed.
class ResourcesPage : public QWidget {
    Q_OBJECT
public:
    explicit ResourcesPage(ApiDraft* draft, QWidget* parent = nullptr);

private:
    void refresh();
    void add();
    void removeSelected();

    ApiDraft* m_draft;
    QTableWidget* m_table;
    QComboBox* m_verb;
    QLineEdit* m_path;
    QLabel* m_error;
};

} // namespace gatehouse
