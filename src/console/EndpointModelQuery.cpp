#include "console/EndpointModelQuery.h"

#include "core/Api.h"
#include "core/Json.h"
#include "core/Provider.h"
#include "core/SecretStore.h"

#include <QNetworkRequest>
#include <utility>

namespace gatehouse {

Result<EndpointModelQuery> EndpointModelQuery::prepare(const Api& api, const Endpoint& endpoint,
                                                       const Provider* provider, SecretStore& secrets,
                                                       const QString& mockOrigin) {
    using Failure = Result<EndpointModelQuery>;
    if (!provider)
        return Failure::failure(tr("%1 uses the provider \"%2\", which this workspace does not have")
                                    .arg(api.name, api.providerId));
    QString base = endpoint.url.trimmed();
    if (base.startsWith(QLatin1String("mock://"), Qt::CaseInsensitive) && !mockOrigin.isEmpty()) {
        // mock://demo/v1 -> <origin>/v1, as the gateway resolves it.
        const qsizetype pathStart = base.indexOf(QLatin1Char('/'), 7);
        base = mockOrigin + (pathStart < 0 ? QString() : base.mid(pathStart));
    }
    if (base.startsWith(QLatin1String("mock://"), Qt::CaseInsensitive))
        return Failure::failure(tr("endpoint %1 is served by Gatehouse's built-in mock (%2), which only "
                                   "the app and gatehouse-gateway reach")
                                    .arg(endpoint.id, base));
    QUrl url(base, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return Failure::failure(tr("endpoint %1 has no http(s) URL (\"%2\")").arg(endpoint.id, base));

    // The same key, in the same place, as the gateway's calls to this endpoint carry.
    QString key;
    if (endpoint.hasKey) {
        const SecretStore::ReadResult read = secrets.read(SecretStore::endpointKeyName(api.id, endpoint.id));
        if (read.status == SecretStore::Status::Error)
            return Failure::failure(ErrorCode::Unreadable,
                                    tr("cannot read the key of endpoint %1 from %2: %3")
                                        .arg(endpoint.id, secrets.description(), read.error));
        if (!read.found() || read.value.isEmpty())
            return Failure::failure(ErrorCode::NotFound,
                                    tr("endpoint %1 should have a key, but none is stored in %2")
                                        .arg(endpoint.id, secrets.description()));
        key = read.value;
    } else if (provider->keyRequired) {
        return Failure::failure(
            ErrorCode::NotFound,
            tr("endpoint %1 has no API key, and %2 needs one").arg(endpoint.id, provider->displayName));
    }

    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/models"));

    EndpointModelQuery query;
    query.m_shownUrl = url.toString();
    query.m_providerModels = provider->models;
    query.m_headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!key.isEmpty() && !provider->authHeader.isEmpty()) {
        const QString value = provider->authValue(key);
        if (provider->authInQuery) {
            // Encoded by hand, as the gateway does: QUrlQuery would leave "+" and "%" in a key as they are.
            QByteArray encoded = url.query(QUrl::FullyEncoded).toLatin1();
            encoded += (encoded.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(provider->authHeader) + '=' +
                       QUrl::toPercentEncoding(value);
            url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
        } else {
            query.m_headers.append({provider->authHeader.toUtf8(), value.toUtf8()});
        }
    }
    query.m_url = url;
    return Result<EndpointModelQuery>::success(std::move(query));
}

QNetworkRequest EndpointModelQuery::networkRequest() const {
    QNetworkRequest request(m_url);
    for (const auto& [name, value] : m_headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

Result<std::vector<EndpointModelQuery::Model>> EndpointModelQuery::readAnswer(int status,
                                                                              const QByteArray& body) const {
    using Failure = Result<std::vector<Model>>;
    if (status < 200 || status >= 300)
        return Failure::failure(
            ErrorCode::Refused,
            tr("%1 answered HTTP %2: %3").arg(m_shownUrl).arg(status).arg(upstreamMessage(status, body)));
    const Json json = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (json.is_discarded())
        return Failure::failure(tr("the answer of %1 is not JSON").arg(m_shownUrl));
    const auto data = json.is_object() ? json.find("data") : json.end();
    if (!json.is_object() || data == json.end() || !data->is_array())
        return Failure::failure(tr("the answer of %1 has no \"data\" list of models").arg(m_shownUrl));
    std::vector<Model> models;
    for (const Json& entry : *data) {
        const QString id = entry.is_object() ? jsonStringMember(entry, "id") : QString();
        if (!id.isEmpty())
            models.push_back({id, m_providerModels.contains(id)});
    }
    return Result<std::vector<Model>>::success(std::move(models));
}

QString EndpointModelQuery::noAnswer(const QString& reason) const {
    return tr("no answer from %1: %2").arg(m_shownUrl, reason);
}

QString EndpointModelQuery::upstreamMessage(int status, const QByteArray& body) {
    const Json json = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (json.is_object()) {
        const auto error = json.find("error");
        if (error != json.end() && error->is_object()) {
            const QString message = jsonStringMember(*error, "message");
            if (!message.isEmpty())
                return message;
        }
        for (const char* key : {"message", "detail", "error"}) {
            const QString message = jsonStringMember(json, key);
            if (!message.isEmpty())
                return message;
        }
    }
    QString text = QString::fromUtf8(body).simplified();
    if (text.size() > 200)
        text = text.left(200) + QStringLiteral("...");
    return text.isEmpty() ? tr("HTTP %1 without a body").arg(status) : text;
}

} // namespace gatehouse
