#pragma once

#include "core/SecretStore.h"

#include <memory>

namespace gatehouse {

class Workspace;

// Chooses the secret store every executable uses: the desktop keychain, or the file the user named
// with --secrets-file. Never a silent plaintext fallback.
class SecretStoreFactory {
public:
    static std::unique_ptr<SecretStore> open(const Workspace& workspace, const QString& secretsFile,
                                             QString* error);
};

} // namespace gatehouse
