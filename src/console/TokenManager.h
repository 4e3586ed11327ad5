#pragma once

#include "console/ConsoleTypes.h"
#include "core/Result.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <map>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace gatehouse {

// Access tokens for the console: the client-credentials grant against the gateway's
// /oauth2/token, one cached token per application and key type, fetched again shortly before it
// expires (or when asked to). Many requests of a run ask at once; they share one token request.
class TokenManager : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultRefreshMarginSeconds = 60;
    static constexpr int RequestTimeoutMs = 30000;

    explicit TokenManager(QObject* parent = nullptr);
    ~TokenManager() override;

    // The gateway's base URL, such as http://127.0.0.1:8280; the token endpoint is <base>/oauth2/token.
    // Changing it forgets the cached tokens: they belong to the other gateway.
    void setGatewayUrl(const QUrl& base);
    QUrl gatewayUrl() const { return m_gatewayUrl; }
    // A cached token that expires within this many seconds is fetched again rather than used (the
    // margin is capped at two thirds of the token's lifetime, so short-lived tokens still get used).
    void setRefreshMarginSeconds(int seconds);
    int refreshMarginSeconds() const { return m_marginSeconds; }

    // Calls `done` with a usable token: the cached one, or a new one from the token endpoint
    // (always a new one with forceRefresh). `done` is always called later from the event loop,
    // never before fetch() returns. Fetches for the same application and key type while one is
    // under way share it.
    void fetch(const ConsoleCredentials& credentials, std::function<void(Result<AccessToken>)> done,
               bool forceRefresh = false);
    std::optional<AccessToken> cached(const QString& applicationId, Stage keyType) const;
    // The cached token when it is usable now (outside the refresh margin): what a request can send
    // without waiting.
    std::optional<AccessToken> usable(const QString& applicationId, Stage keyType) const;
    // Forgets the cached token: the next fetch() asks the gateway.
    void invalidate(const QString& applicationId, Stage keyType);
    // When the cached token stops being usable and fetch() asks for a new one (invalid without a
    // cached token): where a console schedules its automatic refresh.
    QDateTime refreshAt(const QString& applicationId, Stage keyType) const;
    bool isFetching(const QString& applicationId, Stage keyType) const;
    // How many token requests went to the gateway since construction.
    int requestsSent() const { return m_requestsSent; }

    // The payload of a JWT (base64url, not verified); a null Json when the token is not one.
    static Json decodeClaims(const QByteArray& token);

Q_SIGNALS:
    // A new token was cached or the cached one was forgotten.
    void tokenChanged(const QString& applicationId, gatehouse::Stage keyType);

private:
    using Callback = std::function<void(Result<AccessToken>)>;
    struct Pending {
        QNetworkReply* reply = nullptr;
        std::vector<Callback> callbacks;
    };

    static QString keyOf(const QString& applicationId, Stage keyType);
    QUrl tokenUrl() const;
    int marginFor(const AccessToken& token) const;
    void deliverLater(Callback done, Result<AccessToken> result);
    void onFinished(const QString& key, const QString& applicationId, Stage keyType);
    Result<AccessToken> parseAnswer(QNetworkReply* reply) const;

    QNetworkAccessManager* m_network;
    QUrl m_gatewayUrl;
    int m_marginSeconds = DefaultRefreshMarginSeconds;
    std::map<QString, AccessToken> m_cache;
    std::map<QString, Pending> m_pending;
    int m_requestsSent = 0;
};

} // namespace gatehouse
