#include "core/PolicyValidator.h"

#include "core/Wso2AttributeCodec.h"

#include <QHash>
#include <QRegularExpression>
#include <cmath>

namespace gatehouse {

namespace {

QString child(const QString& path, const QString& key) {
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexed(const QString& path, std::size_t index) {
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString formatNumber(double value) {
    return QString::number(value, 'g', 12);
}

QString jsonString(const Json& object, const char* key) {
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? toQString(it->get_ref<const std::string&>()) : QString();
}

} // namespace

PolicyValidator::PolicyValidator(const PolicyCatalogue& catalogue, const Provider* provider)
    : m_catalogue(catalogue), m_provider(provider) {
}

QString PolicyValidator::flowAndTypeError(const Api& api, const PolicyDefinition& definition,
                                          FlowKind flow) const {
    if (!definition.allowsFlow(flow)) {
        QStringList allowed;
        for (FlowKind candidate : definition.flows)
            allowed.append(flowKindDisplayName(candidate));
        return tr("%1 cannot be attached to the %2 flow: it only runs in the %3 flow")
            .arg(definition.displayName, flowKindDisplayName(flow), allowed.join(QStringLiteral(", ")));
    }
    if (!definition.appliesToApiType(api.type)) {
        return definition.isModelRouter()
                   ? tr("%1 applies only to AI APIs; %2 is a plain HTTP API")
                         .arg(definition.displayName, api.name)
                   : tr("%1 does not apply to APIs of type %2").arg(definition.displayName, api.type);
    }
    return {};
}

QString PolicyValidator::placementError(const Api& api, const Operation* operation, FlowKind flow,
                                        const QString& policyName, const PolicyAttachment* ignore) const {
    const PolicyDefinition* definition = m_catalogue.find(policyName);
    if (!definition)
        return tr("unknown policy \"%1\"").arg(policyName);
    const QString misplaced = flowAndTypeError(api, *definition, flow);
    if (!misplaced.isEmpty())
        return misplaced;
    if (definition->exclusiveGroup.isEmpty())
        return {};

    // One strategy per operation, counting the API-level policies that run for every operation.
    const auto conflictIn = [&](const PolicyFlows& flows) -> const PolicyDefinition* {
        for (FlowKind kind : allFlowKinds) {
            for (const PolicyAttachment& existing : flows.flow(kind)) {
                if (&existing == ignore)
                    continue;
                const PolicyDefinition* other = m_catalogue.find(existing.policyName);
                if (other && other->exclusiveGroup == definition->exclusiveGroup)
                    return other;
            }
        }
        return nullptr;
    };
    const QString rule = tr("only one load-balancing policy may apply to an operation");
    if (const PolicyDefinition* other = conflictIn(api.apiPolicies))
        //: %1 is "only one load-balancing policy may apply to an operation", %2 a policy's name.
        return tr("%1: %2 is already attached at API level").arg(rule, other->displayName);
    if (operation) {
        if (const PolicyDefinition* other = conflictIn(operation->policies))
            //: %1 is "only one load-balancing policy may apply to an operation", %2 a policy's name, %3 an
            //: operation ("POST /chat/completions").
            return tr("%1: %2 is already attached to %3").arg(rule, other->displayName, operation->key());
    } else {
        for (const Operation& each : api.operations) {
            if (const PolicyDefinition* other = conflictIn(each.policies))
                return tr("%1: %2 is already attached to %3").arg(rule, other->displayName, each.key());
        }
    }
    return {};
}

Json PolicyValidator::decodedAttribute(const PolicyAttribute& attribute, const Json& value, QString* error) {
    if (attribute.encoding == QLatin1String("wso2QuotedJson") && value.is_string()) {
        Result<Json> decoded = Wso2AttributeCodec::decode(toQString(value.get_ref<const std::string&>()));
        if (!decoded) {
            if (error)
                *error = tr("is not valid JSON: %1").arg(decoded.error());
            return nullptr;
        }
        return decoded.take();
    }
    return value;
}

void PolicyValidator::validateValue(const PolicyAttribute& attribute, const Json& value, const QString& path,
                                    ValidationReport& report) const {
    // `expected` is marked with QT_TRANSLATE_NOOP("PolicyValidator", ...).
    const auto wrongType = [&](const char* expected) {
        report.addError(path, tr("must be %1, not %2").arg(tr(expected), describeJsonType(value)));
    };
    switch (attribute.type) {
    case PolicyAttribute::Type::String:
    case PolicyAttribute::Type::Enum: {
        if (!value.is_string())
            return wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "a string"));
        const QString text = toQString(value.get_ref<const std::string&>());
        if (text.trimmed().size() < attribute.minLength) {
            report.addError(path, attribute.minLength <= 1
                                      ? tr("must not be empty")
                                      : tr("must be at least %1 characters long").arg(attribute.minLength));
            return;
        }
        // Anchored: a bare '$' would also accept a trailing newline, which a header must never carry.
        if (!attribute.pattern.isEmpty() &&
            !QRegularExpression(QRegularExpression::anchoredPattern(attribute.pattern))
                 .match(text)
                 .hasMatch()) {
            report.addError(path, attribute.patternMessage.isEmpty()
                                      ? tr("does not match %1").arg(attribute.pattern)
                                      : attribute.patternMessage);
            return;
        }
        if (attribute.type == PolicyAttribute::Type::Enum && !attribute.allowedValues.contains(text))
            report.addError(path, tr("must be one of %1 (got \"%2\")")
                                      .arg(attribute.allowedValues.join(QStringLiteral(", ")), text));
        return;
    }
    case PolicyAttribute::Type::Integer:
    case PolicyAttribute::Type::Number: {
        const bool isInteger = value.is_number_integer() || value.is_number_unsigned();
        if (attribute.type == PolicyAttribute::Type::Integer && !isInteger) {
            if (value.is_number_float())
                report.addError(
                    path,
                    tr("must be a whole number of seconds, not %1").arg(formatNumber(value.get<double>())));
            else
                wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "an integer"));
            return;
        }
        if (!value.is_number())
            return wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "a number"));
        const double number = value.get<double>();
        if (!std::isfinite(number)) {
            report.addError(path, tr("must be a finite number"));
            return;
        }
        if (attribute.minimum && number < *attribute.minimum)
            report.addError(path, tr("must be at least %1 (got %2)")
                                      .arg(formatNumber(*attribute.minimum), formatNumber(number)));
        else if (attribute.maximum && number > *attribute.maximum)
            report.addError(path, tr("must be at most %1 (got %2)")
                                      .arg(formatNumber(*attribute.maximum), formatNumber(number)));
        return;
    }
    case PolicyAttribute::Type::Boolean:
        if (!value.is_boolean())
            wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "true or false"));
        return;
    case PolicyAttribute::Type::Object: {
        if (!value.is_object())
            return wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "an object"));
        for (const PolicyAttribute& field : attribute.fields) {
            const auto it = value.find(toStdString(field.name));
            if (it == value.end() || it->is_null()) {
                if (field.required)
                    report.addError(child(path, field.name), tr("is required"));
                continue;
            }
            validateValue(field, *it, child(path, field.name), report);
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!attribute.field(toQString(it.key())))
                report.addWarning(child(path, toQString(it.key())), tr("unknown field, ignored"));
        }
        return;
    }
    case PolicyAttribute::Type::Array:
        if (!value.is_array())
            return wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "a list"));
        for (std::size_t i = 0; i < value.size(); ++i)
            validateValue(*attribute.items, value[i], indexed(path, i), report);
        return;
    }
}

void PolicyValidator::validateTarget(const Api& api, Stage stage, const Json& target, const QString& path,
                                     ValidationReport& report) const {
    if (!target.is_object())
        return; // the schema pass reported it
    const QString endpointId = jsonString(target, "endpointId");
    if (!endpointId.isEmpty()) {
        const Endpoint* endpoint = api.endpoint(endpointId);
        if (!endpoint)
            report.addError(child(path, QStringLiteral("endpointId")),
                            tr("no %1 endpoint with id \"%2\"").arg(stageName(stage), endpointId));
        else if (endpoint->stage != stage)
            report.addError(child(path, QStringLiteral("endpointId")),
                            tr("\"%1\" is a %2 endpoint, not a %3 one")
                                .arg(endpointId, stageName(endpoint->stage), stageName(stage)));
    }
    const QString model = jsonString(target, "model");
    if (!model.trimmed().isEmpty() && m_provider && !m_provider->models.isEmpty() &&
        !m_provider->models.contains(model)) {
        report.addWarning(
            child(path, QStringLiteral("model")),
            tr("\"%1\" is not in %2's model list (%3); the upstream may refuse it")
                .arg(model, m_provider->displayName, m_provider->models.join(QStringLiteral(", "))));
    }
}

void PolicyValidator::validateFailoverStage(const Api& api, Stage stage, const Json& stageConfig,
                                            const QString& path, ValidationReport& report,
                                            bool* configured) const {
    if (!stageConfig.is_object() || stageConfig.empty())
        return;
    const auto target = stageConfig.find("targetModel");
    const auto fallbacks = stageConfig.find("fallbackModels");
    const bool hasFallbacks = fallbacks != stageConfig.end() && fallbacks->is_array() && !fallbacks->empty();
    const bool hasTarget = target != stageConfig.end() && target->is_object() &&
                           !jsonString(*target, "model").trimmed().isEmpty();
    if (!hasTarget) {
        if (hasFallbacks || (target != stageConfig.end() && !target->is_null()))
            report.addError(child(child(path, QStringLiteral("targetModel")), QStringLiteral("model")),
                            tr("failover needs the target model whose failures it handles"));
        return;
    }
    *configured = true;
    validateTarget(api, stage, *target, child(path, QStringLiteral("targetModel")), report);
    if (!hasFallbacks) {
        report.addWarning(child(path, QStringLiteral("fallbackModels")),
                          tr("no fallback models: failover has nothing to fall back to"));
        return;
    }
    for (std::size_t i = 0; i < fallbacks->size(); ++i)
        validateTarget(api, stage, (*fallbacks)[i], indexed(child(path, QStringLiteral("fallbackModels")), i),
                       report);
}

void PolicyValidator::validateRouter(const Api& api, const PolicyDefinition& definition, const Json& config,
                                     const QString& path, ValidationReport& report) const {
    if (!config.is_object())
        return;
    if (definition.router == QLatin1String("modelFailover")) {
        bool configured = false;
        ValidationReport stages; // this policy's own findings: other errors of the API must not hide them
        for (Stage stage : {Stage::Production, Stage::Sandbox}) {
            const auto stageConfig = config.find(toStdString(stageName(stage)));
            if (stageConfig != config.end())
                validateFailoverStage(api, stage, *stageConfig, child(path, stageName(stage)), stages,
                                      &configured);
        }
        report.append(stages);
        if (!configured && !stages.hasErrors())
            report.addError(child(child(path, QStringLiteral("production")), QStringLiteral("targetModel")),
                            tr("failover needs a target model in production or sandbox"));
        return;
    }

    const bool weighted = definition.router == QLatin1String("modelWeightedRoundRobin");
    bool anyModel = false;
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        const auto list = config.find(toStdString(stageName(stage)));
        if (list == config.end() || !list->is_array() || list->empty())
            continue;
        anyModel = true;
        const QString listPath = child(path, stageName(stage));
        double totalWeight = 0;
        bool weightsValid = true;
        QStringList seenPairs;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& target = (*list)[i];
            validateTarget(api, stage, target, indexed(listPath, i), report);
            if (!target.is_object())
                continue;
            const QString pair =
                jsonString(target, "endpointId") + QLatin1Char('/') + jsonString(target, "model");
            if (seenPairs.contains(pair))
                report.addWarning(indexed(listPath, i),
                                  tr("model \"%1\" on endpoint \"%2\" is listed twice; its shares add up")
                                      .arg(jsonString(target, "model"), jsonString(target, "endpointId")));
            seenPairs.append(pair);
            if (weighted) {
                const auto weight = target.find("weight");
                if (weight != target.end() && weight->is_number() && std::isfinite(weight->get<double>()) &&
                    weight->get<double>() >= 0)
                    totalWeight += weight->get<double>();
                else
                    weightsValid = false;
            }
        }
        if (weighted && weightsValid && totalWeight <= 0)
            report.addError(listPath, tr("the weights must not all be 0: no model would get traffic"));
    }
    if (!anyModel)
        report.addError(child(path, QStringLiteral("production")),
                        tr("needs at least one model (in production or sandbox)"));
}

void PolicyValidator::validateParameters(const Api& api, const PolicyAttachment& attachment,
                                         const QString& path, ValidationReport& report) const {
    const PolicyDefinition* definition = m_catalogue.find(attachment.policyName);
    if (!definition) {
        report.addError(path, tr("unknown policy \"%1\"").arg(attachment.policyName));
        return;
    }
    if (!attachment.parameters.is_object()) {
        report.addError(child(path, QStringLiteral("parameters")), tr("must be an object"));
        return;
    }
    for (const PolicyAttribute& attribute : definition->attributes) {
        const QString attributePath = child(path, attribute.name);
        const auto it = attachment.parameters.find(toStdString(attribute.name));
        if (it == attachment.parameters.end() || it->is_null()) {
            if (attribute.required)
                report.addError(attributePath, tr("is required"));
            continue;
        }
        QString decodeError;
        const Json value = decodedAttribute(attribute, *it, &decodeError);
        if (!decodeError.isEmpty()) {
            report.addError(attributePath, decodeError);
            continue;
        }
        ValidationReport schemaReport;
        validateValue(attribute, value, attributePath, schemaReport);
        report.append(schemaReport);
        if (definition->isModelRouter() && !schemaReport.hasErrors())
            validateRouter(api, *definition, value, attributePath, report);
    }
    for (auto it = attachment.parameters.begin(); it != attachment.parameters.end(); ++it) {
        if (!definition->attribute(toQString(it.key())))
            report.addWarning(
                child(path, toQString(it.key())),
                tr("%1 has no parameter of this name; it is ignored").arg(definition->displayName));
    }
}

void PolicyValidator::validateFlows(const Api& api, const PolicyFlows& flows, const QString& prefix,
                                    ValidationReport& report) const {
    for (FlowKind flow : allFlowKinds) {
        const auto& list = flows.flow(flow);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString path = indexed(child(prefix, flowKindName(flow)), i);
            const PolicyDefinition* definition = m_catalogue.find(list[i].policyName);
            if (!definition) {
                report.addError(path, tr("unknown policy \"%1\"").arg(list[i].policyName));
                continue;
            }
            const QString misplaced = flowAndTypeError(api, *definition, flow);
            if (!misplaced.isEmpty())
                report.addError(path, misplaced);
            validateParameters(api, list[i], path, report);
        }
    }
}

void PolicyValidator::validateExclusivity(const Api& api, ValidationReport& report) const {
    const QString rule = tr("only one load-balancing policy may apply to an operation");
    // The first policy of each exclusive group met at API level, by group.
    QHash<QString, const PolicyDefinition*> apiLevel;
    const auto scan = [&](const PolicyFlows& flows, const QString& prefix, const QString& scopeName,
                          QHash<QString, const PolicyDefinition*> seen, bool apiLevelScan) {
        for (FlowKind flow : allFlowKinds) {
            const auto& list = flows.flow(flow);
            for (std::size_t i = 0; i < list.size(); ++i) {
                const PolicyDefinition* definition = m_catalogue.find(list[i].policyName);
                if (!definition || definition->exclusiveGroup.isEmpty())
                    continue;
                if (const PolicyDefinition* first = seen.value(definition->exclusiveGroup)) {
                    const bool atApiLevel =
                        apiLevelScan || apiLevel.value(definition->exclusiveGroup) == first;
                    report.addError(
                        indexed(child(prefix, flowKindName(flow)), i),
                        atApiLevel
                            ? tr("%1: %2 is already attached at API level").arg(rule, first->displayName)
                            : tr("%1: %2 is already attached to %3")
                                  .arg(rule, first->displayName, scopeName));
                    continue;
                }
                seen.insert(definition->exclusiveGroup, definition);
            }
        }
        return seen;
    };
    apiLevel = scan(api.apiPolicies, QStringLiteral("apiPolicies"), QStringLiteral("API level"), {}, true);
    for (const Operation& operation : api.operations)
        scan(operation.policies, QStringLiteral("operations[%1]").arg(operation.key()), operation.key(),
             apiLevel, false);
}

void PolicyValidator::validateAll(const Api& api, ValidationReport& report) const {
    validateFlows(api, api.apiPolicies, QStringLiteral("apiPolicies"), report);
    for (const Operation& operation : api.operations)
        validateFlows(api, operation.policies, QStringLiteral("operations[%1]").arg(operation.key()), report);
    validateExclusivity(api, report);
}

} // namespace gatehouse
