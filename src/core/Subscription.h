#pragma once

#include "core/Json.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// An application's right to call one API under one business plan.
struct Subscription {
    QString apiId;
    QString plan;
    QDateTime createdAt;

    bool operator==(const Subscription& other) const;
    Json toJson() const;
    static Subscription fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
