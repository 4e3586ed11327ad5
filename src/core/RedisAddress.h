#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse {

// Where Redis (or Valkey) listens, as the workspace's sharedState.url and `gatehouse-gateway --redis`
// write it: redis://host:port/db (port 6379 and database 0 when left out, IPv6 hosts in brackets) or
// unix:///path/to/redis.sock?db=N. A password in the URL is refused: it would end up in
// workspace.json and in process lists, so it lives in the secret store.
struct RedisAddress {
    Q_DECLARE_TR_FUNCTIONS(RedisAddress)

public:
    QString host; // empty for a Unix socket
    int port = 6379;
    QString socketPath; // empty for TCP
    int database = 0;
    QString username; // Redis 6 ACL user; empty for the default user

    static Result<RedisAddress> parse(const QString& url);
    // The URL again (without a password, which it never has): for messages and /status.
    QString toString() const;
};

} // namespace gatehouse
