#include "core/PolicyDefinition.h"

#include "core/JsonFieldReader.h"

#include <algorithm>

namespace gatehouse {

namespace {
Json defaultValueOf(const PolicyAttribute& attribute) {
    if (!attribute.defaultValue.is_null())
        return attribute.defaultValue;
    switch (attribute.type) {
    case PolicyAttribute::Type::Object: {
        Json object = Json::object();
        for (const PolicyAttribute& field : attribute.fields) {
            if (field.required || !field.defaultValue.is_null())
                object[toStdString(field.name)] = defaultValueOf(field);
        }
        return object;
    }
    case PolicyAttribute::Type::Array:
        return Json::array();
    case PolicyAttribute::Type::String:
    case PolicyAttribute::Type::Enum:
        return attribute.allowedValues.isEmpty() ? Json("")
                                                 : Json(toStdString(attribute.allowedValues.first()));
    case PolicyAttribute::Type::Boolean:
        return false;
    case PolicyAttribute::Type::Integer:
    case PolicyAttribute::Type::Number:
        return attribute.minimum ? Json(*attribute.minimum) : Json(0);
    }
    return nullptr;
}
} // namespace

bool PolicyDefinition::allowsFlow(FlowKind flow) const {
    return std::find(flows.begin(), flows.end(), flow) != flows.end();
}

bool PolicyDefinition::appliesToApiType(const QString& apiType) const {
    return apiTypes.contains(apiType);
}

const PolicyAttribute* PolicyDefinition::attribute(const QString& attributeName) const {
    for (const PolicyAttribute& candidate : attributes) {
        if (candidate.name == attributeName)
            return &candidate;
    }
    return nullptr;
}

Json PolicyDefinition::defaultParameters() const {
    Json parameters = Json::object();
    for (const PolicyAttribute& attribute : attributes)
        parameters[toStdString(attribute.name)] = defaultValueOf(attribute);
    return parameters;
}

Result<PolicyDefinition> PolicyDefinition::fromJson(const Json& json) {
    QStringList errors;
    JsonFieldReader reader(json, QStringLiteral("$"), &errors);
    PolicyDefinition definition;
    definition.name = reader.requiredString("name");
    definition.displayName = reader.optionalString("displayName", definition.name);
    definition.description = reader.optionalString("description");
    definition.category = reader.optionalString("category");
    definition.group = reader.optionalString("group", definition.group);
    definition.version = reader.optionalString("version", definition.version);
    definition.policyType = reader.optionalString("policyType", definition.policyType);
    for (const QString& flowName : reader.optionalStringList("flows")) {
        if (const auto flow = parseFlowKind(flowName))
            definition.flows.push_back(*flow);
        else
            reader.addError(reader.childPath("flows"), tr("unknown flow \"%1\"").arg(flowName));
    }
    if (definition.flows.empty())
        reader.addError(reader.childPath("flows"), tr("must name at least one flow"));
    definition.apiTypes = reader.optionalStringList("apiTypes");
    definition.exclusiveGroup = reader.optionalString("exclusiveGroup");
    definition.router = reader.optionalString("router");
    definition.gatehouseOnly = reader.optionalBool("gatehouseOnly", false);
    if (const Json* list = reader.optionalArray("attributes")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            definition.attributes.push_back(PolicyAttribute::fromJson(
                (*list)[i], jsonIndexPath(reader.childPath("attributes"), i), &errors));
    }
    if (!errors.isEmpty())
        return Result<PolicyDefinition>::failure(errors.join(QLatin1Char('\n')));
    return Result<PolicyDefinition>::success(std::move(definition));
}

} // namespace gatehouse
