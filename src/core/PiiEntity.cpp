#include "core/PiiEntity.h"

#include "core/BoundedRegex.h"

#include <algorithm>

namespace gatehouse {

Result<std::vector<PiiEntity>> PiiEntity::parseList(const Json& value) {
    using EntitiesResult = Result<std::vector<PiiEntity>>;
    Json list = value;
    if (value.is_string()) {
        // WSO2 keeps the list as a string of JSON, its '"' sometimes written as '\''.
        std::string text = value.get<std::string>();
        list = Json::parse(text, nullptr, false);
        if (list.is_discarded()) {
            std::replace(text.begin(), text.end(), '\'', '"');
            list = Json::parse(text, nullptr, false);
        }
        if (list.is_discarded())
            return EntitiesResult::failure(QStringLiteral("piiEntities is not a JSON list"));
    }
    if (!list.is_array() || list.empty())
        return EntitiesResult::failure(QStringLiteral("piiEntities must list at least one entity"));
    std::vector<PiiEntity> entities;
    for (std::size_t index = 0; index < list.size(); ++index) {
        const Json& item = list[index];
        const auto entity = item.is_object() ? item.find("piiEntity") : item.end();
        const auto regex = item.is_object() ? item.find("piiRegex") : item.end();
        if (!item.is_object() || entity == item.end() || regex == item.end() || !entity->is_string() ||
            !regex->is_string())
            return EntitiesResult::failure(
                QStringLiteral("piiEntities[%1] must be {\"piiEntity\": ..., \"piiRegex\": ...}").arg(index));
        const QString name = toQString(entity->get<std::string>()).trimmed();
        static const QRegularExpression entityName(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
        if (!entityName.match(name).hasMatch())
            return EntitiesResult::failure(
                QStringLiteral(
                    "piiEntities[%1].piiEntity must be upper-case letters, digits and '_' (\"EMAIL\")")
                    .arg(index));
        const QString pattern = toQString(regex->get<std::string>());
        Result<QRegularExpression> compiled = BoundedRegex::compile(pattern);
        if (!compiled)
            return EntitiesResult::failure(
                QStringLiteral("piiEntities[%1].piiRegex: %2").arg(index).arg(compiled.error()));
        entities.push_back({name, pattern, std::move(compiled.value())});
    }
    return EntitiesResult::success(std::move(entities));
}

} // namespace gatehouse
