#include "guardrails/Guardrail.h"

namespace gatehouse {

namespace {

bool booleanParameter(const Json& parameters, const char* name) {
    const auto it = parameters.find(name);
    if (it == parameters.end())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    // WSO2's UI stores booleans as strings; an imported project may still hold one.
    return it->is_string() && it->get<std::string>() == "true";
}

QString stringParameter(const Json& parameters, const char* name) {
    const auto it = parameters.find(name);
    return it != parameters.end() && it->is_string() ? toQString(it->get<std::string>()) : QString();
}

// WSO2 strips one pair of surrounding quotes from the selected text, then trims it.
QString cleaned(QString text) {
    if (text.startsWith(u'"'))
        text.remove(0, 1);
    if (text.endsWith(u'"'))
        text.chop(1);
    return text.trimmed();
}

QString messageName(GuardrailDirection direction) {
    return direction == GuardrailDirection::Request ? QStringLiteral("request") : QStringLiteral("response");
}

} // namespace

Result<GuardrailSettings> GuardrailSettings::fromParameters(const Json& parameters) {
    GuardrailSettings settings;
    if (!parameters.is_object())
        return Result<GuardrailSettings>::failure(QStringLiteral("the parameters are not an object"));
    settings.name = stringParameter(parameters, "name");
    settings.invert = booleanParameter(parameters, "invert");
    settings.showAssessment = booleanParameter(parameters, "showAssessment");
    const QString path = stringParameter(parameters, "jsonPath").trimmed();
    if (!path.isEmpty()) {
        Result<JsonPath> compiled = JsonPath::compile(path);
        if (!compiled)
            return Result<GuardrailSettings>::failure(QStringLiteral("jsonPath: %1").arg(compiled.error()));
        settings.jsonPath = std::move(compiled.value());
    }
    return Result<GuardrailSettings>::success(std::move(settings));
}

Guardrail::Guardrail(GuardrailSettings settings) : m_settings(std::move(settings)) {
}

bool Guardrail::intervenesOnPrefix(const QString&) const {
    return false;
}

Result<QString> Guardrail::inspectedText(const GuardrailPayload& payload,
                                         GuardrailDirection direction) const {
    if (!m_settings.jsonPath)
        return Result<QString>::success(QString::fromUtf8(payload.bytes()));
    // The fast way for a definite path; the document only for wildcards and very deep nesting.
    const JsonTextSelector::Selection& selection = payload.select(*m_settings.jsonPath);
    switch (selection.outcome) {
    case JsonTextSelector::Outcome::Found: {
        if (selection.isString)
            return Result<QString>::success(cleaned(selection.text));
        // A number, object or array: as nlohmann writes it (compact, numbers normalised).
        const Json value = Json::parse(selection.begin, selection.end, nullptr, false);
        return Result<QString>::success(cleaned(toQString(dumpCompact(value))));
    }
    case JsonTextSelector::Outcome::NotFound:
        // Jayway JsonPath, WSO2's library, throws PathNotFoundException here: WSO2 answers 900967.
        return Result<QString>::failure(QStringLiteral("jsonPath %1 selects nothing in the %2")
                                            .arg(m_settings.jsonPath->expression(), messageName(direction)));
    case JsonTextSelector::Outcome::NotJson:
        return Result<QString>::failure(QStringLiteral("the %1 is not JSON, so jsonPath %2 selects nothing")
                                            .arg(messageName(direction), m_settings.jsonPath->expression()));
    case JsonTextSelector::Outcome::Unsupported:
        break;
    }
    const Json* document = payload.document();
    if (!document)
        return Result<QString>::failure(QStringLiteral("the %1 is not JSON, so jsonPath %2 selects nothing")
                                            .arg(messageName(direction), m_settings.jsonPath->expression()));
    const std::vector<const Json*> selected = m_settings.jsonPath->select(*document);
    if (m_settings.jsonPath->isDefinite()) {
        // Jayway JsonPath, WSO2's library, throws PathNotFoundException here: WSO2 answers 900967.
        if (selected.empty())
            return Result<QString>::failure(
                QStringLiteral("jsonPath %1 selects nothing in the %2")
                    .arg(m_settings.jsonPath->expression(), messageName(direction)));
        const Json& value = *selected.front();
        return Result<QString>::success(
            cleaned(value.is_string() ? toQString(value.get<std::string>()) : toQString(dumpCompact(value))));
    }
    // A wildcard path selects a list, inspected as its JSON text (empty: "[]").
    Json list = Json::array();
    for (const Json* value : selected)
        list.push_back(*value);
    return Result<QString>::success(cleaned(toQString(dumpCompact(list))));
}

GuardrailVerdict Guardrail::verdictFor(GuardrailDirection) const {
    GuardrailVerdict verdict;
    verdict.guardrailName = m_settings.name;
    verdict.kind = kind();
    verdict.type = type();
    verdict.showAssessment = m_settings.showAssessment;
    return verdict;
}

GuardrailVerdict Guardrail::evaluate(const GuardrailPayload& payload, GuardrailDirection direction) const {
    Result<QString> text = inspectedText(payload, direction);
    if (!text) {
        GuardrailVerdict verdict = verdictFor(direction);
        verdict.outcome = GuardrailVerdict::Outcome::Error;
        verdict.error = text.error();
        return verdict;
    }
    return evaluateText(text.value(), direction);
}

GuardrailVerdict Guardrail::evaluateText(const QString& text, GuardrailDirection direction) const {
    return verdictOf(judge(text), direction);
}

GuardrailVerdict Guardrail::verdictOf(const Judgement& judgement, GuardrailDirection direction) const {
    GuardrailVerdict verdict = verdictFor(direction);
    verdict.assessment = judgement.assessment;
    verdict.assessmentDetails = judgement.details;
    if (!judgement.error.isEmpty()) {
        verdict.outcome = GuardrailVerdict::Outcome::Error;
        verdict.error = judgement.error;
        return verdict;
    }
    // WSO2: intervene = (invert == passes).
    if (m_settings.invert == judgement.passes) {
        verdict.outcome = GuardrailVerdict::Outcome::Intervene;
        verdict.actionReason = actionReason();
    }
    return verdict;
}

} // namespace gatehouse
