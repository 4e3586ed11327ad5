#pragma once

#include "core/Json.h"
#include "core/Provider.h"
#include "core/ValidationReport.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

namespace gatehouse {

class ProviderRegistry;

// What must hold before a custom provider (WSO2's "custom AI vendor") is saved: a slug id that is no
// built-in provider's, a display name, an auth header that is a real HTTP header name, a value format
// with {key}, model and token locations that are JSONPaths or header names, and a non-empty model list
// without duplicates. Issue paths name the field ("auth.header", "locations.promptTokens.identifier",
// "models[2]"), so that a form can put each message next to its field and the CLI can print it as one
// "<path>: <message>" line.
class ProviderValidator {
    Q_DECLARE_TR_FUNCTIONS(ProviderValidator)

public:
    // `registry`: the providers whose built-in ids a custom one may not take; nullptr skips that check.
    explicit ProviderValidator(const ProviderRegistry* registry = nullptr);

    ValidationReport validate(const Provider& provider) const;

    // Each returns an empty string when the value is acceptable, else the reason (without the field).
    static QString idError(const QString& id);
    static QString displayNameError(const QString& name);
    static QString headerNameError(const QString& name);
    static QString valueFormatError(const QString& format, bool keyRequired);
    // The JSONPath subset of a single value: "$" followed by ".name", "[N]" or "['name']" steps.
    static QString jsonPathError(const QString& path);
    static QString baseUrlError(const QString& url);

    // A provider id derived from a display name ("My vLLM box" -> "my-vllm-box"); may be empty.
    static QString suggestedId(const QString& displayName);

    // The six locations in the order a form shows them, with their JSON key ("promptTokens").
    struct LocationField {
        const char* key;
        ValueLocation Provider::*member;
        bool required; // model locations are; token counts may be absent ("none")
    };
    static const std::vector<LocationField>& locationFields();

    // The provider as a shareable document: toJson() with any user name or password removed from the
    // base URL. A provider holds no key itself (keys live in the secret store, per endpoint), so this is
    // the whole of what leaves the machine.
    static Json exportJson(const Provider& provider);

private:
    void validateLocation(const Provider& provider, const LocationField& field,
                          ValidationReport& report) const;

    const ProviderRegistry* m_registry;
};

} // namespace gatehouse
