#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse {

class PriceCatalogue;
struct Provider;

// The model names an API of one provider is offered and accepts without a warning: the provider's
// own list first, then the price catalogue's chat models of the same vendor, then what an endpoint
// listed. A provider's list is short and fixed when it is written; the catalogue follows the
// vendor's price page (dated snapshots, new models), so a model it prices is no typo.
class ProviderModels {
public:
    // LiteLLM's name for the vendor behind a built-in provider, as the catalogue's litellm_provider
    // spells it ("azure" for azure-openai); empty when the catalogue cannot hold its models (the
    // Demo provider's mock, OpenAI-compatible servers, custom providers).
    static QString litellmProvider(const Provider& provider);
    // The catalogue's chat models of that vendor, in catalogue order, without LiteLLM's "vendor/"
    // prefix (which the upstream does not take) and without the provider's own models.
    static QStringList fromCatalogue(const Provider& provider, const PriceCatalogue& prices);
    // provider.models, then fromCatalogue(), then `extra`; each name once.
    static QStringList offered(const Provider& provider, const PriceCatalogue& prices,
                               const QStringList& extra = {});
};

} // namespace gatehouse
