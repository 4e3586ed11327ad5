#include "usage/UsageReport.h"

#include <QHash>
#include <algorithm>

namespace gatehouse {

bool UsageReport::ranksBefore(const UsageRow& a, const UsageRow& b) {
    const UsageCounters& x = a.counters;
    const UsageCounters& y = b.counters;
    if (x.costE10 != y.costE10)
        return x.costE10 > y.costE10;
    if (x.totalTokens != y.totalTokens)
        return x.totalTokens > y.totalTokens;
    if (x.requests != y.requests)
        return x.requests > y.requests;
    if (a.apiId != b.apiId)
        return a.apiId < b.apiId;
    if (a.applicationId != b.applicationId)
        return a.applicationId < b.applicationId;
    return a.model < b.model;
}

std::vector<UsageRow> UsageReport::topConsumers(std::size_t limit) const {
    std::vector<UsageRow> groups;
    QHash<QString, std::size_t> indexOf;
    for (const UsageRow& row : rows) {
        const QString key = row.apiId + QChar(0) + row.applicationId + QChar(0) + row.model;
        const auto found = indexOf.constFind(key);
        if (found == indexOf.constEnd()) {
            indexOf.insert(key, groups.size());
            groups.push_back(row);
            groups.back().bucketStartMs = -1;
        } else {
            UsageRow& group = groups[*found];
            group.counters.add(row.counters);
            group.apiName = row.apiName; // rows run from old to new: the latest name wins
        }
    }
    std::sort(groups.begin(), groups.end(), &UsageReport::ranksBefore);
    if (limit > 0 && groups.size() > limit)
        groups.resize(limit);
    return groups;
}

} // namespace gatehouse
