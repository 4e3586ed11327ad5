#pragma once

#include "core/Json.h"
#include "core/Result.h"
#include "interop/OpenApiDocument.h"

#include <QCoreApplication>
#include <QSet>
#include <optional>
#include <string>

namespace gatehouse {

// The request body a user starts from in Try Out, taken from an OpenAPI operation: the JSON media
// type's example, else its first named example, else the schema's example, else one assembled from
// the schema's properties' examples, defaults and enums (required properties, and optional ones with
// an example). Local $refs are followed; a $ref into
// another file yields no sample rather than an error, because nothing here can read that file.
class OpenApiSampleBuilder {
    Q_DECLARE_TR_FUNCTIONS(OpenApiSampleBuilder)

public:
    explicit OpenApiSampleBuilder(const OpenApiDocument& document) : m_document(document) {}

    // Null when the operation takes no JSON body; {} when it takes one the document gives no values for.
    Result<Json> requestSample(const OpenApiDocument::Operation& operation) const;

private:
    // nullopt: the schema gives no value. `error` is set when a $ref on the way does not resolve.
    std::optional<Json> fromSchema(const std::string& pointer, int depth, QSet<QString>& visiting,
                                   QString* error) const;
    std::optional<Json> fromObjectSchema(const Json& schema, const std::string& pointer, int depth,
                                         QSet<QString>& visiting, QString* error) const;

    const OpenApiDocument& m_document;
};

} // namespace gatehouse
