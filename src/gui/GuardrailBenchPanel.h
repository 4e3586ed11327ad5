#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace gatehouse {

class ApiDraft;

// The guardrail test bench in the policy editor: type or paste a prompt (or an answer), pick the flow,
// and see which guardrails of the selected operation pass or intervene, with their reasons and what
// masking sends on, from the draft as it is on screen: nothing needs to be saved or deployed.
class GuardrailBenchPanel : public QWidget {
    Q_OBJECT
public:
    explicit GuardrailBenchPanel(ApiDraft* draft, QWidget* parent = nullptr);

    // The operation whose flows the bench runs ("POST /chat/completions").
    void setOperation(const QString& key);
    void run();

private:
    void showSample();

    ApiDraft* m_draft;
    QString m_operation;
    QComboBox* m_flow;
    QPlainTextEdit* m_input;
    QPushButton* m_run;
    QLabel* m_summary;
    QTreeWidget* m_results;
    QPlainTextEdit* m_output;
};

} // namespace gatehouse
