#pragma once

#include "core/FlowKind.h"
#include "core/PolicyAttachment.h"
#include "core/PriceCatalogue.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QScrollArea;

namespace gatehouse {

class ApiDraft;
class ModelRouterForm;
class PolicyFlowModel;
class SchemaForm;
struct PolicyDefinition;

// The drawer on the right of the policy editor: the configuration form of the policy being attached
// or edited, validated as the user types (errors next to their fields), Save disabled while any
// error remains. Saving attaches (or replaces) the policy as one undoable step.
class PolicyConfigPanel : public QWidget {
    Q_OBJECT
public:
    PolicyConfigPanel(PolicyFlowModel* model, ApiDraft* draft, QWidget* parent = nullptr);

    void openNew(const QString& scope, FlowKind flow, int position, const QString& policyName);
    void openExisting(const QString& scope, FlowKind flow, int position);
    void closePanel();
    bool isEditing() const { return !m_policyName.isEmpty(); }
    bool canSave() const;
    // The width at which the open form needs no horizontal scrolling.
    int preferredWidth() const;
    PolicyAttachment currentAttachment() const;
    ModelRouterForm* routerForm() const { return m_routerForm; }
    SchemaForm* schemaForm() const { return m_schemaForm; }

Q_SIGNALS:
    void finished(const QString& message);
    // The drawer was hidden and is now shown (not when it switches to another policy while open),
    // and the other way round.
    void opened();
    void closed();

private:
    void open(const QString& scope, FlowKind flow, int position, const QString& policyName,
              const PolicyAttachment& initial, bool isNew);
    void revalidate();
    void save();
    QString attachmentPath() const;
    QWidget* packedAtTop(QWidget* form) const;

    PolicyFlowModel* m_model;
    QPointer<ApiDraft> m_draft;
    const PolicyDefinition* m_definition = nullptr;
    QString m_policyName;
    QString m_scope;
    FlowKind m_flow = FlowKind::Request;
    int m_position = 0;
    bool m_isNew = false;
    PolicyAttachment m_original; // what an edited chip held when the panel opened
    // The router form's models beyond the provider's list, read when it opens (not per keystroke:
    // prices.json may be LiteLLM's whole file): offered in the form and not warned about.
    PriceCatalogue m_prices = PriceCatalogue::shipped();
    QStringList m_fetchedModels;

    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_placement;
    QLabel* m_problems;
    QScrollArea* m_scroll;
    ModelRouterForm* m_routerForm = nullptr;
    SchemaForm* m_schemaForm = nullptr;
    QCheckBox* m_applyToAll;
    QPushButton* m_save;
    QPushButton* m_cancel;
    QPushButton* m_paste; // "Paste from WSO2", shown for the model routers
};

} // namespace gatehouse
