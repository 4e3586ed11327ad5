#pragma once

#include "core/PolicyFlows.h"

#include <QString>

namespace gatehouse {

// One resource of an API: an HTTP verb on a path template such as "/models/{id}".
struct Operation {
    QString verb; // upper case: GET, POST, ...
    QString path; // starts with '/'
    QString summary;
    Json sampleBody; // null when the operation takes no body
    PolicyFlows policies;

    // "POST /chat/completions": how users, the CLI and validation messages name an operation.
    QString key() const;
    // Whether a concrete path ("/models/gpt-4o") is one of this operation's: a template segment
    // ("{id}") matches any one non-empty segment. (The gateway matches pre-split bytes instead.)
    bool matchesPath(const QString& concretePath) const;
    bool operator==(const Operation& other) const;
    bool operator!=(const Operation& other) const { return !(*this == other); }

    Json toJson() const;
    static Operation fromJson(const Json& json, const QString& path, QStringList* errors);
};

// Splits "POST /chat/completions" into verb and path; false when it is not of that shape.
bool parseOperationKey(const QString& text, QString* verb, QString* path);

} // namespace gatehouse
