#pragma once

#include "core/Json.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

// Where gateway replicas keep what they learn at run time (suspensions, quota and budget counts):
// each in its own memory ("local", the default: nothing changes for a desktop user) or in Redis (or
// Valkey) that every replica of the workspace reaches. workspace.json's "sharedState"; the Redis
// password is in the secret store (SecretStore::redisPasswordKeyName()), never here.
struct SharedStateSettings {
    Q_DECLARE_TR_FUNCTIONS(SharedStateSettings)

public:
    enum class Backend { Local, Redis };
    // What a replica does while Redis cannot be reached: keep serving with local counts ("open"), or
    // answer 503 while quotas cannot be checked ("closed").
    enum class FailureMode { Open, Closed };

    Backend backend = Backend::Local;
    QString url = QStringLiteral("redis://127.0.0.1:6379/0");
    QString keyPrefix = QStringLiteral("gatehouse:");
    FailureMode failureMode = FailureMode::Open;
    // A Redis command not answered by then counts as Redis being down for that request.
    int commandTimeoutMs = 50;
    // Balanced operations take their turn from one counter in Redis (one INCR per request), so the
    // weighted sequence is exact across replicas; off, each replica keeps its own, as every peer does.
    bool strictRotation = false;

    bool operator==(const SharedStateSettings& other) const;
    bool operator!=(const SharedStateSettings& other) const { return !(*this == other); }
    bool isDefault() const { return *this == SharedStateSettings(); }

    static QString backendName(Backend backend);      // "local", "redis"
    static QString failureModeName(FailureMode mode); // "open", "closed"

    Json toJson() const;
    // Problems as "<path>.<key>: <reason>"; the url is checked as RedisAddress::parse checks it.
    static SharedStateSettings fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
