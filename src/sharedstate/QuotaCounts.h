#pragma once

#include <QtGlobal>

namespace gatehouse {

// What one subscription or application used (or is charged) in a quota window: requests, tokens and
// US dollars, the metrics of business plans and budgets.
struct QuotaCounts {
    qint64 requests = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    double usd = 0;

    bool isZero() const {
        return requests == 0 && promptTokens == 0 && completionTokens == 0 && totalTokens == 0 && usd == 0;
    }
};

} // namespace gatehouse
