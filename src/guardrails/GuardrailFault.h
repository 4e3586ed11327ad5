#pragma once

#include "guardrails/GuardrailVerdict.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

// The answers of WSO2's guardrail_fault sequence, byte for byte what WSO2 clients parse.
struct GuardrailFault {
    static constexpr int interventionStatus = 446;
    static constexpr int internalErrorStatus = 500;
    static inline const QString interventionCode = QStringLiteral("900514");
    static inline const QString internalErrorCode = QStringLiteral("900967");

    // {"code":"900514","type":"REGEX_GUARDRAIL","message":{"interveningGuardrail":...,"action":
    // "GUARDRAIL_INTERVENED","actionReason":...,"direction":"REQUEST","assessments"?:...}}
    static QByteArray interventionBody(const GuardrailVerdict& verdict, GuardrailDirection direction);
    // WSO2's message for a guardrail that failed: "Error occurred during RegexGuardrail mediation".
    static QString internalErrorMessage(const QString& kind);
};

} // namespace gatehouse
