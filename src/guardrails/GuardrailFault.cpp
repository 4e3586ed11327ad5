#include "guardrails/GuardrailFault.h"

#include "core/Json.h"

namespace gatehouse {

QByteArray GuardrailFault::interventionBody(const GuardrailVerdict& verdict, GuardrailDirection direction) {
    Json message = Json::object();
    message["interveningGuardrail"] = verdict.guardrailName.toStdString();
    message["action"] = "GUARDRAIL_INTERVENED";
    message["actionReason"] = verdict.actionReason.toStdString();
    message["direction"] = directionName(direction).toStdString();
    if (verdict.showAssessment && verdict.assessmentDetails.is_object())
        message["assessments"] = verdict.assessmentDetails;
    else if (verdict.showAssessment && !verdict.assessment.isEmpty())
        message["assessments"] = verdict.assessment.toStdString();
    Json body = Json::object();
    body["code"] = interventionCode.toStdString();
    body["type"] = verdict.type.toStdString();
    body["message"] = std::move(message);
    return QByteArray::fromStdString(dumpCompact(body));
}

QString GuardrailFault::internalErrorMessage(const QString& kind) {
    return QStringLiteral("Error occurred during %1 mediation").arg(kind);
}

} // namespace gatehouse
