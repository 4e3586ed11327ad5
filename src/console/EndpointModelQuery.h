#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <vector>

class QNetworkRequest;

namespace gatehouse {

class SecretStore;
struct Api;
struct Endpoint;
struct Provider;

// What an endpoint itself says it serves: GET <endpoint URL>/models (OpenAI's list, which Anthropic,
// Mistral and the OpenAI-compatible servers answer alike), authenticated with the endpoint's key where
// its provider puts it, as the gateway sends it. gatehouse-ctl endpoint models and the Endpoints page
// both build the request and read the answer here, so that they ask and report alike; each sends it
// its own way (a blocking client, an asynchronous reply).
class EndpointModelQuery {
    Q_DECLARE_TR_FUNCTIONS(EndpointModelQuery)

public:
    // The whole exchange, connection included.
    static constexpr int TimeoutMs = 10000;

    struct Model {
        QString id;
        bool known = false; // the provider's own model list has it
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // The request for `endpoint` of `api`. Fails with NotFound when the provider needs a key and none
    // is stored, Unreadable when the secret store cannot read it, Invalid when there is no provider or
    // the URL is not http(s) (the Demo provider's mock:// lives inside the app and the gateway only).
    // `mockOrigin` ("http://127.0.0.1:PORT") is where the Demo provider's mock:// endpoints are served
    // in this process (the app's session); without one they are refused.
    static Result<EndpointModelQuery> prepare(const Api& api, const Endpoint& endpoint,
                                              const Provider* provider, SecretStore& secrets,
                                              const QString& mockOrigin = QString());

    // The URL to send, with the key in it when the provider takes the key as a query parameter.
    const QUrl& url() const { return m_url; }
    // The URL without the key, for messages.
    const QString& shownUrl() const { return m_shownUrl; }
    const Headers& headers() const { return m_headers; }
    // url() and headers() as a request, never cached and without cookies.
    QNetworkRequest networkRequest() const;

    // The model ids of a 2xx answer, in the upstream's order. Fails with Refused for any other status
    // ("<url> answered HTTP 401: <the upstream's own message>") and Invalid for a body that is not
    // JSON or has no "data" list.
    Result<std::vector<Model>> readAnswer(int status, const QByteArray& body) const;
    // The one line for an exchange that got no HTTP answer (refused, timed out).
    QString noAnswer(const QString& reason) const;
    // The message of an error answer: OpenAI's and Anthropic's error.message, else a top-level
    // message, detail or error string, else the body's first 200 characters.
    static QString upstreamMessage(int status, const QByteArray& body);

private:
    EndpointModelQuery() = default;

    QUrl m_url;
    QString m_shownUrl;
    Headers m_headers;
    QStringList m_providerModels;
};

} // namespace gatehouse
