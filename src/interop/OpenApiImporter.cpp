#include "interop/OpenApiImporter.h"

#include "core/ApiFactory.h"
#include "core/Workspace.h"
#include "interop/OpenApiDocument.h"
#include "interop/OpenApiSampleBuilder.h"

#include <QRegularExpression>
#include <QUrl>

namespace gatehouse {

namespace {

// The most ApiValidator accepts for a name; a long title is cut rather than refused.
constexpr int maximumNameLength = 60;

bool isAbsoluteHttpUrl(const QString& url) {
    const QUrl parsed(url);
    return parsed.isValid() && !parsed.host().isEmpty() &&
           (parsed.scheme() == QLatin1String("http") || parsed.scheme() == QLatin1String("https"));
}

} // namespace

bool OpenApiImporter::hasAbsoluteServerUrl(const OpenApiDocument& document) {
    return isAbsoluteHttpUrl(document.serverUrl());
}

QString OpenApiImporter::contextFromTitle(const QString& title) {
    static const QRegularExpression other(QStringLiteral("[^a-z0-9._~]+"));
    QString slug = title.toLower().replace(other, QStringLiteral("-"));
    // The context must start with a letter or digit and reads better without a dangling dash.
    while (!slug.isEmpty() && !slug.front().isLetterOrNumber())
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("api") : slug.left(maximumNameLength);
}

Result<Api> OpenApiImporter::buildApi(const QByteArray& document, const QString& fileName,
                                      const Workspace& workspace, const OpenApiImportOptions& options) {
    const Result<OpenApiDocument> parsed = OpenApiDocument::parse(document, fileName);
    if (!parsed)
        return Result<Api>::failure(parsed.error());
    const OpenApiDocument& openApi = parsed.value();

    const QString providerId = options.providerId.isEmpty() ? defaultProviderId() : options.providerId;
    const Provider* provider = workspace.provider(providerId);
    if (!provider)
        return Result<Api>::failure(
            tr("unknown provider \"%1\" (providers: %2)")
                .arg(providerId, workspace.providers().ids().join(QStringLiteral(", "))));

    const QString title = openApi.title();
    const QString name = options.name.isEmpty() ? title.left(maximumNameLength).trimmed() : options.name;
    if (name.isEmpty())
        return Result<Api>::failure(
            tr("%1: the document has no info.title; give the API a name").arg(fileName));
    const QString version = options.version.isEmpty() ? openApi.version() : options.version;
    if (version.isEmpty())
        return Result<Api>::failure(
            tr("%1: the document has no info.version; give the API a version").arg(fileName));
    const QString context =
        options.context.isEmpty() ? contextFromTitle(title.isEmpty() ? name : title) : options.context;

    QString productionUrl = options.productionUrl;
    if (productionUrl.isEmpty()) {
        productionUrl = openApi.serverUrl();
        if (productionUrl.isEmpty())
            return Result<Api>::failure(
                tr("%1: the document names no server (servers[0].url); give the production URL")
                    .arg(fileName));
        // A relative server URL ("/v1") is relative to wherever the document was downloaded from,
        // which a file does not remember.
        if (!hasAbsoluteServerUrl(openApi))
            return Result<Api>::failure(openApi.errorAt(
                "/servers/0/url",
                tr("\"%1\" is not an absolute http(s) URL; give the production URL").arg(productionUrl)));
    }

    if (openApi.operations().empty())
        return Result<Api>::failure(tr("%1: the document defines no operations under paths").arg(fileName));

    ApiFactory::Request request;
    request.id = workspace.newApiId(name, version);
    request.name = name;
    request.context = context;
    request.version = version;
    request.description = openApi.description();
    request.productionUrl = productionUrl;
    Api api = ApiFactory::createAiApi(*provider, request);

    // The document's operations replace the provider template's: they are what the server serves.
    api.operations.clear();
    const OpenApiSampleBuilder samples(openApi);
    for (const OpenApiDocument::Operation& source : openApi.operations()) {
        Result<Json> sample = samples.requestSample(source);
        if (!sample)
            return Result<Api>::failure(sample.error());
        Operation operation;
        operation.verb = source.verb;
        operation.path = source.path;
        operation.summary = source.summary;
        operation.sampleBody = sample.take();
        api.operations.push_back(std::move(operation));
    }
    return Result<Api>::success(std::move(api));
}

} // namespace gatehouse
