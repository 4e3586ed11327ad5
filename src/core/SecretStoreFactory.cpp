#include "core/SecretStoreFactory.h"

#include "core/FileSecretStore.h"
#include "core/KeychainSecretStore.h"
#include "core/Workspace.h"

namespace gatehouse {

std::unique_ptr<SecretStore> SecretStoreFactory::open(const Workspace& workspace, const QString& secretsFile,
                                                      QString* error) {
    if (!secretsFile.isEmpty()) {
        auto store = std::make_unique<FileSecretStore>(secretsFile);
        if (!store->open(error))
            return nullptr;
        return store;
    }
    return std::make_unique<KeychainSecretStore>(workspace.id());
}

} // namespace gatehouse
