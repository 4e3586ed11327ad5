#include "core/ProviderRegistry.h"

#include "core/JsonFile.h"

#include <QCoreApplication>
#include <QDir>

namespace gatehouse {

const ProviderRegistry& ProviderRegistry::builtin() {
    static const ProviderRegistry registry = [] {
        ProviderRegistry result;
        const QDir folder(QStringLiteral(":/providers"));
        // A fixed, friendly order in pickers: the big vendors first, the offline demo last.
        QStringList order = {QStringLiteral("openai.json"),
                             QStringLiteral("azure-openai.json"),
                             QStringLiteral("mistral.json"),
                             QStringLiteral("anthropic.json"),
                             QStringLiteral("openai-compatible.json"),
                             QStringLiteral("demo.json")};
        for (const QString& fileName :
             folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            if (!order.contains(fileName))
                order.append(fileName);
        }
        for (const QString& fileName : order) {
            const Result<Json> json = JsonFile::read(folder.filePath(fileName));
            Result<Provider> provider =
                json ? Provider::fromJson(json.value()) : Result<Provider>::failure(json.error());
            if (!provider) {
                qCritical("Built-in provider %s is broken: %s", qPrintable(fileName),
                          qPrintable(provider.error()));
                Q_ASSERT_X(false, "ProviderRegistry", "broken built-in provider template");
                continue;
            }
            Provider loaded = provider.take();
            loaded.builtin = true;
            // In the user's language (translations/catalogue_strings.cpp lists them for lupdate).
            loaded.displayName =
                QCoreApplication::translate("ProviderCatalogue", loaded.displayName.toUtf8().constData());
            if (!loaded.description.isEmpty())
                loaded.description =
                    QCoreApplication::translate("ProviderCatalogue", loaded.description.toUtf8().constData());
            result.m_providers.push_back(std::move(loaded));
        }
        return result;
    }();
    return registry;
}

bool ProviderRegistry::add(Provider provider, QString* error) {
    for (Provider& existing : m_providers) {
        if (existing.id != provider.id)
            continue;
        if (existing.builtin && !provider.builtin) {
            if (error)
                *error = tr("provider id \"%1\" belongs to a built-in provider").arg(provider.id);
            return false;
        }
        existing = std::move(provider);
        return true;
    }
    m_providers.push_back(std::move(provider));
    return true;
}

bool ProviderRegistry::remove(const QString& id, QString* error) {
    for (auto it = m_providers.begin(); it != m_providers.end(); ++it) {
        if (it->id != id)
            continue;
        if (it->builtin) {
            if (error)
                *error = tr("%1 is a built-in provider and cannot be deleted").arg(it->displayName);
            return false;
        }
        m_providers.erase(it);
        return true;
    }
    if (error)
        *error = tr("no provider with id \"%1\"").arg(id);
    return false;
}

const Provider* ProviderRegistry::find(const QString& id) const {
    for (const Provider& provider : m_providers) {
        if (provider.id == id)
            return &provider;
    }
    return nullptr;
}

QStringList ProviderRegistry::ids() const {
    QStringList list;
    for (const Provider& provider : m_providers)
        list.append(provider.id);
    return list;
}

} // namespace gatehouse
