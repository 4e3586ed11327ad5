#pragma once

#include "core/Api.h"
#include "core/PolicyCatalogue.h"
#include "core/Provider.h"
#include "core/ValidationReport.h"

#include <QCoreApplication>
#include <vector>

namespace gatehouse {

// Everything that must hold before an API is saved or deployed: identity fields, endpoints,
// operations and every policy attachment. Paths name the field ("context", "endpoints[1].url",
// "operations[POST /chat/completions].request[0]...").
class ApiValidator {
    Q_DECLARE_TR_FUNCTIONS(ApiValidator)

public:
    ApiValidator(const PolicyCatalogue& catalogue, const Provider* provider);

    // `others` are the workspace's other APIs, for the uniqueness of context + version and of names.
    ValidationReport validate(const Api& api, const std::vector<Api>& others = {}) const;

    static QString nameError(const QString& name);
    static QString contextError(const QString& context);
    static QString versionError(const QString& version);
    static QString urlError(const QString& url);

private:
    const PolicyCatalogue& m_catalogue;
    const Provider* m_provider;
};

} // namespace gatehouse
