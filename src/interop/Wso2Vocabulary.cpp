#include "interop/Wso2Vocabulary.h"

#include "core/ProviderRegistry.h"

#include <QUuid>
#include <utility>

namespace gatehouse {

namespace {

// Gatehouse provider id -> the name WSO2 API Manager 4.5 gives its built-in AI service provider.
const std::pair<const char*, const char*> builtinNames[] = {
    {"openai", "OpenAI"},
    {"azure-openai", "AzureOpenAI"},
    {"mistral", "MistralAI"},
    {"anthropic", "Anthropic"},
};

} // namespace

QString Wso2Vocabulary::llmProviderName(const Provider& provider) {
    for (const auto& [id, wso2Name] : builtinNames) {
        if (provider.id == QLatin1String(id))
            return QString::fromLatin1(wso2Name);
    }
    return provider.id;
}

const Provider* Wso2Vocabulary::providerForLlmName(const ProviderRegistry& providers, const QString& name) {
    const QString wanted = name.trimmed();
    for (const auto& [id, wso2Name] : builtinNames) {
        if (wanted.compare(QLatin1String(wso2Name), Qt::CaseInsensitive) == 0)
            return providers.find(QString::fromLatin1(id));
    }
    if (const Provider* byId = providers.find(wanted))
        return byId;
    for (const Provider& provider : providers.providers()) {
        if (provider.displayName.compare(wanted, Qt::CaseInsensitive) == 0 ||
            provider.id.compare(wanted, Qt::CaseInsensitive) == 0)
            return &provider;
    }
    return nullptr;
}

QString Wso2Vocabulary::policyId(const QString& policyName) {
    static const QUuid gatehouseNamespace(QStringLiteral("{6f3c2b4e-2f4a-4c8e-9d53-6b0c7e1a9a10}"));
    return QUuid::createUuidV5(gatehouseNamespace, policyName).toString(QUuid::WithoutBraces);
}

QString Wso2Vocabulary::scalarText(const Json& value) {
    if (value.is_string())
        return toQString(value.get<std::string>());
    if (value.is_null())
        return QString();
    return toQString(dumpCompact(value));
}

} // namespace gatehouse
