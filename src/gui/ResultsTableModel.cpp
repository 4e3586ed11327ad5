#include "gui/ResultsTableModel.h"

#include <QBrush>
#include <QColor>

namespace gatehouse {

namespace {
// "prompt/completion" when the answer said both, else the total (or nothing without usage).
QString tokens(const InvokeResult& result) {
    if (result.promptTokens >= 0 && result.completionTokens >= 0)
        return QStringLiteral("%1/%2").arg(result.promptTokens).arg(result.completionTokens);
    return result.totalTokens >= 0 ? QString::number(result.totalTokens) : QString();
}
} // namespace

QString ResultsTableModel::cacheStatusText(const QString& status) {
    if (status == QLatin1String("Hit"))
        return tr("Hit");
    if (status == QLatin1String("Miss"))
        return tr("Miss");
    if (status == QLatin1String("Bypass"))
        return tr("Bypass");
    return status;
}

void ResultsTableModel::append(const InvokeResult& result) {
    beginInsertRows({}, int(m_results.size()), int(m_results.size()));
    InvokeResult stored = result;
    stored.body.truncate(64 * 1024); // the table needs a preview; the runner keeps the full body
    m_results.push_back(std::move(stored));
    endInsertRows();
}

void ResultsTableModel::clear() {
    beginResetModel();
    m_results.clear();
    endResetModel();
}

const InvokeResult* ResultsTableModel::result(int row) const {
    return row >= 0 && row < int(m_results.size()) ? &m_results[std::size_t(row)] : nullptr;
}

int ResultsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_results.size());
}

int ResultsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const InvokeResult& result = m_results[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IndexColumn:
            return result.index + 1;
        case StatusColumn:
            return result.status == 0 ? tr("no answer") : QString::number(result.status);
        case LatencyColumn:
            return QString::number(result.latencyMs, 'f', 1);
        case ModelColumn:
            return result.model;
        case CacheColumn:
            return cacheStatusText(result.cacheStatus);
        case TokensColumn:
            return tokens(result);
        case ErrorColumn:
            return result.errorCode.isEmpty() ? result.errorMessage
                                              : result.errorCode + QStringLiteral(": ") + result.errorMessage;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && result.isError())
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ForegroundRole && index.column() == CacheColumn &&
        result.cacheStatus == QLatin1String("Hit"))
        return QBrush(QColor(0x2e, 0x7d, 0x32));
    if (role == Qt::ToolTipRole && index.column() == CacheColumn && !result.cacheStatus.isEmpty())
        return tr("X-Cache-Status: %1").arg(result.cacheStatus);
    if (role == Qt::ToolTipRole && index.column() == TokensColumn && result.totalTokens >= 0)
        return tr("%1 prompt + %2 completion = %3 tokens")
            .arg(result.promptTokens)
            .arg(result.completionTokens)
            .arg(result.totalTokens);
    if (role == Qt::TextAlignmentRole && index.column() != ModelColumn && index.column() != ErrorColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn:
        return tr("#");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency (ms)");
    case ModelColumn:
        return tr("Model");
    case CacheColumn:
        return tr("Cache");
    case TokensColumn:
        return tr("Tokens");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace gatehouse
