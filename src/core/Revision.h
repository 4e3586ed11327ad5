#pragma once

#include "core/Api.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// An immutable, numbered snapshot of an API: what gets deployed. Once written it is never rewritten.
struct Revision {
    QString apiId;
    int number = 0;
    QDateTime createdAt;
    QString description;
    Api api;

    Json toJson() const;
    static Revision fromJson(const Json& json, QStringList* errors);
};

} // namespace gatehouse
