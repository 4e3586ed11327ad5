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
    qint64 cachedTokens = -1;    // of promptTokens, read from the provider's prompt cache
    qint64 reasoningTokens = -1; // of completionTokens, the model's hidden reasoning
    // Where the counts come from: "reported" by the upstream, "estimated" by the gateway when the
    // upstream gave none; empty when there are none (no answer).
    QString usage;
    // What the call cost in USD, from the price catalogue; -1 when not calculated. costStatus is
    // WSO2's "calculated" | "not_calculated", plus "estimated" when the counts were; costReason says why
    // a cost is missing or estimated ("no price for model x").
    double costUsd = -1;
    QString costStatus;
    QString costReason;
    bool retried = false;
    bool streamed = false;
    QString errorCode;
    // The guardrail that answered or stopped the call, when one did: its name, catalogue kind and
    // direction ("REQUEST"/"RESPONSE").
    QString guardrail;
    QString guardrailKind;
    QString guardrailDirection;
    // With a response cache on the operation: "hit", "miss" or "bypass". A hit spent nothing upstream;
    // savedTokens and savedCostUsd say what the answer it replayed had cost (-1: none).
    QString cache;
    qint64 savedTokens = -1;
    double savedCostUsd = -1;
    QString clientAddress;

    Json toJson() const;
    // The same object as toJson(), written straight to compact text: the access log writes a line per
    // call, and building an ordered document for it cost as much as proxying a small answer.
    std::string toJsonLine() const;
};

// A cost as WSO2's LLM Cost policy writes it: USD with 10 decimals ("0.0000423100").
std::string formatCostUsd(double usd);

} // namespace gatehouse
