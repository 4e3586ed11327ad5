#pragma once

#include "core/Json.h"

#include <QString>

namespace gatehouse {

class ProviderRegistry;
struct Provider;

// The words of an apictl API project that both directions must spell alike.
class Wso2Vocabulary {
public:
    static constexpr const char* ProjectVersion = "v4.5.0";
    static constexpr const char* DefaultAuthType = "Application & Application User";
    static constexpr const char* UnlimitedTier = "Unlimited";
    // Gatehouse has no API owners; WSO2's default administrator is who owns an imported API there.
    static constexpr const char* DefaultProvider = "admin";

    // WSO2's llmProviderName for a Gatehouse provider ("OpenAI" for openai); the provider's id for
    // those WSO2 does not ship (Demo, custom ones), so that they come back on import.
    static QString llmProviderName(const Provider& provider);
    // The provider an llmProviderName names: WSO2's name, a Gatehouse id or display name; nullptr
    // when none matches.
    static const Provider* providerForLlmName(const ProviderRegistry& providers, const QString& name);

    // A stable UUID per policy name: WSO2 gives every policy a policyId, and a name-based one keeps
    // repeated exports byte-identical.
    static QString policyId(const QString& policyName);

    // A scalar of a YAML document as text, as WSO2 is loose about "30" versus 30.
    static QString scalarText(const Json& value);
};

} // namespace gatehouse
