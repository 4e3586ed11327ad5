#pragma once

#include "core/JsonSchemaValidator.h"
#include "guardrails/Guardrail.h"

namespace gatehouse {

// WSO2's JSONSchemaGuardrail: passes when some JSON object in the text validates against the schema;
// no object at all intervenes. WSO2 pulls candidates with the lazy regex \{.*?\}, which cuts nested
// objects short; Gatehouse takes each balanced {...} that parses as JSON instead (the README says so).
class JsonSchemaGuardrail final : public Guardrail {
public:
    static Result<std::shared_ptr<const Guardrail>> build(const Json& parameters);
    // The schema text of a `schema` parameter as a compiled validator, or why it is not one.
    static Result<JsonSchemaValidator> compileSchema(const QString& schemaText);

    JsonSchemaGuardrail(GuardrailSettings settings, JsonSchemaValidator validator);

    QString kind() const override { return QStringLiteral("JSONSchemaGuardrail"); }
    QString type() const override { return QStringLiteral("JSON_SCHEMA_GUARDRAIL"); }
    QString actionReason() const override;
    Judgement judge(const QString& text) const override;

    // At most this many '{' are tried as the start of an object per text.
    static constexpr int candidateLimit = 256;

private:
    JsonSchemaValidator m_validator;
};

} // namespace gatehouse
