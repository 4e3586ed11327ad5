#include "guardrails/GuardrailBench.h"

#include "guardrails/GuardrailFactory.h"
#include "guardrails/GuardrailFault.h"
#include "guardrails/PiiMasker.h"

namespace gatehouse {

namespace {

QByteArray answerBody(const GuardrailVerdict& verdict, GuardrailDirection direction) {
    if (verdict.failed()) {
        Json body = {{"code", GuardrailFault::internalErrorCode.toStdString()},
                     {"message", GuardrailFault::internalErrorMessage(verdict.kind).toStdString()},
                     {"description", verdict.error.toStdString()}};
        return QByteArray::fromStdString(dumpCompact(body));
    }
    return GuardrailFault::interventionBody(verdict, direction);
}

} // namespace

bool GuardrailBench::isGuardrail(const QString& policyName) {
    return GuardrailFactory::judgesText(policyName) || policyName == QLatin1String("PIIMaskingRegex");
}

GuardrailBench::Outcome GuardrailBench::run(const Api& api, const Operation& operation, FlowKind flow,
                                            const QByteArray& body) {
    const GuardrailDirection direction =
        flow == FlowKind::Response ? GuardrailDirection::Response : GuardrailDirection::Request;
    Outcome outcome;
    QByteArray current = body;
    PiiVault vault;
    const auto runScope = [&](const std::vector<PolicyAttachment>& attachments, const QString& scope) {
        for (const PolicyAttachment& attachment : attachments) {
            if (!isGuardrail(attachment.policyName))
                continue;
            Entry entry;
            entry.kind = attachment.policyName;
            entry.scope = scope;
            const auto name = attachment.parameters.find("name");
            entry.name = name != attachment.parameters.end() && name->is_string()
                             ? toQString(name->get<std::string>())
                             : QString();
            entry.verdict.kind = entry.kind;
            entry.verdict.guardrailName = entry.name;
            if (attachment.policyName == QLatin1String("PIIMaskingRegex")) {
                Result<std::shared_ptr<const PiiMasker>> masker = PiiMasker::build(attachment.parameters);
                if (!masker) {
                    entry.problem = masker.error();
                } else {
                    Result<QByteArray> rewritten = direction == GuardrailDirection::Request
                                                       ? masker.value()->maskBody(current, vault)
                                                       : masker.value()->restoreBody(current, vault);
                    if (rewritten) {
                        current = rewritten.value();
                        entry.bodyAfter = current;
                    } else {
                        entry.verdict.outcome = GuardrailVerdict::Outcome::Error;
                        entry.verdict.error = rewritten.error();
                    }
                }
            } else {
                Result<std::shared_ptr<const Guardrail>> guardrail =
                    GuardrailFactory::build(attachment.policyName, attachment.parameters);
                if (!guardrail)
                    entry.problem = guardrail.error();
                else
                    entry.verdict = guardrail.value()->evaluate(GuardrailPayload(current), direction);
            }
            if (entry.verdict.outcome != GuardrailVerdict::Outcome::Pass) {
                entry.answer = answerBody(entry.verdict, direction);
                if (outcome.first < 0)
                    outcome.first = int(outcome.entries.size());
            }
            outcome.entries.push_back(std::move(entry));
        }
    };
    runScope(api.apiPolicies.flow(flow), tr("API"));
    runScope(operation.policies.flow(flow), operation.key());
    outcome.forwardedBody = current;
    return outcome;
}

} // namespace gatehouse
