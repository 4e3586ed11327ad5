#include "core/RedisAddress.h"

#include <QUrl>
#include <QUrlQuery>

namespace gatehouse {

namespace {

// Redis has 16 databases unless configured otherwise; a larger number is refused by SELECT anyway,
// but a typo such as /01234 is better caught here.
constexpr int maxDatabase = 1023;

} // namespace

Result<RedisAddress> RedisAddress::parse(const QString& text) {
    using Failure = Result<RedisAddress>;
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    // First, so that no message below repeats a password.
    if (!url.password().isEmpty() || (!url.isValid() && trimmed.contains(QLatin1Char('@'))))
        return Failure::failure(
            tr("the Redis address must not hold a password (it would be stored in plain "
               "text): give the address without it and the password to the secret store"));
    if (!url.isValid() || (scheme != QLatin1String("redis") && scheme != QLatin1String("unix")))
        return Failure::failure(
            tr("\"%1\" is not a Redis address: write redis://host:port/db or unix:///path/to/redis.sock")
                .arg(url.isValid() ? url.toString(QUrl::RemoveUserInfo) : trimmed));
    RedisAddress address;
    address.username = url.userName();
    if (scheme == QLatin1String("unix")) {
        address.socketPath = url.path();
        if (address.socketPath.isEmpty() || !address.socketPath.startsWith(QLatin1Char('/')))
            return Failure::failure(tr("\"%1\": a Unix socket address needs an absolute path, such as "
                                       "unix:///run/redis/redis-server.sock")
                                        .arg(trimmed));
        const QString db = QUrlQuery(url).queryItemValue(QStringLiteral("db"));
        if (!db.isEmpty()) {
            bool ok = false;
            address.database = db.toInt(&ok);
            if (!ok || address.database < 0 || address.database > maxDatabase)
                return Failure::failure(
                    tr("\"%1\": db must be a database number from 0 to %2").arg(trimmed).arg(maxDatabase));
        }
        return Result<RedisAddress>::success(address);
    }
    address.host = url.host();
    if (address.host.isEmpty())
        return Failure::failure(tr("\"%1\": the Redis address names no host").arg(trimmed));
    address.port = url.port(6379);
    if (address.port <= 0 || address.port > 65535)
        return Failure::failure(tr("\"%1\": the port must be from 1 to 65535").arg(trimmed));
    QString path = url.path();
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        address.database = path.toInt(&ok);
        if (!ok || address.database < 0 || address.database > maxDatabase)
            return Failure::failure(
                tr("\"%1\": the path must be a database number from 0 to %2").arg(trimmed).arg(maxDatabase));
    }
    return Result<RedisAddress>::success(address);
}

QString RedisAddress::toString() const {
    const QString user = username.isEmpty() ? QString() : username + QLatin1Char('@');
    if (!socketPath.isEmpty())
        return QStringLiteral("unix://%1%2%3")
            .arg(user, socketPath, database ? QStringLiteral("?db=%1").arg(database) : QString());
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("redis://%1%2:%3/%4").arg(user, shownHost).arg(port).arg(database);
}

} // namespace gatehouse
