#include "console/GuardrailNotice.h"

#include "core/Json.h"

namespace gatehouse {

namespace {

std::optional<QString> fromViolation(const Json& body) {
    if (!body.is_object() || body.value("code", Json()) != Json("900514"))
        return std::nullopt;
    const Json message = body.value("message", Json::object());
    if (!message.is_object())
        return std::nullopt;
    const QString guardrail = toQString(message.value("interveningGuardrail", std::string()));
    const QString reason = toQString(message.value("actionReason", std::string()));
    const QString direction = toQString(message.value("direction", std::string()));
    QString text = direction == QLatin1String("RESPONSE")
                       ? GuardrailNotice::tr("Answer blocked by %1: %2").arg(guardrail, reason)
                       : GuardrailNotice::tr("Blocked by %1: %2").arg(guardrail, reason);
    const auto assessments = message.find("assessments");
    if (assessments != message.end())
        text += QLatin1Char(' ') + (assessments->is_string() ? toQString(assessments->get<std::string>())
                                                             : toQString(dumpCompact(*assessments)));
    return text;
}

} // namespace

std::optional<QString> GuardrailNotice::of(int status, const QByteArray& body) {
    if (status == 446)
        return fromViolation(Json::parse(body.constBegin(), body.constEnd(), nullptr, false));
    // A stream cut off by a response guardrail: its last data event before [DONE] carries the body.
    if (!body.contains("\"900514\""))
        return std::nullopt;
    for (const QByteArray& line : body.split('\n')) {
        if (line.startsWith("data: {") && line.contains("\"900514\""))
            return fromViolation(Json::parse(line.constBegin() + 6, line.constEnd(), nullptr, false));
    }
    return std::nullopt;
}

} // namespace gatehouse
