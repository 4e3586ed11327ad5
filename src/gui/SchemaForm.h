#pragma once

#include "core/Json.h"
#include "core/ValidationReport.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace gatehouse {

class PromptPreview;
struct PolicyDefinition;

// A form generated from a policy's attribute schema: a line edit, spin box, check box or combo box
// per attribute (a JSON editor for nested ones), with an error line under each. Widget object names
// are the attribute names. The prompt policies' forms end with a live preview of what the model receives.
class SchemaForm : public QWidget {
    Q_OBJECT
public:
    SchemaForm(const PolicyDefinition& definition, QWidget* parent = nullptr);

    void setParameters(const Json& parameters);
    Json parameters() const;
    void showIssues(const std::vector<ValidationIssue>& issues, const QString& attachmentPath);

Q_SIGNALS:
    void changed();

private:
    QWidget* piiPresets(QPlainTextEdit* editor);

    struct Field {
        QString name;
        int type = 0;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
        bool multiline = false; // a string edited in a text box (a JSON Schema, a PII entity list)
    };
    std::vector<Field> m_fields;
    PromptPreview* m_preview = nullptr; // under the prompt policies' forms
};

} // namespace gatehouse
