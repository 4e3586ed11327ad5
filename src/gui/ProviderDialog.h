#pragma once

#include "core/Provider.h"
#include "core/ValidationReport.h"

#include <QDialog>
#include <QHash>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace gatehouse {

class Workspace;

// File > New Provider…: a custom AI provider, as WSO2's "Add AI vendor" page defines one. Name (the id
// follows it until edited), description, API version, default base URL; the auth header and its value
// format with {key}; where the request and response model sit (payload JSONPath or header); where the
// token counts sit; the model list. Every field is checked as it changes (ProviderValidator) with its
// message in red under it, and OK stays disabled while any is wrong. OK saves to the workspace; a
// refused save is shown in the dialog, which stays open with the edit intact.
class ProviderDialog : public QDialog {
    Q_OBJECT
public:
    // `existing`: the custom provider to edit (its id is then fixed); nullptr for a new one.
    ProviderDialog(Workspace* workspace, const Provider* existing, QWidget* parent = nullptr);

    // The provider as the form describes it now.
    Provider provider() const;
    // The form's current findings (errors and warnings), as shown.
    const ValidationReport& validation() const { return m_report; }
    // The id saved on accept; empty until then.
    QString savedProviderId() const { return m_savedId; }

    // Writes the provider's shareable JSON (ProviderValidator::exportJson: no secrets) to `path`.
    // Refused while the form has errors, so that every exported file can be imported again.
    bool exportTo(const QString& path, QString* error) const;

    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct LocationRow {
        const char* key;
        ValueLocation Provider::*member;
        QComboBox* source;
        QLineEdit* identifier;
        QLabel* error;
    };

    QLabel* errorLabel(const QString& objectName);
    QWidget* buildGeneral();
    QWidget* buildAuth();
    QWidget* buildLocations(const QString& title, const QStringList& keys);
    QWidget* buildModels();
    void load(const Provider& provider);
    void nameEdited(const QString& name);
    void addModel();
    void removeModel();
    void exportToFile();
    void revalidate();
    QLabel* labelFor(const QString& path) const;

    Workspace* m_workspace;
    bool m_editing;
    bool m_idEdited = false;
    // Set until load() has filled the form: signals of half-built widgets must not validate it.
    bool m_loading = true;
    // What the form does not show (operations, stream terminator, ...), kept as they were.
    Provider m_base;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_id = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLineEdit* m_apiVersion = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_authHeader = nullptr;
    QLineEdit* m_authFormat = nullptr;
    QCheckBox* m_keyRequired = nullptr;
    std::vector<LocationRow> m_locations;
    QLineEdit* m_newModel = nullptr;
    QPushButton* m_addModel = nullptr;
    QPushButton* m_removeModel = nullptr;
    QListWidget* m_models = nullptr;
    QLabel* m_problems = nullptr;
    QPushButton* m_export = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    // Error label per validator path ("id", "auth.header", "locations.promptTokens", "models").
    QHash<QString, QLabel*> m_errorLabels;

    ValidationReport m_report;
    QString m_savedId;
};

} // namespace gatehouse
