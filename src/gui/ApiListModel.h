#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace gatehouse {

class Workspace;

// The workspace's APIs as a table: name, version, context, provider, lifecycle. Follows the
// workspace's change signals, so every view of it stays current.
class ApiListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, VersionColumn, ContextColumn, ProviderColumn, LifecycleColumn, ColumnCount };
    enum Role { ApiIdRole = Qt::UserRole + 1 };

    explicit ApiListModel(Workspace* workspace, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onApiSaved(const QString& apiId);
    void onApiRemoved(const QString& apiId);
    int rowOf(const QString& apiId) const;

    QPointer<Workspace> m_workspace;
    // Row order is the model's own, so that a save replacing an API never reorders the view.
    QStringList m_apiIds;
};

} // namespace gatehouse
