#pragma once

#include "core/FlowKind.h"
#include "core/PolicyAttachment.h"
#include "gui/PolicyMime.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace gatehouse {

class ApiDraft;
struct Api;
struct Operation;
struct PolicyFlows;
class PolicyCatalogue;

// The left side of the policy editor as a tree: the API level and every operation, each with its
// Request / Response / Fault lanes, each lane listing its attached policies in order. Drops of
// palette entries ask for an attachment (the editor opens the configuration form first); drops of
// attached policies reorder their lane. Every change goes through the draft's undo stack.
class PolicyFlowModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Scope, Lane, Attachment };
    enum Role {
        KindRole = Qt::UserRole + 1,
        ScopeRole,
        FlowRole,
        AttachmentIndexRole,
        PolicyNameRole,
        SummaryRole
    };

    PolicyFlowModel(ApiDraft* draft, const PolicyCatalogue& catalogue, QObject* parent = nullptr);

    static QString apiLevelScope() { return {}; }
    QModelIndex scopeIndex(const QString& scope) const;
    QModelIndex laneIndex(const QString& scope, FlowKind flow) const;
    QModelIndex attachmentIndex(const QString& scope, FlowKind flow, int position) const;

    // Why the payload may not be dropped there (empty: it may). `row` is the drop row inside a lane
    // (-1: at the end), as Qt's views pass it.
    QString dropRefusal(const QMimeData* data, const QModelIndex& parent, int row) const;

    // Editing, each one undoable step. Return false (and set `error`) when the change is refused.
    bool attach(const QString& scope, FlowKind flow, int position, const PolicyAttachment& attachment,
                QString* error = nullptr);
    // Attaches to this flow of every operation that accepts it; returns how many.
    int attachToAllOperations(FlowKind flow, const PolicyAttachment& attachment, QString* error = nullptr);
    bool replace(const QString& scope, FlowKind flow, int position, const PolicyAttachment& attachment);
    bool remove(const QString& scope, FlowKind flow, int position);
    bool move(const QString& scope, FlowKind flow, int from, int to);
    std::optional<PolicyAttachment> attachmentAt(const QString& scope, FlowKind flow, int position) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

Q_SIGNALS:
    // A palette entry was dropped: the editor asks for its configuration, then calls attach().
    void attachRequested(const QString& scope, FlowKind flow, int position, const QString& policyName);

private:
    struct Target {
        QString scope;
        FlowKind flow = FlowKind::Request;
        int position = -1;
        bool valid = false;
    };
    Target dropTarget(const QModelIndex& parent, int row) const;
    int scopeCount() const;
    QString scopeKey(int scopeRow) const;
    int scopeRow(const QString& scope) const;
    const PolicyFlows* flowsOf(const Api& api, const QString& scope) const;
    PolicyFlows* flowsOf(Api& api, const QString& scope) const;
    QString summary(const PolicyAttachment& attachment) const;

    QPointer<ApiDraft> m_draft;
    const PolicyCatalogue& m_catalogue;
};

} // namespace gatehouse
