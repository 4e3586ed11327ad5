#include "mock-llm/MockFault.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

Json MockFault::toJson() const {
    Json json = Json::object();
    json["model"] = toStdString(model);
    json["status"] = status;
    json["latencyMs"] = latencyMs;
    json["resetAfterBytes"] = resetAfterBytes ? Json(*resetAfterBytes) : Json(nullptr);
    json["remainingTokens"] = remainingTokens ? Json(*remainingTokens) : Json(nullptr);
    json["retryAfter"] = retryAfter ? Json(*retryAfter) : Json(nullptr);
    json["chunkDelayMs"] = chunkDelayMs;
    json["omitUsage"] = omitUsage;
    json["cachedTokens"] = cachedTokens ? Json(*cachedTokens) : Json(nullptr);
    json["reasoningTokens"] = reasoningTokens ? Json(*reasoningTokens) : Json(nullptr);
    return json;
}

Result<MockFault> MockFault::fromJson(const Json& json) {
    QStringList errors;
    // The reasons go back in the HTTP answer: English, whatever the language of the process.
    JsonFieldReader reader(json, QStringLiteral("$"), &errors, JsonFieldReader::Language::English);
    MockFault fault;
    fault.model = reader.optionalString("model", QStringLiteral("*"));
    fault.status = int(reader.optionalInteger("status", 0));
    if (fault.status != 0 && (fault.status < 100 || fault.status > 599))
        errors.append(QStringLiteral("$.status: must be an HTTP status from 100 to 599"));
    fault.latencyMs = int(reader.optionalInteger("latencyMs", 0));
    fault.chunkDelayMs = int(reader.optionalInteger("chunkDelayMs", -1, -1));
    if (reader.optionalValue("resetAfterBytes"))
        fault.resetAfterBytes = reader.optionalInteger("resetAfterBytes", 0);
    if (const Json* remaining = reader.optionalValue("remainingTokens")) {
        if (remaining->is_number_integer())
            fault.remainingTokens = remaining->get<qint64>();
        else
            errors.append(QStringLiteral("$.remainingTokens: expected an integer"));
    }
    if (reader.optionalValue("retryAfter"))
        fault.retryAfter = int(reader.optionalInteger("retryAfter", 0));
    fault.omitUsage = reader.optionalBool("omitUsage", false);
    if (reader.optionalValue("cachedTokens"))
        fault.cachedTokens = reader.optionalInteger("cachedTokens", 0);
    if (reader.optionalValue("reasoningTokens"))
        fault.reasoningTokens = reader.optionalInteger("reasoningTokens", 0);
    if (!errors.isEmpty())
        return Result<MockFault>::failure(errors.join(QStringLiteral("; ")));
    return Result<MockFault>::success(fault);
}

} // namespace gatehouse
