#include "core/SharedStateSettings.h"

#include "core/JsonFieldReader.h"
#include "core/RedisAddress.h"

#include <QRegularExpression>

namespace gatehouse {

namespace {

// Long enough for a Redis across a data centre, short enough that a slow one costs a request little.
constexpr int minCommandTimeoutMs = 1;
constexpr int maxCommandTimeoutMs = 10000;

} // namespace

bool SharedStateSettings::operator==(const SharedStateSettings& other) const {
    return backend == other.backend && url == other.url && keyPrefix == other.keyPrefix &&
           failureMode == other.failureMode && commandTimeoutMs == other.commandTimeoutMs &&
           strictRotation == other.strictRotation;
}

QString SharedStateSettings::backendName(Backend backend) {
    return backend == Backend::Redis ? QStringLiteral("redis") : QStringLiteral("local");
}

QString SharedStateSettings::failureModeName(FailureMode mode) {
    return mode == FailureMode::Closed ? QStringLiteral("closed") : QStringLiteral("open");
}

Json SharedStateSettings::toJson() const {
    Json json = Json::object();
    json["backend"] = toStdString(backendName(backend));
    json["url"] = toStdString(url);
    json["keyPrefix"] = toStdString(keyPrefix);
    json["failureMode"] = toStdString(failureModeName(failureMode));
    json["commandTimeoutMs"] = commandTimeoutMs;
    json["strictRotation"] = strictRotation;
    return json;
}

SharedStateSettings SharedStateSettings::fromJson(const Json& json, const QString& path,
                                                  QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    SharedStateSettings settings;
    const QString backend = reader.optionalString("backend", backendName(settings.backend));
    if (backend == QLatin1String("redis"))
        settings.backend = Backend::Redis;
    else if (backend != QLatin1String("local"))
        reader.addError(reader.childPath("backend"),
                        tr("must be \"local\" or \"redis\" (got \"%1\")").arg(backend));
    settings.url = reader.optionalString("url", settings.url);
    if (const Result<RedisAddress> address = RedisAddress::parse(settings.url); !address)
        reader.addError(reader.childPath("url"), address.error());
    settings.keyPrefix = reader.optionalString("keyPrefix", settings.keyPrefix);
    // Keys are built from it and from ids: printable ASCII without spaces keeps them easy to inspect
    // with redis-cli and impossible to confuse with another workspace's.
    static const QRegularExpression prefixShape(QStringLiteral("^[!-~]{0,64}$"));
    if (!prefixShape.match(settings.keyPrefix).hasMatch())
        reader.addError(reader.childPath("keyPrefix"),
                        tr("must be at most 64 printable ASCII characters without spaces"));
    const QString mode = reader.optionalString("failureMode", failureModeName(settings.failureMode));
    if (mode == QLatin1String("closed"))
        settings.failureMode = FailureMode::Closed;
    else if (mode != QLatin1String("open"))
        reader.addError(reader.childPath("failureMode"),
                        tr("must be \"open\" or \"closed\" (got \"%1\")").arg(mode));
    settings.commandTimeoutMs =
        reader.optionalInt("commandTimeoutMs", settings.commandTimeoutMs, minCommandTimeoutMs);
    if (settings.commandTimeoutMs > maxCommandTimeoutMs)
        reader.addError(
            reader.childPath("commandTimeoutMs"),
            tr("must be at most %1 ms: a slower Redis stalls every request").arg(maxCommandTimeoutMs));
    settings.strictRotation = reader.optionalBool("strictRotation", false);
    return settings;
}

} // namespace gatehouse
