#pragma once

#include "core/JsonPath.h"
#include "core/PiiEntity.h"
#include "core/Result.h"
#include "guardrails/PiiVault.h"

#include <QByteArray>
#include <QRegularExpression>
#include <memory>
#include <optional>
#include <vector>

namespace gatehouse {

// WSO2's PIIMaskingRegex: never blocks. On the request flow each value an entity's regex finds becomes
// its placeholder (or "*****" for good with `redact`); on the response flow the originals come back
// (with `redact`, what the regexes find in the answer is starred out instead). On the request flow a
// jsonPath limits masking to the strings it selects; without one, every string of a JSON body (a raw
// body: its text). The answer is a different document, so the response flow works on all of it: the
// placeholders are this call's own, wherever the model put them.
class PiiMasker {
public:
    static Result<std::shared_ptr<const PiiMasker>> build(const Json& parameters);
    static inline const QString redaction = QStringLiteral("*****");

    PiiMasker(QString name, std::optional<JsonPath> jsonPath, std::vector<PiiEntity> entities, bool redact);

    const QString& name() const { return m_name; }
    bool redacts() const { return m_redact; }

    // Text level. An entity regex that gives up (PCRE2's match limit) is an error, not a pass: a
    // masking policy that cannot tell must not let the value through.
    Result<QString> mask(const QString& text, PiiVault& vault) const;
    Result<QString> redact(const QString& text) const;

    // Body level, for the request flow (mask or redact) and the response flow (restore or redact).
    Result<QByteArray> maskBody(const QByteArray& body, PiiVault& vault) const;
    Result<QByteArray> restoreBody(const QByteArray& body, const PiiVault& vault) const;

private:
    template <typename Rewrite>
    Result<QByteArray> rewriteBody(const QByteArray& body, const std::optional<JsonPath>& jsonPath,
                                   Rewrite rewrite) const;
    Result<QString> replaceMatches(const QString& text, PiiVault* vault) const;

    QString m_name;
    std::optional<JsonPath> m_jsonPath;
    std::vector<PiiEntity> m_entities;
    bool m_redact = false;
};

} // namespace gatehouse
