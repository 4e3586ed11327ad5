#include "console/TokenManager.h"

#include "console/ConsoleNetwork.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <algorithm>

namespace gatehouse {

namespace {

// Why the token endpoint said no: OAuth's error_description, else its error, else the start of
// the body.
QString refusalReason(int status, const QByteArray& body) {
    const Json json = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (json.is_object()) {
        for (const char* field : {"error_description", "description", "message", "error"}) {
            const QString text = jsonStringMember(json, field);
            if (!text.isEmpty())
                return text;
        }
    }
    QString text = QString::fromUtf8(body).simplified();
    if (text.size() > 200)
        text = text.left(200) + QStringLiteral("…");
    return text.isEmpty()
               ? QCoreApplication::translate("gatehouse::TokenManager", "HTTP %1 without a body").arg(status)
               : text;
}

QString withoutFinalStop(QString sentence) {
    while (sentence.endsWith(QLatin1Char('.')))
        sentence.chop(1);
    return sentence;
}

} // namespace

TokenManager::TokenManager(QObject* parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {
}

TokenManager::~TokenManager() {
    // Pending callbacks belong to callers that are going away too; none is called from here.
    for (auto& [key, pending] : m_pending) {
        if (pending.reply) {
            pending.reply->disconnect(this);
            pending.reply->abort();
        }
    }
}

void TokenManager::setGatewayUrl(const QUrl& base) {
    if (base == m_gatewayUrl)
        return;
    m_gatewayUrl = base;
    ConsoleNetwork::bypassProxyForLoopback(*m_network, base);
    std::vector<std::pair<QString, Stage>> forgotten;
    for (const auto& [key, token] : m_cache) {
        const QStringList parts = key.split(QLatin1Char('|'));
        const std::optional<Stage> stage = parseStage(parts.value(1));
        if (stage)
            forgotten.emplace_back(parts.value(0), *stage);
    }
    m_cache.clear();
    for (const auto& [applicationId, keyType] : forgotten)
        Q_EMIT tokenChanged(applicationId, keyType);
}

void TokenManager::setRefreshMarginSeconds(int seconds) {
    m_marginSeconds = qMax(0, seconds);
}

QString TokenManager::keyOf(const QString& applicationId, Stage keyType) {
    return applicationId + QLatin1Char('|') + stageName(keyType);
}

QUrl TokenManager::tokenUrl() const {
    QUrl url = m_gatewayUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/oauth2/token"));
    return url;
}

std::optional<AccessToken> TokenManager::cached(const QString& applicationId, Stage keyType) const {
    const auto it = m_cache.find(keyOf(applicationId, keyType));
    if (it == m_cache.end())
        return std::nullopt;
    return it->second;
}

int TokenManager::marginFor(const AccessToken& token) const {
    // A margin as long as the token's life would make every request fetch a new token (an
    // application whose tokens live 30 s, with the default 60 s margin): never more than two thirds
    // of the lifetime, so that a token serves at least its first third.
    const qint64 lifetime = token.issuedAt.secsTo(token.expiresAt);
    return int(std::clamp<qint64>(lifetime * 2 / 3, 0, m_marginSeconds));
}

std::optional<AccessToken> TokenManager::usable(const QString& applicationId, Stage keyType) const {
    const auto it = m_cache.find(keyOf(applicationId, keyType));
    if (it == m_cache.end() || !it->second.isUsableAt(QDateTime::currentDateTimeUtc(), marginFor(it->second)))
        return std::nullopt;
    return it->second;
}

QDateTime TokenManager::refreshAt(const QString& applicationId, Stage keyType) const {
    const auto it = m_cache.find(keyOf(applicationId, keyType));
    if (it == m_cache.end())
        return {};
    return it->second.expiresAt.addSecs(-marginFor(it->second));
}

void TokenManager::invalidate(const QString& applicationId, Stage keyType) {
    if (m_cache.erase(keyOf(applicationId, keyType)) > 0)
        Q_EMIT tokenChanged(applicationId, keyType);
}

bool TokenManager::isFetching(const QString& applicationId, Stage keyType) const {
    return m_pending.count(keyOf(applicationId, keyType)) > 0;
}

void TokenManager::deliverLater(Callback done, Result<AccessToken> result) {
    // Queued, so that callers see the same order of events whether the token was cached or not.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

void TokenManager::fetch(const ConsoleCredentials& credentials, Callback done, bool forceRefresh) {
    if (!done)
        done = [](Result<AccessToken>) {
        };
    const QString key = keyOf(credentials.applicationId, credentials.keyType);
    if (!forceRefresh) {
        if (std::optional<AccessToken> token = usable(credentials.applicationId, credentials.keyType)) {
            deliverLater(std::move(done), Result<AccessToken>::success(std::move(*token)));
            return;
        }
    }
    // A request under way answers with a token issued after it started: good for a forced refresh too.
    if (auto pending = m_pending.find(key); pending != m_pending.end()) {
        pending->second.callbacks.push_back(std::move(done));
        return;
    }
    if (!m_gatewayUrl.isValid() || m_gatewayUrl.host().isEmpty()) {
        deliverLater(std::move(done), Result<AccessToken>::failure(
                                          tr("No gateway is set, so there is no token endpoint to ask.")));
        return;
    }
    if (credentials.consumerKey.isEmpty() || credentials.consumerSecret.isEmpty()) {
        deliverLater(std::move(done), Result<AccessToken>::failure(
                                          tr("The application has no %1 consumer key and secret; generate "
                                             "its keys first.")
                                              .arg(stageName(credentials.keyType))));
        return;
    }

    QNetworkRequest request(tokenUrl());
    const QByteArray basic =
        (credentials.consumerKey + QLatin1Char(':') + credentials.consumerSecret).toUtf8().toBase64();
    request.setRawHeader("Authorization", "Basic " + basic);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(RequestTimeoutMs);
    // validity_period is not sent: the application's token validity, set in the Developer Portal, rules.
    QNetworkReply* reply = m_network->post(request, QByteArrayLiteral("grant_type=client_credentials"));
    ++m_requestsSent;
    Pending& pending = m_pending[key];
    pending.reply = reply;
    pending.callbacks.push_back(std::move(done));
    const QString applicationId = credentials.applicationId;
    const Stage keyType = credentials.keyType;
    connect(reply, &QNetworkReply::finished, this,
            [this, key, applicationId, keyType] { onFinished(key, applicationId, keyType); });
}

void TokenManager::onFinished(const QString& key, const QString& applicationId, Stage keyType) {
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    pending.reply->deleteLater();

    Result<AccessToken> result = parseAnswer(pending.reply);
    if (result) {
        m_cache[key] = result.value();
        Q_EMIT tokenChanged(applicationId, keyType);
    }
    // A callback may delete this manager (a window closing): stop calling the others if it does.
    QPointer<TokenManager> alive(this);
    for (Callback& callback : pending.callbacks) {
        callback(result);
        if (!alive)
            return;
    }
}

Result<AccessToken> TokenManager::parseAnswer(QNetworkReply* reply) const {
    const QString url = reply->url().toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        const QString reason = timedOut ? tr("no answer within %1 s").arg(RequestTimeoutMs / 1000)
                                        : withoutFinalStop(reply->errorString());
        return Result<AccessToken>::failure(tr("Cannot get a token from %1: %2.").arg(url, reason));
    }
    if (status < 200 || status >= 300)
        return Result<AccessToken>::failure(tr("The gateway refused the token request (HTTP %1): %2.")
                                                .arg(status)
                                                .arg(withoutFinalStop(refusalReason(status, body))));
    const Json json = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    const QString value = json.is_object() ? jsonStringMember(json, "access_token") : QString();
    if (value.isEmpty())
        return Result<AccessToken>::failure(
            tr("The token endpoint at %1 answered without an access_token.").arg(url));

    AccessToken token;
    token.value = value.toUtf8();
    token.issuedAt = QDateTime::currentDateTimeUtc();
    token.scope = jsonStringMember(json, "scope");
    token.claims = decodeClaims(token.value);
    qint64 lifetime = -1;
    if (const auto expiresIn = json.find("expires_in"); expiresIn != json.end())
        lifetime = jsonInteger(*expiresIn).value_or(-1);
    if (lifetime >= 0) {
        token.expiresAt = token.issuedAt.addSecs(lifetime);
    } else if (token.claims.is_object()) {
        // No expires_in: the token's own exp claim says it.
        const auto exp = token.claims.find("exp");
        if (exp != token.claims.end())
            if (const auto seconds = jsonInteger(*exp))
                token.expiresAt = QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
    }
    if (!token.expiresAt.isValid())
        token.expiresAt = token.issuedAt.addSecs(3600); // OAuth's usual default when nothing says
    return Result<AccessToken>::success(std::move(token));
}

Json TokenManager::decodeClaims(const QByteArray& token) {
    const QList<QByteArray> segments = token.split('.');
    if (segments.size() != 3)
        return Json();
    const auto decoded = QByteArray::fromBase64Encoding(
        segments.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Json();
    Json claims = Json::parse(decoded.decoded.cbegin(), decoded.decoded.cend(), nullptr, false);
    return claims.is_object() ? claims : Json();
}

} // namespace gatehouse
