#pragma once

#include "core/Json.h"

#include <QString>
#include <QStringList>

namespace gatehouse {

// One policy placed in a flow: which catalogue entry, and its parameters by attribute name.
// Parameters are kept decoded (a model router's config is a JSON object here, not WSO2's
// single-quoted string) and in the order they were written, so encoding them again is byte-exact.
struct PolicyAttachment {
    QString policyName;
    QString policyVersion = QStringLiteral("v1");
    Json parameters = Json::object();

    bool operator==(const PolicyAttachment& other) const;
    bool operator!=(const PolicyAttachment& other) const { return !(*this == other); }

    Json toJson() const;
    static PolicyAttachment fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
