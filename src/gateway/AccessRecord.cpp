#include "AccessRecord.h"

#include <QDateTime>
#include <cmath>

namespace gatehouse {

Json AccessRecord::toJson() const {
    Json json = Json::object();
    json["time"] = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
    json["api"] = apiName.toStdString();
    json["apiId"] = apiId.toStdString();
    json["operation"] = operation.toStdString();
    json["application"] = applicationId.toStdString();
    json["keyType"] = keyType.toStdString();
    json["tokenId"] = tokenId.toStdString();
    json["model"] = model.toStdString();
    json["endpoint"] = endpointId.toStdString();
    json["status"] = status;
    json["latencyMs"] = std::round(latencyMs * 1000) / 1000;
    json["upstreamLatencyMs"] = std::round(upstreamLatencyMs * 1000) / 1000;
    json["promptTokens"] = promptTokens >= 0 ? Json(promptTokens) : Json(nullptr);
    json["completionTokens"] = completionTokens >= 0 ? Json(completionTokens) : Json(nullptr);
    json["totalTokens"] = totalTokens >= 0 ? Json(totalTokens) : Json(nullptr);
    json["retried"] = retried;
    json["streamed"] = streamed;
    json["errorCode"] = errorCode.isEmpty() ? Json(nullptr) : Json(errorCode.toStdString());
    json["client"] = clientAddress.toStdString();
    return json;
}

} // namespace gatehouse
