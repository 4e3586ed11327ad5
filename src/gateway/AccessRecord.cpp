#include "AccessRecord.h"

#include <QDateTime>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <utility>

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

namespace {
void appendQuoted(std::string& out, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendMember(std::string& out, const char* name) {
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += name;
    out += "\":";
}

void appendNumber(std::string& out, double value) {
    // Three decimals, as toJson() rounds, without trailing zeros ("12.5", "3").
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", std::round(value * 1000) / 1000);
    std::string number(text);
    if (number.find('.') != std::string::npos) {
        number.erase(number.find_last_not_of('0') + 1);
        if (number.back() == '.')
            number.pop_back();
    }
    out += number;
}

void appendCount(std::string& out, qint64 value) {
    out += value >= 0 ? std::to_string(value) : std::string("null");
}
} // namespace

std::string AccessRecord::toJsonLine() const {
    std::string out;
    out.reserve(512);
    out += '{';
    appendMember(out, "time");
    const std::time_t seconds = std::time_t(timeMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char time[96]; // room for any int the compiler can imagine in each field
    std::snprintf(time, sizeof time, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(timeMs % 1000));
    out += time;
    const std::pair<const char*, const QString*> strings[] = {
        {"api", &apiName},         {"apiId", &apiId},
        {"operation", &operation}, {"application", &applicationId},
        {"keyType", &keyType},     {"tokenId", &tokenId},
        {"model", &model},         {"endpoint", &endpointId}};
    for (const auto& [name, value] : strings) {
        appendMember(out, name);
        appendQuoted(out, *value);
    }
    appendMember(out, "status");
    out += std::to_string(status);
    appendMember(out, "latencyMs");
    appendNumber(out, latencyMs);
    appendMember(out, "upstreamLatencyMs");
    appendNumber(out, upstreamLatencyMs);
    appendMember(out, "promptTokens");
    appendCount(out, promptTokens);
    appendMember(out, "completionTokens");
    appendCount(out, completionTokens);
    appendMember(out, "totalTokens");
    appendCount(out, totalTokens);
    appendMember(out, "retried");
    out += retried ? "true" : "false";
    appendMember(out, "streamed");
    out += streamed ? "true" : "false";
    appendMember(out, "errorCode");
    if (errorCode.isEmpty())
        out += "null";
    else
        appendQuoted(out, errorCode);
    appendMember(out, "client");
    appendQuoted(out, clientAddress);
    out += '}';
    return out;
}

} // namespace gatehouse
