#include "gui/ApiListModel.h"

#include "core/Workspace.h"

#include <QBrush>
#include <QColor>

namespace gatehouse {

ApiListModel::ApiListModel(Workspace* workspace, QObject* parent)
    : QAbstractTableModel(parent), m_workspace(workspace) {
    const auto resetAll = [this] {
        beginResetModel();
        m_apiIds.clear();
        if (m_workspace) {
            for (const Api& api : m_workspace->apis())
                m_apiIds.append(api.id);
        }
        endResetModel();
    };
    resetAll();
    connect(workspace, &Workspace::reloaded, this, resetAll);
    connect(workspace, &Workspace::apiSaved, this, &ApiListModel::onApiSaved);
    connect(workspace, &Workspace::apiRemoved, this, &ApiListModel::onApiRemoved);
}

int ApiListModel::rowOf(const QString& apiId) const {
    return int(m_apiIds.indexOf(apiId));
}

void ApiListModel::onApiSaved(const QString& apiId) {
    const int row = rowOf(apiId);
    if (row >= 0) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_apiIds.size()), int(m_apiIds.size()));
    m_apiIds.append(apiId);
    endInsertRows();
}

void ApiListModel::onApiRemoved(const QString& apiId) {
    const int row = rowOf(apiId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_apiIds.removeAt(row);
    endRemoveRows();
}

int ApiListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_apiIds.size());
}

int ApiListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_workspace)
        return {};
    const Api* api = m_workspace->api(m_apiIds.at(index.row()));
    if (!api)
        return {};
    if (role == ApiIdRole)
        return api->id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return api->name;
        case VersionColumn:
            return api->version;
        case ContextColumn:
            return api->basePath();
        case ProviderColumn: {
            const Provider* provider = m_workspace->provider(api->providerId);
            return provider ? provider->displayName : api->providerId;
        }
        case LifecycleColumn:
            return lifecycleStateDisplayName(api->lifecycle);
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == LifecycleColumn) {
        switch (api->lifecycle) {
        case LifecycleState::Published:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case LifecycleState::Deprecated:
        case LifecycleState::Blocked:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole)
        return api->description;
    return {};
}

QVariant ApiListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Version");
    case ContextColumn:
        return tr("Context");
    case ProviderColumn:
        return tr("Provider");
    case LifecycleColumn:
        return tr("Lifecycle");
    default:
        return {};
    }
}

} // namespace gatehouse
