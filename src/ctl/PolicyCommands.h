#pragma once

#include "core/Api.h"
#include "core/Json.h"
#include "core/PolicyDefinition.h"
#include "ctl/Command.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// "policy attach", "policy list", "policy detach", "policy catalogue": the Publisher's policy editor.
class PolicyCommands {
    Q_DECLARE_TR_FUNCTIONS(PolicyCommands)

public:
    static std::vector<Command> commands();

    // The parameters of an attachment of `definition` from --params text (WSO2's single-quoted form or
    // ordinary JSON). A model router's configuration may be given bare, without its attribute name.
    // Attributes WSO2 stores as quoted strings are kept decoded.
    static Json parametersFromText(const PolicyDefinition& definition, const QString& text);
    // The parameters as WSO2 writes them: wso2QuotedJson attributes encoded as strings.
    static Json wso2Parameters(const PolicyDefinition* definition, const Json& parameters);
    // The operation --operation names ("POST /chat/completions"), or a CtlError listing the others.
    static Operation& requireOperation(Api& api, const QString& key);

private:
    struct Scope {
        PolicyFlows* flows = nullptr;
        Operation* operation = nullptr; // nullptr: the API level
        QString name;                   // "POST /chat/completions" or "API level"
    };

    static void attach(CtlContext& context, const CommandArguments& arguments);
    static void list(CtlContext& context, const CommandArguments& arguments);
    static void detach(CtlContext& context, const CommandArguments& arguments);
    static void catalogue(CtlContext& context, const CommandArguments& arguments);

    static Scope scopeOf(Api& api, const CommandArguments& arguments);
    static Json flowsJson(const PolicyFlows& flows);
    static QStringList flowsText(const PolicyFlows& flows, bool showEmptyFlows);
};

} // namespace gatehouse
