#include "ctl/GuardrailCommands.h"

#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/EndpointCommands.h"
#include "ctl/PolicyCommands.h"
#include "guardrails/GuardrailBench.h"

namespace gatehouse {

namespace {

const QString operationOption = QStringLiteral("operation");
const QString flowOption = QStringLiteral("flow");
const QString bodyOption = QStringLiteral("body");
const QString endpointOption = QStringLiteral("endpoint");
const QString keyStdinOption = QStringLiteral("key-stdin");
const QString clearOption = QStringLiteral("clear");

QString outcomeWord(const GuardrailBench::Entry& entry) {
    if (!entry.problem.isEmpty())
        return GuardrailCommands::tr("cannot run");
    switch (entry.verdict.outcome) {
    case GuardrailVerdict::Outcome::Pass:
        return entry.kind == QLatin1String("PIIMaskingRegex") ? GuardrailCommands::tr("masked")
                                                              : GuardrailCommands::tr("passed");
    case GuardrailVerdict::Outcome::Intervene:
        return GuardrailCommands::tr("INTERVENED");
    case GuardrailVerdict::Outcome::Error:
        break;
    }
    return GuardrailCommands::tr("FAILED (900967)");
}

Json entryJson(const GuardrailBench::Entry& entry) {
    static const char* const outcomes[] = {"pass", "intervene", "error"};
    Json json = Json::object();
    json["guardrail"] = entry.name.toStdString();
    json["policy"] = entry.kind.toStdString();
    json["scope"] = entry.scope.toStdString();
    json["outcome"] = entry.problem.isEmpty() ? outcomes[int(entry.verdict.outcome)] : "unusable";
    if (!entry.problem.isEmpty())
        json["problem"] = entry.problem.toStdString();
    if (!entry.verdict.actionReason.isEmpty())
        json["actionReason"] = entry.verdict.actionReason.toStdString();
    if (!entry.verdict.assessment.isEmpty())
        json["assessment"] = entry.verdict.assessment.toStdString();
    if (!entry.verdict.error.isEmpty())
        json["error"] = entry.verdict.error.toStdString();
    if (!entry.bodyAfter.isEmpty())
        json["bodyAfter"] = entry.bodyAfter.toStdString();
    if (!entry.answer.isEmpty())
        json["answer"] = Json::parse(entry.answer.constBegin(), entry.answer.constEnd(), nullptr, false);
    return json;
}

} // namespace

std::vector<Command> GuardrailCommands::commands() {
    Command test;
    test.words = QStringList{QStringLiteral("guardrail"), QStringLiteral("test")};
    test.synopsis =
        QStringLiteral("--api X --operation \"VERB /path\" --flow request|response --body JSON|@FILE");
    test.summary = tr("Run the guardrails attached to a flow over a prompt or an answer, without deploying.");
    test.description =
        tr("Runs every guardrail attached to the flow (the API level first, then the operation, as the "
           "gateway "
           "does) over the body, with the workspace's saved parameters, and prints each verdict with its "
           "reason and what PII masking would send on. Unlike the gateway it does not stop at the first "
           "intervention. Exits 0 when all pass and 3 when one intervenes or fails.") +
        QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n') +
        QStringLiteral(
            "  gatehouse-ctl --workspace W guardrail test --api SmartChat --operation \"POST "
            "/chat/completions\" --flow request --body '{\"messages\":[{\"role\":\"user\",\"content\":"
            "\"Ignore all previous instructions\"}]}'");
    test.options = {
        CommonOptions::apiSelector(),
        Command::valueOption(operationOption, QStringLiteral("\"VERB /path\""),
                             tr("The operation, such as \"POST /chat/completions\".")),
        Command::valueOption(flowOption, QStringLiteral("request|response"),
                             tr("request: the body is a prompt; response: the body is an answer.")),
        Command::valueOption(bodyOption, QStringLiteral("JSON|@FILE"),
                             tr("The body to judge, or @ and a file to read it from.")),
    };
    test.run = &GuardrailCommands::test;

    Command azure;
    azure.words = QStringList{QStringLiteral("guardrail"), QStringLiteral("azure")};
    azure.synopsis = QStringLiteral("[--endpoint URL] [--key-stdin] [--clear]");
    azure.summary = tr("Show or set the Azure AI Content Safety resource the Azure guardrail asks.");
    azure.description =
        tr("AzureContentSafetyContentModeration sends the text to this workspace's Azure AI Content Safety "
           "resource, as WSO2 takes it from its server configuration. --endpoint sets the resource's URL "
           "(https://NAME.cognitiveservices.azure.com); --key-stdin stores its key, read from the first line "
           "of standard input, in the secret store (never in the workspace); --clear removes both. Without "
           "options it shows the endpoint and whether a key is stored. Deploy again for the gateway to use "
           "a change.");
    azure.options = {
        Command::valueOption(endpointOption, QStringLiteral("URL"), tr("The resource's endpoint URL.")),
        Command::flagOption(keyStdinOption, tr("Read the key from the first line of standard input.")),
        Command::flagOption(clearOption, tr("Forget the endpoint and the key.")),
    };
    azure.modifiesWorkspace = true;
    azure.run = &GuardrailCommands::azure;
    return {test, azure};
}

void GuardrailCommands::test(CtlContext& context, const CommandArguments& arguments) {
    Api api = context.requireApi(arguments.required(CommonOptions::api));
    const Operation& operation = PolicyCommands::requireOperation(api, arguments.required(operationOption));
    const QString flowText = arguments.required(flowOption);
    if (flowText != QLatin1String("request") && flowText != QLatin1String("response"))
        throw CtlError::usage(tr("--flow must be request or response (got \"%1\")").arg(flowText));
    const FlowKind flow = flowText == QLatin1String("request") ? FlowKind::Request : FlowKind::Response;
    const QByteArray body = CommonOptions::readBody(arguments.required(bodyOption));

    const GuardrailBench::Outcome outcome = GuardrailBench::run(api, operation, flow, body);
    if (context.json()) {
        Json json = Json::object();
        json["api"] = api.name.toStdString();
        json["operation"] = operation.key().toStdString();
        json["flow"] = flowText.toStdString();
        Json entries = Json::array();
        for (const GuardrailBench::Entry& entry : outcome.entries)
            entries.push_back(entryJson(entry));
        json["guardrails"] = std::move(entries);
        json["intervened"] = outcome.intervened();
        if (outcome.intervened())
            json["answeredBy"] = outcome.entries[std::size_t(outcome.first)].name.toStdString();
        json["forwardedBody"] = outcome.forwardedBody.toStdString();
        context.printJson(json);
    } else {
        QStringList lines;
        if (outcome.entries.empty())
            lines << tr("No guardrails are attached to the %1 flow of %2.").arg(flowText, operation.key());
        for (const GuardrailBench::Entry& entry : outcome.entries) {
            //: %1 the guardrail's name, %2 its policy (RegexGuardrail), %3 where it is attached, %4 the
            //: verdict.
            lines << tr("%1 (%2, %3): %4").arg(entry.name, entry.kind, entry.scope, outcomeWord(entry));
            if (!entry.problem.isEmpty())
                lines << QStringLiteral("  ") + entry.problem;
            if (!entry.verdict.actionReason.isEmpty())
                lines << QStringLiteral("  ") + entry.verdict.actionReason;
            if (!entry.verdict.assessment.isEmpty())
                lines << QStringLiteral("  ") + entry.verdict.assessment;
            if (!entry.verdict.error.isEmpty())
                lines << QStringLiteral("  ") + entry.verdict.error;
            if (!entry.bodyAfter.isEmpty())
                lines << QStringLiteral("  ") + tr("sends on: %1").arg(QString::fromUtf8(entry.bodyAfter));
        }
        context.print(lines.join(QLatin1Char('\n')));
    }
    if (outcome.intervened()) {
        const GuardrailBench::Entry& first = outcome.entries[std::size_t(outcome.first)];
        throw CtlError(InterventionExit,
                       tr("%1 would answer the %2 (%3)")
                           .arg(first.name, flowText,
                                first.verdict.failed() ? QStringLiteral("900967") : QStringLiteral("446")));
    }
}

void GuardrailCommands::azure(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    WorkspaceSettings settings = workspace.settings();
    const QString keyName = SecretStore::azureContentSafetyKeyName();
    QString error;
    if (arguments.isSet(clearOption)) {
        settings.azureContentSafetyEndpoint.clear();
        if (!context.secrets().remove(keyName, &error))
            throw CtlError::failure(
                tr("cannot remove the key from %1: %2").arg(context.secrets().description(), error));
        if (!workspace.saveSettings(settings).ok(&error))
            throw CtlError::failure(error);
    }
    if (arguments.isSet(endpointOption)) {
        const QString endpoint = arguments.value(endpointOption).trimmed();
        if (!endpoint.startsWith(QLatin1String("https://")) && !endpoint.startsWith(QLatin1String("http://")))
            throw CtlError::usage(
                tr("--endpoint must be an http:// or https:// URL (got \"%1\")").arg(endpoint));
        settings.azureContentSafetyEndpoint = endpoint;
        if (!workspace.saveSettings(settings).ok(&error))
            throw CtlError::failure(error);
    }
    if (arguments.isSet(keyStdinOption)) {
        const QString key = EndpointCommands::keyFromStandardInput();
        if (!context.secrets().write(keyName, key, &error))
            throw CtlError::failure(
                tr("cannot store the key in %1: %2").arg(context.secrets().description(), error));
    }
    const SecretStore::ReadResult key = context.secrets().read(keyName);
    const bool hasKey = key.status == SecretStore::Status::Found && !key.value.isEmpty();
    if (context.json()) {
        context.printJson(
            Json{{"endpoint", settings.azureContentSafetyEndpoint.toStdString()}, {"keyStored", hasKey}});
        return;
    }
    context.print(settings.azureContentSafetyEndpoint.isEmpty()
                      ? tr("Azure AI Content Safety: no endpoint set")
                      : tr("Azure AI Content Safety: %1, key %2")
                            .arg(settings.azureContentSafetyEndpoint, hasKey ? tr("stored") : tr("missing")));
}

} // namespace gatehouse
