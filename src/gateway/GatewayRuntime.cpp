#include "gateway/GatewayRuntime.h"

namespace gatehouse {

GatewayRuntime::GatewayRuntime(const QString& logFolder)
    : m_config(std::make_shared<GatewayConfig>()), m_log(logFolder) {
    m_started.start();
}

} // namespace gatehouse
