#include "gui/PolicyPaletteModel.h"

#include "core/PolicyCatalogue.h"
#include "gui/PolicyIcon.h"
#include "gui/PolicyMime.h"

namespace gatehouse {

namespace {
constexpr quintptr groupId = 0; // group rows; entries carry their group's row + 1
}

PolicyPaletteModel::PolicyPaletteModel(const PolicyCatalogue& catalogue, FlowKind flow, QObject* parent)
    : QAbstractItemModel(parent), m_catalogue(catalogue), m_flow(flow) {
    Group common{tr("Common Policies"), {}};
    Group specific{tr("API Specific Policies"), {}};
    for (const PolicyDefinition& definition : catalogue.definitions()) {
        if (!definition.allowsFlow(flow))
            continue;
        (definition.group == QLatin1String("api") ? specific : common).policies.append(definition.name);
    }
    m_groups = {common, specific};
}

QModelIndex PolicyPaletteModel::indexOfPolicy(const QString& policyName) const {
    for (std::size_t group = 0; group < m_groups.size(); ++group) {
        const qsizetype row = m_groups[group].policies.indexOf(policyName);
        if (row >= 0)
            return createIndex(int(row), 0, quintptr(group + 1));
    }
    return {};
}

QModelIndex PolicyPaletteModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, groupId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PolicyPaletteModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == groupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, groupId);
}

int PolicyPaletteModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == groupId && parent.column() == 0)
        return int(m_groups[std::size_t(parent.row())].policies.size());
    return 0;
}

int PolicyPaletteModel::columnCount(const QModelIndex&) const {
    return 1;
}

QVariant PolicyPaletteModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == groupId) {
        const Group& group = m_groups[std::size_t(index.row())];
        if (role == Qt::DisplayRole)
            return group.title;
        if (role == IsGroupRole)
            return true;
        return {};
    }
    const QString& name = m_groups[std::size_t(index.internalId() - 1)].policies.at(index.row());
    const PolicyDefinition* definition = m_catalogue.find(name);
    if (!definition)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return definition->displayName;
    case Qt::ToolTipRole:
        return definition->description;
    case Qt::DecorationRole:
        return PolicyIcon::forPolicy(*definition);
    case PolicyNameRole:
        return definition->name;
    case CategoryRole:
        return definition->category;
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

Qt::ItemFlags PolicyPaletteModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == groupId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList PolicyPaletteModel::mimeTypes() const {
    return {PolicyMime::definitionType};
}

QMimeData* PolicyPaletteModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& index : indexes) {
        const QString name = index.data(PolicyNameRole).toString();
        if (!name.isEmpty())
            return PolicyMime::forDefinition(name).release(); // ownership passes to the drag, as Qt requires
    }
    return nullptr;
}

Qt::DropActions PolicyPaletteModel::supportedDragActions() const {
    return Qt::CopyAction;
}

} // namespace gatehouse
