#pragma once

#include "core/Provider.h"

#include <QCoreApplication>
#include <QStringList>
#include <vector>

namespace gatehouse {

// The provider templates a user can create an AI API from: the built-in ones (":/providers/*.json")
// followed by the workspace's custom ones.
class ProviderRegistry {
    Q_DECLARE_TR_FUNCTIONS(ProviderRegistry)

public:
    static const ProviderRegistry& builtin();

    // Adds or replaces (by id) a provider; custom providers may not shadow a built-in one.
    bool add(Provider provider, QString* error);
    // Removes a custom provider; built-in ones stay (false, with the reason).
    bool remove(const QString& id, QString* error);

    const std::vector<Provider>& providers() const { return m_providers; }
    const Provider* find(const QString& id) const;
    QStringList ids() const;

private:
    std::vector<Provider> m_providers;
};

} // namespace gatehouse
