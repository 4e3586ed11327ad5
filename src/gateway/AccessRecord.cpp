#include "gateway/AccessRecord.h"

#include <QDateTime>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <utility>

namespace gatehouse {

std::string formatCostUsd(double usd) {
    // WSO2's x-llm-cost precision: 10 decimals ("0.0000423100").
    char text[64];
    std::snprintf(text, sizeof text, "%.10f", usd);
    return text;
}

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
    json["cachedTokens"] = cachedTokens >= 0 ? Json(cachedTokens) : Json(nullptr);
    json["reasoningTokens"] = reasoningTokens >= 0 ? Json(reasoningTokens) : Json(nullptr);
    json["usage"] = usage.isEmpty() ? Json(nullptr) : Json(usage.toStdString());
    json["costUsd"] = costUsd >= 0 ? Json::parse(formatCostUsd(costUsd)) : Json(nullptr);
    json["costStatus"] = costStatus.isEmpty() ? Json(nullptr) : Json(costStatus.toStdString());
    if (!costReason.isEmpty())
        json["costReason"] = costReason.toStdString();
    json["retried"] = retried;
    json["streamed"] = streamed;
    json["errorCode"] = errorCode.isEmpty() ? Json(nullptr) : Json(errorCode.toStdString());
    if (!guardrail.isEmpty() || !guardrailKind.isEmpty()) {
        json["guardrail"] = guardrail.toStdString();
        json["guardrailKind"] = guardrailKind.toStdString();
        json["guardrailDirection"] = guardrailDirection.toStdString();
    }
    if (!cache.isEmpty()) {
        json["cache"] = cache.toStdString();
        if (savedTokens >= 0)
            json["savedTokens"] = savedTokens;
        if (savedCostUsd >= 0)
            json["savedCostUsd"] = Json::parse(formatCostUsd(savedCostUsd));
    }
    json["client"] = clientAddress.toStdString();
    return json;
}

namespace {
void appendEscapedByte(std::string& out, char c) {
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
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
            out += hex[static_cast<unsigned char>(c) & 0xf];
        } else {
            out += c;
        }
    }
}

void appendQuoted(std::string& out, const QString& text) {
    out += '"';
    // Log fields are nearly always ASCII: copy those straight, convert only what is not.
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (const QChar c : text)
            appendEscapedByte(out, char(c.unicode()));
    } else {
        for (const char c : text.toUtf8())
            appendEscapedByte(out, c);
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

void appendPadded(std::string& out, int value, int width) {
    char digits[12];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 && count < 11);
    for (int pad = count; pad < width; ++pad)
        out += '0';
    while (count > 0)
        out += digits[--count];
}

void appendNumber(std::string& out, double value) {
    // Three decimals, as toJson() rounds, without trailing zeros ("12.5", "3").
    const long long thousandths = std::llround(value * 1000);
    if (thousandths < 0)
        out += '-';
    const long long magnitude = thousandths < 0 ? -thousandths : thousandths;
    out += std::to_string(magnitude / 1000);
    int fraction = int(magnitude % 1000);
    if (fraction == 0)
        return;
    int width = 3;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --width;
    }
    out += '.';
    appendPadded(out, fraction, width);
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
    out += '"';
    appendPadded(out, utc.tm_year + 1900, 4);
    out += '-';
    appendPadded(out, utc.tm_mon + 1, 2);
    out += '-';
    appendPadded(out, utc.tm_mday, 2);
    out += 'T';
    appendPadded(out, utc.tm_hour, 2);
    out += ':';
    appendPadded(out, utc.tm_min, 2);
    out += ':';
    appendPadded(out, utc.tm_sec, 2);
    out += '.';
    appendPadded(out, int(((timeMs % 1000) + 1000) % 1000), 3);
    out += "Z\"";
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
    appendMember(out, "cachedTokens");
    appendCount(out, cachedTokens);
    appendMember(out, "reasoningTokens");
    appendCount(out, reasoningTokens);
    appendMember(out, "usage");
    if (usage.isEmpty())
        out += "null";
    else
        appendQuoted(out, usage);
    appendMember(out, "costUsd");
    out += costUsd >= 0 ? formatCostUsd(costUsd) : std::string("null");
    appendMember(out, "costStatus");
    if (costStatus.isEmpty())
        out += "null";
    else
        appendQuoted(out, costStatus);
    if (!costReason.isEmpty()) {
        appendMember(out, "costReason");
        appendQuoted(out, costReason);
    }
    appendMember(out, "retried");
    out += retried ? "true" : "false";
    appendMember(out, "streamed");
    out += streamed ? "true" : "false";
    appendMember(out, "errorCode");
    if (errorCode.isEmpty())
        out += "null";
    else
        appendQuoted(out, errorCode);
    if (!guardrail.isEmpty() || !guardrailKind.isEmpty()) {
        appendMember(out, "guardrail");
        appendQuoted(out, guardrail);
        appendMember(out, "guardrailKind");
        appendQuoted(out, guardrailKind);
        appendMember(out, "guardrailDirection");
        appendQuoted(out, guardrailDirection);
    }
    if (!cache.isEmpty()) {
        appendMember(out, "cache");
        appendQuoted(out, cache);
        if (savedTokens >= 0) {
            appendMember(out, "savedTokens");
            appendCount(out, savedTokens);
        }
        if (savedCostUsd >= 0) {
            appendMember(out, "savedCostUsd");
            out += formatCostUsd(savedCostUsd);
        }
    }
    appendMember(out, "client");
    appendQuoted(out, clientAddress);
    out += '}';
    return out;
}

} // namespace gatehouse
