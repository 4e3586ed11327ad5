#pragma once

#include "console/ConsoleTypes.h"

#include <QAbstractTableModel>
#include <vector>

namespace gatehouse {

// The console's per-request table: #, the model that answered (what a routing run is about, so it
// comes first), status, latency, whether the response cache answered, tokens (prompt/completion), error.
// Results are appended as they arrive (constant work each), so a 1000-request run keeps the UI responsive.
class ResultsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        ModelColumn,
        StatusColumn,
        LatencyColumn,
        CacheColumn,
        TokensColumn,
        ErrorColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void append(const InvokeResult& result);
    void clear();
    const InvokeResult* result(int row) const;
    // X-Cache-Status in the user's language ("Hit", "Miss", "Bypass"); empty without a cache.
    static QString cacheStatusText(const QString& status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<InvokeResult> m_results;
};

} // namespace gatehouse
