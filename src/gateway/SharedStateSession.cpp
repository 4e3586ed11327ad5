#include "gateway/SharedStateSession.h"

#include "gateway/GatewayRuntime.h"

#include <utility>

namespace gatehouse {

RedisClient::Options SharedStateSession::clientOptions(GatewayRuntime& runtime) {
    const SharedStateSettings& settings = runtime.sharedState().settings();
    RedisClient::Options options;
    // The url was checked when the settings were read; the default address stands in otherwise.
    if (const Result<RedisAddress> address = RedisAddress::parse(settings.url))
        options.address = address.value();
    options.password = runtime.redisPassword();
    options.commandTimeoutMs = settings.commandTimeoutMs;
    return options;
}

SharedStateSession::SharedStateSession(GatewayRuntime& runtime)
    : m_client(std::make_unique<RedisClient>(clientOptions(runtime))),
      m_quotas(*m_client, runtime.sharedState().settings().keyPrefix.toUtf8(),
               runtime.sharedState().settings().commandTimeoutMs),
      m_suspensions(*m_client, runtime.sharedState().settings().keyPrefix.toUtf8(),
                    runtime.sharedState().settings().commandTimeoutMs),
      m_rotation(*m_client, runtime.sharedState().settings().keyPrefix.toUtf8(),
                 runtime.sharedState().settings().commandTimeoutMs),
      m_responseCache(*m_client, runtime.sharedState().settings().keyPrefix.toUtf8(),
                      runtime.sharedState().settings().commandTimeoutMs) {
    SharedStateStatus* status = &runtime.sharedState();
    QObject::connect(m_client.get(), &RedisClient::connected, m_client.get(), [this, status] {
        m_counted = true;
        status->sessionConnected();
    });
    QObject::connect(m_client.get(), &RedisClient::disconnected, m_client.get(), [this, status] {
        if (std::exchange(m_counted, false))
            status->sessionDisconnected();
    });
    m_status = status;
    m_client->start();
}

SharedStateSession::~SharedStateSession() {
    if (m_counted)
        m_status->sessionDisconnected();
}

} // namespace gatehouse
