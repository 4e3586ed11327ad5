#pragma once

#include "core/Api.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace gatehouse {

class OpenApiDocument;
class Workspace;

// What the user chose in place of the document's values; an empty field takes the document's.
struct OpenApiImportOptions {
    QString name;          // default: info.title
    QString context;       // default: a slug of info.title ("vLLM API" -> "vllm-api")
    QString version;       // default: info.version
    QString providerId;    // default: openai-compatible
    QString productionUrl; // default: servers[0].url (it must then be absolute)
};

// A custom AI API from an OpenAPI 3.0/3.1 document, such as the one a local vLLM or Ollama server
// publishes: the provider's authentication and model locations, the document's operations (path
// templates, summaries, request samples) instead of the provider's, and a production endpoint at
// the document's server.
class OpenApiImporter {
    Q_DECLARE_TR_FUNCTIONS(OpenApiImporter)

public:
    // Builds (does not save) an API from the document; empty options fields take the document's values.
    // The API gets a fresh id in `workspace`; the caller validates it (ApiValidator) before saving.
    // Errors are one line naming the file, and the line and column when a node is at fault.
    static Result<Api> buildApi(const QByteArray& document, const QString& fileName,
                                const Workspace& workspace, const OpenApiImportOptions& options);

    // Whether servers[0].url can serve as the production URL: absolute http(s) once its variables are
    // filled in. A relative one ("/v1") is relative to where the document was downloaded from.
    static bool hasAbsoluteServerUrl(const OpenApiDocument& document);

    static QString defaultProviderId() { return QStringLiteral("openai-compatible"); }
    // A context for a title: lower case letters, digits, '.', '_', '~' and '-'.
    static QString contextFromTitle(const QString& title);
};

} // namespace gatehouse
