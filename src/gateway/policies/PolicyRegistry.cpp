#include "gateway/policies/PolicyRegistry.h"

#include "gateway/policies/AzureContentSafetyPolicy.h"
#include "gateway/policies/GuardrailPolicy.h"
#include "gateway/policies/HeaderPolicy.h"
#include "gateway/policies/LlmCostPolicy.h"
#include "gateway/policies/ModelRouterPolicy.h"
#include "gateway/policies/PiiMaskingPolicy.h"
#include "gateway/policies/PromptDecoratorPolicy.h"
#include "gateway/policies/PromptTemplatePolicy.h"
#include "gateway/policies/ResponseCachePolicy.h"
#include "gateway/policies/SemanticCachePolicy.h"
#include "gateway/policies/SemanticPromptGuardPolicy.h"
#include "gateway/policies/SemanticRoutingPolicy.h"
#include "gateway/policies/UrlGuardrailPolicy.h"

#include <algorithm>

namespace gatehouse {

PolicyRegistry::PolicyRegistry(std::vector<Kind> kinds) : m_kinds(std::move(kinds)) {
}

const PolicyRegistry& PolicyRegistry::builtin() {
    static const PolicyRegistry registry({
        {QStringLiteral("addHeader"), &HeaderPolicy::buildAdd},
        {QStringLiteral("removeHeader"), &HeaderPolicy::buildRemove},
        {QStringLiteral("modelRoundRobin"), &ModelRouterPolicy::build},
        {QStringLiteral("modelWeightedRoundRobin"), &ModelRouterPolicy::build},
        {QStringLiteral("modelFailover"), &ModelRouterPolicy::build},
        {QStringLiteral("RegexGuardrail"), &GuardrailPolicy::build},
        {QStringLiteral("JSONSchemaGuardrail"), &GuardrailPolicy::build},
        {QStringLiteral("WordCountGuardrail"), &GuardrailPolicy::build},
        {QStringLiteral("SentenceCountGuardrail"), &GuardrailPolicy::build},
        {QStringLiteral("ContentLengthGuardrail"), &GuardrailPolicy::build},
        {QStringLiteral("PIIMaskingRegex"), &PiiMaskingPolicy::build},
        {QStringLiteral("URLGuardrail"), &UrlGuardrailPolicy::build},
        {QStringLiteral("AzureContentSafetyContentModeration"), &AzureContentSafetyPolicy::build},
        {QStringLiteral("LLMCost"), &LlmCostPolicy::build},
        {QStringLiteral("PromptTemplate"), &PromptTemplatePolicy::build},
        {QStringLiteral("PromptDecorator"), &PromptDecoratorPolicy::build},
        {QStringLiteral("ResponseCache"), &ResponseCachePolicy::build},
        {QStringLiteral("SemanticCache"), &SemanticCachePolicy::build},
        {QStringLiteral("SemanticPromptGuardrail"), &SemanticPromptGuardPolicy::build},
        {QStringLiteral("semanticRouting"), &SemanticRoutingPolicy::build},
    });
    return registry;
}

const PolicyRegistry::Kind* PolicyRegistry::find(const QString& name) const {
    const auto kind =
        std::find_if(m_kinds.begin(), m_kinds.end(), [&](const Kind& each) { return each.name == name; });
    return kind == m_kinds.end() ? nullptr : &*kind;
}

PolicyBuildResult PolicyRegistry::build(const PolicyBuildInput& input) const {
    const Kind* kind = find(input.definition.name);
    if (!kind)
        return PolicyBuildResult::failure(
            QStringLiteral("the gateway cannot run %1 yet").arg(input.definition.displayName));
    return kind->build(input);
}

} // namespace gatehouse
