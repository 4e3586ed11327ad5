#include "gui/FetchedModels.h"

#include <QHash>
#include <vector>

namespace gatehouse {

namespace {

struct EndpointModels {
    QString endpointId;
    QStringList models;
};

// workspace directory + '\n' + API id -> the endpoints' lists, first fetched first.
QHash<QString, std::vector<EndpointModels>>& store() {
    static QHash<QString, std::vector<EndpointModels>> fetched;
    return fetched;
}

QString keyOf(const QString& workspaceDirectory, const QString& apiId) {
    return workspaceDirectory + QLatin1Char('\n') + apiId;
}

} // namespace

void FetchedModels::remember(const QString& workspaceDirectory, const QString& apiId,
                             const QString& endpointId, const QStringList& models) {
    std::vector<EndpointModels>& lists = store()[keyOf(workspaceDirectory, apiId)];
    for (EndpointModels& list : lists) {
        if (list.endpointId == endpointId) {
            list.models = models;
            return;
        }
    }
    lists.push_back({endpointId, models});
}

QStringList FetchedModels::of(const QString& workspaceDirectory, const QString& apiId) {
    QStringList models;
    const auto it = store().constFind(keyOf(workspaceDirectory, apiId));
    if (it == store().constEnd())
        return models;
    for (const EndpointModels& list : *it) {
        for (const QString& model : list.models) {
            if (!models.contains(model))
                models.append(model);
        }
    }
    return models;
}

} // namespace gatehouse
