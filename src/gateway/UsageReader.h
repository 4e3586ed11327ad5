#pragma once

#include "core/Provider.h"
#include "gateway/JsonFieldScanner.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace gatehouse {

// The token counts an answer reports, where its provider puts them; -1 for a count it does not give.
struct ReportedUsage {
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 totalTokens = -1;
    qint64 cachedTokens = -1;    // part of promptTokens
    qint64 reasoningTokens = -1; // part of completionTokens
    QString model;               // the model the answer names, when asked for

    bool reported() const { return promptTokens >= 0 || completionTokens >= 0 || totalTokens >= 0; }
};

// Reads an answer's usage without building a document: from a whole JSON answer, or from the last
// event of a stream that carries usage. Shared by the gateway (every call's record) and the LLMCost
// policy (the cost of an answer before it goes out).
class UsageReader {
public:
    explicit UsageReader(const Provider& provider);

    // `answer`: the whole JSON answer, or (streamed) the stream or its tail. The model is read only
    // when `readModel`.
    ReportedUsage read(const QByteArray& answer, bool streamed, bool readModel) const;

private:
    enum Field { Prompt, Completion, Total, Cached, Reasoning, Model, FieldCount };
    std::vector<JsonFieldScanner::Path> m_paths;
};

} // namespace gatehouse
