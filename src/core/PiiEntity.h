#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QRegularExpression>
#include <QString>
#include <vector>

namespace gatehouse {

// One kind of personal data PIIMaskingRegex looks for: {"piiEntity":"EMAIL","piiRegex":"..."}.
struct PiiEntity {
    QString name; // "EMAIL": upper-case letters, digits and '_', the start of its placeholders
    QString pattern;
    QRegularExpression regex; // a BoundedRegex

    // The `piiEntities` parameter: WSO2's string of JSON (its '"' sometimes written '\''), or the list.
    static Result<std::vector<PiiEntity>> parseList(const Json& value);
};

} // namespace gatehouse
