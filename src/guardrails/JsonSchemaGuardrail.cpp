#include "guardrails/JsonSchemaGuardrail.h"

namespace gatehouse {

namespace {

// The end (one past the closing brace) of the balanced object starting at `begin`, honouring strings
// and escapes; npos when the braces never balance.
std::size_t balancedObjectEnd(const std::string& text, std::size_t begin) {
    int depth = 0;
    bool inString = false;
    for (std::size_t at = begin; at < text.size(); ++at) {
        const char c = text[at];
        if (inString) {
            if (c == '\\')
                ++at;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return at + 1;
        }
    }
    return std::string::npos;
}

} // namespace

Result<JsonSchemaValidator> JsonSchemaGuardrail::compileSchema(const QString& schemaText) {
    const std::string utf8 = schemaText.toStdString();
    const Json schema = Json::parse(utf8, nullptr, false);
    if (schema.is_discarded())
        return Result<JsonSchemaValidator>::failure(
            QStringLiteral("the schema is not JSON (from byte %1)")
                .arg(jsonErrorByte(utf8.data(), utf8.data() + utf8.size())));
    return JsonSchemaValidator::compile(schema);
}

Result<std::shared_ptr<const Guardrail>> JsonSchemaGuardrail::build(const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const Guardrail>>;
    Result<GuardrailSettings> settings = GuardrailSettings::fromParameters(parameters);
    if (!settings)
        return BuildResult::failureOf(settings);
    const auto schema = parameters.find("schema");
    if (schema == parameters.end())
        return BuildResult::failure(QStringLiteral("schema: a JSON Schema is required"));
    // WSO2 stores the schema as a string of JSON; a workspace written by hand may hold the object.
    Result<JsonSchemaValidator> validator = schema->is_string()
                                                ? compileSchema(toQString(schema->get<std::string>()))
                                                : JsonSchemaValidator::compile(*schema);
    if (!validator)
        return BuildResult::failure(QStringLiteral("schema: %1").arg(validator.error()));
    return BuildResult::success(
        std::make_shared<JsonSchemaGuardrail>(std::move(settings.value()), std::move(validator.value())));
}

JsonSchemaGuardrail::JsonSchemaGuardrail(GuardrailSettings settings, JsonSchemaValidator validator)
    : Guardrail(std::move(settings)), m_validator(std::move(validator)) {
}

QString JsonSchemaGuardrail::actionReason() const {
    return QStringLiteral("Violation of enforced JSON schema detected.");
}

Guardrail::Judgement JsonSchemaGuardrail::judge(const QString& text) const {
    Judgement judgement;
    judgement.passes = false;
    const std::string utf8 = text.toStdString();
    int tried = 0;
    int validated = 0;
    QString firstProblem;
    for (std::size_t at = utf8.find('{'); at != std::string::npos && tried < candidateLimit;
         at = utf8.find('{', at + 1)) {
        // Every '{' counts against the limit, so a text of braces costs a bounded amount of work.
        ++tried;
        const std::size_t end = balancedObjectEnd(utf8, at);
        if (end == std::string::npos)
            continue;
        const Json candidate = Json::parse(utf8.begin() + std::ptrdiff_t(at),
                                           utf8.begin() + std::ptrdiff_t(end), nullptr, false);
        if (candidate.is_discarded() || !candidate.is_object())
            continue;
        ++validated;
        QString why;
        const JsonSchemaValidator::Verdict verdict = m_validator.check(candidate, &why);
        if (verdict == JsonSchemaValidator::Verdict::Valid) {
            judgement.passes = true;
            judgement.assessment = QStringLiteral("A JSON object in the content matches the schema.");
            return judgement;
        }
        if (verdict == JsonSchemaValidator::Verdict::GaveUp) {
            // No verdict: the guardrail could not judge (900967), it did not find a violation.
            judgement.error = QStringLiteral("the JSON schema could not be checked: %1").arg(why);
            return judgement;
        }
        if (firstProblem.isEmpty())
            firstProblem = why;
    }
    judgement.assessment = validated == 0
                               ? QStringLiteral("No JSON object found in the content.")
                               : QStringLiteral("JSON schema validation failed: %1").arg(firstProblem);
    return judgement;
}

} // namespace gatehouse
