#pragma once

#include "core/Result.h"

#include <QRegularExpression>
#include <QString>

namespace gatehouse {

// A user-supplied regular expression (a guardrail's pattern, a PII entity's) compiled once with
// PCRE2's JIT and bounded: each match may take at most `matchLimit` backtracking steps, so that a
// catastrophic pattern like (a+)+$ on 100 KB costs milliseconds and then reports failure (Qt: an
// invalid QRegularExpressionMatch) instead of stalling a gateway worker.
class BoundedRegex {
public:
    // About 15 ms for (a+)+$ on 100 KB of 'a' on the reference machine.
    static constexpr int matchLimit = 5'000'000;

    // The compiled pattern, or why it does not compile, with the character where it stops.
    static Result<QRegularExpression> compile(const QString& pattern);
};

} // namespace gatehouse
