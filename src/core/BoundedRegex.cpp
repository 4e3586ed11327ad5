#include "core/BoundedRegex.h"

namespace gatehouse {

Result<QRegularExpression> BoundedRegex::compile(const QString& pattern) {
    // A pattern's own (*LIMIT_MATCH=n) can only lower this limit, never raise it.
    const QString prefix = QStringLiteral("(*LIMIT_MATCH=%1)").arg(matchLimit);
    QRegularExpression expression(prefix + pattern);
    if (!expression.isValid()) {
        const qsizetype offset = qMax<qsizetype>(expression.patternErrorOffset() - prefix.size(), 0);
        return Result<QRegularExpression>::failure(QStringLiteral("does not compile at character %1: %2")
                                                       .arg(offset + 1)
                                                       .arg(expression.errorString()));
    }
    expression.optimize();
    return Result<QRegularExpression>::success(std::move(expression));
}

} // namespace gatehouse
