#pragma once

#include <QString>
#include <optional>

namespace gatehouse {

// What usage can be grouped by. The log's (API, application, model) groups; the usage view stacks by
// one of them, gatehouse-ctl usage groups by any of them.
enum class UsageDimension { Api, Application, Model };

// "api", "app", "model": the words of --group-by and of the JSON's "groupBy".
QString usageDimensionName(UsageDimension dimension);
// Those words, case-insensitive ("application" too); nullopt for anything else.
std::optional<UsageDimension> parseUsageDimension(const QString& text);

} // namespace gatehouse
