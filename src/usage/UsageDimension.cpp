#include "usage/UsageDimension.h"

namespace gatehouse {

QString usageDimensionName(UsageDimension dimension) {
    switch (dimension) {
    case UsageDimension::Api:
        return QStringLiteral("api");
    case UsageDimension::Application:
        return QStringLiteral("app");
    case UsageDimension::Model:
        return QStringLiteral("model");
    }
    return {};
}

std::optional<UsageDimension> parseUsageDimension(const QString& text) {
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("api"))
        return UsageDimension::Api;
    if (word == QLatin1String("app") || word == QLatin1String("application"))
        return UsageDimension::Application;
    if (word == QLatin1String("model"))
        return UsageDimension::Model;
    return std::nullopt;
}

} // namespace gatehouse
