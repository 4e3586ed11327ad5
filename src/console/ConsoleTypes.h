#pragma once

#include "core/Json.h"
#include "core/Stage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace gatehouse {

// An application's credentials for one key type, as the console uses them to get tokens.
struct ConsoleCredentials {
    QString applicationId;
    Stage keyType = Stage::Production;
    QString consumerKey;
    QString consumerSecret;
};

// An access token with what the console shows about it.
struct AccessToken {
    QByteArray value;
    QDateTime issuedAt;
    QDateTime expiresAt;
    QString scope;
    Json claims; // the decoded JWT payload (not verified: the gateway does that)

    bool isUsableAt(const QDateTime& now, int marginSeconds) const {
        return !value.isEmpty() && expiresAt.isValid() && now.addSecs(marginSeconds) < expiresAt;
    }
};

// What to send. The Authorization header is added by the runner from the token manager.
struct InvokeRequest {
    QUrl url;
    QByteArray method = "POST";
    QList<QPair<QByteArray, QByteArray>> headers; // besides Authorization
    QByteArray body;
    bool stream = false; // read the answer as Server-Sent Events
};

// One execution of a request.
struct InvokeResult {
    int index = 0; // 0-based position in the run
    QDateTime startedAt;
    int status = 0;         // 0: no HTTP answer (see networkError)
    double latencyMs = 0;   // until the last byte
    double firstByteMs = 0; // until the first body byte (time to first token for streams)
    QString model;          // X-Gatehouse-Model, else the body's "model"
    QString cacheStatus;    // X-Cache-Status: "Hit", "Miss" or "Bypass" with a response cache
    QString errorCode;      // the gateway's {"code"} on errors
    QString errorMessage;   // its "message"/"description", or the network error
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 totalTokens = -1;
    bool tokenRefetched = false; // a 401 900901 made the runner fetch a new token and retry once
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Streams only.
    int chunks = 0;
    QString text; // assembled delta content
    double tokensPerSecond = 0;

    bool isError() const { return status == 0 || status >= 400; }
};

} // namespace gatehouse
