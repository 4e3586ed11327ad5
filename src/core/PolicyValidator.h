#pragma once

#include "core/Api.h"
#include "core/FlowKind.h"
#include "core/ModelRouterConfig.h"
#include "core/PolicyCatalogue.h"
#include "core/Provider.h"
#include "core/ValidationReport.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

class PriceCatalogue;

// Checks policy attachments against the catalogue's schemas and against the API they sit in
// (endpoints of the right stage, the provider's models, one load-balancing strategy per operation).
class PolicyValidator {
    Q_DECLARE_TR_FUNCTIONS(PolicyValidator)

public:
    // A router's model outside the provider's list is a warning unless `prices` has it as a chat
    // model of the provider's vendor (ProviderModels) or an endpoint listed it (`fetchedModels`).
    // `prices` (nullptr: the shipped prices) must outlive the validator.
    PolicyValidator(const PolicyCatalogue& catalogue, const Provider* provider,
                    const PriceCatalogue* prices = nullptr, QStringList fetchedModels = {});

    // Why `policyName` may not be added to `flow` of `operation` (nullptr: the API level), or an
    // empty string when it may. `ignore` is an attachment being replaced (an edit or a move), not
    // counted as already present.
    QString placementError(const Api& api, const Operation* operation, FlowKind flow,
                           const QString& policyName, const PolicyAttachment* ignore = nullptr) const;

    // The parameters of one attachment: schema (types, required, ranges, patterns) and meaning.
    void validateParameters(const Api& api, const PolicyAttachment& attachment, const QString& path,
                            ValidationReport& report) const;

    // Every attachment of the API, with placement rules. Paths: "apiPolicies.request[0]" and
    // "operations[POST /chat/completions].request[0]".
    void validateAll(const Api& api, ValidationReport& report) const;

    // The attribute value as a JSON document, decoding WSO2's single-quoted string form if needed.
    static Json decodedAttribute(const PolicyAttribute& attribute, const Json& value, QString* error);

private:
    void validateValue(const PolicyAttribute& attribute, const Json& value, const QString& path,
                       ValidationReport& report) const;
    void validateRouter(const Api& api, const PolicyDefinition& definition, const Json& config,
                        const QString& path, ValidationReport& report) const;
    void validateTarget(const Api& api, Stage stage, const ModelRouterConfig::Target& target,
                        const QString& path, ValidationReport& report) const;
    QString flowAndTypeError(const Api& api, const PolicyDefinition& definition, FlowKind flow) const;
    void validateFlows(const Api& api, const PolicyFlows& flows, const QString& prefix,
                       ValidationReport& report) const;
    void validateExclusivity(const Api& api, ValidationReport& report) const;

    const PolicyCatalogue& m_catalogue;
    const Provider* m_provider;
    const PriceCatalogue* m_prices;
    QStringList m_fetchedModels;
};

} // namespace gatehouse
