#include "core/PolicyValidator.h"

#include "core/BoundedRegex.h"
#include "core/JsonFieldReader.h"
#include "core/JsonPath.h"
#include "core/JsonSchemaValidator.h"
#include "core/PiiEntity.h"
#include "core/PriceCatalogue.h"
#include "core/PromptDecoration.h"
#include "core/PromptTemplates.h"
#include "core/ProviderModels.h"
#include "core/SemanticRoutingConfig.h"
#include "core/SemanticRules.h"
#include "core/Wso2AttributeCodec.h"

#include <QHash>
#include <QRegularExpression>
#include <cmath>
#include <utility>

namespace gatehouse {

namespace {

// Why a string does not hold what its attribute's format says, or an empty string. The messages are
// the compilers' own, which name the character or the JSON pointer where the value goes wrong.
QString formatError(const QString& format, const Json& value) {
    const QString text = toQString(value.get_ref<const std::string&>());
    if (format == QLatin1String("regex")) {
        Result<QRegularExpression> compiled = BoundedRegex::compile(text);
        return compiled ? QString() : PolicyValidator::tr("the regular expression %1").arg(compiled.error());
    }
    if (format == QLatin1String("jsonPath")) {
        if (text.trimmed().isEmpty())
            return {};
        Result<JsonPath> compiled = JsonPath::compile(text);
        return compiled ? QString() : compiled.error();
    }
    if (format == QLatin1String("jsonSchema")) {
        const std::string utf8 = text.toStdString();
        const Json schema = Json::parse(utf8, nullptr, false);
        if (schema.is_discarded())
            return PolicyValidator::tr("is not JSON (from byte %1)")
                .arg(jsonErrorByte(utf8.data(), utf8.data() + utf8.size()));
        Result<JsonSchemaValidator> compiled = JsonSchemaValidator::compile(schema);
        return compiled ? QString()
                        : PolicyValidator::tr("is not a usable JSON Schema: %1").arg(compiled.error());
    }
    if (format == QLatin1String("piiEntities")) {
        Result<std::vector<PiiEntity>> entities = PiiEntity::parseList(value);
        if (entities)
            return {};
        // The path already ends in piiEntities: "piiEntities[0].piiRegex: ..." becomes "[0].piiRegex: ...".
        const QString prefix = QStringLiteral("piiEntities");
        return entities.error().startsWith(prefix) ? entities.error().mid(prefix.size()) : entities.error();
    }
    if (format == QLatin1String("promptTemplates")) {
        Result<PromptTemplates> templates = PromptTemplates::parse(value);
        return templates ? QString() : templates.error();
    }
    if (format == QLatin1String("semanticRouting")) {
        Result<SemanticRoutingConfig> config = SemanticRoutingConfig::parse(value);
        return config ? QString() : config.error();
    }
    if (format == QLatin1String("semanticRules")) {
        Result<SemanticRules> rules = SemanticRules::parse(value);
        return rules ? QString() : rules.error();
    }
    if (format == QLatin1String("decimal")) {
        bool numeric = false;
        const double number = text.trimmed().toDouble(&numeric);
        return numeric && std::isfinite(number) && number >= 0
                   ? QString()
                   : PolicyValidator::tr("must be a decimal number of 0 or more, such as \"0.32\"");
    }
    if (format == QLatin1String("promptDecoration")) {
        Result<PromptDecoration> decoration = PromptDecoration::parse(value);
        return decoration ? QString() : decoration.error();
    }
    return {};
}

QString formatNumber(double value) {
    return QString::number(value, 'g', 12);
}

} // namespace

PolicyValidator::PolicyValidator(const PolicyCatalogue& catalogue, const Provider* provider,
                                 const PriceCatalogue* prices, QStringList fetchedModels)
    : m_catalogue(catalogue), m_provider(provider), m_prices(prices ? prices : &PriceCatalogue::shipped()),
      m_fetchedModels(std::move(fetchedModels)) {
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
        if (!attribute.format.isEmpty()) {
            const QString problem = formatError(attribute.format, value);
            if (!problem.isEmpty()) {
                report.addError(path, problem);
                return;
            }
        }
        if (attribute.type == PolicyAttribute::Type::Enum && !attribute.allowedValues.contains(text))
            report.addError(path, tr("must be one of %1 (got \"%2\")")
                                      .arg(attribute.allowedValues.join(QStringLiteral(", ")), text));
        return;
    }
    case PolicyAttribute::Type::Integer:
    case PolicyAttribute::Type::Number: {
        if (value.is_string()) {
            // A number written as text ("5", as WSO2 writes it) was typed on the way in: this one is not
            // a number at all.
            report.addError(path, tr("must be a number, not the text \"%1\"")
                                      .arg(toQString(value.get_ref<const std::string&>()).left(40)));
            return;
        }
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
                    report.addError(jsonChildPath(path, field.name), tr("is required"));
                continue;
            }
            validateValue(field, *it, jsonChildPath(path, field.name), report);
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!attribute.field(toQString(it.key())))
                report.addWarning(jsonChildPath(path, toQString(it.key())), tr("unknown field, ignored"));
        }
        return;
    }
    case PolicyAttribute::Type::Array:
        if (!value.is_array())
            return wrongType(QT_TRANSLATE_NOOP("PolicyValidator", "a list"));
        for (std::size_t i = 0; i < value.size(); ++i)
            validateValue(*attribute.items, value[i], jsonIndexPath(path, i), report);
        return;
    }
}

void PolicyValidator::validateTarget(const Api& api, Stage stage, const ModelRouterConfig::Target& target,
                                     const QString& path, ValidationReport& report) const {
    const QString& endpointId = target.endpointId;
    if (!endpointId.isEmpty()) {
        const Endpoint* endpoint = api.endpoint(endpointId);
        if (!endpoint)
            report.addError(jsonChildPath(path, QStringLiteral("endpointId")),
                            tr("no %1 endpoint with id \"%2\"").arg(stageName(stage), endpointId));
        else if (endpoint->stage != stage)
            report.addError(jsonChildPath(path, QStringLiteral("endpointId")),
                            tr("\"%1\" is a %2 endpoint, not a %3 one")
                                .arg(endpointId, stageName(endpoint->stage), stageName(stage)));
    }
    const QString& model = target.model;
    if (!model.trimmed().isEmpty() && m_provider && !m_provider->models.isEmpty() &&
        !m_provider->models.contains(model) &&
        !ProviderModels::offered(*m_provider, *m_prices, m_fetchedModels).contains(model)) {
        report.addWarning(
            jsonChildPath(path, QStringLiteral("model")),
            tr("\"%1\" is not in %2's model list (%3); the upstream may refuse it")
                .arg(model, m_provider->displayName, m_provider->models.join(QStringLiteral(", "))));
    }
}

void PolicyValidator::validateRouter(const Api& api, const PolicyDefinition& definition, const Json& config,
                                     const QString& path, ValidationReport& report) const {
    const std::optional<ModelRouterConfig::Strategy> strategy =
        ModelRouterConfig::strategyNamed(definition.router);
    if (!config.is_object() || !strategy)
        return;
    // The configuration's own problems come from its one parser; what needs the API is checked here.
    ValidationReport findings;
    const ModelRouterConfig parsed = ModelRouterConfig::parse(*strategy, config, &findings);
    report.append(findings, path);
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        if (parsed.isFailover()) {
            const std::optional<ModelRouterConfig::Target>& target = parsed.failoverTarget(stage);
            if (!target || target->model.trimmed().isEmpty())
                continue; // no target: the fallbacks are not in use (the parse said so)
            validateTarget(api, stage, *target, jsonChildPath(path, target->path), report);
            for (const ModelRouterConfig::Target& fallback : parsed.fallbacks(stage))
                validateTarget(api, stage, fallback, jsonChildPath(path, fallback.path), report);
        } else {
            for (const ModelRouterConfig::Target& target : parsed.balanced(stage))
                validateTarget(api, stage, target, jsonChildPath(path, target.path), report);
        }
    }
}

void PolicyValidator::validateParameters(const Api& api, const PolicyAttachment& attachment,
                                         const QString& path, ValidationReport& report) const {
    const PolicyDefinition* definition = m_catalogue.find(attachment.policyName);
    if (!definition) {
        report.addError(path, tr("unknown policy \"%1\"").arg(attachment.policyName));
        return;
    }
    if (!attachment.parameters.is_object()) {
        report.addError(jsonChildPath(path, QStringLiteral("parameters")), tr("must be an object"));
        return;
    }
    for (const PolicyAttribute& attribute : definition->attributes) {
        const QString attributePath = jsonChildPath(path, attribute.name);
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
        if (value.is_null()) { // WSO2's string 'null' means what a JSON null means: not given
            if (attribute.required)
                report.addError(attributePath, tr("is required"));
            continue;
        }
        ValidationReport schemaReport;
        validateValue(attribute, value, attributePath, schemaReport);
        report.append(schemaReport);
        if (definition->isModelRouter() && !schemaReport.hasErrors())
            validateRouter(api, *definition, value, attributePath, report);
    }
    for (const PolicyAttribute& attribute : definition->attributes) {
        if (attribute.notAbove.isEmpty())
            continue;
        const auto low = attachment.parameters.find(toStdString(attribute.name));
        const auto high = attachment.parameters.find(toStdString(attribute.notAbove));
        const PolicyAttribute* highAttribute = definition->attribute(attribute.notAbove);
        if (low != attachment.parameters.end() && high != attachment.parameters.end() && low->is_number() &&
            high->is_number() && highAttribute && low->get<double>() > high->get<double>())
            report.addError(jsonChildPath(path, attribute.name),
                            tr("must not be above %1 (%2)")
                                .arg(highAttribute->displayName, formatNumber(high->get<double>())));
    }
    for (auto it = attachment.parameters.begin(); it != attachment.parameters.end(); ++it) {
        if (!definition->attribute(toQString(it.key())))
            report.addWarning(
                jsonChildPath(path, toQString(it.key())),
                tr("%1 has no parameter of this name; it is ignored").arg(definition->displayName));
    }
}

void PolicyValidator::validateFlows(const Api& api, const PolicyFlows& flows, const QString& prefix,
                                    ValidationReport& report) const {
    for (FlowKind flow : allFlowKinds) {
        const auto& list = flows.flow(flow);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString path = jsonIndexPath(jsonChildPath(prefix, flowKindName(flow)), i);
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
                        jsonIndexPath(jsonChildPath(prefix, flowKindName(flow)), i),
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
