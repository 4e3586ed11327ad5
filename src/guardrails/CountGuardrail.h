#pragma once

#include "guardrails/Guardrail.h"

namespace gatehouse {

// WSO2's WordCountGuardrail, SentenceCountGuardrail and ContentLengthGuardrail: one rule, "the text's
// size is within [min, max]", counted three ways. Words are split on \s+ (Java's ASCII whitespace),
// sentences on [.!?] with blank parts dropped, length in UTF-8 bytes.
class CountGuardrail final : public Guardrail {
public:
    enum class Unit { Words, Sentences, Bytes };

    static Result<std::shared_ptr<const Guardrail>> build(Unit unit, const Json& parameters);
    static qint64 count(Unit unit, const QString& text);

    CountGuardrail(GuardrailSettings settings, Unit unit, qint64 minimum, qint64 maximum);

    QString kind() const override;
    QString type() const override;
    QString actionReason() const override;
    Judgement judge(const QString& text) const override;
    bool intervenesOnPrefix(const QString& prefix) const override;

private:
    Unit m_unit;
    qint64 m_minimum;
    qint64 m_maximum;
};

} // namespace gatehouse
