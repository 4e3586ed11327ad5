#pragma once

#include "core/FlowKind.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace gatehouse {

class PolicyCatalogue;

// The policy palette of one flow tab: two groups, "Common Policies" and "API Specific Policies",
// each listing the catalogue entries that may run in that flow. Entries drag out as
// PolicyMime::definitionType; the palette never accepts drops.
class PolicyPaletteModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { PolicyNameRole = Qt::UserRole + 1, CategoryRole, IsGroupRole };

    PolicyPaletteModel(const PolicyCatalogue& catalogue, FlowKind flow, QObject* parent = nullptr);

    FlowKind flow() const { return m_flow; }
    // The index of a policy's entry, for tests and keyboard attachment.
    QModelIndex indexOfPolicy(const QString& policyName) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Group {
        QString title;
        QStringList policies;
    };
    const PolicyCatalogue& m_catalogue;
    FlowKind m_flow;
    std::vector<Group> m_groups;
};

} // namespace gatehouse
