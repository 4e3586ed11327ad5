#pragma once

#include "core/Json.h"

#include <QString>

namespace gatehouse {

// Which way the inspected message travels: WSO2 writes it as "REQUEST" or "RESPONSE".
enum class GuardrailDirection { Request, Response };

inline QString directionName(GuardrailDirection direction) {
    return direction == GuardrailDirection::Request ? QStringLiteral("REQUEST") : QStringLiteral("RESPONSE");
}

// What one guardrail decided about one message.
struct GuardrailVerdict {
    enum class Outcome { Pass, Intervene, Error };

    Outcome outcome = Outcome::Pass;
    QString guardrailName;  // the attachment's `name`, WSO2's interveningGuardrail
    QString kind;           // the catalogue name, "RegexGuardrail"
    QString type;           // WSO2's type string, "REGEX_GUARDRAIL"
    QString actionReason;   // for Intervene
    QString assessment;     // what the guardrail found, whether or not showAssessment sends it
    Json assessmentDetails; // sent instead of `assessment` when it is an object (as WSO2 sends some)
    bool showAssessment = false;
    QString error; // for Error: what went wrong, for the description, the log and the test bench

    bool intervened() const { return outcome == Outcome::Intervene; }
    bool failed() const { return outcome == Outcome::Error; }
};

} // namespace gatehouse
