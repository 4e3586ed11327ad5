#include "gateway/GatewayRuntime.h"

#include <QUuid>

namespace gatehouse {

GatewayRuntime::GatewayRuntime(const QString& logFolder, SharedStateSettings sharedState,
                               QString redisPassword)
    : m_config(std::make_shared<GatewayConfig>()),
      m_sharedState(std::move(sharedState), QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_redisPassword(std::move(redisPassword)), m_log(logFolder) {
    m_started.start();
}

} // namespace gatehouse
