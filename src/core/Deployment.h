#pragma once

#include "core/Json.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// Which revision of an API is live on the local gateway.
struct Deployment {
    QString apiId;
    int revision = 0;
    QDateTime deployedAt;

    bool operator==(const Deployment& other) const;
    Json toJson() const;
    static Deployment fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
