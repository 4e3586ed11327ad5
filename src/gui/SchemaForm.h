#pragma once

#include "core/Json.h"
#include "core/ValidationReport.h"

#include <QHash>
#include <QWidget>

class QLabel;

namespace gatehouse {

struct PolicyDefinition;

// A form generated from a policy's attribute schema: a line edit, spin box, check box or combo box
// per attribute (a JSON editor for nested ones), with an error line under each. Widget object names
// are the attribute names.
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
    struct Field {
        QString name;
        int type = 0;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };
    std::vector<Field> m_fields;
};

} // namespace gatehouse
