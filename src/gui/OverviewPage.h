#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QHBoxLayout;

namespace gatehouse {

class ApiDraft;

// Name, description and lifecycle of an API; lifecycle buttons offer only the allowed transitions.
class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(ApiDraft* draft, QWidget* parent = nullptr);

private:
    void refresh();

    ApiDraft* m_draft;
    QLineEdit* m_name;
    QLabel* m_nameError;
    QPlainTextEdit* m_description;
    QLabel* m_address;
    QLabel* m_provider;
    QLabel* m_lifecycle;
    QHBoxLayout* m_lifecycleButtons;
};

} // namespace gatehouse
