#pragma once

#include "guardrails/Guardrail.h"

#include <QRegularExpression>

namespace gatehouse {

// WSO2's RegexGuardrail: passes when the pattern is found in the text (a search, not a full match).
// The pattern is a BoundedRegex, compiled once per revision: a match that gives up counts as the
// guardrail's internal error (900967) instead of stalling a worker.
class RegexGuardrail final : public Guardrail {
public:
    static Result<std::shared_ptr<const Guardrail>> build(const Json& parameters);

    RegexGuardrail(GuardrailSettings settings, QString pattern, QRegularExpression expression);

    QString kind() const override { return QStringLiteral("RegexGuardrail"); }
    QString type() const override { return QStringLiteral("REGEX_GUARDRAIL"); }
    QString actionReason() const override;
    Judgement judge(const QString& text) const override;
    bool intervenesOnPrefix(const QString& prefix) const override;

private:
    QString m_pattern;
    QRegularExpression m_expression;
};

} // namespace gatehouse
