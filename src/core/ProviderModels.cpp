#include "core/ProviderModels.h"

#include "core/PriceCatalogue.h"
#include "core/Provider.h"

namespace gatehouse {

QString ProviderModels::litellmProvider(const Provider& provider) {
    // Custom providers are left out even when their id happens to be a vendor's name: nothing says
    // they serve that vendor's models.
    if (!provider.builtin)
        return {};
    if (provider.id == QLatin1String("openai") || provider.id == QLatin1String("anthropic") ||
        provider.id == QLatin1String("mistral"))
        return provider.id;
    if (provider.id == QLatin1String("azure-openai"))
        return QStringLiteral("azure");
    return {};
}

QStringList ProviderModels::fromCatalogue(const Provider& provider, const PriceCatalogue& prices) {
    const QString vendor = litellmProvider(provider);
    if (vendor.isEmpty())
        return {};
    const QString prefix = vendor + QLatin1Char('/');
    QStringList models;
    for (const PriceCatalogue::Entry& entry : prices.entries()) {
        if (entry.price.litellmProvider.compare(vendor, Qt::CaseInsensitive) != 0 ||
            entry.price.mode.compare(QLatin1String("chat"), Qt::CaseInsensitive) != 0)
            continue;
        QString model = entry.key;
        if (model.startsWith(prefix, Qt::CaseInsensitive))
            model = model.mid(prefix.size());
        if (!model.isEmpty() && !provider.models.contains(model) && !models.contains(model))
            models.append(model);
    }
    return models;
}

QStringList ProviderModels::offered(const Provider& provider, const PriceCatalogue& prices,
                                    const QStringList& extra) {
    QStringList models = provider.models;
    models.removeDuplicates();
    models += fromCatalogue(provider, prices);
    for (const QString& model : extra) {
        if (!model.isEmpty() && !models.contains(model))
            models.append(model);
    }
    return models;
}

} // namespace gatehouse
