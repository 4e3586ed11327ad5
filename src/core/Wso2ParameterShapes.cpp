#include "core/Wso2ParameterShapes.h"

#include "core/ModelRouterConfig.h"
#include "core/PolicyAttribute.h"
#include "core/PolicyDefinition.h"

#include <QString>
#include <cmath>

namespace gatehouse {

namespace {

const char* const stageKeys[] = {"production", "sandbox"};
// The router settings WSO2's Publisher takes from a number field, and so writes as text.
const char* const textNumberKeys[] = {"suspendDuration", "requestTimeout"};

Json typedScalar(PolicyAttribute::Type type, const Json& value) {
    // A YAML writer may leave a text that looks like a number or a boolean unquoted (name: 2024).
    if (type == PolicyAttribute::Type::String && (value.is_number() || value.is_boolean()))
        return Json(dumpCompact(value));
    if (!value.is_string())
        return value;
    const QString text = toQString(value.get<std::string>()).trimmed();
    bool ok = false;
    switch (type) {
    case PolicyAttribute::Type::Integer: {
        const qlonglong number = text.toLongLong(&ok);
        return ok ? Json(qint64(number)) : value;
    }
    case PolicyAttribute::Type::Number: {
        const double number = text.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return value;
        if (number == std::floor(number) && std::fabs(number) < 1e15)
            return Json(qint64(number));
        return Json(number);
    }
    case PolicyAttribute::Type::Boolean:
        if (text.isEmpty())
            return Json(); // WSO2's UI leaves an unset switch as '': not given
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
        return value;
    default:
        return value;
    }
}

bool isUnusedFailoverStage(const Json& stage) {
    if (!stage.is_object())
        return false;
    for (const auto& [key, member] : stage.items()) {
        if (key == "targetModel" && ModelRouterConfig::namesNoTarget(member))
            continue;
        if (key == "fallbackModels" && (member.is_null() || (member.is_array() && member.empty())))
            continue;
        return false;
    }
    return true;
}

} // namespace

Json Wso2ParameterShapes::typedValue(const PolicyAttribute& attribute, const Json& value) {
    if (attribute.type == PolicyAttribute::Type::Object && value.is_object()) {
        Json typed = value;
        for (auto& [key, member] : typed.items()) {
            if (const PolicyAttribute* field = attribute.field(toQString(key)))
                member = typedValue(*field, member);
        }
        return typed;
    }
    if (attribute.type == PolicyAttribute::Type::Array && attribute.items && value.is_array()) {
        Json typed = Json::array();
        for (const Json& item : value)
            typed.push_back(typedValue(*attribute.items, item));
        return typed;
    }
    return typedScalar(attribute.type, value);
}

Json Wso2ParameterShapes::canonicalValue(const PolicyDefinition& definition, const PolicyAttribute& attribute,
                                         const Json& value) {
    Json typed = typedValue(attribute, value);
    if (definition.router != QLatin1String("modelFailover") || !typed.is_object())
        return typed;
    for (const char* stage : stageKeys) {
        const auto it = typed.find(stage);
        if (it != typed.end() && isUnusedFailoverStage(*it))
            *it = Json::object();
    }
    return typed;
}

Json Wso2ParameterShapes::canonical(const PolicyDefinition& definition, const Json& parameters) {
    if (!parameters.is_object())
        return parameters;
    Json result = parameters;
    for (auto& [key, value] : result.items()) {
        if (const PolicyAttribute* attribute = definition.attribute(toQString(key)))
            value = canonicalValue(definition, *attribute, value);
    }
    return result;
}

Json Wso2ParameterShapes::asWso2Writes(const PolicyDefinition& definition, const Json& value) {
    if (!definition.isModelRouter() || !value.is_object())
        return value;
    Json written = value;
    const bool failover = definition.router == QLatin1String("modelFailover");
    for (const char* stage : stageKeys) {
        Json& stageValue = written[stage];
        if (failover && (stageValue.is_null() || (stageValue.is_object() && stageValue.empty())))
            stageValue = Json{{"targetModel", Json::object()}, {"fallbackModels", Json::array()}};
        else if (!failover && stageValue.is_null())
            stageValue = Json::array();
    }
    for (const char* key : textNumberKeys) {
        const auto it = written.find(key);
        if (it != written.end() && it->is_number())
            *it = it->is_number_float() ? dumpCompact(*it) : std::to_string(it->get<qint64>());
    }
    return written;
}

} // namespace gatehouse
