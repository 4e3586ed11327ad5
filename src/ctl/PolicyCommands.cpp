#include "ctl/PolicyCommands.h"

#include "core/PolicyCatalogue.h"
#include "core/PolicyValidator.h"
#include "core/Wso2AttributeCodec.h"
#include "core/Wso2ParameterShapes.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

namespace gatehouse {

namespace {

const QString operationOption = QStringLiteral("operation");
const QString apiLevelOption = QStringLiteral("api-level");
const QString flowOption = QStringLiteral("flow");
const QString policyOption = QStringLiteral("policy");
const QString paramsOption = QStringLiteral("params");
const QString positionOption = QStringLiteral("position");
const QString indexOption = QStringLiteral("index");
const QString wso2Encoding = QStringLiteral("wso2QuotedJson");

QCommandLineOption operationSelector() {
    return Command::valueOption(
        operationOption, QStringLiteral("\"VERB /path\""),
        QCoreApplication::translate("gatehouse-ctl", "The operation, such as \"POST /chat/completions\"."));
}

QCommandLineOption apiLevelSelector() {
    return Command::flagOption(
        apiLevelOption, QCoreApplication::translate("gatehouse-ctl",
                                                    "The API level: policies that run for every operation."));
}

QCommandLineOption flowSelector() {
    return Command::valueOption(flowOption, QStringLiteral("request|response|fault"),
                                QCoreApplication::translate("gatehouse-ctl", "The flow."));
}

QString flowPlace(FlowKind flow, const QString& scopeName) {
    //: %1 is a flow (request, response or fault), %2 an operation such as "POST /chat/completions" or
    //: "API level".
    return QCoreApplication::translate("gatehouse-ctl", "the %1 flow of %2")
        .arg(flowKindName(flow), scopeName);
}

} // namespace

std::vector<Command> PolicyCommands::commands() {
    Command attach;
    attach.words = QStringList{QStringLiteral("policy"), QStringLiteral("attach")};
    attach.synopsis =
        QStringLiteral("--api X (--operation \"VERB /path\" | --api-level) --flow request|response|fault "
                       "--policy NAME [--params TEXT] [--position N]");
    attach.summary = tr("Attach a policy (addHeader, a model router, ...) to a flow.");
    // The example is a command to copy: not translated.
    //: Keep the option names and the JSON examples.
    attach.description =
        tr("Attaches a catalogue policy to one flow of an operation or of the whole API, as WSO2's Publisher "
           "does. "
           "--params takes WSO2's single-quoted form {'production':[...]} or ordinary JSON. A model router's "
           "configuration may be given bare (as WSO2 shows it) or under its attribute name "
           "({\"weightedRoundRobinConfigs\": {...}}). The placement rules (flows, one load-balancing policy "
           "per operation) and the whole API are validated before anything is saved.") +
        QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n') +
        QStringLiteral("  gatehouse-ctl --workspace W policy attach --api SmartChat --operation \"POST "
                       "/chat/completions\" "
                       "--flow request --policy modelWeightedRoundRobin --params "
                       "\"{'production':[{'model':'gpt-4o','endpointId':"
                       "'default_production_endpoint','weight':50},{'model':'gpt-4o-mini','endpointId':'"
                       "default_production_"
                       "endpoint',"
                       "'weight':50}],'sandbox':[],'suspendDuration':30}\"");
    attach.options = {
        CommonOptions::apiSelector(),
        operationSelector(),
        apiLevelSelector(),
        flowSelector(),
        Command::valueOption(policyOption, QStringLiteral("NAME"),
                             tr("The policy's name (see gatehouse-ctl policy catalogue).")),
        Command::valueOption(paramsOption, QStringLiteral("TEXT"),
                             tr("The parameters as a JSON object, in WSO2's single-quoted form or "
                                "ordinary JSON. Default: the policy's defaults.")),
        Command::valueOption(positionOption, QStringLiteral("N"),
                             tr("Insert at this 0-based position in the flow (default: at the end).")),
    };
    attach.modifiesWorkspace = true;
    attach.run = &PolicyCommands::attach;

    Command list;
    list.words = QStringList{QStringLiteral("policy"), QStringLiteral("list")};
    list.synopsis = QStringLiteral("--api X [--operation \"VERB /path\"]");
    list.summary = tr("Show the policies attached to an API, per flow, with their parameters.");
    list.description = tr("Shows the policies of the API level and of every operation (or of one), per "
                          "flow and in order, with their 0-based index and their parameters; an attribute "
                          "WSO2 stores as a single-quoted string is also shown in that form.");
    list.options = {CommonOptions::apiSelector(), operationSelector()};
    list.run = &PolicyCommands::list;

    Command detach;
    detach.words = QStringList{QStringLiteral("policy"), QStringLiteral("detach")};
    detach.synopsis =
        QStringLiteral("--api X (--operation \"VERB /path\" | --api-level) --flow F (--index N | "
                       "--policy NAME)");
    detach.summary = tr("Remove a policy from a flow.");
    detach.description = tr("Removes the policy at a 0-based index of a flow (as policy list shows it), "
                            "or the first policy of a name.");
    detach.options = {
        CommonOptions::apiSelector(),
        operationSelector(),
        apiLevelSelector(),
        flowSelector(),
        Command::valueOption(indexOption, QStringLiteral("N"), tr("The 0-based index in the flow.")),
        Command::valueOption(policyOption, QStringLiteral("NAME"),
                             tr("Remove the first policy of this name in the flow.")),
    };
    detach.modifiesWorkspace = true;
    detach.run = &PolicyCommands::detach;

    Command catalogue;
    catalogue.words = QStringList{QStringLiteral("policy"), QStringLiteral("catalogue")};
    catalogue.summary = tr("List the policies that can be attached, with their parameters.");
    catalogue.description = tr("Lists the policy catalogue: each policy's name, the flows and API types "
                               "it applies to and its parameters. Needs no workspace.");
    catalogue.needsWorkspace = false;
    catalogue.run = &PolicyCommands::catalogue;

    return {attach, list, detach, catalogue};
}

Json PolicyCommands::parametersFromText(const PolicyDefinition& definition, const QString& text) {
    Result<Json> decoded = Wso2AttributeCodec::decode(text);
    if (!decoded)
        throw CtlError::failure(QStringLiteral("--params: %1").arg(decoded.error()));
    Json parameters = decoded.take();
    if (!parameters.is_object())
        throw CtlError::failure(
            tr("--params must be a JSON object, not %1").arg(describeJsonType(parameters)));

    if (definition.attributes.size() == 1 && definition.attributes.front().encoding == wso2Encoding) {
        const std::string attributeName = toStdString(definition.attributes.front().name);
        if (!(parameters.size() == 1 && parameters.contains(attributeName))) {
            Json wrapped = Json::object();
            wrapped[attributeName] = std::move(parameters);
            parameters = std::move(wrapped);
        }
    }
    // Kept decoded, as the workspace stores them: {"weightedRoundRobinConfigs": {...}}, not a string.
    for (const PolicyAttribute& attribute : definition.attributes) {
        if (attribute.encoding != wso2Encoding)
            continue;
        const auto it = parameters.find(toStdString(attribute.name));
        if (it == parameters.end() || !it->is_string())
            continue;
        Result<Json> inner = Wso2AttributeCodec::decode(toQString(it->get_ref<const std::string&>()));
        if (!inner)
            throw CtlError::failure(QStringLiteral("--params: %1: %2").arg(attribute.name, inner.error()));
        *it = inner.take();
    }
    // WSO2's own shapes ("suspendDuration":"5", an unused failover stage) as Gatehouse keeps them.
    return Wso2ParameterShapes::canonical(definition, parameters);
}

Json PolicyCommands::wso2Parameters(const PolicyDefinition* definition, const Json& parameters) {
    Json result = parameters;
    if (!definition || !result.is_object())
        return result;
    for (const PolicyAttribute& attribute : definition->attributes) {
        const auto it = result.find(toStdString(attribute.name));
        if (attribute.encoding == wso2Encoding && it != result.end() && !it->is_string() && !it->is_null())
            *it =
                toStdString(Wso2AttributeCodec::encode(Wso2ParameterShapes::asWso2Writes(*definition, *it)));
    }
    return result;
}

Operation& PolicyCommands::requireOperation(Api& api, const QString& key) {
    QString verb;
    QString path;
    if (!parseOperationKey(key, &verb, &path))
        throw CtlError::usage(
            tr("--operation must look like \"POST /chat/completions\" (got \"%1\")").arg(key));
    if (Operation* operation = api.operation(verb, path))
        return *operation;
    QStringList keys;
    for (const Operation& operation : api.operations)
        keys.append(operation.key());
    throw CtlError::failure(tr("%1 has no operation \"%2 %3\" (operations: %4)")
                                .arg(api.name, verb, path, keys.join(QStringLiteral(", "))));
}

PolicyCommands::Scope PolicyCommands::scopeOf(Api& api, const CommandArguments& arguments) {
    Scope scope;
    if (arguments.exactlyOneOf({operationOption, apiLevelOption}) == apiLevelOption) {
        scope.flows = &api.apiPolicies;
        //: The scope of the policies that run for every operation of an API.
        scope.name = tr("API level");
        return scope;
    }
    scope.operation = &requireOperation(api, arguments.required(operationOption));
    scope.flows = &scope.operation->policies;
    scope.name = scope.operation->key();
    return scope;
}

void PolicyCommands::attach(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    const Scope scope = scopeOf(api, arguments);
    const FlowKind flow = arguments.requiredFlow(flowOption);
    const QString policyName = arguments.required(policyOption);
    const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
    const PolicyDefinition* definition = catalogue.find(policyName);
    if (!definition)
        throw CtlError::failure(
            tr("unknown policy \"%1\" (see gatehouse-ctl policy catalogue)").arg(policyName));

    PolicyAttachment attachment;
    attachment.policyName = definition->name;
    attachment.policyVersion = definition->version;
    attachment.parameters = arguments.isSet(paramsOption)
                                ? parametersFromText(*definition, arguments.value(paramsOption))
                                : definition->defaultParameters();

    const PolicyValidator validator(catalogue, context.providerOf(api));
    const QString placement = validator.placementError(api, scope.operation, flow, definition->name);
    if (!placement.isEmpty())
        throw CtlError::failure(placement);

    std::vector<PolicyAttachment>& list = scope.flows->flow(flow);
    const int size = int(list.size());
    const int position = arguments.integer(positionOption, 0, size).value_or(size);
    list.insert(list.begin() + position, attachment);
    context.checkApi(api);

    QString error;
    if (!workspace.saveApi(api).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json["scope"] = scope.operation ? Json(toStdString(scope.name)) : Json("api");
        json["flow"] = toStdString(flowKindName(flow));
        json["index"] = position;
        json["attachment"] = attachment.toJson();
        context.printJson(json);
    } else {
        context.print(tr("Attached %1 to %2 in %3 (position %4)")
                          .arg(definition->name, flowPlace(flow, scope.name), api.name)
                          .arg(position));
    }
}

Json PolicyCommands::flowsJson(const PolicyFlows& flows) {
    const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
    Json json = Json::object();
    for (FlowKind flow : allFlowKinds) {
        Json list = Json::array();
        const auto& attachments = flows.flow(flow);
        for (std::size_t i = 0; i < attachments.size(); ++i) {
            const PolicyAttachment& attachment = attachments[i];
            Json entry = Json::object();
            entry["index"] = i;
            entry["policyName"] = toStdString(attachment.policyName);
            entry["policyVersion"] = toStdString(attachment.policyVersion);
            entry["parameters"] = attachment.parameters;
            entry["wso2Parameters"] =
                wso2Parameters(catalogue.find(attachment.policyName), attachment.parameters);
            list.push_back(std::move(entry));
        }
        json[toStdString(flowKindName(flow))] = std::move(list);
    }
    return json;
}

QStringList PolicyCommands::flowsText(const PolicyFlows& flows, bool showEmptyFlows) {
    const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
    QStringList lines;
    for (FlowKind flow : allFlowKinds) {
        const auto& attachments = flows.flow(flow);
        if (attachments.empty() && !showEmptyFlows)
            continue;
        lines.append(QStringLiteral("  %1:").arg(flowKindName(flow)));
        if (attachments.empty())
            lines.append(QStringLiteral("    ") + tr("(none)"));
        for (std::size_t i = 0; i < attachments.size(); ++i) {
            const PolicyAttachment& attachment = attachments[i];
            const PolicyDefinition* definition = catalogue.find(attachment.policyName);
            lines.append(QStringLiteral("    [%1] %2 (%3)")
                             .arg(i)
                             .arg(attachment.policyName, attachment.policyVersion));
            if (!attachment.parameters.is_object())
                continue;
            for (auto it = attachment.parameters.begin(); it != attachment.parameters.end(); ++it) {
                const QString name = toQString(it.key());
                const Json& value = it.value();
                lines.append(QStringLiteral("        %1: %2")
                                 .arg(name, value.is_string() ? toQString(value.get_ref<const std::string&>())
                                                              : toQString(dumpCompact(value))));
                const PolicyAttribute* attribute = definition ? definition->attribute(name) : nullptr;
                if (attribute && attribute->encoding == wso2Encoding && !value.is_string() &&
                    !value.is_null())
                    lines.append(
                        QStringLiteral("        %1 (WSO2): %2").arg(name, Wso2AttributeCodec::encode(value)));
            }
        }
    }
    return lines;
}

void PolicyCommands::list(CtlContext& context, const CommandArguments& arguments) {
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    const Operation* only = arguments.isSet(operationOption)
                                ? &requireOperation(api, arguments.required(operationOption))
                                : nullptr;
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        if (!only)
            json["apiLevel"] = flowsJson(api.apiPolicies);
        Json operations = Json::array();
        for (const Operation& operation : api.operations) {
            if (only && &operation != only)
                continue;
            Json entry = Json::object();
            entry["operation"] = toStdString(operation.key());
            entry["policies"] = flowsJson(operation.policies);
            operations.push_back(std::move(entry));
        }
        json["operations"] = std::move(operations);
        context.printJson(json);
        return;
    }
    QStringList lines;
    if (only) {
        //: %1 is an operation such as "POST /chat/completions", %2 %3 the API's name and version.
        lines.append(tr("%1 of %2 %3:").arg(only->key(), api.name, api.version));
        lines.append(flowsText(only->policies, true));
        context.print(lines.join(QLatin1Char('\n')));
        return;
    }
    if (!api.apiPolicies.isEmpty()) {
        lines.append(tr("API level (every operation):"));
        lines.append(flowsText(api.apiPolicies, false));
    }
    for (const Operation& operation : api.operations) {
        if (operation.policies.isEmpty())
            continue;
        lines.append(operation.key() + QLatin1Char(':'));
        lines.append(flowsText(operation.policies, false));
    }
    if (lines.isEmpty())
        lines.append(tr("%1 %2 has no policies attached.").arg(api.name, api.version));
    context.print(lines.join(QLatin1Char('\n')));
}

void PolicyCommands::detach(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    const Scope scope = scopeOf(api, arguments);
    const FlowKind flow = arguments.requiredFlow(flowOption);
    std::vector<PolicyAttachment>& list = scope.flows->flow(flow);
    const QString by = arguments.exactlyOneOf({indexOption, policyOption});
    int index = -1;
    if (by == indexOption) {
        bool ok = false;
        index = arguments.value(indexOption).trimmed().toInt(&ok);
        if (!ok || index < 0)
            throw CtlError::usage(
                tr("--index must be a whole number from 0 (got \"%1\")").arg(arguments.value(indexOption)));
        if (index >= int(list.size()))
            throw CtlError::failure(tr("%1 has no policy at index %2 (it has %3)")
                                        .arg(flowPlace(flow, scope.name))
                                        .arg(index)
                                        .arg(list.size()));
    } else {
        const QString policyName = arguments.required(policyOption);
        for (std::size_t i = 0; i < list.size() && index < 0; ++i) {
            if (list[i].policyName.compare(policyName, Qt::CaseInsensitive) == 0)
                index = int(i);
        }
        if (index < 0)
            throw CtlError::failure(tr("no %1 in %2").arg(policyName, flowPlace(flow, scope.name)));
    }
    const PolicyAttachment removed = list[std::size_t(index)];
    list.erase(list.begin() + index);
    QString error;
    if (!workspace.saveApi(api).ok(&error))
        throw CtlError::failure(error);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = toStdString(api.id);
        json["scope"] = scope.operation ? Json(toStdString(scope.name)) : Json("api");
        json["flow"] = toStdString(flowKindName(flow));
        json["index"] = index;
        json["removed"] = removed.toJson();
        context.printJson(json);
    } else {
        context.print(tr("Detached %1 (index %2) from %3 in %4")
                          .arg(removed.policyName)
                          .arg(index)
                          .arg(flowPlace(flow, scope.name), api.name));
    }
}

void PolicyCommands::catalogue(CtlContext& context, const CommandArguments&) {
    const PolicyCatalogue& catalogue = PolicyCatalogue::builtin();
    if (context.json()) {
        Json list = Json::array();
        for (const PolicyDefinition& definition : catalogue.definitions()) {
            Json entry = Json::object();
            entry["name"] = toStdString(definition.name);
            entry["displayName"] = toStdString(definition.displayName);
            entry["description"] = toStdString(definition.description);
            entry["category"] = toStdString(definition.category);
            entry["version"] = toStdString(definition.version);
            Json flows = Json::array();
            for (FlowKind flow : definition.flows)
                flows.push_back(toStdString(flowKindName(flow)));
            entry["flows"] = std::move(flows);
            Json apiTypes = Json::array();
            for (const QString& type : definition.apiTypes)
                apiTypes.push_back(toStdString(type));
            entry["apiTypes"] = std::move(apiTypes);
            entry["exclusiveGroup"] = toStdString(definition.exclusiveGroup);
            entry["router"] = toStdString(definition.router);
            Json attributes = Json::array();
            for (const PolicyAttribute& attribute : definition.attributes) {
                Json item = Json::object();
                item["name"] = toStdString(attribute.name);
                item["displayName"] = toStdString(attribute.displayName);
                item["type"] = toStdString(PolicyAttribute::typeName(attribute.type));
                item["required"] = attribute.required;
                item["encoding"] = toStdString(attribute.encoding);
                item["description"] = toStdString(attribute.description);
                item["default"] = attribute.defaultValue;
                attributes.push_back(std::move(item));
            }
            entry["attributes"] = std::move(attributes);
            list.push_back(std::move(entry));
        }
        context.printJson(list);
        return;
    }
    QStringList lines;
    for (const PolicyDefinition& definition : catalogue.definitions()) {
        QStringList flows;
        for (FlowKind flow : definition.flows)
            flows.append(flowKindName(flow));
        lines.append(QStringLiteral("%1 (%2)").arg(definition.name, definition.displayName));
        const QString flowList = flows.join(QStringLiteral(", "));
        const QString apiTypes = definition.apiTypes.isEmpty()
                                     //: The API types a policy applies to: all of them.
                                     ? tr("all")
                                     : definition.apiTypes.join(QStringLiteral(", "));
        if (definition.exclusiveGroup.isEmpty())
            //: %1 lists flows (request, response, fault), %2 API types.
            lines.append(QStringLiteral("    ") + tr("flows: %1; API types: %2").arg(flowList, apiTypes));
        else
            //: %1 lists flows (request, response, fault), %2 API types, %3 is a group of policies such as
            //: "loadBalancing".
            lines.append(QStringLiteral("    ") +
                         tr("flows: %1; API types: %2; exclusive with other %3 policies on an operation")
                             .arg(flowList, apiTypes, definition.exclusiveGroup));
        if (!definition.description.isEmpty())
            lines.append(QStringLiteral("    ") + definition.description);
        for (const PolicyAttribute& attribute : definition.attributes) {
            QStringList traits{PolicyAttribute::typeName(attribute.type)};
            if (attribute.required)
                //: A trait of a policy parameter: it must be given.
                traits.append(tr("required"));
            if (attribute.encoding == wso2Encoding)
                //: A trait of a policy parameter: how WSO2 writes its value.
                traits.append(tr("WSO2 single-quoted JSON"));
            if (attribute.description.isEmpty())
                //: %1 is a parameter's name, %2 its type and traits.
                lines.append(QStringLiteral("    ") +
                             tr("param %1 (%2)").arg(attribute.name, traits.join(QStringLiteral(", "))));
            else
                //: %1 is a parameter's name, %2 its type and traits, %3 its description.
                lines.append(QStringLiteral("    ") + tr("param %1 (%2): %3")
                                                          .arg(attribute.name,
                                                               traits.join(QStringLiteral(", ")),
                                                               attribute.description));
        }
    }
    context.print(lines.join(QLatin1Char('\n')));
}

} // namespace gatehouse
