#pragma once

#include "core/Json.h"
#include "core/Operation.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// Where a provider puts one value of a request or response: in the JSON payload (a JSONPath such as
// "$.usage.total_tokens"), in a header, or in the URL path.
struct ValueLocation {
    enum class Source { None, Payload, Header, Path };
    Source source = Source::None;
    QString identifier;

    bool isSet() const { return source != Source::None && !identifier.isEmpty(); }
    bool operator==(const ValueLocation& other) const {
        return source == other.source && identifier == other.identifier;
    }
};

// A vendor template (OpenAI, Azure OpenAI, ...): how to authenticate to it, where it keeps models and
// token counts, which models it offers and the operations an API created from it starts with.
struct Provider {
    Q_DECLARE_TR_FUNCTIONS(Provider)

public:
    QString id;
    QString displayName;
    QString description;
    QString apiVersion;
    QString defaultBaseUrl;
    bool baseUrlRequired = false; // the user must supply the URL (OpenAI-compatible servers, Azure)
    bool builtinMock = false;     // served by Gatehouse's own mock LLM (the Demo provider)
    bool builtin = true;

    QString authHeader;       // "Authorization"
    QString authValueFormat;  // "Bearer {key}"
    bool authInQuery = false; // the key goes in a query parameter named authHeader instead
    bool keyRequired = true;

    ValueLocation requestModel;
    ValueLocation responseModel;
    ValueLocation promptTokens;
    ValueLocation completionTokens;
    ValueLocation totalTokens;
    ValueLocation cachedTokens;    // prompt tokens read from the provider's cache (part of promptTokens)
    ValueLocation reasoningTokens; // hidden reasoning tokens (part of completionTokens)
    ValueLocation remainingTokens;

    // When a streamed answer carries its usage. OpenAI and the servers that copy its API send it only
    // when the request asks (stream_options.include_usage), so the gateway asks on the client's behalf.
    enum class StreamUsage { Always, WhenAsked, Never };
    StreamUsage streamUsage = StreamUsage::Always;

    QStringList models;
    std::vector<Operation> operations;
    // The last event of a complete streamed answer ("data: [DONE]"); empty when the provider has none.
    // A stream that ends without it was cut off upstream.
    QString streamTerminator;

    // The header value that carries `key` ("Bearer sk-...").
    QString authValue(const QString& key) const;

    Json toJson() const;
    static Result<Provider> fromJson(const Json& json);
};

} // namespace gatehouse
