#include "core/ApiValidator.h"

#include "core/PolicyValidator.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace gatehouse {

ApiValidator::ApiValidator(const PolicyCatalogue& catalogue, const Provider* provider)
    : m_catalogue(catalogue), m_provider(provider) {
}

QString ApiValidator::nameError(const QString& name) {
    if (name.trimmed().isEmpty())
        return tr("is required");
    if (name.size() > 60)
        return tr("must be at most 60 characters long");
    return {};
}

QString ApiValidator::contextError(const QString& context) {
    static const QRegularExpression shape(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*$"));
    if (context.isEmpty())
        return tr("is required");
    if (context.startsWith(QLatin1Char('/')))
        return tr("must not start with '/' (write \"%1\")").arg(context.mid(1));
    if (!shape.match(context).hasMatch())
        return tr("may contain only letters, digits, '.', '_', '~', '-' and '/' between segments");
    if (context.split(QLatin1Char('/')).first() == QLatin1String("oauth2"))
        return tr("\"oauth2\" is reserved for the token endpoint");
    return {};
}

QString ApiValidator::versionError(const QString& version) {
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (version.isEmpty())
        return tr("is required");
    if (!shape.match(version).hasMatch())
        return tr("must be letters, digits, '.', '_' or '-', such as 1.0.0 or v2");
    return {};
}

QString ApiValidator::urlError(const QString& url) {
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.trimmed().isEmpty())
        return tr("is required");
    if (!parsed.isValid())
        return tr("is not a valid URL: %1").arg(parsed.errorString());
    const QString scheme = parsed.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
        scheme != QLatin1String("mock"))
        return tr("must start with http:// or https://");
    if (parsed.host().isEmpty())
        return tr("has no host");
    return {};
}

ValidationReport ApiValidator::validate(const Api& api, const std::vector<Api>& others) const {
    ValidationReport report;
    if (const QString error = nameError(api.name); !error.isEmpty())
        report.addError(QStringLiteral("name"), error);
    if (const QString error = contextError(api.context); !error.isEmpty())
        report.addError(QStringLiteral("context"), error);
    if (const QString error = versionError(api.version); !error.isEmpty())
        report.addError(QStringLiteral("version"), error);
    for (const Api& other : others) {
        if (other.id == api.id)
            continue;
        if (other.context == api.context && other.version == api.version)
            report.addError(QStringLiteral("context"),
                            tr("%1 already serves /%2/%3").arg(other.name, api.context, api.version));
        if (other.name.compare(api.name, Qt::CaseInsensitive) == 0 && other.version == api.version)
            report.addError(
                QStringLiteral("name"),
                tr("an API named %1 with version %2 exists already").arg(other.name, api.version));
    }
    if (api.isAiApi() && !m_provider)
        report.addError(QStringLiteral("provider"), tr("unknown provider \"%1\"").arg(api.providerId));

    QSet<QString> endpointIds;
    for (std::size_t i = 0; i < api.endpoints.size(); ++i) {
        const Endpoint& endpoint = api.endpoints[i];
        const QString path = QStringLiteral("endpoints[%1]").arg(i);
        if (endpoint.id.trimmed().isEmpty())
            report.addError(path + QStringLiteral(".id"), tr("is required"));
        else if (endpointIds.contains(endpoint.id))
            report.addError(path + QStringLiteral(".id"), tr("\"%1\" is used twice").arg(endpoint.id));
        endpointIds.insert(endpoint.id);
        if (endpoint.name.trimmed().isEmpty())
            report.addError(path + QStringLiteral(".name"), tr("is required"));
        if (const QString error = urlError(endpoint.url); !error.isEmpty())
            report.addError(path + QStringLiteral(".url"), error);
        if (m_provider && m_provider->keyRequired && !endpoint.hasKey)
            report.addWarning(
                path + QStringLiteral(".apiKey"),
                tr("API key required: %1 rejects calls without one").arg(m_provider->displayName));
    }
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        const QString primaryId = api.primaryEndpointId(stage);
        if (primaryId.isEmpty())
            continue;
        const Endpoint* primary = api.endpoint(primaryId);
        if (!primary)
            report.addError(QLatin1String(Api::primaryEndpointKey(stage)),
                            tr("names no endpoint of this API (\"%1\")").arg(primaryId));
        else if (primary->stage != stage)
            report.addError(QLatin1String(Api::primaryEndpointKey(stage)),
                            tr("%1 is a %2 endpoint, not a %3 one")
                                .arg(primaryId, stageName(primary->stage), stageName(stage)));
    }
    if (api.endpoints.empty())
        report.addWarning(QStringLiteral("endpoints"),
                          tr("no endpoints: the gateway has nowhere to send calls"));

    static const QSet<QString> verbs = {
        QStringLiteral("GET"),    QStringLiteral("POST"), QStringLiteral("PUT"),    QStringLiteral("PATCH"),
        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")};
    QSet<QString> operationKeys;
    for (std::size_t i = 0; i < api.operations.size(); ++i) {
        const Operation& operation = api.operations[i];
        const QString path = QStringLiteral("operations[%1]").arg(operation.key());
        if (!verbs.contains(operation.verb))
            report.addError(path + QStringLiteral(".verb"),
                            tr("\"%1\" is not an HTTP method").arg(operation.verb));
        if (!operation.path.startsWith(QLatin1Char('/')))
            report.addError(path + QStringLiteral(".path"), tr("must start with '/'"));
        if (operationKeys.contains(operation.key()))
            report.addError(path, tr("is defined twice"));
        operationKeys.insert(operation.key());
    }

    PolicyValidator(m_catalogue, m_provider).validateAll(api, report);
    return report;
}

} // namespace gatehouse
