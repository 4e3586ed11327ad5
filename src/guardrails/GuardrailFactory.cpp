#include "guardrails/GuardrailFactory.h"

#include "guardrails/AzureContentSafetyGuardrail.h"
#include "guardrails/CountGuardrail.h"
#include "guardrails/JsonSchemaGuardrail.h"
#include "guardrails/RegexGuardrail.h"
#include "guardrails/SemanticPromptGuardrail.h"
#include "guardrails/UrlGuardrail.h"

namespace gatehouse {

const QStringList& GuardrailFactory::kinds() {
    static const QStringList names{QStringLiteral("RegexGuardrail"),
                                   QStringLiteral("JSONSchemaGuardrail"),
                                   QStringLiteral("WordCountGuardrail"),
                                   QStringLiteral("SentenceCountGuardrail"),
                                   QStringLiteral("ContentLengthGuardrail"),
                                   QStringLiteral("URLGuardrail"),
                                   QStringLiteral("AzureContentSafetyContentModeration"),
                                   QStringLiteral("SemanticPromptGuardrail")};
    return names;
}

Result<std::shared_ptr<const Guardrail>> GuardrailFactory::build(const QString& kind,
                                                                 const Json& parameters) {
    if (kind == QLatin1String("RegexGuardrail"))
        return RegexGuardrail::build(parameters);
    if (kind == QLatin1String("JSONSchemaGuardrail"))
        return JsonSchemaGuardrail::build(parameters);
    if (kind == QLatin1String("WordCountGuardrail"))
        return CountGuardrail::build(CountGuardrail::Unit::Words, parameters);
    if (kind == QLatin1String("SentenceCountGuardrail"))
        return CountGuardrail::build(CountGuardrail::Unit::Sentences, parameters);
    if (kind == QLatin1String("ContentLengthGuardrail"))
        return CountGuardrail::build(CountGuardrail::Unit::Bytes, parameters);
    if (kind == QLatin1String("URLGuardrail"))
        return UrlGuardrail::build(parameters);
    if (kind == QLatin1String("AzureContentSafetyContentModeration"))
        return AzureContentSafetyGuardrail::build(parameters);
    if (kind == QLatin1String("SemanticPromptGuardrail"))
        return SemanticPromptGuardrail::build(parameters);
    return Result<std::shared_ptr<const Guardrail>>::failure(
        QStringLiteral("%1 is not a guardrail").arg(kind));
}

} // namespace gatehouse
