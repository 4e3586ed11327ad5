#pragma once

#include "core/Api.h"
#include "core/Provider.h"

#include <QString>

namespace gatehouse {

// Builds a new AI API from a provider template, as WSO2's "Create AI API" does: the provider's
// operations, a default endpoint per stage at the given (or the provider's) URL.
class ApiFactory {
public:
    struct Request {
        QString id;
        QString name;
        QString context;
        QString version;
        QString description;
        QString productionUrl; // empty: the provider's default
        QString sandboxUrl;    // empty: no sandbox endpoint
    };

    static Api createAiApi(const Provider& provider, const Request& request);
};

} // namespace gatehouse
