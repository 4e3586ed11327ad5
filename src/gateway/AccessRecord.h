#pragma once

#include "core/Json.h"

#include <QString>
#include <string>

namespace gatehouse {

// One line of the access log: what a call asked for, where it went and how it ended.
struct AccessRecord {
    qint64 timeMs = 0; // when the request arrived, epoch milliseconds
    QString apiId;
    QString apiName;
    QString operation; // "POST /chat/completions"
    QString applicationId;
    QString keyType;
    QString tokenId; // the access token's jti, never the token itself
    QString model;
    QString endpointId;
    int status = 0;
    double latencyMs = 0;
    double upstreamLatencyMs = 0;
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 totalTokens = -1;
    bool retried = false;
    bool streamed = false;
    QString errorCode;
    // The guardrail that answered or stopped the call, when one did: its name, catalogue kind and
    // direction ("REQUEST"/"RESPONSE").
    QString guardrail;
    QString guardrailKind;
    QString guardrailDirection;
    QString clientAddress;

    Json toJson() const;
    // The same object as toJson(), written straight to compact text: the access log writes a line per
    // call, and building an ordered document for it cost as much as proxying a small answer.
    std::string toJsonLine() const;
};

} // namespace gatehouse
